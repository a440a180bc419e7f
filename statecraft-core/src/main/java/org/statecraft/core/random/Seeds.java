package org.statecraft.core.random;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Per-run random streams derived from one master seed, so that a Monte Carlo result does not depend on
 * how runs are spread over threads: run {@code i}'s stream {@code s} is a pure function of
 * (master, i, s), and every stream is numbered once, in {@link SeedStream}. Mixing uses the SplitMix64 finaliser (Steele, Lea &amp; Flood 2014).
 */
public final class Seeds {
    /** {@link SeedStream#PARAMETERS}'s number. */
    public static final int PARAMETERS = 0;
    /** {@link SeedStream#DYNAMICS}'s number. */
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

    /** The seed of {@code stream} at {@code index} under {@code master}. */
    public static long seed(long master, long index, SeedStream stream) {
        return seed(master, index, stream.number());
    }

    public static RandomGenerator generator(long master, long index, SeedStream stream) {
        return generator(master, index, stream.number());
    }
}
