package org.statecraft.core.leverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.statecraft.core.leverage.TestScenarios.baseline;
import static org.statecraft.core.leverage.TestScenarios.tri;
import static org.statecraft.core.leverage.TestScenarios.twoSided;
import static org.statecraft.core.leverage.TestScenarios.useOnDay;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.statecraft.core.random.Seeds;
import org.statecraft.core.scenario.Scenario;

/**
 * {@link LeverageModel#meetsDemand} stops a run on the day the demand is first met; its answer must be what the
 * whole run's {@link RunOutcome#conceded()} says, run by run, whether the demand is met early, late or never.
 */
class MeetsDemandTest {

    @Test
    void stoppingOnTheDayTheDemandIsMetGivesTheWholeRunsAnswer() {
        // resolve drawn per run: some runs meet the demand on the first days, some late, some never; with attacks,
        // a lever whose cost its owner bears (tolerance) and a late start, so that the runs take different paths
        Scenario s = TestScenarios.withUncertainty(
                twoSided(30, 5, 1, 0.5, 40, 1, 1, 2, List.of(baseline(), useOnDay("squeeze", 0, null),
                        useOnDay("late", 20, 15)), 0.8),
                tri(0.05, 0.4, 1.5), tri(1, 2, 3));
        LeverageModel model = new LeverageModel(s);
        RunState full = model.newState();
        RunState stopping = model.newState();
        DailySeries scratch = model.newDailySeries();
        int runs = 600;
        int[] met = new int[model.policyCount()];
        int early = 0;
        for (int p = 0; p < model.policyCount(); p++) {
            for (int r = 0; r < runs; r++) {
                double[] v = model.parameterSpace().draw(Seeds.generator(3, r, Seeds.PARAMETERS));
                RunOutcome whole = model.newOutcome();
                model.simulate(full, p, v, Seeds.generator(3, r, Seeds.DYNAMICS), whole, null, null);
                boolean answer = model.meetsDemand(stopping, p, v, Seeds.generator(3, r, Seeds.DYNAMICS),
                        model.newOutcome(), scratch);
                assertThat(answer).as("policy %d, run %d", p, r).isEqualTo(whole.conceded());
                met[p] += answer ? 1 : 0;
                early += whole.conceded() && whole.concessionDay < model.horizon() - 1 ? 1 : 0;
            }
        }
        // the comparison covers both answers and runs that stop before the horizon
        assertThat(met[0]).isZero();
        assertThat(met[1]).isBetween(1, runs - 1);
        assertThat(met[2]).isBetween(1, runs - 1);
        assertThat(early).isPositive();
    }
}
