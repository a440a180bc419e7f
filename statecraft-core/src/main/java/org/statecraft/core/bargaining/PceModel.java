package org.statecraft.core.bargaining;

import java.util.Arrays;

/**
 * Probabilistic Condorcet Election variants (KTAB {@code PCEModel}). Given the pairwise victory matrix
 * V_ab, gives each option's probability. Conditional: p_a ∝ Π_b V_ab, O(M²). Markov-Uniform:
 * p'_a = (1/M) Σ_b V_ab (p_a + p_b), iterated p ← (p + p')/2 from uniform until the change is below 1e-12
 * (at most 10 000 iterations), O(M²) per iteration.
 */
public enum PceModel {
    CONDITIONAL, MARKOV_UNIFORM;

    /** Option probabilities for a victory matrix {@code v} (M×M, v[a][a] = ½). Deterministic. */
    public double[] probabilities(double[][] v) {
        int m = v.length;
        double[] p = new double[m];
        if (this == CONDITIONAL) {
            double sum = 0;
            for (int a = 0; a < m; a++) {
                double prod = 1;
                for (int b = 0; b < m; b++) {
                    prod *= v[a][b];
                }
                p[a] = prod;
                sum += prod;
            }
            for (int a = 0; a < m; a++) {
                p[a] = sum > 0 ? p[a] / sum : 1.0 / m;
            }
            return p;
        }
        Arrays.fill(p, 1.0 / m);
        double[] q = new double[m];
        for (int iter = 0; iter < 10_000; iter++) {
            double sum = 0;
            for (int a = 0; a < m; a++) {
                double s = 0;
                for (int b = 0; b < m; b++) {
                    s += v[a][b] * (p[a] + p[b]);
                }
                q[a] = 0.5 * (p[a] + s / m);
                sum += q[a];
            }
            double change = 0;
            for (int a = 0; a < m; a++) {
                double next = q[a] / sum;
                change = Math.max(change, Math.abs(next - p[a]));
                p[a] = next;
            }
            if (change < 1e-12) {
                break;
            }
        }
        return p;
    }
}
