package org.statecraft.core.leverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.statecraft.core.leverage.TestScenarios.baseline;
import static org.statecraft.core.leverage.TestScenarios.q;
import static org.statecraft.core.leverage.TestScenarios.twoSided;
import static org.statecraft.core.leverage.TestScenarios.useOnDay;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.statecraft.core.montecarlo.Analysis;
import org.statecraft.core.montecarlo.MonteCarlo;
import org.statecraft.core.montecarlo.MonteCarloOptions;
import org.statecraft.core.montecarlo.PolicySummary;
import org.statecraft.core.random.Seeds;
import org.statecraft.core.numerics.SpecialFunctions;
import org.statecraft.core.scenario.ConstituencyKind;
import org.statecraft.core.scenario.Constituency;
import org.statecraft.core.scenario.Demand;
import org.statecraft.core.scenario.EventCode;
import org.statecraft.core.scenario.Harm;
import org.statecraft.core.scenario.Lever;
import org.statecraft.core.scenario.Provenance;
import org.statecraft.core.scenario.Quantity;
import org.statecraft.core.scenario.Scenario;

/** The v2 engine's mechanisms, each against its closed form or an invariance; no test pins a ranking. */
class LeverageMechanismsTest {

    private static Scenario withDemand(Scenario s, Quantity resolve, Quantity rate, double backslide) {
        Demand d = s.demand();
        return s.withDemand(new Demand(d.issue(), null, d.coercer(), d.target(), d.currentPosition(),
                d.demandedPosition(), resolve, d.capacity(), d.releaseLevel(), d.convexity(), d.lookaheadDays(), rate,
                d.partialLevel(), false, q(backslide), d.backslideGraceDays(), d.backslideBelow(), d.concessionEvent()));
    }

    private static Scenario withHarm(Scenario s, Harm harm) {
        Lever l = s.levers().get(0);
        List<Harm> hs = new ArrayList<>(l.harms());
        hs.set(0, harm);
        return s.withLevers(List.of(new Lever(l.id(), l.name(), l.description(), l.owner(), l.target(), hs,
                l.rampUpDays(), l.tolerance(), l.clashHazard(), l.networkStance(), l.threatWeight(), l.useEvent(),
                l.liftEvent(), l.threatEvent())));
    }

    @Test
    void underConstantCrediblePressureTheConcessionHazardIsTheDecisionRate() {
        // pressure 0.3/day, K = 0.25 fixed: willing every day; decisions at rate r = 0.05/day, so the first
        // concession day is geometric: P(by day t) = 1 - (1 - p)^(t+1), p = 1 - e^{-r}.
        Scenario s = withDemand(twoSided(30, 0, 1, 0, Double.NaN, 0.25, 1, 1,
                List.of(baseline(), useOnDay("u", 0, null)), 0), q(0.25), q(0.05), 0);
        LeverageModel m = new LeverageModel(s);
        int n = 20_000;
        int[] byDay = new int[60];
        for (int i = 0; i < n; i++) {
            RunOutcome o = m.simulate(1, m.parameterSpace().means(), new SplittableRandom(i));
            if (o.everConceded()) {
                byDay[o.firstConcessionDay]++;
            }
            assertThat(o.firstConcessionDay).isEqualTo(o.concessionDay); // the release level at once: 0.72 > 0.6
        }
        double p = -Math.expm1(-0.05);
        int cum = 0;
        for (int t = 0; t < 60; t++) {
            cum += byDay[t];
            double expected = 1 - Math.pow(1 - p, t + 1);
            double se = Math.sqrt(expected * (1 - expected) / n);
            assertThat(cum / (double) n).as("day %d", t).isCloseTo(expected, within(4 * se + 1e-9));
        }
    }

