package org.statecraft.core.bargaining;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bueno de Mesquita's expected-utility model of collective decisions, as specified by Scholz, Calbert &amp;
 * Smith, "Unravelling Bueno De Mesquita's group decision model", <i>Journal of Theoretical Politics</i> 23(4),
 * 2011, pp. 510–531. Every round: the Condorcet (weighted-median) position μ with r = 1, risk exponents r_i from
 * each actor's vulnerability, expected utilities of challenging each rival, and offers (conflict, compromise,
 * capitulation); every actor then takes the best offer it received, all simultaneously. Ambiguous choices are
 * parameters ({@link EumParameters}) and are listed in {@code docs/models/eum.md}.
 *
 * <p>Multi-dimensional problems are run one dimension at a time with that dimension's saliences. The forecast
 * outcome is μ after the last round. Complexity O(N³) per round and dimension (P_ij sums over all voters), with O(N²) powers.
 * Immutable, deterministic.
 */
public final class ExpectedUtilityModel implements BargainingModel {
    private final EumParameters parameters;

    public ExpectedUtilityModel() {
        this(EumParameters.DEFAULTS);
    }

    public ExpectedUtilityModel(EumParameters parameters) {
        if (parameters == null) {
            throw new IllegalArgumentException("EUM parameters must be given");
        }
        this.parameters = parameters;
    }

    public EumParameters parameters() {
        return parameters;
    }

    @Override
    public String name() {
        return "eum";
    }

