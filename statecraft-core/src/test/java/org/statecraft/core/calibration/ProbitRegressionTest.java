package org.statecraft.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.statecraft.core.StatecraftException;
import org.statecraft.core.random.Seeds;
import org.statecraft.core.numerics.SpecialFunctions;

class ProbitRegressionTest {

    @Test
    void recoversKnownCoefficientsFromSimulatedData() {
        double[] truth = {-0.4, 0.8, 0.5};
        int n = 20000;
        double[][] x = new double[n][];
        boolean[] y = new boolean[n];
        RandomGenerator rng = Seeds.generator(11, 0, 0);
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {1, rng.nextGaussian(), rng.nextInt(2)};
            y[i] = rng.nextDouble() < SpecialFunctions.normalCdfPrecise(ProbitRegression.dot(truth, x[i]));
        }
        ProbitRegression.Fit fit = ProbitRegression.fit(x, y);
        for (int k = 0; k < 3; k++) {
            // within 4 standard errors of the truth, and the standard errors are of the expected size (~0.01-0.02)
            assertThat(fit.coefficient(k)).isCloseTo(truth[k], within(4 * fit.standardError(k)));
            assertThat(fit.standardError(k)).isBetween(0.005, 0.03);
        }
    }

    @Test
    void withOneBinaryRegressorTheFitReproducesTheTwoGroupRates() {
        // Saturated model: Φ(β0) and Φ(β0 + β1) must equal the observed rates 3/10 and 6/10 exactly.
        double[][] x = new double[20][];
        boolean[] y = new boolean[20];
        for (int i = 0; i < 20; i++) {
            int g = i < 10 ? 0 : 1;
            x[i] = new double[] {1, g};
            y[i] = g == 0 ? i < 3 : i < 16;
        }
        ProbitRegression.Fit fit = ProbitRegression.fit(x, y);
        assertThat(fit.probability(new double[] {1, 0})).isCloseTo(0.3, within(1e-9));
        assertThat(fit.probability(new double[] {1, 1})).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void perfectSeparationIsReportedNotReturnedAsAHugeCoefficient() {
        double[][] x = {{1, 0}, {1, 0}, {1, 1}, {1, 1}};
        boolean[] y = {false, false, true, true};
        assertThatThrownBy(() -> ProbitRegression.fit(x, y)).isInstanceOf(StatecraftException.class)
                .hasMessageContaining("separated");
    }

    @Test
    void aConstantCovariateIsReportedAsRankDeficient() {
        double[][] x = {{1, 1}, {1, 1}, {1, 1}, {1, 1}};
        boolean[] y = {false, true, true, false};
        assertThatThrownBy(() -> ProbitRegression.fit(x, y)).isInstanceOf(StatecraftException.class)
                .hasMessageContaining("rank-deficient");
    }
}