    @Test
    void withLognormalResolveTheRateOfMeetingTheDemandIsTheResponseCurveTimesTheDecisionHazard() {
        // P(demand met by H) = P(K <= Π) (1 - (1-p)^H) for a credible constant pressure Π (gamma = 1: the
        // target meets z_r exactly when Π >= K); the TIES anchor of the default scenario uses the same form.
        double mu = Math.log(0.2);
        double sigma = 1.2;
        Scenario s = withDemand(twoSided(30, 0, 1, 0, Double.NaN, 0.25, 1, 1,
                List.of(baseline(), useOnDay("u", 0, null)), 0), TestScenarios.logNormal(mu, sigma),
                q(0.1), 0);
        Analysis a = MonteCarlo.run(s, new MonteCarloOptions(20_000, 11, 2), null);
        double pk = SpecialFunctions.normalCdfPrecise((Math.log(0.3) - mu) / sigma);
        double expected = pk * (1 - Math.pow(Math.exp(-0.1), 60));
        PolicySummary.Outcomes o = a.policies().get(1).outcomes();
        assertThat(o.metDemand().value()).isCloseTo(expected, within(4 * Math.sqrt(expected * (1 - expected) / 20_000)));
    }

    @Test
    void raisingAHarmOnAPositivelyWeightedConstituencyNeverLowersTheChanceOfConcession() {
        Kit kit = new Kit();
        Scenario s = kit.build();
        LeverageModel low = new LeverageModel(s);
        Lever close = s.levers().get(0);
        List<Harm> hs = new ArrayList<>(close.harms());
        Harm h0 = hs.get(0);
        hs.set(0, new Harm(h0.constituency(), q(80), h0.accumulation(), h0.accumulationCap(), h0.halfLifeDays(),
                h0.floor()));
        List<Lever> ls = new ArrayList<>(s.levers());
        ls.set(0, new Lever(close.id(), null, null, close.owner(), close.target(), hs, close.rampUpDays(),
                close.tolerance(), close.toleranceGainPerAttack(), close.clashHazard(), close.networkStance(),
                close.stanceEffects(), close.offsets(), close.attackEffect(), close.threatWeight(), close.useEvent(),
                close.liftEvent(), close.threatEvent()));
        LeverageModel high = new LeverageModel(s.withLevers(ls));
        int p = kit.policy(s, "close");
        int everLow = 0;
        int everHigh = 0;
        for (int r = 0; r < 3000; r++) {
            double[] v = low.parameterSpace().draw(Seeds.generator(5, r, Seeds.PARAMETERS));
            double[] w = v.clone();
            w[high.parameterSpace().require("/levers/0/harms/0/perDay")] = 80;
            RunOutcome a = low.simulate(p, v, Seeds.generator(5, r, Seeds.DYNAMICS));
            RunOutcome b = high.simulate(p, w, Seeds.generator(5, r, Seeds.DYNAMICS));
            // common random numbers: the first concession can only come earlier, the peak only higher
            if (a.everConceded()) {
                assertThat(b.everConceded()).as("run %d", r).isTrue();
                assertThat(b.firstConcessionDay).as("run %d", r).isLessThanOrEqualTo(a.firstConcessionDay);
            }
            assertThat(b.peakConcession).as("run %d", r).isGreaterThanOrEqualTo(a.peakConcession - 1e-12);
            everLow += a.everConceded() ? 1 : 0;
            everHigh += b.everConceded() ? 1 : 0;
        }
        assertThat(everHigh).isGreaterThan(everLow); // and the test can tell a difference
    }

    @Test
    void aLeverItsOwnerCannotSustainIsWorthLessThanOneItCan() {
        List<org.statecraft.core.scenario.Policy> ps = List.of(baseline(), useOnDay("u", 0, null));
        Quantity k = TestScenarios.logNormal(Math.log(0.3), 1);
        Scenario weak = withDemand(twoSided(30, 40, 1, 0.5, 0.5, 0.25, 1, 1, ps, 0), k, q(0.2), 0);
        Scenario strong = withDemand(twoSided(30, 40, 1, 0.5, 50, 0.25, 1, 1, ps, 0), k, q(0.2), 0);
        MonteCarloOptions opt = new MonteCarloOptions(4000, 3, 1);
        PolicySummary w = MonteCarlo.run(weak, opt, null).policies().get(1);
        PolicySummary s = MonteCarlo.run(strong, opt, null).policies().get(1);
        assertThat(s.meanConcession().value()).isGreaterThan(w.meanConcession().value());
        assertThat(s.outcomes().metDemand().value()).isGreaterThan(w.outcomes().metDemand().value());
    }

