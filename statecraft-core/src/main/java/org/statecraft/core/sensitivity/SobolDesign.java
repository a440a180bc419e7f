package org.statecraft.core.sensitivity;

/**
 * The parameters of a Saltelli design: {@code baseSamples} rows N of the A and B matrices (a power of two
 * for the Sobol' sequence's balance properties, though any N ≥ 2 is accepted), how their rows are drawn, the
 * master seed, and the bootstrap. The model is evaluated N(d + 2) times for d inputs.
 *
 * @param baseSamples         N, the rows of A and of B
 * @param sampling            the base sample: a digitally shifted Sobol' sequence or seeded pseudo-random rows
 * @param seed                master seed: the digital shift (or the rows) and the bootstrap resamples derive
 *                            from it through {@link org.statecraft.core.random.Seeds}
 * @param bootstrapResamples  B, the number of bootstrap replicates for the intervals (0 for none)
 * @param confidenceLevel     level of the percentile intervals, e.g. 0.95
 */
public record SobolDesign(int baseSamples, Sampling sampling, long seed, int bootstrapResamples,
                          double confidenceLevel) {

    /** How the N rows of [A | B] are drawn. */
    public enum Sampling {
        /** Points 0 … N−1 of the 2d-dimensional Sobol' sequence (Joe–Kuo), digitally shifted by seeded words. */
        SOBOL,
        /** Row j drawn from its own generator {@code Seeds.generator(seed, j, ROWS)}. */
        RANDOM
    }

    public SobolDesign {
        if (baseSamples < 2) {
            throw new IllegalArgumentException("baseSamples must be >= 2, was " + baseSamples);
        }
        if (sampling == null) {
            throw new IllegalArgumentException("sampling must be SOBOL or RANDOM, was null");
        }
        if (bootstrapResamples < 0) {
            throw new IllegalArgumentException("bootstrapResamples must be >= 0, was " + bootstrapResamples);
        }
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidenceLevel must be in (0, 1), was " + confidenceLevel);
        }
    }

    /** Sobol' sampling, N base samples, 1000 bootstrap replicates, 95% intervals. */
    public static SobolDesign of(int baseSamples, long seed) {
        return new SobolDesign(baseSamples, Sampling.SOBOL, seed, 1000, 0.95);
    }

    /** The number of model evaluations for {@code inputs} inputs: N(d + 2). */
    public long evaluations(int inputs) {
        return (long) baseSamples * (inputs + 2);
    }
}
