package org.statecraft.core.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.statecraft.core.leverage.TestScenarios.baseline;
import static org.statecraft.core.leverage.TestScenarios.twoSided;
import static org.statecraft.core.leverage.TestScenarios.useOnDay;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.statecraft.core.scenario.Provenance;
import org.statecraft.core.scenario.Quantity;
import org.statecraft.core.scenario.RegimeWeight;
import org.statecraft.core.scenario.Scenario;

class MonteCarloTest {
    /** An uncertain scenario: the target's weight on its power base is drawn per run. */
    static Scenario uncertain() {
        Scenario s = twoSided(20, 15, 0.6, 0.4, 4, 0.3, 0.8, 1.5,
                List.of(baseline(), useOnDay("squeeze", 0, null), useOnDay("late", 20, 10)), 1.5);
        return s.withWeights(List.of(
                new RegimeWeight("t", "t-base", new Quantity.Triangular(0.1, 0.6, 1.0, Provenance.NONE)),
                new RegimeWeight("c", "c-trade", new Quantity.Uniform(0.2, 0.6, Provenance.NONE))));
    }

    static String fingerprint(Analysis a) {
        StringBuilder sb = new StringBuilder();
        for (PolicySummary p : a.policies()) {
            sb.append(p.id()).append(p.rank()).append(p.concession()).append(p.meanConcession())
                    .append(p.attacks()).append(p.collateral()).append(p.coercerOwnCost())
                    .append(java.util.Arrays.toString(p.concessionCurve()))
                    .append(java.util.Arrays.toString(p.daily().goldstein()));
            p.harms().forEach(sb::append);
            p.levers().forEach(l -> sb.append(l.lever()).append(l.spellMedian()).append(l.meanDaysInUse()));
        }
        for (double[] row : a.robustness()) {
            sb.append(java.util.Arrays.toString(row));
        }
        return sb.toString();
    }

    @Test
    void sameSeedGivesIdenticalResultsAndAnotherSeedDoesNot() {
        Analysis a = MonteCarlo.run(uncertain(), new MonteCarloOptions(500, 9, 2), null);
        Analysis b = MonteCarlo.run(uncertain(), new MonteCarloOptions(500, 9, 2), null);
        Analysis c = MonteCarlo.run(uncertain(), new MonteCarloOptions(500, 10, 2), null);
        assertThat(fingerprint(a)).isEqualTo(fingerprint(b));
        assertThat(fingerprint(a)).isNotEqualTo(fingerprint(c));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void resultsDoNotDependOnTheThreadCount(int threads) {
        Analysis one = MonteCarlo.run(uncertain(), new MonteCarloOptions(700, 5, 1), null);
        Analysis many = MonteCarlo.run(uncertain(), new MonteCarloOptions(700, 5, threads), null);
        assertThat(fingerprint(many)).isEqualTo(fingerprint(one));
    }

    @Test
    void rankingParetoAndRobustnessAreConsistent() {
        Analysis a = MonteCarlo.run(uncertain(), new MonteCarloOptions(400, 1, 2), null);
        assertThat(a.baselinePolicy()).isEqualTo("baseline");
        assertThat(a.ranked().stream().map(PolicySummary::rank).toList()).containsExactly(1, 2, 3);
        PolicySummary first = a.ranked().get(0);
        assertThat(first.paretoEfficient() || first.collateral().value() > 0).isTrue();
        // Robustness of a against b plus b against a is one (ties count half each way).
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(a.robustness()[i][j] + a.robustness()[j][i]).isCloseTo(1.0,
                        org.assertj.core.api.Assertions.within(1e-12));
            }
        }
        // The baseline uses no lever and harms no one.
        PolicySummary base = a.policy("baseline");
        assertThat(base.collateral().value()).isZero();
        assertThat(base.effect()).isZero();
        assertThat(base.collateralPerEffect()).isInfinite();
        // Wilson interval brackets the estimate.
        PolicySummary sq = a.policy("squeeze");
        assertThat(sq.concession().lower()).isLessThanOrEqualTo(sq.concession().value());
        assertThat(sq.concession().upper()).isGreaterThanOrEqualTo(sq.concession().value());
    }

    @Test
    void paretoFrontKeepsOnlyUndominatedPolicies() {
        boolean[] p = MonteCarlo.pareto(new double[] {0.1, 0.5, 0.4, 0.5}, new double[] {0, 3, 1, 5});
        assertThat(p).containsExactly(true, true, true, false);
    }

    @Test
    void wilsonIntervalMatchesReference() {
        // reference: Wilson (1927) score interval computed independently in Python for 15/50 -> 0.1910355 0.4375035
        Estimate e = Estimate.proportion(15, 50);
        assertThat(e.lower()).isCloseTo(0.1910355, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(e.upper()).isCloseTo(0.4375035, org.assertj.core.api.Assertions.within(1e-6));
    }
}
