package org.statecraft.core.record;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.statecraft.core.scenario.Lever;
import org.statecraft.core.scenario.LeverSpell;
import org.statecraft.core.scenario.ObservedAction;
import org.statecraft.core.scenario.Policy;
import org.statecraft.core.scenario.Rule;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.core.scenario.Trigger;

/**
 * The policy that reproduces what the coercer did, built from the record (never hand-copied): each recorded spell
 * of one of its levers starts that lever on the spell's first day, and each action with a lever uses it for its
 * days. A lever with a tolerance is left to end as the model ends it (own cost, concession, the horizon): its
 * duration is what the hindcast scores. A lever without one has no ending mechanism, so it follows the record:
 * it lasts the recorded days, or to the end of the window while still in force. Moves of other actors are not
 * replayed: the scenario's responses stand for them.
 *
 * @param policy   the rules, with release on concession
 * @param notes    what was replayed and what could not be, one line each, for the output
 * @param horizon  days from the scenario's start to {@code until} (included)
 */
public record RecordedPolicy(Policy policy, List<String> notes, int horizon) {
    public static final String ID = "recorded";

    public static RecordedPolicy of(Scenario s, LocalDate until) {
        List<Rule> rules = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int horizon = s.dayOf(until) + 1;
        String coercer = s.demand().coercer();
        for (LeverSpell sp : s.observed().spells()) {
            Lever lever = s.lever(sp.lever()).orElseThrow();
            if (sp.from().isBefore(s.start()) || sp.from().isAfter(until)) {
                continue;
            }
            if (!lever.owner().equals(coercer)) {
                notes.add(sp.lever() + " from " + sp.from() + ": " + lever.owner() + "'s lever, not replayed (the "
                        + "scenario's responses stand for it)");
                continue;
            }
            int day = s.dayOf(sp.from());
            if (lever.tolerance() != null) {
                rules.add(new Rule(new Trigger.OnDay(day), Rule.Action.USE, sp.lever(), null, true));
                notes.add(sp.lever() + " from " + sp.from() + ": started on the day; the model decides when it ends");
            } else {
                LocalDate end = sp.open() || sp.to().isAfter(until) ? null : sp.to();
                Integer days = end == null ? null : Math.max(1, s.dayOf(end) - day);
                rules.add(new Rule(new Trigger.OnDay(day), Rule.Action.USE, sp.lever(), days, true));
                notes.add(sp.lever() + " from " + sp.from() + ": as recorded (" + (days == null ? "in force to "
                        + until : days + " days") + "; the lever has no tolerance, so no ending to score)");
            }
        }
        for (ObservedAction a : s.observed().actions()) {
            if (a.date().isBefore(s.start()) || a.date().isAfter(until) || !a.actor().equals(coercer)) {
                continue;
            }
            if (a.lever() == null) {
                notes.add("action of " + a.date() + " (" + (a.description() == null ? "no description"
                        : a.description()) + "): no lever in the scenario, not simulated");
                continue;
            }
            rules.add(new Rule(new Trigger.OnDay(s.dayOf(a.date())), Rule.Action.USE, a.lever(), a.days(), true));
            notes.add(a.lever() + " on " + a.date() + ": used for " + a.days() + " day(s) as recorded");
        }
        Policy p = new Policy(ID, "What the coercer did (from the record)",
                "Built from the record's spells and actions up to " + until, rules, true);
        return new RecordedPolicy(p, List.copyOf(notes), horizon);
    }
}
