package org.statecraft.core.sensitivity;

import java.util.List;
import org.statecraft.core.SeededEngineContractTest;

/**
 * Sobol' sensitivity of a scenario, on {@link LeverageSensitivityModelTest#oneInputMatters()} (64 base samples, two
 * replicates, 50 bootstrap resamples): the seed sets the design's shift, the replicates' streams and the bootstrap.
 */
class ScenarioSensitivitySeedContractTest extends SeededEngineContractTest<ScenarioSensitivity.Result> {
    @Override
    protected ScenarioSensitivity.Result run(long seed, int threads) {
        return ScenarioSensitivity.run(LeverageSensitivityModelTest.oneInputMatters(),
                new ScenarioSensitivity.Options(64, 2, LeverageSensitivityModel.Grouping.NONE, seed, List.of(), 50),
                threads);
    }

    @Override
    protected Object fingerprint(ScenarioSensitivity.Result result) {
        return result.sobol().outputs();
    }

    @Override
    protected boolean recordsSeed(ScenarioSensitivity.Result result, long seed) {
        return result.options().seed() == seed && result.sobol().design().seed() == seed;
    }
}
