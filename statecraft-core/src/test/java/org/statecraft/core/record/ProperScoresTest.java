package org.statecraft.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.statecraft.core.numerics.SpecialFunctions;

/** The scoring rules against their closed forms and definitions. */
class ProperScoresTest {
    @Test
    void theCrpsOfAPointForecastIsItsAbsoluteError() {
        assertThat(ProperScores.crps(new double[] {7}, 3)).isEqualTo(4.0);
        assertThat(ProperScores.crps(new double[] {3}, 3)).isEqualTo(0.0);
    }

    @Test
    void theSampleCrpsMatchesTheIntegralOfTheSquaredDistributionGap() {
        double[] x = {1, 4, 4, 9, 15};
        double y = 6;
        // CRPS = ∫ (F(t) − 1{t ≥ y})² dt, F the sample's step CDF, by a fine Riemann sum
        double integral = 0;
        double dt = 1e-4;
        for (double t = -1; t < 17; t += dt) {
            double f = 0;
            for (double v : x) {
                f += v <= t ? 1.0 / x.length : 0;
            }
            double g = f - (t >= y ? 1 : 0);
            integral += g * g * dt;
        }
        assertThat(ProperScores.crps(x, y)).isCloseTo(integral, within(1e-3));
    }

    @Test
    void theCrpsOfANormalSampleApproachesTheGaussianClosedForm() {
        int n = 20_000;
        double mu = 2;
        double sigma = 3;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = mu + sigma * SpecialFunctions.normalQuantile((i + 0.5) / n);
        }
        for (double y : new double[] {-4, 2, 5.5}) {
            double z = (y - mu) / sigma;
            double phi = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
            double closed = sigma * (z * (2 * SpecialFunctions.normalCdf(z) - 1) + 2 * phi - 1 / Math.sqrt(Math.PI));
            assertThat(ProperScores.crps(x, y)).isCloseTo(closed, within(2e-3));
        }
    }

    @Test
    void probabilitiesFromASampleNeverReachZeroOrOne() {
        assertThat(ProperScores.kt(0, 3)).isEqualTo(0.125);
        assertThat(ProperScores.kt(3, 3)).isEqualTo(0.875);
        assertThat(ProperScores.logScore(ProperScores.kt(0, 1000))).isFinite();
    }

    @Test
    void theBrierScoreAndThePercentileAreTheirDefinitions() {
        assertThat(ProperScores.brier(0.3, true)).isCloseTo(0.49, within(1e-12));
        assertThat(ProperScores.brier(0.3, false)).isCloseTo(0.09, within(1e-12));
        assertThat(ProperScores.percentile(new double[] {1, 2, 3, 4}, 3)).isEqualTo(0.625);
    }
}
