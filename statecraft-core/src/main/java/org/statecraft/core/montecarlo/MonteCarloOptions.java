package org.statecraft.core.montecarlo;

import org.statecraft.core.leverage.CredibilityRule;

/**
 * How to run a Monte Carlo analysis. Run {@code i} of every policy uses the same parameter draw (common
 * random numbers), derived from {@code seed} and {@code i} alone, so results do not depend on
 * {@code threads}.
 */
public record MonteCarloOptions(int runs, long seed, int threads, CredibilityRule credibility) {
    public static final int DEFAULT_RUNS = 2000;
    public static final long DEFAULT_SEED = 20230906L;

    public MonteCarloOptions {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1, was " + runs);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        credibility = credibility == null ? CredibilityRule.BELIEF : credibility;
    }

    public MonteCarloOptions(int runs, long seed, int threads) {
        this(runs, seed, threads, CredibilityRule.BELIEF);
    }
}
