package org.statecraft.core.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.statecraft.core.SeededEngineContractTest;
import org.statecraft.core.random.Seeds;

/**
 * The response-curve calibration, whose seed is its random held-out split, on 2,000 cases simulated from a known
 * lognormal resolve (as in {@link ResponseCurveCalibrationTest}). It has no thread count.
 */
class ResponseCurveCalibrationSeedContractTest extends SeededEngineContractTest<CalibrationReport> {
    private static final List<SanctionEpisode> CASES = simulatedCases();

    private static List<SanctionEpisode> simulatedCases() {
        RandomGenerator rng = Seeds.generator(5, 0, 0);
        List<SanctionEpisode> cases = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            int cat = 1 + rng.nextInt(3);
            int inst = rng.nextInt(2);
            double lnK = -1.5 - 0.7 * inst + 2.0 * rng.nextGaussian();
            boolean acq = Math.log(TargetCostPressure.DEFAULT.of(cat)) >= lnK;
            cases.add(new SanctionEpisode(1_000_000L + i, 1950 + i % 50, true, acq ? 7 : 9, cat, 1, inst));
        }
        return cases;
    }

    @Override
    protected CalibrationReport run(long seed, int threads) {
        return ResponseCurveCalibration.calibrate(CASES, TargetCostPressure.DEFAULT, List.of(Covariate.INSTITUTION),
                new CalibrationSplit.Random(seed, 0.7), "simulated");
    }

    @Override
    protected Object fingerprint(CalibrationReport result) {
        // the numbers the split drew, not the report as a whole: its split names the seed, so two seeds would
        // always differ there even if the split ignored its seed
        ResponseCurveFit fit = result.fit();
        return List.of(fit.mu(), fit.sigma(), fit.logResolveShifts(), fit.trainingCases(), result.heldOutModel(),
                result.heldOutBaseline(), result.coefficients(), result.cases());
    }

    @Override
    protected boolean recordsSeed(CalibrationReport result, long seed) {
        return result.fit().split().equals(new CalibrationSplit.Random(seed, 0.7).describe());
    }

    @Override
    protected boolean threaded() {
        return false;
    }
}
