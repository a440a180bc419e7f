package org.statecraft.app;

import org.statecraft.core.montecarlo.MonteCarloOptions;
import picocli.CommandLine.Option;

/** Options shared by every command that runs Monte Carlo. */
public final class RunOptions {
    @Option(names = "--runs", paramLabel = "N", description = "Monte Carlo runs per policy (default: ${DEFAULT-VALUE}).",
            defaultValue = "2000")
    int runs;

    @Option(names = "--seed", paramLabel = "SEED", description = "Master random seed (default: ${DEFAULT-VALUE}).",
            defaultValue = "20230906")
    long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    int threads() {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, was " + t);
        }
        return t;
    }

    MonteCarloOptions monteCarlo(org.statecraft.core.leverage.CredibilityRule rule) {
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be >= 1, was " + runs);
        }
        return new MonteCarloOptions(runs, seed, threads(), rule);
    }
}
