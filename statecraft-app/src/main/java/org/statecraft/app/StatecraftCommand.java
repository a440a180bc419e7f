package org.statecraft.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code statecraft} command; each capability is a subcommand. */
@Command(name = "statecraft", mixinStandardHelpOptions = true, version = "statecraft 0.1.0",
        description = "Coercive leverage, influence and bargaining analysis.",
        subcommands = {CommandLine.HelpCommand.class})
public final class StatecraftCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configured command line: exit-code mapping and error handling shared by every subcommand. */
    public static CommandLine commandLine() {
        return new CommandLine(new StatecraftCommand());
    }
}