    @Test
    void aHarmWithAHalfLifeFadesToItsFloorAsDocumented() {
        Scenario s = withHarm(twoSided(20, 0, 0, 0, Double.NaN, 100, 1, 1,
                List.of(baseline(), useOnDay("u", 0, null)), 0), new Harm("t-base", q(20), null, null, q(5), q(0.25)));
        RunOutcome o = new LeverageModel(s).simulate(1, new LeverageModel(s).parameterSpace().means(),
                new SplittableRandom(1));
        double expected = 0;
        for (int tau = 0; tau < 60; tau++) {
            expected += 20 * (0.25 + 0.75 * Math.pow(2, -tau / 5.0));
        }
        assertThat(o.harm[0]).isCloseTo(expected, within(1e-9));
    }

    @Test
    void accumulationSaturatesAtOnePlusItsCap() {
        Scenario s = withHarm(twoSided(20, 0, 0, 0, Double.NaN, 100, 1, 1,
                List.of(baseline(), useOnDay("u", 0, null)), 0), new Harm("t-base", q(20), q(0.3), q(1.5), null, null));
        LeverageModel m = new LeverageModel(s);
        RunOutcome o = m.simulate(1, m.parameterSpace().means(), new SplittableRandom(1));
        double expected = 0;
        for (int tau = 0; tau < 60; tau++) {
            expected += 20 * (1 + 1.5 * (1 - Math.exp(-0.3 * tau / 1.5)));
        }
        assertThat(o.harm[0]).isCloseTo(expected, within(1e-9));
        assertThat(o.harm[0]).isLessThan(60 * 20 * 2.5);
    }

    @Test
    void aFlowNeverLosesMoreThanItsWholeBaselineInADay() {
        Scenario s = twoSided(500, 0, 1, 0, Double.NaN, 100, 1, 1, List.of(baseline(), useOnDay("u", 0, null)), 0);
        LeverageModel m = new LeverageModel(s);
        RunOutcome o = m.simulate(1, m.parameterSpace().means(), new SplittableRandom(1));
        assertThat(o.harm[0]).isCloseTo(60 * 100, within(1e-9));
        assertThat(o.relativeHarm[0]).isCloseTo(60, within(1e-9));
    }

    @Test
    void aStocksRelativeLossIsTheShareAffectedAndNeverExceedsOne() {
        Scenario s = twoSided(300, 0, -0.2, 0, Double.NaN, 100, 1, 1, List.of(baseline(), useOnDay("u", 0, null)), 0);
        Constituency c = s.constituencies().get(0);
        s = new Scenario(s.id(), s.title(), null, s.start(), s.horizonDays(), s.sources(), s.actors(),
                List.of(new Constituency(c.id(), null, c.side(), c.roles(), ConstituencyKind.STOCK, q(1000), "persons",
                        null), s.constituencies().get(1)), s.weights(), s.demand(), s.levers(), s.policies(),
                s.responses(), s.attacks(), s.clashes(), s.network(), null);
        LeverageModel m = new LeverageModel(s);
        RunOutcome o = m.simulate(1, m.parameterSpace().means(), new SplittableRandom(1));
        assertThat(o.relativeHarm[0]).isCloseTo(1, within(1e-12));
        assertThat(o.harm[0]).isCloseTo(1000, within(1e-9)); // 300 a day: exhausted on day 3, never more
        Kit kit = new Kit();
        Scenario k = kit.build();
        Analysis a = MonteCarlo.run(k, new MonteCarloOptions(300, 2, 1), null);
        for (RunOutcome[] policy : a.outcomes()) {
            for (RunOutcome r : policy) {
                assertThat(r.relativeHarm[2]).isBetween(0.0, 1.0);
                assertThat(r.harm[2]).isLessThanOrEqualTo(1000 + 1e-9);
            }
        }
    }

