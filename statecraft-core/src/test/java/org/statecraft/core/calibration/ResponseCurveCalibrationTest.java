package org.statecraft.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.statecraft.core.random.Seeds;

class ResponseCurveCalibrationTest {

    /** Cases simulated from a known lognormal resolve: the fit must recover μ, σ and the institution shift. */
    @Test
    void recoversTheResolveDistributionThatGeneratedTheOutcomes() {
        double mu = Math.log(0.1);
        double sigma = 1.5;
        double shift = -0.7;
        TargetCostPressure pressure = TargetCostPressure.DEFAULT;
        RandomGenerator rng = Seeds.generator(5, 0, 0);
        List<SanctionEpisode> cases = new ArrayList<>();
        for (int i = 0; i < 30000; i++) {
            int cat = 1 + rng.nextInt(3);
            int inst = rng.nextInt(2);
            double lnK = mu + shift * inst + sigma * rng.nextGaussian();
            boolean acq = Math.log(pressure.of(cat)) >= lnK;
            cases.add(new SanctionEpisode(1_000_000L + i, 1950 + i % 50, true, acq ? 7 : 9, cat, 1, inst));
        }
        cases.add(new SanctionEpisode(1, 1990, false, 2, 1, 1, 0));      // threat only
        cases.add(new SanctionEpisode(2, 1990, true, SanctionEpisode.MISSING, 2, 1, 0)); // unresolved
        cases.add(new SanctionEpisode(3, 1990, true, 7, SanctionEpisode.MISSING, 1, 0)); // no target costs
        cases.add(new SanctionEpisode(4, 1990, true, 7, 1, 1, SanctionEpisode.MISSING)); // no institution code

        CalibrationReport r = ResponseCurveCalibration.calibrate(cases, pressure, List.of(Covariate.INSTITUTION),
                new CalibrationSplit.Random(3, 0.7), "simulated");
        ResponseCurveFit fit = r.fit();
        assertThat(fit.mu()).isCloseTo(mu, within(4 * fit.muStandardError()));
        assertThat(fit.sigma()).isCloseTo(sigma, within(4 * fit.sigmaStandardError()));
        assertThat(fit.logResolveShifts().get("institution")).isCloseTo(shift, within(0.1));
        assertThat(r.cases().notImposed()).isEqualTo(1);
        assertThat(r.cases().unresolved()).isEqualTo(1);
        assertThat(r.cases().noTargetCosts()).isEqualTo(1);
        assertThat(r.cases().missingCovariate()).isEqualTo(1);
        assertThat(r.cases().training() + r.cases().heldOut()).isEqualTo(30000);
        assertThat((double) r.cases().training() / 30000).isCloseTo(0.7, within(0.02));
        assertThat(r.heldOutModel().logLoss()).isLessThan(r.heldOutBaseline().logLoss());
        assertThat(r.heldOutModel().brier()).isLessThan(r.heldOutBaseline().brier());
        assertThat(r.heldOutModel().auc()).isGreaterThan(0.6);
        assertThat(r.heldOutBaseline().auc()).isEqualTo(0.5);
        // the fitted curve is the lognormal resolve's CDF at Π: close to the curve that generated the cases, and the
        // fitted resolve (median e^{μ+shift}, σ) has its p-quantile at Π exactly
        double p = fit.probability(0.08, Map.of("institution", 1));
        double truth = org.statecraft.core.numerics.SpecialFunctions.normalCdfPrecise(
                (Math.log(0.08) - mu - shift) / sigma);
        assertThat(p).isCloseTo(truth, within(0.03));
        double fittedShift = fit.logResolveShifts().get("institution");
        assertThat(new org.statecraft.core.scenario.Quantity.LogNormal(Math.exp(fit.mu() + fittedShift),
                Math.exp(fit.sigma()), org.statecraft.core.scenario.Provenance.NONE).quantile(p))
                .isCloseTo(0.08, within(1e-9));
    }

    @Test
    void theSplitByYearAndTheRandomSplitAreFunctionsOfTheCaseAlone() {
        SanctionEpisode early = new SanctionEpisode(1960010101L, 1960, true, 7, 1, 1, 0);
        SanctionEpisode late = new SanctionEpisode(1999010101L, 1999, true, 7, 1, 1, 0);
        CalibrationSplit byYear = new CalibrationSplit.ByYear(1990);
        assertThat(byYear.inTraining(early)).isTrue();
        assertThat(byYear.inTraining(late)).isFalse();
        CalibrationSplit random = new CalibrationSplit.Random(42, 0.5);
        assertThat(random.inTraining(late)).isEqualTo(new CalibrationSplit.Random(42, 0.5).inTraining(late));
    }
}
