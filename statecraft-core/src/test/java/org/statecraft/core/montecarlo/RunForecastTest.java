package org.statecraft.core.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.statecraft.core.leverage.TestScenarios.tri;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.statecraft.core.bargaining.BargainingProblem;
import org.statecraft.core.bargaining.CompromiseModel;
import org.statecraft.core.leverage.ParameterSpace;
import org.statecraft.core.leverage.RunOutcome;
import org.statecraft.core.leverage.TestScenarios;
import org.statecraft.core.scenario.Actor;
import org.statecraft.core.scenario.IssueStance;
import org.statecraft.core.scenario.Scenario;

/** The per-run compromise computed from the rows is the compromise model's forecast of the run's problem. */
class RunForecastTest {
    /** The network scenario with every actor on the demand issue, at uncertain capability, position and salience. */
    private static Scenario withStances() {
        Scenario s = TestScenarios.network(0.4, 2);
        List<Actor> actors = s.actors().stream().map(a -> new Actor(a.id(), a.name(), a.kind(), tri(0, 1, 3),
                new IssueStance(tri(0, 40, 100), a.id().equals("b") ? null : tri(0.05, 0.5, 1),
                        a.id().equals("a") ? tri(0, 10, 30) : null), null)).toList();
        return new Scenario(s.id(), s.title(), s.description(), s.start(), s.horizonDays(), s.sources(), actors,
                s.constituencies(), s.weights(), s.demand(), s.levers(), s.policies(), s.responses(), s.attacks(),
                s.clashes(), s.network(), s.observed());
    }

    @Test
    void theCompromiseFromTheRowsIsTheModelsForecastOfTheProblemBitForBit() {
        Scenario s = withStances();
        ParameterSpace space = new ParameterSpace(s);
        String[] members = {"c", "a", "b"};
        RunForecast rf = new RunForecast(s, space, members);
        assertThat(rf.applicable()).isTrue();
        int n = rf.actorCount();
        assertThat(n).isEqualTo(4);
        double[] cap = new double[n];
        double[] pos = new double[n];
        double[] sal = new double[n];
        SplittableRandom rnd = new SplittableRandom(5);
        CompromiseModel model = new CompromiseModel();
        int moved = 0;
        for (int run = 0; run < 2000; run++) {
            double[] v = space.draw(rnd);
            RunOutcome o = new RunOutcome(1, 1, members.length, 0);
            o.finalConcession = rnd.nextInt(4) == 0 ? 0 : rnd.nextDouble();
            for (int k = 0; k < members.length; k++) {
                o.baselineStance[k] = rnd.nextDouble(-1, 1);
                o.stance[k] = rnd.nextDouble(-1, 1);
            }
            if (run % 100 == 0) { // every weight zero: the plain mean
                v[space.indexOf("/actors/0/capability")] = 0;
                v[space.indexOf("/actors/1/capability")] = 0;
                v[space.indexOf("/actors/2/capability")] = 0;
                v[space.indexOf("/actors/3/capability")] = 0;
            }
            rf.rows(v, o, cap, pos, sal);
            BargainingProblem p = rf.problem(cap, pos, sal);
            double expected = p.toFileScale(model.forecast(p).outcome()[0]);
            assertThat(rf.compromise(cap, pos, sal)).isEqualTo(expected);
            if (pos[1] != v[space.indexOf("/actors/1/stance/position")] / 100) {
                moved++;
            }
        }
        assertThat(moved).as("the target's position moved by its concession").isGreaterThan(1000);
    }

    @Test
    void aRowTheProblemWouldRejectIsRejected() {
        Scenario s = withStances();
        RunForecast rf = new RunForecast(s, new ParameterSpace(s), new String[] {"c", "a", "b"});
        assertThatThrownBy(() -> rf.compromise(new double[] {1, Double.NaN, 1, 1}, new double[] {0.1, 0.2, 0.3, 0.4},
                new double[] {1, 1, 1, 1})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("actor t");
        assertThatThrownBy(() -> rf.compromise(new double[] {1, 1, 1, 1}, new double[] {0.1, 0.2, 1.5, 0.4},
                new double[] {1, 1, 1, 1})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("actor a");
    }
}
