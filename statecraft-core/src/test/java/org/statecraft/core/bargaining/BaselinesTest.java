package org.statecraft.core.bargaining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class BaselinesTest {
    @Test
    void compromiseIsTheCapabilitySalienceWeightedMean() {
        // Hand computation for eu-emissions: Σ c s x / Σ c s = 5.003 / 0.677 = 7.390 (docs/models/eum.md, Validation).
        double out = new CompromiseModel().forecast(ExpectedUtilityModelTest.euEmissions()).outcome()[0];
        assertThat(100 * out).isCloseTo(7.390, within(0.0005));
    }

    @Test
    void weightedMedianOfEuEmissionsIsSeven() {
        // Weights by position: 4 → 0.248, 7 → 0.093, 10 → 0.336; half of 0.677 is reached at 7.
        double out = new WeightedMedianModel().forecast(ExpectedUtilityModelTest.euEmissions()).outcome()[0];
        assertThat(100 * out).isCloseTo(7.0, within(1e-9));
    }

    @Test
    void backtestSummarisesErrorsPerModelAndGroup() {
        BargainingProblem p = ExpectedUtilityModelTest.euEmissions();
        List<Backtest.Case> cases = List.of(
                new Backtest.Case("a", p, 7.390, OptionalDouble.of(20), "QMV"),
                new Backtest.Case("b", p, 27.390, OptionalDouble.empty(), "Unan"));
        Backtest.Report r = new Backtest(List.of(Backtest.Forecaster.of(new CompromiseModel()),
                Backtest.Forecaster.referencePoint()), 2).run(cases);
        Backtest.Summary c = r.overall().get(0);
        assertThat(c.issues()).isEqualTo(2);
        assertThat(c.mae()).isCloseTo(10.0, within(1e-3));
        assertThat(c.medianAe()).isCloseTo(10.0, within(1e-3));
        assertThat(c.hit10()).isEqualTo(0.5);
        assertThat(r.overall().get(1).issues()).isEqualTo(1); // no reference point on case b
        assertThat(r.byGroup().keySet()).containsExactly("QMV", "Unan");
    }
}
