package org.statecraft.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ForecastScoresTest {

    @Test
    void scoresOfAHandWorkedExample() {
        double[] p = {0.9, 0.2, 0.6, 0.6};
        boolean[] y = {true, false, false, true};
        ForecastScores s = ForecastScores.of(p, y);
        // Brier: (0.01 + 0.04 + 0.36 + 0.16) / 4
        assertThat(s.brier()).isCloseTo(0.1425, within(1e-12));
        // log loss: −(ln 0.9 + ln 0.8 + ln 0.4 + ln 0.6) / 4
        assertThat(s.logLoss()).isCloseTo(-(Math.log(0.9) + Math.log(0.8) + Math.log(0.4) + Math.log(0.6)) / 4, within(1e-12));
        // AUC: pairs (pos, neg): (0.9,0.2) 1, (0.9,0.6) 1, (0.6,0.2) 1, (0.6,0.6) 0.5 → 3.5/4
        assertThat(s.auc()).isEqualTo(0.875);
    }

    @Test
    void aConstantForecastHasAucOneHalfAndAucIsUndefinedWithOneClass() {
        assertThat(ForecastScores.of(new double[] {0.3, 0.3, 0.3}, new boolean[] {true, false, false}).auc()).isEqualTo(0.5);
        assertThat(ForecastScores.of(new double[] {0.3, 0.4}, new boolean[] {true, true}).auc()).isNaN();
    }
}
