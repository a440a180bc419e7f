package org.statecraft.core.record;

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
     * CRPS = (1/n)Σ|x_i − y| − (1/2n²)Σ_iΣ_j|x_i − x_j|, the double sum from the sorted sample (the equal-weight
     * case of {@link Predictive#crps}, the one implementation). For a point forecast (n = 1) it is the absolute
     * error; NaN for an empty sample.
     */
    public static double crps(double[] sample, double y) {
        return sample.length == 0 ? Double.NaN : new Predictive(sample, null).crps(y);
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
        return sample.length == 0 ? Double.NaN : new Predictive(sample, null).percentile(y);
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
