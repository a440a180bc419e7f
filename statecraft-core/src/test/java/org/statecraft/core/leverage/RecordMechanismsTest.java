package org.statecraft.core.leverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statecraft.core.random.Seeds;
import org.statecraft.core.scenario.Harm;
import org.statecraft.core.scenario.Lever;
import org.statecraft.core.scenario.Policy;
import org.statecraft.core.scenario.Quantity;
import org.statecraft.core.scenario.Rule;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.core.scenario.Trigger;

/** The engine concepts the record needs: tolerance in days, its recovery, rules active from a day. */
class RecordMechanismsTest {
    private static Lever tolerance(Lever l, Quantity tol, boolean inDays, Quantity recovery) {
        return new Lever(l.id(), l.name(), l.description(), l.owner(), l.target(), l.harms(), l.rampUpDays(), tol,
                l.toleranceGainPerAttack(), l.clashHazard(), l.networkStance(), l.stanceEffects(), l.offsets(),
                l.attackEffect(), l.threatWeight(), l.useEvent(), l.liftEvent(), l.threatEvent(), inDays, recovery);
    }

    private static Scenario withClose(Scenario s, java.util.function.UnaryOperator<Lever> f, Policy... policies) {
        List<Lever> ls = new ArrayList<>();
        for (Lever l : s.levers()) {
            ls.add(l.id().equals("close") ? f.apply(l) : l);
        }
        Scenario out = s.withLevers(ls);
        return policies.length == 0 ? out : out.withPolicies(List.of(policies));
    }

    private static Lever scaleOwnHarm(Lever l, double factor) {
        List<Harm> hs = new ArrayList<>();
        for (Harm h : l.harms()) {
            hs.add(h.constituency().equals("c-trade") ? new Harm(h.constituency(), Quantity.of(h.perDay().mean() * factor),
                    h.accumulation(), h.accumulationCap(), h.halfLifeDays(), h.floor()) : h);
        }
        return new Lever(l.id(), l.name(), l.description(), l.owner(), l.target(), hs, l.rampUpDays(), l.tolerance(),
                l.toleranceGainPerAttack(), l.clashHazard(), l.networkStance(), l.stanceEffects(), l.offsets(),
                l.attackEffect(), l.threatWeight(), l.useEvent(), l.liftEvent(), l.threatEvent(), l.toleranceInDays(),
                l.toleranceRecoveryDays());
    }

    private static int[] firstSpells(Scenario s, String policy, int runs) {
        LeverageModel m = new LeverageModel(s, CredibilityRule.KNOWN);
        int p = s.policies().indexOf(s.policy(policy).orElseThrow());
        int close = List.of(m.leverIds()).indexOf("close");
        int[] out = new int[runs];
        for (int r = 0; r < runs; r++) {
            double[] v = m.parameterSpace().draw(Seeds.generator(1, r, Seeds.PARAMETERS));
            out[r] = m.simulate(p, v, Seeds.generator(1, r, Seeds.DYNAMICS)).firstSpell[close];
        }
        return out;
    }

    /** The kit without counter-moves, so the lever's own harm is the whole of its owner's cost. */
    private static Scenario noResponses(Scenario s) {
        return new Scenario(s.id(), s.title(), null, s.start(), s.horizonDays(), s.sources(), s.actors(),
                s.constituencies(), s.weights(), s.demand(), s.levers(), s.policies(), List.of(), s.attacks(),
                s.clashes(), s.network(), s.observed());
    }

    @Test
    void aToleranceInDaysDoesNotDependOnTheSizeOfTheLeversOwnCost() {
        Kit kit = new Kit();
        kit.resolve = Quantity.of(1e6); // a target that never concedes: every spell ends for cost or at the horizon
        Scenario base = noResponses(kit.build());
        Scenario days = withClose(base, l -> tolerance(l, Quantity.of(8), true, null));
        Scenario daysDouble = withClose(days, l -> scaleOwnHarm(l, 2));
        Scenario units = withClose(base, l -> tolerance(l, Quantity.of(1.2), false, null));
        Scenario unitsDouble = withClose(units, l -> scaleOwnHarm(l, 2));
        assertThat(firstSpells(daysDouble, "close", 50)).isEqualTo(firstSpells(days, "close", 50));
        int[] u = firstSpells(units, "close", 50);
        int[] u2 = firstSpells(unitsDouble, "close", 50);
        for (int r = 0; r < u.length; r++) {
            assertThat(u2[r]).isLessThanOrEqualTo(u[r]);
        }
        assertThat(java.util.Arrays.stream(u2).sum()).isLessThan(java.util.Arrays.stream(u).sum());
    }

    @Test
    void aLeverLiftedForCostIsUsedAgainOnlyOnceItsBorneCostHasRecovered() {
        Policy twice = new Policy("twice", null, null, List.of(
                new Rule(new Trigger.OnDay(0), Rule.Action.USE, "close", null, true),
                new Rule(new Trigger.OnDay(60), Rule.Action.USE, "close", null, true)), false);
        Scenario never = withClose(new Kit().build(), l -> tolerance(l, Quantity.of(5), true, null), twice);
        Scenario recovers = withClose(new Kit().build(), l -> tolerance(l, Quantity.of(5), true, Quantity.of(5)), twice);
        for (Scenario s : List.of(never, recovers)) {
            LeverageModel m = new LeverageModel(s, CredibilityRule.KNOWN);
            int close = List.of(m.leverIds()).indexOf("close");
            double[] v = m.parameterSpace().draw(Seeds.generator(2, 0, Seeds.PARAMETERS));
            RunOutcome o = m.simulate(0, v, Seeds.generator(2, 0, Seeds.DYNAMICS));
            assertThat(o.firstSpellEnd[close]).isEqualTo(LiftReason.OWN_COST);
            if (s == never) {
                assertThat(o.daysInUse[close]).isEqualTo(o.firstSpell[close]);
            } else {
                assertThat(o.daysInUse[close]).isGreaterThan(o.firstSpell[close]);
            }
        }
    }

    @Test
    void aRuleActiveFromADayNeverFiresBeforeIt() {
        Scenario s = new Kit().build().withPolicies(List.of(new Policy("late", null, null, List.of(
                new Rule(new Trigger.From(30, new Trigger.OnAttack()), Rule.Action.USE, "deport", 20, false)), true)));
        LeverageModel m = new LeverageModel(s);
        int deport = List.of(m.leverIds()).indexOf("deport");
        int used = 0;
        for (int r = 0; r < 50; r++) {
            double[] v = m.parameterSpace().draw(Seeds.generator(3, r, Seeds.PARAMETERS));
            RunOutcome o = m.simulate(0, v, Seeds.generator(3, r, Seeds.DYNAMICS));
            if (o.firstUse[deport] >= 0) {
                used++;
                assertThat(o.firstUse[deport]).isGreaterThanOrEqualTo(30);
            }
        }
        assertThat(used).isPositive();
    }
}
