package org.statecraft.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help renders cleanly (picocli warns about unescaped '%' in descriptions). */
class HelpTest {
    @Test
    void everyCommandPrintsItsHelpWithoutWarnings() {
        // picocli's tracer writes its warnings to System.err itself, not to the command line's err writer
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream traced = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(traced, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            renderAll();
        } finally {
            System.setErr(saved);
        }
        assertThat(traced.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("WARN");
    }

    private static void renderAll() {
        Cli top = Cli.run("--help");
        assertThat(top.exit()).isZero();
        assertThat(top.out() + top.err()).doesNotContain("WARN");
        for (String name : StatecraftCommand.commandLine().getSubcommands().keySet()) {
            CommandLine sub = StatecraftCommand.commandLine().getSubcommands().get(name);
            for (String nested : sub.getSubcommands().keySet()) {
                Cli r = Cli.run(name, nested, "--help");
                assertThat(r.out() + r.err()).as(name + " " + nested).doesNotContain("WARN");
            }
            Cli r = Cli.run(name, "--help");
            assertThat(r.exit()).as(name).isZero();
            assertThat(r.out() + r.err()).as(name).doesNotContain("WARN").contains("Usage:");
        }
    }
}
