package org.statecraft.core.influence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.statecraft.core.leverage.LeverageModel;
import org.statecraft.core.leverage.RunOutcome;
import org.statecraft.core.leverage.TestScenarios;
import org.statecraft.core.scenario.Scenario;

class FriedkinJohnsenTest {
    private static final SplittableRandom SEEDS = new SplittableRandom(2024);

    @RepeatedTest(20)
    void iteratedStancesConvergeToTheClosedForm() {
        SplittableRandom rng = SEEDS.split();
        int n = 2 + rng.nextInt(8);
        double[][] w = new double[n][n];
        double[] lambda = new double[n];
        double[] x0 = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                w[i][j] = rng.nextDouble();
                sum += w[i][j];
            }
            for (int j = 0; j < n; j++) {
                w[i][j] /= sum;
            }
            lambda[i] = rng.nextDouble() * 0.95;
            x0[i] = rng.nextDouble() * 2 - 1;
        }
        double[] x = x0.clone();
        double[] next = new double[n];
        for (int t = 0; t < 2000; t++) {
            FriedkinJohnsen.step(w, lambda, x, x0, next);
            System.arraycopy(next, 0, x, 0, n);
        }
        double[] closed = FriedkinJohnsen.equilibrium(w, lambda, x0);
        for (int i = 0; i < n; i++) {
            assertThat(x[i]).isCloseTo(closed[i], within(1e-9));
        }
    }

    @Test
    void theEnginesNetworkReachesTheClosedFormWithTheCoercersNewStance() {
        // Lever "distance" makes the coercer's prejudice -0.8 from day 0; with stepDays 1 and 120 days the
        // engine's stances must equal (I - ΛW)^-1 (I - Λ) u with u = (-0.8, -0.2, 0.3).
        Scenario s = TestScenarios.network(0.7, 10);
        LeverageModel m = new LeverageModel(s);
        RunOutcome o = m.simulate(1, m.parameterSpace().means(), new SplittableRandom(1));
        double[][] w = {{1, 0, 0}, {0.3, 0.5, 0.2}, {0.4, 0, 0.6}};
        double[] lambda = {0, 0.7, 0.7};
        double[] expected = FriedkinJohnsen.equilibrium(w, lambda, new double[] {-0.8, -0.2, 0.3});
        double[] baseline = FriedkinJohnsen.equilibrium(w, lambda, new double[] {0.5, -0.2, 0.3});
        assertThat(o.stance).containsExactly(expected, within(1e-9));
        assertThat(o.baselineStance).containsExactly(baseline, within(1e-9));
        // Lost support becomes harm on the standing constituency: rho * (baseline - policy) summed over members.
        assertThat(o.harm[0]).isPositive();
        assertThat(o.finalConcession).isPositive();
    }
}
