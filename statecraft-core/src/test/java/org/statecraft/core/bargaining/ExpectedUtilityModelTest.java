package org.statecraft.core.bargaining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectedUtilityModelTest {
    /**
     * shared/data/bdm/eu-emissions.csv (jmckib/bdm-scholz-expected-utility-model): capability, position,
     * salience 0–1 of ten EU states on car emissions, positions 4–10 on a 0–100 scale.
     */
    static BargainingProblem euEmissions() {
        String[] names = {"Netherlands", "Belgium", "Luxembourg", "Germany", "France", "Italy", "UK", "Ireland", "Denmark", "Greece"};
        double[] cap = {0.08, 0.08, 0.03, 0.16, 0.16, 0.16, 0.16, 0.05, 0.05, 0.08};
        double[] pos = {4, 7, 4, 4, 10, 10, 10, 7, 4, 7};
        double[] sal = {0.8, 0.4, 0.2, 0.8, 0.6, 0.6, 0.9, 0.1, 1.0, 0.7};
        double[][] p = new double[10][1];
        double[][] s = new double[10][1];
        for (int i = 0; i < 10; i++) {
            p[i][0] = pos[i] / 100;
            s[i][0] = sal[i];
        }
        return new BargainingProblem("eu-emissions", List.of(names), List.of("issue"), cap, p, s);
    }

    @Test
    void euEmissionsRoundZeroHasMedianSevenAndWeightedMean7390() {
        // models/bargaining.md §2: "round 0 median 7.0 and capability×salience weighted mean 7.390".
        ForecastResult r = new ExpectedUtilityModel().forecast(euEmissions());
        assertThat(100 * r.statistics().get("median").get(0)[0]).isCloseTo(7.0, within(1e-9));
        assertThat(100 * r.statistics().get("weighted mean").get(0)[0]).isCloseTo(7.390, within(0.0005));
    }

    @Test
    void everyRoundIsReportedWithPositionsMedianAndMean() {
        ForecastResult r = new ExpectedUtilityModel(EumParameters.DEFAULTS.withRounds(6)).forecast(euEmissions());
        assertThat(r.states()).hasSize(7);
        assertThat(r.statistics().get("median")).hasSize(7);
        assertThat(r.statistics().get("weighted mean")).hasSize(7);
        for (double[][] state : r.states()) {
            for (double[] actor : state) {
                assertThat(actor[0]).isBetween(0.04, 0.10); // offers never leave the range of positions
            }
        }
        assertThat(r.outcome()[0]).isEqualTo(r.statistics().get("median").get(6)[0]);
    }

    @Test
    void scholzGlobalDenominatorIsAnOptionAndSameInputGivesIdenticalOutput() {
        EumParameters scholz = new EumParameters(5, EumParameters.Denominator.SCHOLZ_GLOBAL, 1, 1, true);
        ForecastResult a = new ExpectedUtilityModel(scholz).forecast(euEmissions());
        ForecastResult b = new ExpectedUtilityModel(scholz).forecast(euEmissions());
        for (int t = 0; t < a.states().size(); t++) {
            assertThat(a.states().get(t)).isDeepEqualTo(b.states().get(t));
        }
    }

    @Test
    void rejectsNegativeRounds() {
        assertThatThrownBy(() -> EumParameters.DEFAULTS.withRounds(-1)).hasMessageContaining("-1");
    }
}
