package org.statecraft.core.leverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.statecraft.core.leverage.TestScenarios.baseline;
import static org.statecraft.core.leverage.TestScenarios.twoSided;
import static org.statecraft.core.leverage.TestScenarios.useOnDay;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.statecraft.core.scenario.Policy;
import org.statecraft.core.scenario.Rule;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.core.scenario.Trigger;

class LeverageModelTest {

    private static RunOutcome run(Scenario s, int policy, CredibilityRule rule) {
        LeverageModel m = new LeverageModel(s, rule);
        return m.simulate(policy, m.parameterSpace().means(), new SplittableRandom(1));
    }

    @Test
    void ownerLiftsTheLeverOnTheDayItsOwnCostPassesItsTolerance() {
        // own cost per day = wC * harmC / baseline = 0.5 * 40 / 100 = 0.2; tolerance 1.0 -> passes on day 4
        // (cumulative 0.2, 0.4, 0.6, 0.8, 1.0 on days 0..4), so the first spell lasts 5 days.
        Scenario s = twoSided(1, 40, 0.1, 0.5, 1.0, 100, 1, 1, List.of(baseline(), useOnDay("use", 0, null)), 0);
        RunOutcome o = run(s, 1, CredibilityRule.BELIEF);
        assertThat(o.firstSpell[0]).isEqualTo(5);
        assertThat(o.firstSpellEnd[0]).isEqualTo(LiftReason.OWN_COST);
        assertThat(o.daysInUse[0]).isEqualTo(5);
        assertThat(o.coercerOwnCost).isCloseTo(1.0, within(1e-9));
        assertThat(o.harm[1]).isCloseTo(5 * 40, within(1e-9));
    }

    @Test
    void aFixedTermSpellLastsItsTermWhicheverDayItBegins() {
        // a term of 10 days expires on the 10th day after the start, before that day's harms: 10 days in force
        for (int day : new int[] {0, 5, 49}) {
            Scenario s = twoSided(1, 40, 0.1, 0.5, Double.NaN, 100, 1, 1,
                    List.of(baseline(), useOnDay("use", day, 10)), 0);
            RunOutcome o = run(s, 1, CredibilityRule.BELIEF);
            assertThat(o.firstUse[0]).isEqualTo(day);
            assertThat(o.firstSpellEnd[0]).isEqualTo(LiftReason.EXPIRED);
            assertThat(o.firstSpell[0]).as("from day %d", day).isEqualTo(10);
            assertThat(o.daysInUse[0]).isEqualTo(10);
            assertThat(o.harm[1]).isCloseTo(10 * 40, within(1e-9));
        }
    }

    @Test
    void withoutToleranceTheLeverStaysForTheWholeHorizon() {
        Scenario s = twoSided(1, 40, 0.1, 0.5, Double.NaN, 100, 1, 1, List.of(baseline(), useOnDay("use", 0, null)), 0);
        RunOutcome o = run(s, 1, CredibilityRule.BELIEF);
        assertThat(o.daysInUse[0]).isEqualTo(60);
        assertThat(o.firstSpellEnd[0]).isEqualTo(LiftReason.NONE);
        assertThat(o.firstSpell[0]).isEqualTo(60);
    }

