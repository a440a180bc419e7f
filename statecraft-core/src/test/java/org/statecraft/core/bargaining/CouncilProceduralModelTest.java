package org.statecraft.core.bargaining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CouncilProceduralModelTest {
    /** The Commission, the Parliament and three member states with Nice votes 29 (de), 29 (fr), 4 (lu). */
    static BargainingProblem issue(double com, double ep, double de, double fr, double lu) {
        double[][] x = {{com}, {ep}, {de}, {fr}, {lu}};
        double[][] s = {{0.5}, {0.5}, {0.5}, {0.5}, {0.5}};
        return new BargainingProblem("i", List.of("com", "ep", "de", "fr", "lu"), List.of("issue"),
                new double[] {1, 1, 1, 1, 1}, x, s);
    }

    @Test
    void qualifiedMajorityPivotBoundsTheCommissionsProposal() {
        // q = 0. From the right: lu (0.9, 4 votes), fr (0.3, 29), de (0.2, 29); 73.9 % of 62 = 45.8 is reached at
        // de, so every point up to 2·0.2 − 0 = 0.4 passes; the Commission (0.8) proposes 0.4.
        assertThat(CouncilProceduralModel.forecast(issue(0.8, 1, 0.2, 0.3, 0.9), 0, false, false).getAsDouble())
                .isCloseTo(0.4, within(1e-12));
        // A Commission inside the winset gets its own position.
        assertThat(CouncilProceduralModel.forecast(issue(0.25, 1, 0.2, 0.3, 0.9), 0, false, false).getAsDouble())
                .isCloseTo(0.25, within(1e-12));
    }

    @Test
    void unanimityAndCodecisionNarrowTheWinsetAndAnEmptyOneLeavesTheReferencePoint() {
        // q = 0.1; unanimity: de at 0.2 bounds at 0.3. Co-decision with the EP at 0.15 bounds at 0.2.
        BargainingProblem p = issue(0.8, 0.15, 0.2, 0.3, 0.9);
        assertThat(CouncilProceduralModel.forecast(p, 0.1, true, false).getAsDouble()).isCloseTo(0.3, within(1e-12));
        assertThat(CouncilProceduralModel.forecast(p, 0.1, true, true).getAsDouble()).isCloseTo(0.2, within(1e-12));
        // Council members on the other side of q from the Commission: nothing passes.
        assertThat(CouncilProceduralModel.forecast(issue(0.8, 1, 0.0, 0.05, 0.9), 0.1, false, false).getAsDouble())
                .isEqualTo(0.1);
    }

    @Test
    void mirroringTheScaleMirrorsTheForecast() {
        double a = CouncilProceduralModel.forecast(issue(0.8, 0.6, 0.2, 0.3, 0.9), 0.05, false, true).getAsDouble();
        double b = CouncilProceduralModel.forecast(issue(0.2, 0.4, 0.8, 0.7, 0.1), 0.95, false, true).getAsDouble();
        assertThat(b).isCloseTo(1 - a, within(1e-12));
    }
}
