package org.statecraft.core.montecarlo;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.statecraft.core.scenario.LeverSpell;
import org.statecraft.core.scenario.Policy;
import org.statecraft.core.scenario.Rule;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.core.scenario.Trigger;

/**
 * Observed lever spells (e.g. Torkham closed 6–15 Sept 2023) set beside the simulated length of the same
 * lever's first spell, under every policy that applies that lever on the spell's first day.
 */
public record Replay(String lever, String observedFrom, String observedTo, long observedDays, String source,
                     String policy, PolicySummary.LeverUse simulated) {

    public static List<Replay> of(Scenario scenario, Analysis analysis) {
        List<Replay> out = new ArrayList<>();
        for (LeverSpell spell : scenario.observedSpells()) {
            long day = ChronoUnit.DAYS.between(scenario.start(), spell.from());
            for (Policy p : scenario.policies()) {
                boolean replays = p.rules().stream().anyMatch(r -> r.action() == Rule.Action.USE
                        && r.lever().equals(spell.lever()) && r.trigger() instanceof Trigger.OnDay d && d.day() == day);
                if (!replays) {
                    continue;
                }
                PolicySummary.LeverUse use = analysis.policy(p.id()).levers().stream()
                        .filter(l -> l.lever().equals(spell.lever())).findFirst().orElseThrow();
                out.add(new Replay(spell.lever(), spell.from().toString(), spell.open() ? "in force on "
                        + spell.inForceOn() : spell.to().toString(), spell.days(),
                        spell.source(), p.id(), use));
            }
        }
        return out;
    }

    /** Share of runs whose simulated first spell was no longer than the observed one. */
    public double shareNoLongerThanObserved() {
        double s = 0;
        double[] h = simulated.spellHistogram();
        for (int d = 0; d <= Math.min(observedDays, h.length - 1); d++) {
            s += h[d];
        }
        return s;
    }
}
