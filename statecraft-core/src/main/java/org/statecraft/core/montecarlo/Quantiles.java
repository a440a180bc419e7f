package org.statecraft.core.montecarlo;

import java.util.Arrays;

/** Empirical quantiles (type 7, linear interpolation, as R's default). */
public final class Quantiles {
    private Quantiles() {
    }

    public static double of(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    public static double[] sortedCopy(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s;
    }
}
