package org.statecraft.core.montecarlo;

import org.statecraft.core.SeededEngineContractTest;

/** Monte Carlo over the leverage engine, on {@link MonteCarloTest#uncertain()} (300 runs, three policies). */
class MonteCarloSeedContractTest extends SeededEngineContractTest<Analysis> {
    @Override
    protected Analysis run(long seed, int threads) {
        return MonteCarlo.run(MonteCarloTest.uncertain(), new MonteCarloOptions(300, seed, threads), null);
    }

    @Override
    protected Object fingerprint(Analysis result) {
        return MonteCarloTest.fingerprint(result);
    }

    @Override
    protected boolean recordsSeed(Analysis result, long seed) {
        return result.seed() == seed;
    }
}
