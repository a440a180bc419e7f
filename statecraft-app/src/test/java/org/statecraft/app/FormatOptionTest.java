package org.statecraft.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Every command's output {@code --format} is the one {@link FormatOption} mixin, and it behaves the same everywhere. */
class FormatOptionTest {
    /** {@code events ingest --format} names the layout of the files read, not an output form. */
    static final String INPUT_FORMAT = "statecraft events ingest";

    private static void collect(CommandLine cl, List<CommandLine> out) {
        out.add(cl);
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            collect(e.getValue(), out);
        }
    }

    @Test
    void everyOutputFormatOptionIsTheSharedMixinWithItsEnum() {
        List<CommandLine> all = new ArrayList<>();
        collect(StatecraftCommand.commandLine(), all);
        List<String> withFormat = new ArrayList<>();
        for (CommandLine cl : all) {
            OptionSpec o = cl.getCommandSpec().findOption("--format");
            String name = cl.getCommandSpec().qualifiedName();
            if (o == null || name.equals(INPUT_FORMAT)) {
                continue;
            }
            withFormat.add(name);
            assertThat(o.type()).as(name).isEqualTo(FormatOption.Format.class);
            assertThat(cl.getCommandSpec().mixins()).as(name).containsKey("format");
            assertThat(cl.getCommandSpec().mixins().get("format").userObject()).as(name).isInstanceOf(FormatOption.class);
        }
        assertThat(withFormat).contains("statecraft analyze", "statecraft sensitivity", "statecraft hindcast",
                "statecraft calibrate", "statecraft forecast", "statecraft backtest", "statecraft cases score",
                "statecraft events tension", "statecraft events changes");
    }

    @Test
    void aFormatACommandLacksIsAUsageErrorNamingTheOnesItHas() {
        Cli r = Cli.run("hindcast", DefaultScenarioTest.FILE.toString(), "--format", "csv", "--runs", "5", "-q");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("hindcast has no csv output", "table or json").doesNotContain("\tat ");
        Cli bad = Cli.run("analyze", DefaultScenarioTest.FILE.toString(), "--format", "xml");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--format", "'xml' is not table, json or csv").doesNotContain("Exception");
    }

    @Test
    void theFormatIsReadWithoutRegardToCase() {
        Cli r = Cli.run("forecast", DefaultScenarioTest.FILE.toString(), "--format", "JSON");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().strip()).startsWith("{");
    }
}
