package org.statecraft.core.random;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Per-run random streams derived from one master seed, so that a Monte Carlo result does not depend on
 * how runs are spread over threads: run {@code i}'s stream {@code s} is a pure function of
 * (master, i, s). Mixing uses the SplitMix64 finaliser (Steele, Lea &amp; Flood 2014).
 */
public final class Seeds {
    /** Stream used to draw a run's uncertain parameters (shared by all policies: common random numbers). */
    public static final int PARAMETERS = 0;
    /** Stream used for the run's day-to-day dynamics (attacks, clashes, backsliding). */
    public static final int DYNAMICS = 1;

    private Seeds() {
    }

    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The seed of stream {@code stream} of run {@code run} under {@code master}. */
    public static long seed(long master, long run, int stream) {
        return mix(mix(mix(master) + 0x9e3779b97f4a7c15L * (run + 1)) + 0x632be59bd9b4e019L * (stream + 1));
    }

    public static RandomGenerator generator(long master, long run, int stream) {
        return new SplittableRandom(seed(master, run, stream));
    }
}
