package org.statecraft.core.record;

import java.util.Arrays;
import java.util.Comparator;
import org.statecraft.core.montecarlo.Quantiles;

/**
 * A predictive distribution given as a weighted sample (equal weights for a plain hindcast, posterior weights for
 * a forecast conditioned on an earlier part of the record). Probabilities from it use the Krichevsky–Trofimov
 * estimator with the effective sample size as n: (p·n + ½)/(n + 1), which is (k + ½)/(n + 1) for equal weights.
 */
final class Predictive {
    private final double[] x;   // sorted
    private final double[] w;   // normalised, in the order of x
    private final double n;     // effective sample size

    Predictive(double[] values, double[] weights) {
        int len = values.length;
        Integer[] order = new Integer[len];
        for (int i = 0; i < len; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        x = new double[len];
        w = new double[len];
        double total = 0;
        for (int i = 0; i < len; i++) {
            total += weights == null ? 1 : weights[i];
        }
        for (int i = 0; i < len; i++) {
            x[i] = values[order[i]];
            w[i] = (weights == null ? 1 : weights[order[i]]) / total;
        }
        n = weights == null ? len : Conditioning.ess(w);
    }

    double effectiveSize() {
        return n;
    }

    /** P(lo ≤ X ≤ hi). */
    double prob(double lo, double hi) {
        double p = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] >= lo && x[i] <= hi) {
                p += w[i];
            }
        }
        return p;
    }

    /** The KT-smoothed probability of an event of weighted frequency p. */
    double smoothed(double p) {
        return (p * n + 0.5) / (n + 1);
    }

    /** P(X &lt; y) + ½P(X = y). */
    double percentile(double y) {
        double p = 0;
        for (int i = 0; i < x.length; i++) {
            p += x[i] < y ? w[i] : x[i] == y ? 0.5 * w[i] : 0;
        }
        return p;
    }

    /** The smallest value whose cumulative weight reaches p (the type-7 interpolated quantile for equal weights). */
    double quantile(double p) {
        if (x.length == 0) {
            return Double.NaN;
        }
        if (n == x.length && allEqual()) {
            return Quantiles.of(x, p);
        }
        double acc = 0;
        for (int i = 0; i < x.length; i++) {
            acc += w[i];
            if (acc >= p - 1e-12) {
                return x[i];
            }
        }
        return x[x.length - 1];
    }

    private boolean allEqual() {
        for (double v : w) {
            if (v != w[0]) {
                return false;
            }
        }
        return true;
    }

    /**
     * CRPS = Σw_i|x_i − y| − ½ΣΣw_iw_j|x_i − x_j|, the double sum over the sorted sample as
     * 2Σ_i w_i x_(i)(2C_i + w_i − 1), C_i the weight below i; with equal weights
     * (1/n)Σ|x_i − y| − (1/n²)Σ_i(2i − n − 1)x_(i), i from 1 ({@link ProperScores#crps}).
     */
    double crps(double y) {
        double first = 0;
        double spread = 0;
        double below = 0;
        for (int i = 0; i < x.length; i++) {
            first += w[i] * Math.abs(x[i] - y);
            spread += w[i] * x[i] * (2 * below + w[i] - 1);
            below += w[i];
        }
        return first - spread;
    }
}
