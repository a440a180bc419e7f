package org.statecraft.core.scenario;

import java.time.LocalDate;
import java.util.List;

/**
 * What happened, from sources: the record a scenario is scored against and conditioned on. {@code until}: the
 * record is complete up to this date (null: the record is only illustrative, and nothing is scored). The events
 * feed the tension series; spells, actions, counts, concessions and stance moves are the outcomes a hindcast
 * scores ({@code docs/models/hindcast.md}). {@code concessionBaseRate}: the model-free rate of acquiescence the
 * concession scores are set beside (TIES), or null.
 */
public record Observed(LocalDate until, List<ObservedEvent> events, List<LeverSpell> spells,
                       List<ObservedAction> actions, List<ObservedCount> counts,
                       List<ObservedConcession> concessions, List<StanceMove> stances, Quantity concessionBaseRate) {
    public Observed {
        events = events == null ? List.of() : List.copyOf(events);
        spells = spells == null ? List.of() : List.copyOf(spells);
        actions = actions == null ? List.of() : List.copyOf(actions);
        counts = counts == null ? List.of() : List.copyOf(counts);
        concessions = concessions == null ? List.of() : List.copyOf(concessions);
        stances = stances == null ? List.of() : List.copyOf(stances);
    }

    public static Observed empty() {
        return new Observed(null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null);
    }

    /** Events and spells only (no window): the record before hindcasts existed. */
    public static Observed of(List<ObservedEvent> events, List<LeverSpell> spells) {
        return new Observed(null, events, spells, List.of(), List.of(), List.of(), List.of(), null);
    }

    /** A record with a window that can be scored. */
    public boolean scorable() {
        return until != null;
    }

    /** The same record, cut at {@code date}: what was known then (spells still running on it become open). */
    public Observed until(LocalDate date) {
        List<LeverSpell> sp = spells.stream().filter(s -> s.from().isBefore(date)).map(s -> {
            if (!s.open() && !s.to().isAfter(date)) {
                return s;
            }
            LocalDate seen = s.open() && s.inForceOn().isBefore(date) ? s.inForceOn() : date;
            return new LeverSpell(s.lever(), s.from(), null, seen, s.source());
        }).toList();
        return new Observed(until == null || date.isBefore(until) ? date : until,
                events.stream().filter(e -> !e.date().isAfter(date)).toList(), sp,
                actions.stream().filter(a -> !a.date().isAfter(date)).toList(),
                counts.stream().filter(c -> !c.to().isAfter(date)).toList(),
                concessions.stream().filter(c -> !c.date().isAfter(date)).toList(),
                stances.stream().filter(s -> !s.date().isAfter(date)).toList(), concessionBaseRate);
    }
}
