package org.statecraft.core.leverage;

/**
 * Per-day sums over runs, which the engine adds into when given one: the target's expected pressure, the
 * concession level, and the Goldstein sum and count of events between the coercer and the target (the
 * simulated side of the tension index). Combine chunks in a fixed order for thread-independent totals.
 */
public final class DailySeries implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public final double[] pressure;
    public final double[] concession;
    public final double[] goldstein;
    public final double[] events;
    public final double[] attacks;
    public int runs;

    public DailySeries(int days) {
        pressure = new double[days];
        concession = new double[days];
        goldstein = new double[days];
        events = new double[days];
        attacks = new double[days];
    }

    public void add(DailySeries o) {
        for (int t = 0; t < pressure.length; t++) {
            pressure[t] += o.pressure[t];
            concession[t] += o.concession[t];
            goldstein[t] += o.goldstein[t];
            events[t] += o.events[t];
            attacks[t] += o.attacks[t];
        }
        runs += o.runs;
    }
}
