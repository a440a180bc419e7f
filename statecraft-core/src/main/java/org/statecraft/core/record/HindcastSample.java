package org.statecraft.core.record;

/**
 * What each run of the recorded policy produced, for the recorded outcomes of a {@link RecordProbe}: row r is
 * run r (its parameters {@code values[r]}, drawn as the Monte Carlo draws them, so run r here is run r of
 * {@code analyze} with the same seed). Counts are already in the counter's terms (simulated / model share).
 */
public final class HindcastSample {
    public final int runs;
    public final double[][] values;
    public final double[][] spellDays;
    public final boolean[][] spellCensored;
    final boolean[][] spellDone;
    public final double[][] counts;
    public final double[][] stanceDelta;
    /** Day the demand was met (-1: not within the window), and the first day of any concession. */
    public final int[] metDay;
    public final int[] partialDay;
    /** The index of each run's dynamics stream (Seeds DYNAMICS): the run's own index, or a later generation's. */
    public final long[] stream;

    HindcastSample(int runs, int spells, int counts, int moves) {
        this.runs = runs;
        values = new double[runs][];
        spellDays = new double[runs][spells];
        spellCensored = new boolean[runs][spells];
        spellDone = new boolean[runs][spells];
        this.counts = new double[runs][counts];
        stanceDelta = new double[runs][moves];
        metDay = new int[runs];
        partialDay = new int[runs];
        stream = new long[runs];
        for (int r = 0; r < runs; r++) {
            stream[r] = r;
        }
    }

    /** Column {@code i} of a per-run matrix. */
    static double[] column(double[][] m, int i) {
        double[] out = new double[m.length];
        for (int r = 0; r < m.length; r++) {
            out[r] = m[r][i];
        }
        return out;
    }
}
