package org.statecraft.core.leverage;

import java.io.Serializable;
import org.statecraft.core.scenario.EventCode;
import org.statecraft.core.tension.TensionIndex;

/**
 * Per-day sums over runs, which the engine adds into when given one: the target's expected pressure, the
 * concession level, and the Goldstein sum and count of events between the coercer and the target (the
 * simulated side of the tension index). Combine chunks in a fixed order for thread-independent totals.
 */
public final class DailySeries implements Serializable {
    private static final long serialVersionUID = 1L;

    public final double[] pressure;
    public final double[] concession;
    public final double[] goldstein;
    public final double[] events;
    public final double[] attacks;
    /**
     * Coercer–target events summed over runs, per day, in the integer form of
     * {@link org.statecraft.core.tension.TensionIndex.Accumulator}: count, Goldstein sum, cooperative and
     * conflictual sums in millionths, and counts per QuadClass ({@code quad[t][k-1]}).
     */
    public final long[] tensionEvents;
    public final long[] tensionSumMicros;
    public final long[] tensionCooperativeMicros;
    public final long[] tensionConflictualMicros;
    public final long[][] tensionQuad;
    /** Expressed stances toward the target per network member and day, summed over runs ({@code stance[m][t]}). */
    public final double[][] stance;
    public int runs;

    public DailySeries(int days) {
        this(days, 0);
    }

    public DailySeries(int days, int members) {
        stance = new double[members][days];
        pressure = new double[days];
        concession = new double[days];
        goldstein = new double[days];
        events = new double[days];
        attacks = new double[days];
        tensionEvents = new long[days];
        tensionSumMicros = new long[days];
        tensionCooperativeMicros = new long[days];
        tensionConflictualMicros = new long[days];
        tensionQuad = new long[days][4];
    }

    /** Records one coercer–target event on day {@code t}. */
    public void tension(int t, EventCode code) {
        long g = TensionIndex.micros(code.goldstein());
        tensionEvents[t]++;
        tensionSumMicros[t] += g;
        if (g > 0) {
            tensionCooperativeMicros[t] += g;
        } else {
            tensionConflictualMicros[t] -= g;
        }
        tensionQuad[t][code.quadClass() - 1]++;
    }

    /** Day t's coercer–target events summed over the runs, as a tension-index accumulator. */
    public TensionIndex.Accumulator tensionAccumulator(int t) {
        return TensionIndex.Accumulator.of(tensionEvents[t], tensionSumMicros[t],
                tensionCooperativeMicros[t], tensionConflictualMicros[t], tensionQuad[t][0], tensionQuad[t][1],
                tensionQuad[t][2], tensionQuad[t][3]);
    }

    public void add(DailySeries o) {
        for (int t = 0; t < pressure.length; t++) {
            pressure[t] += o.pressure[t];
            concession[t] += o.concession[t];
            goldstein[t] += o.goldstein[t];
            events[t] += o.events[t];
            attacks[t] += o.attacks[t];
            tensionEvents[t] += o.tensionEvents[t];
            tensionSumMicros[t] += o.tensionSumMicros[t];
            tensionCooperativeMicros[t] += o.tensionCooperativeMicros[t];
            tensionConflictualMicros[t] += o.tensionConflictualMicros[t];
            for (int k = 0; k < 4; k++) {
                tensionQuad[t][k] += o.tensionQuad[t][k];
            }
            for (int m = 0; m < stance.length; m++) {
                stance[m][t] += o.stance[m][t];
            }
        }
        runs += o.runs;
    }
}
