package org.statecraft.app;

import java.io.PrintWriter;
import org.statecraft.core.FailureKind;
import org.statecraft.core.StatecraftException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code statecraft} command; each capability is a subcommand. Exit codes come from {@link FailureKind}, the
 * mapping the web app and the Spark job share: 0 ok, 1 failure, 2 usage or input error. User errors
 * ({@link StatecraftException} and its subclasses, bad flags) print a message, never a stack trace; anything
 * else is a bug and prints one line plus the trace only with {@code STATECRAFT_DEBUG}.
 */
@Command(name = "statecraft", mixinStandardHelpOptions = true, version = "statecraft 0.1.0",
        description = "Coercive leverage, influence and bargaining analysis.",
        subcommands = {
            CommandLine.HelpCommand.class,
            AnalyzeCommand.class,
            CalibrateCommand.class,
            ForecastCommand.class,
            BacktestCommand.class,
            HindcastCommand.class,
            CasesCommand.class,
            SchemaCommand.class,
            ValidateCommand.class,
            SensitivityCommand.class,
            ReportCommand.class,
            ServeCommand.class,
            EventsCommand.class,
        })
public final class StatecraftCommand implements Runnable {
    public static final int EXIT_OK = FailureKind.EXIT_OK;
    public static final int EXIT_FAILURE = FailureKind.INTERNAL.exitCode();
    public static final int EXIT_USAGE = FailureKind.USAGE.exitCode();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configured command line: exit-code mapping and error handling shared by every subcommand. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new StatecraftCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true); // --by week, --method CUSUM: enum options in any case
        cl.setExecutionExceptionHandler(StatecraftCommand::handle);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("statecraft: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return EXIT_USAGE;
        });
        return cl;
    }

    private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        FailureKind kind = FailureKind.of(ex);
        String message = FailureKind.message(ex);
        // an input error speaks for itself (a data-format one starts with the file:line:column editors link to)
        err.println(kind == FailureKind.INPUT ? message : "statecraft: " + message);
        if (kind.isBug()) {
            if (System.getenv("STATECRAFT_DEBUG") != null) {
                ex.printStackTrace(err);
            } else {
                err.println("(set STATECRAFT_DEBUG=1 for the stack trace, and please report it)");
            }
        }
        return kind.exitCode();
    }
}
