package org.statecraft.app;

import picocli.CommandLine;

/** Entry point: {@code main} only runs the command line and exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(StatecraftCommand.commandLine().execute(args));
    }
}