    @Test
    void renamingEveryIdChangesNoNumber() {
        Kit plain = new Kit();
        Kit renamed = new Kit(id -> "x-" + new StringBuilder(id).reverse() + "-" + id.length());
        MonteCarloOptions opt = new MonteCarloOptions(400, 9, 2);
        Analysis a = MonteCarlo.run(plain.build(), opt, null);
        Analysis b = MonteCarlo.run(renamed.build(), opt, null);
        for (int p = 0; p < a.policies().size(); p++) {
            PolicySummary x = a.policies().get(p);
            PolicySummary y = b.policies().get(p);
            assertThat(y.meanConcession().value()).isEqualTo(x.meanConcession().value());
            assertThat(y.outcomes()).isEqualTo(x.outcomes());
            assertThat(y.attacks().value()).isEqualTo(x.attacks().value());
            assertThat(y.coercerOwnCost().value()).isEqualTo(x.coercerOwnCost().value());
            assertThat(y.forecast()).isEqualTo(x.forecast());
            for (int ch = 0; ch < x.attribution().size(); ch++) {
                assertThat(y.attribution().get(ch).meanPressure()).isEqualTo(x.attribution().get(ch).meanPressure());
                assertThat(y.attribution().get(ch).deltaMetDemand()).isEqualTo(x.attribution().get(ch).deltaMetDemand());
            }
            for (int c = 0; c < x.harms().size(); c++) {
                assertThat(y.harms().get(c).mean()).isEqualTo(x.harms().get(c).mean());
            }
        }
    }

    @Test
    void theChannelsAddUpToTheExpectedPressure() {
        Kit kit = new Kit();
        Scenario s = kit.build();
        LeverageModel m = new LeverageModel(s);
        for (String policy : List.of("close", "distance", "eased", "strike")) {
            int p = kit.policy(s, policy);
            for (int r = 0; r < 50; r++) {
                double[] v = m.parameterSpace().draw(Seeds.generator(1, r, Seeds.PARAMETERS));
                RunOutcome o = m.newOutcome();
                DailySeries d = m.newDailySeries();
                m.simulate(p, v, Seeds.generator(1, r, Seeds.DYNAMICS), o, d, null);
                double total = java.util.Arrays.stream(d.pressure).sum();
                double channels = java.util.Arrays.stream(o.channelPressure).sum();
                assertThat(channels).as("%s run %d", policy, r).isCloseTo(total, within(1e-9 * (1 + Math.abs(total))));
            }
        }
    }

    @Test
    void aResponseFiresTheDayAfterTheMoveItAnswersAndItsHarmCountsAgainstThatMove() {
        Kit kit = new Kit();
        kit.attackRate = 0;
        Scenario s = kit.build();
        LeverageModel m = new LeverageModel(s);
        int p = kit.policy(s, "close");
        List<String> log = new ArrayList<>();
        RunOutcome o = m.newOutcome();
        m.simulate(p, m.parameterSpace().means(), new SplittableRandom(4), o, null,
                (day, src, tgt, code, what) -> log.add(day + ":" + what));
        assertThat(log).contains("0:close", "1:retaliate", "1:supply");
        assertThat(log).doesNotContain("0:retaliate");
        Scenario noResponses = new Scenario(s.id(), s.title(), null, s.start(), s.horizonDays(), s.sources(),
                s.actors(), s.constituencies(), s.weights(), s.demand(), s.levers(), s.policies(), List.of(),
                s.attacks(), s.clashes(), s.network(), null);
        LeverageModel m2 = new LeverageModel(noResponses);
        RunOutcome alone = m2.simulate(p, m2.parameterSpace().means(), new SplittableRandom(4));
        assertThat(o.firstSpell[0]).isLessThan(alone.firstSpell[0]);
        // day by day, close's own cost with the responses exceeds its cost alone by retaliation's harm on c-trade,
        // 0.5 (the coercer's weight) * 20/100, on each day retaliation is in force on close's account (days 1-10,
        // its 10 days from the day after close began; a clash in that time extends it), else by nothing
        double[] with = daily(m, p, m.parameterSpace().means(), 4, x -> x.leverOwnCost[0]);
        double[] without = daily(m2, p, m2.parameterSpace().means(), 4, x -> x.leverOwnCost[0]);
        int compared = 0;
        for (int t = 0; t < with.length; t++) {
            if (with[t] == 0 || without[t] == 0) {
                continue; // close not in force in one of the runs
            }
            double extra = with[t] - without[t];
            if (t >= 1 && t <= 10) {
                assertThat(extra).as("day %d", t).isCloseTo(0.1, within(1e-12));
                compared++;
            } else if (t == 0) {
                assertThat(extra).as("day 0").isZero();
            } else {
                assertThat(Math.min(Math.abs(extra), Math.abs(extra - 0.1))).as("day %d", t).isLessThan(1e-12);
            }
        }
        assertThat(compared).isEqualTo(10);
    }

