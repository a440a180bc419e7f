package org.statecraft.app;

import org.statecraft.core.UsageException;
import org.statecraft.core.montecarlo.MonteCarloOptions;
import picocli.CommandLine.Option;

/** Options shared by every command that runs seeded work on several threads. */
public final class ParallelOptions {
    @Option(names = "--seed", paramLabel = "SEED", description = "Master random seed (default: ${DEFAULT-VALUE}).",
            defaultValue = "" + MonteCarloOptions.DEFAULT_SEED)
    long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    int threads() {
        return threads(threads);
    }

    /** The one default of every {@code --threads} option: all cores; a value below 1 is a usage error. */
    static int threads(Integer requested) {
        int t = requested == null ? Runtime.getRuntime().availableProcessors() : requested;
        if (t < 1) {
            throw new UsageException("--threads must be >= 1, was " + t);
        }
        return t;
    }
}
