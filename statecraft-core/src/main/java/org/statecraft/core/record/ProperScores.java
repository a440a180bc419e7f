package org.statecraft.core.record;

import java.util.Arrays;

/**
 * Proper scoring rules for a predictive distribution given as a sample (Gneiting &amp; Raftery 2007, JASA 102:359),
 * all negatively oriented: lower is better. Probabilities estimated from a sample of n use the
 * Krichevsky–Trofimov estimator (k + ½)/(n + 1), so a log score stays finite and a small sample (the empirical
 * baseline of a few past spells) is not rewarded for its coarseness; the same estimator serves model and baseline.
 */
public final class ProperScores {
    private ProperScores() {
    }

    /**
     * The continuous ranked probability score of the sample's empirical distribution at y:
     * CRPS = (1/n)Σ|x_i − y| − (1/2n²)Σ_iΣ_j|x_i − x_j|, the second sum from the sorted sample as
     * 2Σ_i (2i − n − 1)x_(i) (i from 1). For a point forecast (n = 1) it is the absolute error.
     */
    public static double crps(double[] sample, double y) {
        int n = sample.length;
        if (n == 0) {
            return Double.NaN;
        }
        double[] x = sample.clone();
        Arrays.sort(x);
        double first = 0;
        double spread = 0;
        for (int i = 0; i < n; i++) {
            first += Math.abs(x[i] - y);
            spread += (2.0 * (i + 1) - n - 1) * x[i];
        }
        return first / n - spread / ((double) n * n);
    }

    /** The Krichevsky–Trofimov probability of an event seen k times in n: (k + ½)/(n + 1). */
    public static double kt(long k, long n) {
        return (k + 0.5) / (n + 1.0);
    }

    /** −ln p. */
    public static double logScore(double p) {
        return -Math.log(p);
    }

    /** (p − o)² for an event o ∈ {0, 1} forecast with probability p. */
    public static double brier(double p, boolean o) {
        double d = p - (o ? 1 : 0);
        return d * d;
    }

    /** The share of the sample below y, ties counted half: the observed value's percentile (the PIT value). */
    public static double percentile(double[] sample, double y) {
        if (sample.length == 0) {
            return Double.NaN;
        }
        double below = 0;
        for (double v : sample) {
            below += v < y ? 1 : v == y ? 0.5 : 0;
        }
        return below / sample.length;
    }

    /** Count of sample values in [lo, hi]. */
    public static long countIn(double[] sample, double lo, double hi) {
        long k = 0;
        for (double v : sample) {
            if (v >= lo && v <= hi) {
                k++;
            }
        }
        return k;
    }
}