    @Test
    void anOffsetReplacesItsShareOfTheLoss() {
        Kit kit = new Kit();
        kit.attackRate = 0;
        Scenario s = kit.build();
        LeverageModel m = new LeverageModel(s);
        int p = kit.policy(s, "close");
        double[] v = m.parameterSpace().means();
        RunOutcome o = m.simulate(p, v, new SplittableRandom(2));
        double[] w = v.clone();
        w[m.parameterSpace().require("/levers/5/offsets/0/share")] = 0;
        RunOutcome none = m.simulate(p, w, new SplittableRandom(2));
        // day 0: 40/100 before the supply starts on day 1; then half of each day's loss (cap not reached)
        double day0 = 40;
        assertThat(o.harm[0] - day0).isCloseTo((none.harm[0] - day0) * 0.5, within(1e-6 * none.harm[0]));
    }

    @Test
    void anAttackEffectDegradesTheProxyAndRecoversWithItsHalfLife() {
        // strike used on day 0 (after that day's attacks: the day's steps run attacks first) and lifted on day 10
        // (after that day's attacks), no excitation and no suppression: the expected attacks are base on day 0,
        // base·(1 − 0.4) on days 1-9, and base·(1 − 0.4·2^{−(t−10)/20}) from day 10; the mean over many runs must
        // follow that curve, and neither the one without recovery nor the one without the effect
        Kit kit = new Kit();
        kit.attackRate = 2;
        Scenario built = kit.build();
        Scenario s = built.withPolicies(List.of(built.policies().get(0), new org.statecraft.core.scenario.Policy(
                "strike-10", null, null, List.of(new org.statecraft.core.scenario.Rule(
                new org.statecraft.core.scenario.Trigger.OnDay(0), org.statecraft.core.scenario.Rule.Action.USE,
                "strike", 10, true)), true)));
        LeverageModel m = new LeverageModel(s);
        double[] v = m.parameterSpace().means();
        v[m.parameterSpace().require("/attacks/excitation")] = 0;
        v[m.parameterSpace().require("/attacks/suppression")] = 0;
        int runs = 4000;
        DailySeries d = m.newDailySeries();
        for (int r = 0; r < runs; r++) {
            m.simulate(1, v, Seeds.generator(3, r, Seeds.DYNAMICS), m.newOutcome(), d, null);
        }
        double during = 0;
        double after = 0;
        double expectedAfter = 0;
        for (int t = 0; t < 10; t++) {
            during += d.attacks[t] / runs;
        }
        for (int t = 10; t < s.horizonDays(); t++) {
            after += d.attacks[t] / runs;
            expectedAfter += 2 * (1 - 0.4 * Math.pow(2, -(t - 10) / 20.0));
        }
        // Poisson counts: the standard error of a mean sum S over the runs is √(S/runs): 0.06 and 0.22 here
        assertThat(during).isCloseTo(2 + 9 * 2 * 0.6, within(0.3));
        assertThat(after).isCloseTo(expectedAfter, within(1.0));
        double noRecovery = (s.horizonDays() - 10) * 2 * 0.6;
        double noEffect = (s.horizonDays() - 10) * 2.0;
        assertThat(Math.abs(after - expectedAfter)).isLessThan(Math.abs(after - noRecovery) / 10)
                .isLessThan(Math.abs(after - noEffect) / 10);
    }

