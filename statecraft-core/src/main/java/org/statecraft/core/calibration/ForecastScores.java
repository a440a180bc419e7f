package org.statecraft.core.calibration;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Proper scores and discrimination of probability forecasts p_i for binary outcomes y_i:
 * Brier score (1/n) Σ (p_i − y_i)² (Brier 1950), log loss −(1/n) Σ [y_i ln p_i + (1 − y_i) ln(1 − p_i)]
 * (p clipped to [1e-15, 1 − 1e-15]), and the area under the ROC curve as the Mann–Whitney statistic with
 * tied forecasts counted as half (Hanley &amp; McNeil 1982, Radiology 143:29). AUC is NaN when one class is
 * absent. O(n log n).
 */
public record ForecastScores(int n, double brier, double logLoss, double auc) {

    public static ForecastScores of(double[] p, boolean[] y) {
        int n = p.length;
        if (n == 0 || y.length != n) {
            throw new IllegalArgumentException("need as many forecasts as outcomes and at least one, had "
                    + n + " and " + y.length);
        }
        double brier = 0;
        double logLoss = 0;
        for (int i = 0; i < n; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException("forecast " + i + " must be a probability, was " + p[i]);
            }
            double o = y[i] ? 1 : 0;
            brier += (p[i] - o) * (p[i] - o);
            double q = Math.min(Math.max(p[i], 1e-15), 1 - 1e-15);
            logLoss -= y[i] ? Math.log(q) : Math.log1p(-q);
        }
        return new ForecastScores(n, brier / n, logLoss / n, auc(p, y));
    }

    /** Mann–Whitney AUC with average ranks for ties. */
    static double auc(double[] p, boolean[] y) {
        int n = p.length;
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double rankSumPositive = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && p[order[j + 1]] == p[order[i]]) {
                j++;
            }
            double avgRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (y[order[k]]) {
                    rankSumPositive += avgRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