    @Override
    public ForecastResult forecast(BargainingProblem problem) {
        int n = problem.actorCount();
        int dims = problem.dimensionCount();
        int rounds = parameters.rounds();
        double[][][] states = new double[rounds + 1][n][dims];
        double[][] median = new double[rounds + 1][dims];
        double[][] mean = new double[rounds + 1][dims];
        double[] c = problem.capabilities();
        for (int d = 0; d < dims; d++) {
            double[] s = new double[n];
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = problem.salience(i, d);
                x[i] = problem.position(i, d);
            }
            for (int r = 0; r <= rounds; r++) {
                for (int i = 0; i < n; i++) {
                    states[r][i][d] = x[i];
                }
                median[r][d] = median(x, c, s);
                mean[r][d] = weightedMean(x, c, s);
                if (r < rounds) {
                    x = round(x, c, s);
                }
            }
        }
        List<double[][]> list = new ArrayList<>();
        for (double[][] st : states) {
            list.add(st);
        }
        Map<String, List<double[]>> stats = new LinkedHashMap<>();
        stats.put("median", List.of(median));
        stats.put("weighted mean", List.of(mean));
        return new ForecastResult(name(), list, stats, median[rounds], true);
    }

    /** Σ c s x / Σ c s (plain mean when every weight is 0). */
    static double weightedMean(double[] x, double[] c, double[] s) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < x.length; i++) {
            num += c[i] * s[i] * x[i];
            den += c[i] * s[i];
        }
        if (den == 0) {
            double sum = 0;
            for (double v : x) {
                sum += v;
            }
            return sum / x.length;
        }
        return num / den;
    }

    /**
     * The Condorcet winner among actors' positions with r = 1: the first position (in actor order) that no
     * other position beats; if there is none, the one with the largest total vote margin. O(N²·N).
     */
    static double median(double[] x, double[] c, double[] s) {
        int n = x.length;
        double delta = range(x);
        if (delta == 0) {
            return x[0];
        }
        int best = -1;
        double bestMargin = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < n; a++) {
            boolean unbeaten = true;
            double total = 0;
            for (int b = 0; b < n; b++) {
                double margin = 0;
                for (int k = 0; k < n; k++) {
                    margin += c[k] * s[k] * (Math.abs(x[k] - x[b]) - Math.abs(x[k] - x[a])) / delta;
                }
                total += margin;
                if (margin < -1e-12) {
                    unbeaten = false;
                }
            }
            if (unbeaten) {
                return x[a];
            }
            if (total > bestMargin) {
                bestMargin = total;
                best = a;
            }
        }
        return x[best];
    }

    static double range(double[] x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return hi - lo;
    }

    /** One round of offers; returns the new positions. */
    double[] round(double[] x, double[] c, double[] s) {
        int n = x.length;
        double delta = range(x);
        if (delta == 0) {
            return x.clone();
        }
        double mu = median(x, c, s);
        double[] r = new double[n];
        java.util.Arrays.fill(r, 1.0);
        if (parameters.riskFromNeutralPass()) {
            double[][] e0 = expectedUtilities(x, c, s, r, mu, delta);
            double[] vulnerability = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        vulnerability[i] += e0[j][i];
                    }
                }
            }
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (double v : vulnerability) {
                max = Math.max(max, v);
                min = Math.min(min, v);
            }
            if (max > min) {
                for (int i = 0; i < n; i++) {
                    double big = (2 * vulnerability[i] - max - min) / (max - min);
                    r[i] = (1 - big / 3) / (1 + big / 3);
                }
            }
        }
        double[][] e = expectedUtilities(x, c, s, r, mu, delta);
        double[] next = x.clone();
        for (int i = 0; i < n; i++) {
            double bestConflict = Double.NaN;
            double bestCompromise = Double.NaN;
            double bestCapitulation = Double.NaN;
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double eij = e[i][j];
                double eji = e[j][i];
                if (eji > eij && eij > 0) {
                    bestConflict = nearer(x[i], bestConflict, x[j]);
                } else if (eji > 0 && eij < 0) {
                    if (eji > Math.abs(eij)) {
                        bestCompromise = nearer(x[i], bestCompromise, x[i] + (x[j] - x[i]) * Math.abs(eij / eji));
                    } else {
                        bestCapitulation = nearer(x[i], bestCapitulation, x[j]);
                    }
                }
            }
            if (!Double.isNaN(bestConflict)) {
                next[i] = bestConflict;
            } else if (!Double.isNaN(bestCompromise)) {
                next[i] = bestCompromise;
            } else if (!Double.isNaN(bestCapitulation)) {
                next[i] = bestCapitulation;
            }
        }
        return next;
    }

    private static double nearer(double from, double current, double candidate) {
        if (Double.isNaN(current) || Math.abs(candidate - from) < Math.abs(current - from)) {
            return candidate;
        }
        return current;
    }

    /** e[i][j] = E_i(U_ij), i's expected utility of challenging j. O(N³). */
    double[][] expectedUtilities(double[] x, double[] c, double[] s, double[] r, double mu, double delta) {
        int n = x.length;
        // v[k][a][b] only through sums: P_ij needs Σ_k [v]⁺ and Σ_k |v|.
        double globalDen = 0;
        // pw[k][a] = (|x_k − x_a|/Δ)^{r_k}: O(N²) powers instead of O(N³).
        double[][] pw = new double[n][n];
        for (int k = 0; k < n; k++) {
            for (int a = 0; a < n; a++) {
                double base = Math.abs(x[k] - x[a]) / delta;
                pw[k][a] = r[k] == 1.0 ? base : Math.pow(base, r[k]);
            }
        }
        double[][] plus = new double[n][n];
        double[][] abs = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                double p = 0;
                double a = 0;
                for (int k = 0; k < n; k++) {
                    double v = c[k] * s[k] * (pw[k][j] - pw[k][i]);
                    if (v > 0) {
                        p += v;
                    }
                    a += Math.abs(v);
                }
                plus[i][j] = p;
                abs[i][j] = a;
                globalDen += a;
            }
        }
        double[][] e = new double[n][n];
        double q = parameters.q();
        double t = parameters.t();
        for (int i = 0; i < n; i++) {
            double ri = r[i];
            double usq = 2 - 4 * Math.pow(0.5, ri);
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                double den = parameters.denominator() == EumParameters.Denominator.PAIRWISE ? abs[i][j] : globalDen;
                double pij = den > 0 ? plus[i][j] / den : 0.5;
                double dist = Math.abs(x[i] - x[j]) / delta;
                double gamma = 0.25 * (Math.abs(x[i] - mu) + Math.abs(x[i] - x[j])) / delta;
                double us = 2 - 4 * Math.pow(0.5 - 0.5 * dist, ri);
                double uf = 2 - 4 * Math.pow(0.5 + 0.5 * dist, ri);
                double ub = 2 - 4 * Math.pow(Math.max(0, 0.5 - gamma), ri);
                double uw = 2 - 4 * Math.pow(0.5 + gamma, ri);
                e[i][j] = s[j] * (pij * us + (1 - pij) * uf) + (1 - s[j]) * us
                        - q * usq - (1 - q) * (t * ub + (1 - t) * uw);
            }
        }
        return e;
    }
}