    @Test
    void theBackslidingHazardShiftsNoOtherDrawEvenAtZero() {
        // a target that never concedes never backslides, whatever the hazard: every other draw (clashes, attacks,
        // decisions) must then be the same with a hazard of 0 as with one of 0.3, run by run (common random numbers
        // across inputs, as the sensitivity analysis and the conditioning use them)
        Kit kit = new Kit();
        kit.backslide = 0;
        Scenario s = kit.build();
        LeverageModel m = new LeverageModel(s);
        int p = kit.policy(s, "close");
        int hazard = m.parameterSpace().require("/demand/backsliding/hazard");
        int clashesSeen = 0;
        for (int r = 0; r < 50; r++) {
            double[] v = m.parameterSpace().draw(Seeds.generator(6, r, Seeds.PARAMETERS));
            v[m.parameterSpace().require("/demand/complianceCost")] = 1e9;
            double[] w = v.clone();
            v[hazard] = 0;
            w[hazard] = 0.3;
            RunOutcome a = m.simulate(p, v, Seeds.generator(6, r, Seeds.DYNAMICS));
            RunOutcome b = m.simulate(p, w, Seeds.generator(6, r, Seeds.DYNAMICS));
            assertThat(a.peakConcession).isZero();
            assertThat(b.attacks).as("run %d", r).isEqualTo(a.attacks);
            assertThat(b.clashes).as("run %d", r).isEqualTo(a.clashes);
            assertThat(b.firstSpell).as("run %d", r).isEqualTo(a.firstSpell);
            clashesSeen += a.clashes;
        }
        assertThat(clashesSeen).as("the runs draw clashes at all").isPositive();
    }

    @Test
    void anEasedLeverHarmsInProportionToItsLevelAndAStoppedOneEnds() {
        Kit kit = new Kit();
        kit.attackRate = 0;
        Scenario s = kit.build();
        LeverageModel m = new LeverageModel(s, CredibilityRule.BELIEF);
        double[] v = m.parameterSpace().means();
        v[m.parameterSpace().require("/levers/0/tolerance")] = 1e9; // the owner holds on: only the rules end it
        v[m.parameterSpace().require("/demand/complianceCost")] = 1e9; // the target never concedes
        int tTrade = 0;
        double[] eased = dailyHarm(m, kit.policy(s, "eased"), v, tTrade);
        double[] close = dailyHarm(m, kit.policy(s, "close"), v, tTrade);
        // "eased": close used on day 0, eased to 0.5 on day 20, stopped on day 60; "close" the same, never eased
        for (int t = 0; t < 20; t++) {
            assertThat(eased[t]).as("day %d", t).isEqualTo(close[t]);
        }
        for (int t = 20; t < 60; t++) {
            assertThat(close[t]).as("day %d", t).isPositive();
            assertThat(eased[t]).as("day %d", t).isCloseTo(0.5 * close[t], within(1e-9 * close[t]));
        }
        for (int t = 60; t < s.horizonDays(); t++) {
            assertThat(eased[t]).as("day %d", t).isZero();
            assertThat(close[t]).as("day %d", t).isPositive();
        }
        RunOutcome o = m.newOutcome();
        m.simulate(kit.policy(s, "eased"), v, new SplittableRandom(8), o, null, null);
        // stopped on day 60 before that day's harms: in force on days 0-59
        assertThat(o.firstSpell[0]).isEqualTo(60);
        assertThat(o.daysInUse[0]).isEqualTo(60);
        assertThat(o.firstSpellEnd[0]).isEqualTo(LiftReason.RULE);
    }

    /** Constituency c's harm on each day of one run (seed 8). */
    private static double[] dailyHarm(LeverageModel m, int policy, double[] v, int c) {
        return daily(m, policy, v, 8, o -> o.harm[c]);
    }

    /** What a running total of the outcome adds on each day of one run, stepped a day at a time. */
    private static double[] daily(LeverageModel m, int policy, double[] v, long seed,
                                  java.util.function.ToDoubleFunction<RunOutcome> total) {
        RunState state = m.newState();
        RunOutcome o = m.newOutcome();
        state.reset(policy, v, new SplittableRandom(seed), o, null, null);
        double[] daily = new double[m.horizon()];
        double before = 0;
        for (int t = 0; t < daily.length; t++) {
            state.day(t);
            daily[t] = total.applyAsDouble(o) - before;
            before = total.applyAsDouble(o);
        }
        return daily;
    }

