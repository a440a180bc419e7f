package org.statecraft.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.statecraft.core.DataFormatException;
import org.statecraft.core.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line's error handling, driven by a subcommand that throws what it is told. */
class ExitCodeMappingTest {
    private record Outcome(int code, String err) {
    }

    @Command(name = "throw")
    static final class Thrower implements Callable<Integer> {
        private final RuntimeException e;

        Thrower(RuntimeException e) {
            this.e = e;
        }

        @Override
        public Integer call() {
            throw e;
        }
    }

    private static Outcome run(RuntimeException e) {
        CommandLine cl = StatecraftCommand.commandLine();
        cl.addSubcommand("throw", new Thrower(e));
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        return new Outcome(cl.execute("throw"), err.toString());
    }

    @Test
    void anEnginePreconditionIsReportedAsABugNotAsTheUsersError() {
        Outcome o = run(new IllegalArgumentException("threads must be >= 1, was 0"));
        assertThat(o.code()).isEqualTo(1);
        assertThat(o.err()).contains("statecraft: internal error", "threads must be >= 1", "STATECRAFT_DEBUG")
                .doesNotContain("\tat ");
    }

    @Test
    void userErrorsExitTwoWithTheirMessage() {
        Outcome usage = run(new UsageException("--runs must be >= 1, was 0"));
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).isEqualToIgnoringNewLines("statecraft: --runs must be >= 1, was 0");
        Outcome format = run(new DataFormatException("k.csv", 4, 2, "not a number"));
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).isEqualToIgnoringNewLines("k.csv:4:2: not a number");
    }

    @Test
    void anIoFailureExitsOneWithoutCallingItABug() {
        Outcome o = run(new UncheckedIOException(new IOException("No space left on device")));
        assertThat(o.code()).isEqualTo(1);
        assertThat(o.err()).contains("No space left on device").doesNotContain("internal error");
    }
}