    @Test
    void responseCurveConcedesTheReleaseLevelWhenPressureReachesResolve() {
        // pressure = wT * harmT / 100 = 1 * 30 / 100 = 0.3 a day, fully credible (no own cost).
        // z = z_r (Π/K)^(1/γ): K = 0.25, γ = 2 -> 0.6 * sqrt(1.2) = 0.6573 >= z_r = 0.6 -> concedes on day 0.
        Scenario concede = twoSided(30, 0, 1, 0, Double.NaN, 0.25, 1, 2, List.of(baseline(), useOnDay("u", 0, null)), 0);
        RunOutcome o = run(concede, 1, CredibilityRule.BELIEF);
        assertThat(o.concessionDay).isZero();
        assertThat(o.peakConcession).isCloseTo(0.6 * Math.sqrt(1.2), within(1e-9));
        // K = 1: z = 0.6 * sqrt(0.3) = 0.3286 < 0.6: a partial concession, never the release level.
        Scenario partial = twoSided(30, 0, 1, 0, Double.NaN, 1, 1, 2, List.of(baseline(), useOnDay("u", 0, null)), 0);
        RunOutcome p = run(partial, 1, CredibilityRule.BELIEF);
        assertThat(p.conceded()).isFalse();
        assertThat(p.finalConcession).isCloseTo(0.6 * Math.sqrt(0.3), within(1e-9));
        // exactly at K the target concedes exactly the release level
        Scenario exact = twoSided(30, 0, 1, 0, Double.NaN, 0.3, 1, 3, List.of(baseline(), useOnDay("u", 0, null)), 0);
        assertThat(run(exact, 1, CredibilityRule.BELIEF).peakConcession).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void capacityBelowTheReleaseLevelCapsTheConcessionAndNeverMeetsTheDemand() {
        Scenario s = twoSided(30, 0, 1, 0, Double.NaN, 0.1, 0.4, 1, List.of(baseline(), useOnDay("u", 0, null)), 0);
        RunOutcome o = run(s, 1, CredibilityRule.BELIEF);
        assertThat(o.finalConcession).isCloseTo(0.4, within(1e-12));
        assertThat(o.conceded()).as("demand met").isFalse();
        assertThat(o.everConceded()).isTrue();
        assertThat(o.firstConcessionDay).isZero();
    }

    @Test
    void aLeverWhoseOwnerCannotSustainItIsDiscountedByItsExpectedDuration() {
        // pressure 0.3/day; own cost 0.2/day, tolerance 1.0 (a point prior: the target's belief is exact) ->
        // after day 0 the owner can last (1.0 - 0.2)/0.2 = 4 more days; look-ahead L = 10: the lever weighs
        // 0.3 * 4 = 1.2 pressure-days against K*L = 2.5. K = 0.25, gamma = 1: z = 0.6 * 1.2/2.5 = 0.288.
        Scenario s = twoSided(30, 40, 1, 0.5, 1.0, 0.25, 1, 1, List.of(baseline(), useOnDay("u", 0, null)), 0);
        assertThat(run(s, 1, CredibilityRule.BELIEF).peakConcession).isCloseTo(0.6 * 1.2 / 2.5, within(1e-9));
        assertThat(run(s, 1, CredibilityRule.KNOWN).peakConcession).isCloseTo(0.6 * 1.2 / 2.5, within(1e-9));
        // The same lever with no own cost lasts the whole look-ahead: 0.6 * 0.3 / 0.25 = 0.72.
        Scenario free = twoSided(30, 0, 1, 0.5, 1.0, 0.25, 1, 1, List.of(baseline(), useOnDay("u", 0, null)), 0);
        assertThat(run(free, 1, CredibilityRule.BELIEF).peakConcession).isCloseTo(0.72, within(1e-9));
    }

    @Test
    void aWithdrawnConcessionBringsBackTheLeversReleasedForIt() {
        // Concedes on day 0 (K tiny), the lever is released, pressure is gone: after the 30-day grace the
        // concession is withdrawn with hazard 1 and the coercer re-applies the lever, which again forces a
        // concession at once.
        Scenario s = twoSided(30, 0, 1, 0, Double.NaN, 0.01, 1, 1, List.of(baseline(), useOnDay("u", 0, null)), 0);
        s = s.withDemand(new org.statecraft.core.scenario.Demand("issue", null, "c", "t",
                TestScenarios.q(10), TestScenarios.q(90), TestScenarios.q(0.01), TestScenarios.q(1), 0.6,
                TestScenarios.q(1), TestScenarios.q(10), TestScenarios.q(1), 30,
                new org.statecraft.core.scenario.EventCode("087", 9)));
        LeverageModel m = new LeverageModel(s);
        List<String> log = new ArrayList<>();
        m.simulate(1, m.parameterSpace().means(), new SplittableRandom(1), m.newOutcome(), null,
                (day, src, tgt, code, what) -> log.add(day + ":" + code.cameo()));
        // day 0: use (163), concession (087), lift (085); expected pain below 0.25 K L from day 1, calm days
        // 1..31 -> withdrawn on day 31 (the 31st calm day), lever
        // re-applied at the end of that day (163); its harm is felt on day 32: conceded again (087), lifted (085).
        assertThat(log).startsWith("0:163", "0:087", "0:085", "31:163", "32:087", "32:085");
    }

    @Test
    void negativeWeightMeansTheLeverRelievesPressure() {
        Scenario s = twoSided(30, 0, -0.5, 0, Double.NaN, 0.1, 1, 1, List.of(baseline(), useOnDay("u", 0, null)), 0);
        RunOutcome o = run(s, 1, CredibilityRule.BELIEF);
        assertThat(o.peakConcession).isZero();
        assertThat(o.harm[0]).isCloseTo(30 * 60, within(1e-9));
    }

    @Test
    void ruleOnEachAttackUsesTheLeverForItsDurationAndExtendsRatherThanDoubles() {
        Policy onAttack = new Policy("on-attack", null, null,
                List.of(new Rule(new Trigger.OnAttack(), Rule.Action.USE, "squeeze", 5, false)), true);
        Scenario s = twoSided(1, 0, 0, 0, Double.NaN, 100, 1, 1, List.of(baseline(), onAttack), 0.3);
        LeverageModel m = new LeverageModel(s);
        List<int[]> events = new ArrayList<>();
        RunOutcome o = m.newOutcome();
        m.simulate(1, m.parameterSpace().means(), new SplittableRandom(7), o, null,
                (day, src, tgt, code, what) -> events.add(new int[] {day, what.equals("attack") ? 1 : code.cameo().equals("163") ? 2 : 3}));
        // Recompute the expected days in use from the attack days: a lever is in use on day t iff an attack
        // happened on some day in (t-5, t].
        boolean[] attackDay = new boolean[60];
        events.stream().filter(e -> e[1] == 1).forEach(e -> attackDay[e[0]] = true);
        int expected = 0;
        for (int t = 0; t < 60; t++) {
            for (int k = 0; k < 5 && t - k >= 0; k++) {
                if (attackDay[t - k]) {
                    expected++;
                    break;
                }
            }
        }
        assertThat(o.attacks).isPositive();
        assertThat(o.daysInUse[0]).isEqualTo(expected);
        long uses = events.stream().filter(e -> e[1] == 2).count();
        long lifts = events.stream().filter(e -> e[1] == 3).count();
        assertThat(uses).isLessThanOrEqualTo(o.attacks);
        assertThat(lifts).isBetween(uses - 1, uses);
    }

    @Test
    void attackCountRuleFiresOnlyOnceTheWindowHoldsEnoughAttacks() {
        Policy escalate = new Policy("escalate", null, null,
                List.of(new Rule(new Trigger.AttackCount(10, 8), Rule.Action.USE, "squeeze", null, true)), true);
        Scenario s = twoSided(1, 0, 0, 0, Double.NaN, 100, 1, 1, List.of(baseline(), escalate), 0.9);
        LeverageModel m = new LeverageModel(s);
        int[] attacks = new int[60];
        RunOutcome o = m.newOutcome();
        m.simulate(1, m.parameterSpace().means(), new SplittableRandom(3), o, null, (day, src, tgt, code, what) -> {
            if (what.equals("attack")) {
                attacks[day]++;
            }
        });
        int firstDay = -1;
        for (int t = 0; t < 60 && firstDay < 0; t++) {
            int sum = 0;
            for (int k = 0; k < 10 && t - k >= 0; k++) {
                sum += attacks[t - k];
            }
            if (sum >= 8) {
                firstDay = t;
            }
        }
        assertThat(firstDay).as("this seed produces a qualifying window").isPositive();
        assertThat(o.firstUse[0]).isEqualTo(firstDay);
    }

    @Test
    void concessionSuppressesAttacksAndReleasesLevers() {
        Scenario s = twoSided(30, 0, 1, 0, Double.NaN, 0.01, 1, 1, List.of(baseline(), useOnDay("u", 0, null)), 2.0);
        LeverageModel m = new LeverageModel(s);
        double base = 0;
        double coerced = 0;
        for (int seed = 0; seed < 200; seed++) {
            base += m.simulate(0, m.parameterSpace().means(), new SplittableRandom(seed)).attacks;
            RunOutcome o = m.simulate(1, m.parameterSpace().means(), new SplittableRandom(seed));
            coerced += o.attacks;
            assertThat(o.firstSpellEnd[0]).isEqualTo(LiftReason.CONCESSION);
        }
        // suppression e = 0.5 at full concession: expected attacks fall by half (2.0 -> 1.0 a day).
        assertThat(coerced / base).isCloseTo(0.5, within(0.05));
    }

    @Test
    void sameParametersAndSeedGiveIdenticalRuns() {
        Scenario s = twoSided(20, 10, 0.6, 0.3, 3, 0.3, 0.8, 1.5, List.of(baseline(), useOnDay("u", 0, null)), 1.0);
        LeverageModel m = new LeverageModel(s);
        RunOutcome a = m.simulate(1, m.parameterSpace().means(), new SplittableRandom(42));
        RunOutcome b = m.simulate(1, m.parameterSpace().means(), new SplittableRandom(42));
        assertThat(a.attacks).isEqualTo(b.attacks);
        assertThat(a.harm).containsExactly(b.harm);
        assertThat(a.finalConcession).isEqualTo(b.finalConcession);
    }
}
