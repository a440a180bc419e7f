package org.statecraft.core.montecarlo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.statecraft.core.leverage.DailySeries;
import org.statecraft.core.scenario.Actor;
import org.statecraft.core.scenario.ObservedEvent;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.core.tension.ActorSpec;
import org.statecraft.core.tension.Dyad;
import org.statecraft.core.tension.Period;
import org.statecraft.core.tension.TensionEvent;
import org.statecraft.core.tension.TensionIndex;
import org.statecraft.core.tension.TensionPoint;

/**
 * Simulated and observed tension as one quantity. The leverage engine's coercer–target events, summed over all
 * Monte Carlo runs day by day, and the scenario's observed events both go through {@link TensionIndex} for the
 * coercer–target dyad, with the actors matched by their CAMEO codes ({@link Actor#cameo()}, or the actor id
 * where a scenario gives none). The index T is volume-normalised, so summing runs leaves it a per-event
 * average; counts and sums divided by the run count are per-run expectations.
 */
public final class SimulatedTension {
    private SimulatedTension() {
    }

    /** The dyad coercer:target (undirected), each side by its CAMEO code. */
    public static Dyad dyad(Scenario s) {
        return new Dyad(spec(s, s.demand().coercer()), spec(s, s.demand().target()), false);
    }

    /** How events name an actor: its CAMEO code if the scenario gives one. */
    public static String code(Scenario s, String actorId) {
        return s.actor(actorId).map(Actor::cameo).filter(c -> c != null).orElse(actorId);
    }

    private static ActorSpec spec(Scenario s, String actorId) {
        String code = code(s, actorId);
        if (!code.matches("[A-Za-z]{3}(/[A-Za-z]{3})?")) {
            // an actor without a CAMEO code: a pseudo-code that only its own events carry
            throw new IllegalArgumentException("actor " + actorId + " has no CAMEO code (add `cameo: CTRY` to it)");
        }
        return ActorSpec.parse(code);
    }

    /** The simulated series of one policy: totals over its runs (divide counts and sums by the run count). */
    public static List<TensionPoint> simulated(Scenario s, DailySeries totals, Period period) {
        TensionIndex index = new TensionIndex(dyad(s), period, s.start(), s.start().plusDays(s.horizonDays() - 1));
        Map<LocalDate, TensionIndex.Accumulator> byPeriod = new HashMap<>();
        for (int t = 0; t < s.horizonDays(); t++) {
            LocalDate p = period.start(s.start().plusDays(t));
            byPeriod.computeIfAbsent(p, k -> new TensionIndex.Accumulator()).combine(totals.tensionAccumulator(t));
        }
        return index.series(byPeriod);
    }

    /** The observed events of the scenario on the coercer–target dyad, over the scenario's horizon. */
    public static List<TensionPoint> observed(Scenario s, Period period) {
        TensionIndex index = new TensionIndex(dyad(s), period, s.start(), s.start().plusDays(s.horizonDays() - 1));
        return index.compute(s.observedEvents().stream().map(e -> event(s, e)).toList());
    }

    static TensionEvent event(Scenario s, ObservedEvent e) {
        return new TensionEvent(e.date(), code(s, e.actor()), code(s, e.counterpart()), e.code().cameo(),
                e.code().goldstein(), e.code().quadClass());
    }
}
