package org.statecraft.app;

import org.statecraft.core.UsageException;
import org.statecraft.core.leverage.CredibilityRule;
import org.statecraft.core.montecarlo.MonteCarloOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by every command that runs Monte Carlo: the run count, plus seed, threads and quiet. */
public final class RunOptions {
    @Option(names = "--runs", paramLabel = "N", description = "Monte Carlo runs per policy (default: ${DEFAULT-VALUE}).",
            defaultValue = "2000")
    int runs;

    @Mixin
    ParallelOptions parallel;

    boolean quiet() {
        return parallel.quiet;
    }

    MonteCarloOptions monteCarlo(CredibilityRule rule) {
        if (runs < 1) {
            throw new UsageException("--runs must be >= 1, was " + runs);
        }
        return new MonteCarloOptions(runs, parallel.seed, parallel.threads(), rule);
    }
}
