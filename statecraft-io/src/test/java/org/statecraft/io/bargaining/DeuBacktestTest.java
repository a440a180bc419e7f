package org.statecraft.io.bargaining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.statecraft.core.bargaining.Backtest;
import org.statecraft.core.bargaining.CompromiseModel;
import org.statecraft.core.bargaining.ExpectedUtilityModel;
import org.statecraft.core.bargaining.SpatialModelOfPolitics;
import org.statecraft.core.bargaining.WeightedMedianModel;

class DeuBacktestTest {
    static List<Backtest.Case> cases() {
        return DeuReader.read(BargainingReadersTest.data("deu3/deu3.tsv")).stream()
                .filter(i -> i.outcome().isPresent()).map(DeuIssue::toCase).toList();
    }

    @Test
    void compromiseBaselineOnDeuIiiHasMeanAbsoluteErrorOfAbout23AndAboutAThirdWithinTenPoints() {
        // models/bargaining.md §3: the compromise baseline on DEU III (capabilities from row 2 scaled to max 1)
        // gives a mean absolute error of about 23 points and about a third of forecasts within 10 points; the
        // weighted median puts more forecasts within 10 points but has a larger mean error.
        Backtest.Report r = new Backtest(List.of(Backtest.Forecaster.of(new CompromiseModel()),
                Backtest.Forecaster.of(new WeightedMedianModel())), 2).run(cases());
        Backtest.Summary compromise = r.overall().get(0);
        Backtest.Summary median = r.overall().get(1);
        assertThat(compromise.issues()).isEqualTo(353);
        assertThat(compromise.mae()).isCloseTo(23, within(1.0));
        assertThat(compromise.hit10()).isCloseTo(1.0 / 3, within(0.05));
        assertThat(median.hit10()).isGreaterThan(compromise.hit10());
        assertThat(median.mae()).isGreaterThan(compromise.mae());
    }

    @Test
    void backtestOfAllModelsIsIdenticalForOneAndTwoThreads() {
        List<Backtest.Case> cases = cases();
        List<Backtest.Forecaster> f = List.of(Backtest.Forecaster.of(new SpatialModelOfPolitics()),
                Backtest.Forecaster.of(new ExpectedUtilityModel()), Backtest.Forecaster.referencePoint());
        assertThat(new Backtest(f, 2).run(cases)).isEqualTo(new Backtest(f, 1).run(cases));
    }
}