    @Test
    void attacksSufferedRaiseTheOwnersTolerance() {
        List<org.statecraft.core.scenario.Policy> ps = List.of(baseline(), useOnDay("u", 0, null));
        Scenario s = twoSided(1, 40, 0, 0.5, 1.0, 100, 1, 1, ps, 1.0);
        Lever l = s.levers().get(0);
        Scenario grows = s.withLevers(List.of(new Lever(l.id(), null, null, l.owner(), l.target(), l.harms(), 1,
                l.tolerance(), q(0.5), l.clashHazard(), null, List.of(), List.of(), null, l.threatWeight(),
                l.useEvent(), l.liftEvent(), null)));
        LeverageModel fixed = new LeverageModel(s);
        LeverageModel growing = new LeverageModel(grows);
        RunOutcome a = fixed.simulate(1, fixed.parameterSpace().means(), new SplittableRandom(3));
        RunOutcome b = growing.simulate(1, growing.parameterSpace().means(), new SplittableRandom(3));
        assertThat(a.firstSpell[0]).isEqualTo(5);
        assertThat(b.firstSpell[0]).isGreaterThan(5);
    }

    @Test
    void theTargetLearnsFromWhatTheOwnerHasBorneWhenItsBeliefIsUncertain() {
        // A heavy-tailed prior's mean excess grows with the cost borne: the same pressure is worth more
        // once the lever has lasted. Lognormal prior: the engine's table matches the closed form.
        ToleranceBelief b = ToleranceBelief.of(TestScenarios.logNormal(0, 1.5));
        assertThat(b.meanExcess(5)).isGreaterThan(b.meanExcess(1));
        assertThat(b.meanExcess(1)).isGreaterThan(b.meanExcess(0.2));
        for (double a : new double[] {1e-3, 0.1, 0.5, 1, 2, 5, 20, 100}) {
            assertThat(b.meanExcess(a)).as("a = %s", a).isCloseTo(b.meanExcessExact(a),
                    within(1e-4 * b.meanExcessExact(a)));
        }
    }

    @Test
    void theLognormalMeanExcessClosedFormAgreesWithNumericalIntegration() {
        double mu = 0.3;
        double sigma = 0.8;
        ToleranceBelief b = ToleranceBelief.of(TestScenarios.logNormal(mu, sigma));
        for (double a : new double[] {0.5, 1.3, 3, 8}) {
            // E[Θ − a | Θ > a] = ∫_a^∞ (1 − F(θ)) dθ / (1 − F(a)), trapezoid rule on a fine grid
            double num = 0;
            double h = 1e-3;
            for (double t = a; t < a + 200; t += h) {
                double f0 = 1 - SpecialFunctions.normalCdfPrecise((Math.log(t) - mu) / sigma);
                double f1 = 1 - SpecialFunctions.normalCdfPrecise((Math.log(t + h) - mu) / sigma);
                num += 0.5 * h * (f0 + f1);
            }
            double tail = 1 - SpecialFunctions.normalCdfPrecise((Math.log(a) - mu) / sigma);
            assertThat(b.meanExcessExact(a)).as("a = %s", a).isCloseTo(num / tail, within(1e-4 * num / tail));
        }
        // a point prior: the owner's tolerance is known, e(a) = Θ − a
        ToleranceBelief point = ToleranceBelief.of(q(4));
        assertThat(point.meanExcess(1.5)).isCloseTo(2.5, within(1e-12));
        assertThat(point.meanExcess(4.5)).isInfinite();
    }

    @Test
    void aConstituencyWithSeveralRolesCountsAsCollateralToo() {
        Kit kit = new Kit();
        Scenario s = kit.build();
        assertThat(s.constituencies().get(3).hasRole(org.statecraft.core.scenario.ConstituencyRole.COLLATERAL)).isTrue();
        LeverageModel m = new LeverageModel(s);
        RunOutcome o = m.simulate(kit.policy(s, "distance"), m.parameterSpace().means(), new SplittableRandom(1));
        assertThat(o.relativeHarm[3]).isPositive();
        assertThat(MonteCarlo.collateral(o, MonteCarlo.collateralRoles(s.constituencies()))).isGreaterThanOrEqualTo(o.relativeHarm[3]);
        assertThat(new EventCode("087", 9).quadClass()).isEqualTo(2);
    }
}
