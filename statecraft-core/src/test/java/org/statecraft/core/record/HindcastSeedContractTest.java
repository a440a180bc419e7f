package org.statecraft.core.record;

import java.util.Arrays;
import java.util.List;
import org.statecraft.core.SeededEngineContractTest;

/** The hindcast of the recorded policy, on {@link HindcastTest#withRecord()} (200 runs). */
class HindcastSeedContractTest extends SeededEngineContractTest<Hindcast.Simulation> {
    @Override
    protected Hindcast.Simulation run(long seed, int threads) {
        return Hindcast.simulate(HindcastTest.withRecord(), null, 200, seed, threads);
    }

    @Override
    protected Object fingerprint(Hindcast.Simulation result) {
        HindcastSample x = result.sample();
        return List.of(Arrays.deepToString(x.values), Arrays.deepToString(x.spellDays),
                Arrays.deepToString(x.spellCensored), Arrays.deepToString(x.counts), Arrays.deepToString(x.stanceDelta),
                Arrays.toString(x.metDay), Arrays.toString(x.partialDay), Arrays.toString(x.stream));
    }

    @Override
    protected boolean recordsSeed(Hindcast.Simulation result, long seed) {
        return result.seed() == seed;
    }
}
