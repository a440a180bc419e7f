package org.statecraft.app;

import picocli.CommandLine.Option;

/** Options shared by every command that runs seeded work on several threads. */
public final class ParallelOptions {
    @Option(names = "--seed", paramLabel = "SEED", description = "Master random seed (default: ${DEFAULT-VALUE}).",
            defaultValue = "20230906")
    long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    int threads() {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, was " + t);
        }
        return t;
    }
}
