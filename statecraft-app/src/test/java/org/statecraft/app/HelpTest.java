package org.statecraft.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help renders cleanly (picocli warns about unescaped '%' in descriptions). */
class HelpTest {
    @Test
    void everyCommandPrintsItsHelpWithoutWarnings() {
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
