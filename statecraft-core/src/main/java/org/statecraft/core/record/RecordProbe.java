package org.statecraft.core.record;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.statecraft.core.leverage.RunOutcome;
import org.statecraft.core.leverage.RunState;
import org.statecraft.core.scenario.Lever;
import org.statecraft.core.scenario.LeverSpell;
import org.statecraft.core.scenario.ObservedCount;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.core.scenario.StanceMove;

/**
 * The recorded outcomes a run can be compared with, as day indices: the spells whose ending the model decides,
 * the counts wholly inside the window, the third-party moves. {@link #observe} reads a run's state at the end of
 * each day into one row of a {@link HindcastSample}. Immutable; one instance serves every run.
 */
public final class RecordProbe {
    /** Days back from a third party's move over which its simulated stance change is read. */
    public static final int STANCE_WINDOW_DAYS = 90;

    /** A spell whose ending the model decides: the lever's own tolerance, started on the recorded day. */
    public record Spell(int recordIndex, LeverSpell spell, int lever, int startDay, double observedDays,
                        boolean open) {
    }

    /** A count whose period lies wholly in the simulated window. */
    public record Count(int recordIndex, ObservedCount count, int fromDay, int toDay, int constituency) {
    }

    /** A stance move of a network member, read as x(day) − x(day − window). */
    public record Move(int recordIndex, StanceMove move, int member, int day, int backDay) {
    }

    final Scenario scenario;
    final LocalDate until;
    final int horizon;
    final List<Spell> spells;
    final List<Count> counts;
    final List<Move> moves;
    private final int[] spellLever;
    private final int[] spellStart;
    private final int[] countFrom;
    private final int[] countTo;
    private final int[] countC;
    private final int[] moveMember;
    private final int[] moveDay;
    private final int[] moveBack;

    public RecordProbe(Scenario s, LocalDate until, String[] leverIds, String[] memberIds) {
        this.scenario = s;
        this.until = until;
        this.horizon = s.dayOf(until) + 1;
        List<Spell> sp = new ArrayList<>();
        List<LeverSpell> all = s.observed().spells();
        for (int i = 0; i < all.size(); i++) {
            LeverSpell x = all.get(i);
            Lever lever = s.lever(x.lever()).orElseThrow();
            if (x.from().isBefore(s.start()) || x.from().isAfter(until) || lever.tolerance() == null
                    || !lever.owner().equals(s.demand().coercer())) {
                continue;
            }
            LocalDate last = x.lastKnown().isAfter(until) ? until : x.lastKnown();
            boolean open = x.open() || x.to().isAfter(until);
            int startDay = s.dayOf(x.from());
            sp.add(new Spell(i, x, indexOf(leverIds, x.lever()), startDay, s.dayOf(last) - startDay, open));
        }
        List<Count> cs = new ArrayList<>();
        List<ObservedCount> oc = s.observed().counts();
        for (int i = 0; i < oc.size(); i++) {
            ObservedCount c = oc.get(i);
            if (c.from().isBefore(s.start()) || c.to().isAfter(until)) {
                continue;
            }
            int ci = c.series() == ObservedCount.Series.HARM
                    ? s.constituencies().indexOf(s.constituency(c.constituency()).orElseThrow()) : -1;
            cs.add(new Count(i, c, s.dayOf(c.from()), s.dayOf(c.to()), ci));
        }
        List<Move> ms = new ArrayList<>();
        List<StanceMove> sm = s.observed().stances();
        for (int i = 0; i < sm.size(); i++) {
            StanceMove m = sm.get(i);
            if (m.date().isBefore(s.start()) || m.date().isAfter(until)) {
                continue;
            }
            int day = s.dayOf(m.date());
            ms.add(new Move(i, m, indexOf(memberIds, m.member()), day, Math.max(0, day - STANCE_WINDOW_DAYS)));
        }
        this.spells = List.copyOf(sp);
        this.counts = List.copyOf(cs);
        this.moves = List.copyOf(ms);
        spellLever = spells.stream().mapToInt(Spell::lever).toArray();
        spellStart = spells.stream().mapToInt(Spell::startDay).toArray();
        countFrom = counts.stream().mapToInt(Count::fromDay).toArray();
        countTo = counts.stream().mapToInt(Count::toDay).toArray();
        countC = counts.stream().mapToInt(Count::constituency).toArray();
        moveMember = moves.stream().mapToInt(Move::member).toArray();
        moveDay = moves.stream().mapToInt(Move::day).toArray();
        moveBack = moves.stream().mapToInt(Move::backDay).toArray();
    }

    private static int indexOf(String[] ids, String id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i].equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown id " + id);
    }

    public List<Spell> spells() {
        return spells;
    }

    public List<Count> counts() {
        return counts;
    }

    public List<Move> moves() {
        return moves;
    }

    public int horizon() {
        return horizon;
    }

    public LocalDate until() {
        return until;
    }

    /**
     * Reads day {@code t}'s end-of-day state of run {@code r} into the sample. A spell's simulated duration counts
     * the days from its start on which the lever is still in force at the end of the day (0: the model lifted or
     * refused it on its first day); it is censored at the window's end. A count is the difference of the run's
     * cumulative totals at the end of the day before its period and at the end of its last day.
     */
    void observe(int t, int r, RunState state, RunOutcome out, HindcastSample sample) {
        for (int i = 0; i < spellLever.length; i++) {
            if (t < spellStart[i] || sample.spellDone[r][i]) {
                continue;
            }
            if (state.inUse(spellLever[i])) {
                sample.spellDays[r][i]++;
                if (t == horizon - 1) {
                    sample.spellCensored[r][i] = true;
                    sample.spellDone[r][i] = true;
                }
            } else {
                sample.spellDone[r][i] = true;
            }
        }
        for (int i = 0; i < countFrom.length; i++) {
            if (t == countFrom[i] - 1) {
                sample.counts[r][i] -= total(out, countC[i]);
            }
            if (t == countTo[i]) {
                sample.counts[r][i] += total(out, countC[i]);
            }
        }
        for (int i = 0; i < moveMember.length; i++) {
            if (t == moveBack[i]) {
                sample.stanceDelta[r][i] -= state.stance(moveMember[i]);
            }
            if (t == moveDay[i]) {
                sample.stanceDelta[r][i] += state.stance(moveMember[i]);
            }
        }
    }

    private static double total(RunOutcome out, int c) {
        return c < 0 ? out.attacks : out.harm[c];
    }
}
