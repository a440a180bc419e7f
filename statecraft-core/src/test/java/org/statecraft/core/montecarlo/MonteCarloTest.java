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
        // ranked by mean final concession, highest first; within 1e-9 the one with fewer attacks first
        List<PolicySummary> ranked = a.ranked();
        for (int k = 0; k + 1 < ranked.size(); k++) {
            double hi = ranked.get(k).meanConcession().value();
            double lo = ranked.get(k + 1).meanConcession().value();
            assertThat(hi).isGreaterThanOrEqualTo(lo - 1e-9);
            if (Math.abs(hi - lo) <= 1e-9) {
                assertThat(ranked.get(k).attacks().value()).isLessThanOrEqualTo(ranked.get(k + 1).attacks().value());
            }
        }
        // Pareto efficient exactly when no other policy has at least its concession and less collateral (or more
        // concession and no more collateral)
        for (PolicySummary p : a.policies()) {
            boolean dominated = a.policies().stream().anyMatch(q -> q != p
                    && q.meanConcession().value() >= p.meanConcession().value() - 1e-12
                    && q.collateral().value() <= p.collateral().value() + 1e-12
                    && (q.meanConcession().value() > p.meanConcession().value() + 1e-12
                    || q.collateral().value() < p.collateral().value() - 1e-12));
            assertThat(p.paretoEfficient()).as(p.id()).isEqualTo(!dominated);
        }
        // robustness[i][j]: the share of runs in which policy i's final concession beats j's, ties counting half,
        // counted here from the runs themselves; so the matrix and its transpose add up to one
        int runs = a.runs();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double wins = 0;
                for (int r = 0; r < runs; r++) {
                    double zi = a.outcomes()[i][r].finalConcession;
                    double zj = a.outcomes()[j][r].finalConcession;
                    wins += zi > zj + 1e-12 ? 1 : Math.abs(zi - zj) <= 1e-12 ? 0.5 : 0;
                }
                assertThat(a.robustness()[i][j]).isCloseTo(wins / runs, org.assertj.core.api.Assertions.within(1e-12));
                assertThat(a.robustness()[i][j] + a.robustness()[j][i]).isCloseTo(1.0,
                        org.assertj.core.api.Assertions.within(1e-12));
            }
        }
        assertThat(a.robustness()[1][0]).as("squeeze concedes more than the baseline in some runs").isPositive();
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
    void rankOrdersByEffectivenessThenFewerAttacksThenOrder() {
        // 0.5 and 0.5 + 1e-10 tie (within 1e-9): fewer attacks first; 0.2 and 0.2 tie on attacks too: index order
        int[] rank = MonteCarlo.rank(new double[] {0.2, 0.5, 0.5 + 1e-10, 0.9, 0.2}, new double[] {1, 4, 2, 7, 1});
        assertThat(rank).containsExactly(4, 3, 2, 1, 5);
    }

    @Test
    void wilsonIntervalMatchesReference() {
        // reference: Wilson (1927) score interval computed independently in Python for 15/50 -> 0.1910355 0.4375035
        Estimate e = Estimate.proportion(15, 50);
        assertThat(e.lower()).isCloseTo(0.1910355, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(e.upper()).isCloseTo(0.4375035, org.assertj.core.api.Assertions.within(1e-6));
    }
}
