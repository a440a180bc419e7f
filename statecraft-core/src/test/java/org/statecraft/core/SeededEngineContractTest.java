package org.statecraft.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The contract every engine that takes a seed keeps (STYLE.md, habit 2 and 6), written once and run for each
 * engine by a small subclass, in the manner of Hipparchus' {@code RealDistributionAbstractTest}: the same seed
 * gives an identical result, another seed draws other numbers, the thread count changes nothing, and the result
 * records the seed that produced it.
 *
 * @param <R> the engine's result
 */
public abstract class SeededEngineContractTest<R> {
    /** The seed the tests start from; {@code SEED + 1} is the other seed. */
    protected static final long SEED = 20_231_001L;

    /** One run of the engine, on a small fixed input, with master seed {@code seed} on {@code threads} threads. */
    protected abstract R run(long seed, int threads);

    /**
     * What "identical" means for the result: a value with a value-based {@code equals} that holds every drawn
     * number the result reports (the result itself when it is a record of values).
     */
    protected abstract Object fingerprint(R result);

    /** Whether the result records {@code seed} as the seed that produced it. */
    protected abstract boolean recordsSeed(R result, long seed);

    /** Whether the engine has a thread count (otherwise the thread test is vacuous and skipped). */
    protected boolean threaded() {
        return true;
    }

    @Test
    void theSameSeedGivesAnIdenticalResult() {
        assertThat(fingerprint(run(SEED, 1))).isEqualTo(fingerprint(run(SEED, 1)));
    }

    @Test
    void anotherSeedDrawsOtherNumbers() {
        assertThat(fingerprint(run(SEED + 1, 1))).isNotEqualTo(fingerprint(run(SEED, 1)));
    }

    @Test
    void theThreadCountDoesNotChangeTheResult() {
        assumeTrue(threaded(), "the engine has no thread count");
        Object one = fingerprint(run(SEED, 1));
        assertThat(fingerprint(run(SEED, 2))).isEqualTo(one);
        assertThat(fingerprint(run(SEED, 3))).isEqualTo(one);
    }

    @Test
    void theResultRecordsItsSeed() {
        assertThat(recordsSeed(run(SEED, 2), SEED)).isTrue();
        assertThat(recordsSeed(run(SEED + 1, 1), SEED)).isFalse();
    }
}
