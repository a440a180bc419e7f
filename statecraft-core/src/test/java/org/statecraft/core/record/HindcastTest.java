package org.statecraft.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statecraft.core.leverage.Kit;
import org.statecraft.core.scenario.LeverSpell;
import org.statecraft.core.scenario.Observed;
import org.statecraft.core.scenario.ObservedAction;
import org.statecraft.core.scenario.Policy;
import org.statecraft.core.scenario.Rule;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.core.scenario.Trigger;

/** The recorded policy, the probe and the scorecard's bookkeeping (not the model's answer). */
class HindcastTest {
    static Scenario withRecord() {
        Kit kit = new Kit();
        Scenario s = kit.build();
        LocalDate d0 = s.start();
        Observed o = new Observed(d0.plusDays(89), List.of(),
                List.of(new LeverSpell("close", d0.minusDays(400), d0.minusDays(380), null),
                        new LeverSpell("close", d0.minusDays(200), d0.minusDays(190), null),
                        new LeverSpell("close", d0.plusDays(10), null, d0.plusDays(89), null),
                        new LeverSpell("deport", d0.plusDays(5), d0.plusDays(25), null),
                        new LeverSpell("retaliate", d0.plusDays(11), d0.plusDays(14), null)),
                List.of(new ObservedAction(d0.plusDays(40), "c", "strike", 1, "a strike", null),
                        new ObservedAction(d0.plusDays(41), "c", null, 1, "a raid the scenario has no lever for", null)),
                List.of(), List.of(), List.of(), null);
        return s.withObserved(o);
    }

    @Test
    void theRecordedPolicyIsBuiltFromTheRecordsSpellsAndActions() {
        Scenario s = withRecord();
        RecordedPolicy rp = RecordedPolicy.of(s, s.observed().until());
        assertThat(rp.horizon()).isEqualTo(90);
        List<Rule> rules = rp.policy().rules();
        // close has a tolerance: started on its day, ended by the model; deport has none: as recorded
        assertThat(rules).containsExactly(
                new Rule(new Trigger.OnDay(10), Rule.Action.USE, "close", null, true),
                new Rule(new Trigger.OnDay(5), Rule.Action.USE, "deport", 20, true),
                new Rule(new Trigger.OnDay(40), Rule.Action.USE, "strike", 1, true));
        assertThat(rp.notes()).anyMatch(n -> n.contains("retaliate") && n.contains("not replayed"))
                .anyMatch(n -> n.contains("no lever in the scenario"));
        assertThat(rp.policy().releaseOnConcession()).isTrue();
    }

    @Test
    void theSampleDoesNotDependOnTheThreads() {
        Scenario s = withRecord();
        HindcastSample one = Hindcast.simulate(s, null, 300, 11, 1).sample();
        HindcastSample two = Hindcast.simulate(s, null, 300, 11, 2).sample();
        assertThat(two.spellDays).isDeepEqualTo(one.spellDays);
        assertThat(two.metDay).isEqualTo(one.metDay);
        assertThat(two.values).isDeepEqualTo(one.values);
    }

    @Test
    void aSimulatedSpellIsCensoredAtTheWindowsEndAndNeverOutlastsIt() {
        Scenario s = withRecord();
        HindcastSample x = Hindcast.simulate(s, null, 300, 5, 2).sample();
        for (int r = 0; r < x.runs; r++) {
            assertThat(x.spellDays[r][0]).isBetween(0.0, 80.0);
            assertThat(x.spellCensored[r][0]).isEqualTo(x.spellDays[r][0] == 80.0);
        }
    }

    @Test
    void theDurationBaselineIsTheLeversEarlierSpellsAndAnOpenSpellIsALowerBound() {
        Scenario s = withRecord();
        Scorecard c = Scorecard.of(Hindcast.simulate(s, null, 200, 5, 2));
        Scorecard.Item close = c.items().stream().filter(i -> i.kind() == Scorecard.Kind.DURATION).findFirst()
                .orElseThrow();
        assertThat(close.lowerBound()).isTrue();
        assertThat(close.observed()).isEqualTo(79);
        assertThat(close.baselineName()).contains("2 earlier spells").contains("[20, 10]");
        // an open spell has no CRPS, only the log score of D >= y, for model and baseline (neither earlier spell reached 79)
        assertThat(close.scores()).extracting(Scorecard.Score::rule).containsExactly("log");
        assertThat(close.scores().get(0).baseline()).isEqualTo(ProperScores.logScore(ProperScores.kt(0, 2)));
        // no 31 December inside the window: one checkpoint (the window's end), for the demand met and for any concession
        assertThat(c.items()).filteredOn(i -> i.kind() == Scorecard.Kind.CONCESSION).hasSize(2);
    }

    @Test
    void aBranchRepeatsTheRecordedRulesAndStartsThePolicyOnTheDate() {
        Policy recorded = new Policy("recorded", null, null,
                List.of(new Rule(new Trigger.OnDay(3), Rule.Action.USE, "close", null, true)), true);
        Policy p = new Policy("p", null, null, List.of(new Rule(new Trigger.OnDay(0), Rule.Action.USE, "deport", 5, true),
                new Rule(new Trigger.OnAttack(), Rule.Action.USE, "strike", 2, false)), true);
        Policy b = Conditioning.branch(recorded, p, 50);
        assertThat(b.rules()).containsExactly(recorded.rules().get(0),
                new Rule(new Trigger.OnDay(50), Rule.Action.USE, "deport", 5, true),
                new Rule(new Trigger.From(50, new Trigger.OnAttack()), Rule.Action.USE, "strike", 2, false));
    }
}
