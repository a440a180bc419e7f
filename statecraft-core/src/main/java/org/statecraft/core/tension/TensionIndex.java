package org.statecraft.core.tension;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The dyadic tension index: events between two sides aggregated per period (day, ISO week or month).
 *
 * <p>For the events e of a period, with Goldstein values g<sub>e</sub> ∈ [−10, 10] (Goldstein 1992, "A
 * Conflict-Cooperation Scale for WEIS Events Data", <i>J. Conflict Resolution</i> 36(2)) and n events:
 * <pre>
 *   S  = Σ g_e                      goldsteinSum
 *   M  = S / n                      goldsteinMean
 *   C+ = Σ max(g_e, 0)              cooperativeSum
 *   C− = Σ max(−g_e, 0)             conflictualSum      (S = C+ − C−)
 *   q_k = |{e : quadClass_e = k}| / n   QuadClass shares, k = 1..4
 *   T  = (C− − C+) / (10 n) = −M / 10   index, in [−1, 1]
 * </pre>
 * T is normalised by volume so that a period with many reports is not "tenser" merely for being reported
 * more: +1 means every event was of the most conflictual kind, −1 the most cooperative. Periods without
 * events between the first and last period of the range are present with n = 0 and every statistic 0.
 *
 * <p>Sums are exact: Goldstein values are added as whole millionths ({@link #micros}), so the result does
 * not depend on summation order, and an SQL engine summing the same integers gives bit-identical numbers
 * (the DuckDB store does; {@link Accumulator#of} rebuilds a point from such integer aggregates). Goldstein
 * values finer than 10<sup>−6</sup> are rounded to it.
 *
 * <p>Complexity: O(N log P) for N events in P periods; memory O(P).
 */
public final class TensionIndex {
    private final Dyad dyad;
    private final Period period;
    private final LocalDate from;
    private final LocalDate to;

    /**
     * @param dyad which events count
     * @param period the period length
     * @param from first day included, or {@code null} for the first event's period
     * @param to last day included, or {@code null} for the last event's period
     */
    public TensionIndex(Dyad dyad, Period period, LocalDate from, LocalDate to) {
        this.dyad = Objects.requireNonNull(dyad, "dyad");
        this.period = Objects.requireNonNull(period, "period");
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        this.from = from;
        this.to = to;
    }

    public Dyad dyad() {
        return dyad;
    }

    public Period period() {
        return period;
    }

    /** Whether an event is counted: between the dyad's sides and within [from, to]. */
    public boolean counts(TensionEvent e) {
        return dyad.matches(e) && (from == null || !e.date().isBefore(from)) && (to == null || !e.date().isAfter(to));
    }

    /** The index series of the events (in any order). */
    public List<TensionPoint> compute(Iterable<TensionEvent> events) {
        Map<LocalDate, Accumulator> byPeriod = new TreeMap<>();
        for (TensionEvent e : events) {
            if (counts(e)) {
                byPeriod.computeIfAbsent(period.start(e.date()), d -> new Accumulator()).add(e);
            }
        }
        return series(byPeriod);
    }

    /**
     * The series from per-period accumulators (keys are period starts), with empty periods filled in between
     * the range's ends. Used by {@link #compute} and by stores that aggregate in SQL.
     */
    public List<TensionPoint> series(Map<LocalDate, Accumulator> byPeriod) {
        TreeMap<LocalDate, Accumulator> sorted = new TreeMap<>(byPeriod);
        LocalDate first = from != null ? period.start(from) : sorted.isEmpty() ? null : sorted.firstKey();
        LocalDate last = to != null ? period.start(to) : sorted.isEmpty() ? null : sorted.lastKey();
        List<TensionPoint> out = new ArrayList<>();
        if (first == null || last == null) {
            return out;
        }
        Accumulator empty = new Accumulator();
        for (LocalDate d = first; !d.isAfter(last); d = period.next(d)) {
            out.add(sorted.getOrDefault(d, empty).toPoint(d));
        }
        return out;
    }

    /** A Goldstein value in whole millionths: {@code Math.round(g * 1e6)}. */
    public static long micros(double goldstein) {
        return Math.round(goldstein * 1_000_000.0);
    }

    /**
     * Integer aggregates of one period; mutable, {@link #combine}s, and turns into an immutable
     * {@link TensionPoint}.
     */
    public static final class Accumulator {
        private long events;
        private long sumMicros;
        private long cooperativeMicros;
        private long conflictualMicros;
        private final long[] quad = new long[4];

        public Accumulator() {
        }

        /** Rebuilds an accumulator from integer aggregates computed elsewhere (for example in SQL). */
        public static Accumulator of(long events, long sumMicros, long cooperativeMicros, long conflictualMicros,
                long quad1, long quad2, long quad3, long quad4) {
            Accumulator a = new Accumulator();
            a.events = events;
            a.sumMicros = sumMicros;
            a.cooperativeMicros = cooperativeMicros;
            a.conflictualMicros = conflictualMicros;
            a.quad[0] = quad1;
            a.quad[1] = quad2;
            a.quad[2] = quad3;
            a.quad[3] = quad4;
            return a;
        }

        public void add(TensionEvent e) {
            long g = e.goldsteinMicros();
            events++;
            sumMicros += g;
            if (g > 0) {
                cooperativeMicros += g;
            } else {
                conflictualMicros -= g;
            }
            quad[e.quadClass() - 1]++;
        }

        public Accumulator combine(Accumulator other) {
            events += other.events;
            sumMicros += other.sumMicros;
            cooperativeMicros += other.cooperativeMicros;
            conflictualMicros += other.conflictualMicros;
            for (int k = 0; k < 4; k++) {
                quad[k] += other.quad[k];
            }
            return this;
        }

        public TensionPoint toPoint(LocalDate periodStart) {
            double n = events;
            double sum = sumMicros / 1e6;
            double coop = cooperativeMicros / 1e6;
            double conf = conflictualMicros / 1e6;
            if (events == 0) {
                return new TensionPoint(periodStart, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
            }
            return new TensionPoint(periodStart, events, sum, sum / n, coop, conf, quad[0] / n, quad[1] / n,
                    quad[2] / n, quad[3] / n, (conflictualMicros - cooperativeMicros) / 1e6 / (10.0 * n));
        }
    }
}
