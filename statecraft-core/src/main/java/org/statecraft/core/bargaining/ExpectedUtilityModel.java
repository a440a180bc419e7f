package org.statecraft.core.bargaining;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bueno de Mesquita's expected-utility model of collective decisions, as specified by Scholz, Calbert &amp;
 * Smith, "Unravelling Bueno De Mesquita's group decision model", <i>Journal of Theoretical Politics</i> 23(4),
 * 2011, pp. 510–531. Every round: the median position μ, risk exponents r_i from each actor's vulnerability,
 * expected utilities of challenging each rival, and offers (conflict, compromise, capitulation); every actor then
 * takes the best offer it received, all simultaneously. A rival at the same position (within
 * {@link EumParameters#tolerance()}) makes no offer; offers whose ranking keys are equal within the tolerance go to
 * the lower position. Each point where the published codes differ is a parameter ({@link EumParameters});
 * {@link EumParameters#SCHOLZ_CODE} reproduces the Scholz-code replication round by round on the four BdM example
 * files ({@code ScholzReplicationTest}). See {@code docs/models/eum.md}.
 *
 * <p>Multi-dimensional problems are run one dimension at a time with that dimension's saliences. The forecast
 * outcome is μ after the last round. Complexity O(N³) per round and dimension (P_ij sums over all voters), with
 * O(N²) powers. Immutable, deterministic.
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
            double initialRange = range(x);
            for (int r = 0; r <= rounds; r++) {
                for (int i = 0; i < n; i++) {
                    states[r][i][d] = x[i];
                }
                double delta = delta(x, initialRange);
                median[r][d] = median(x, c, s, delta);
                mean[r][d] = weightedMean(x, c, s);
                if (r < rounds) {
                    x = round(x, c, s, delta);
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

    /** Δ for a round per {@link EumParameters#range()}; the model scale [0, 1] has Δ = 1 for {@code SCALE}. */
    private double delta(double[] x, double initialRange) {
        return switch (parameters.range()) {
            case CURRENT -> range(x);
            case INITIAL -> initialRange;
            case SCALE -> 1.0;
        };
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

    /** μ per {@link EumParameters#median()}, votes with r = 1 normalised by {@code delta}. O(N³). */
    double median(double[] x, double[] c, double[] s, double delta) {
        int n = x.length;
        if (range(x) == 0 || delta == 0) {
            return x[0];
        }
        double[][] margin = new double[n][n]; // margin[a][b]: votes for x_a over x_b
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double m = 0;
                for (int k = 0; k < n; k++) {
                    m += c[k] * s[k] * (Math.abs(x[k] - x[b]) - Math.abs(x[k] - x[a])) / delta;
                }
                margin[a][b] = m;
            }
        }
        if (parameters.median() == EumParameters.Median.LARGEST_MARGIN) {
            int best = 0;
            double bestMargin = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    if (margin[a][b] > bestMargin) {
                        bestMargin = margin[a][b];
                        best = a;
                    }
                }
            }
            return x[best];
        }
        int best = -1;
        double bestTotal = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < n; a++) {
            boolean unbeaten = true;
            double total = 0;
            for (int b = 0; b < n; b++) {
                total += margin[a][b];
                if (margin[a][b] < -1e-12) {
                    unbeaten = false;
                }
            }
            if (unbeaten) {
                return x[a];
            }
            if (total > bestTotal) {
                bestTotal = total;
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

    /** The kinds of offer, in the order an actor considers them. */
    enum OfferKind { CONFLICT, COMPROMISE, CAPITULATION }

    /** One round of offers; returns the new positions (all actors move simultaneously). */
    double[] round(double[] x, double[] c, double[] s, double delta) {
        int n = x.length;
        if (range(x) == 0 || delta == 0) {
            return x.clone();
        }
        double mu = median(x, c, s, delta);
        double[] r = new double[n];
        Arrays.fill(r, 1.0);
        if (parameters.riskFromNeutralPass()) {
            Utilities neutral = new Utilities(x, c, s, r, mu, delta);
            double[] vulnerability = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        vulnerability[i] += neutral.eu(j, i, 1.0);
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
        Utilities u = new Utilities(x, c, s, r, mu, delta);
        double tol = parameters.tolerance();
        boolean receiver = parameters.riskPerspective() == EumParameters.RiskPerspective.RECEIVER;
        double[] next = x.clone();
        for (int i = 0; i < n; i++) {
            // best[kind] = {position, key}; key: distance moved, or the weighted position for Scholz's compromise rule
            double[][] best = new double[OfferKind.values().length][];
            for (int j = 0; j < n; j++) {
                if (j == i || Math.abs(x[j] - x[i]) <= tol) {
                    continue; // a rival at the same position makes no offer
                }
                double eij = u.eu(i, j, r[i]);
                double eji = u.eu(j, i, receiver ? r[i] : r[j]);
                if (eji > eij && eij > 0) {
                    offer(best, OfferKind.CONFLICT, x[j], Math.abs(x[j] - x[i]), tol);
                } else if (eji > 0 && eij < 0) {
                    if (eji > Math.abs(eij)) {
                        double position = x[i] + (x[j] - x[i]) * Math.abs(eij / eji);
                        double key = parameters.compromiseRanking() == EumParameters.CompromiseRanking.NEAREST
                                ? Math.abs(position - x[i])
                                : (Math.abs(eij) * x[i] + Math.abs(eji) * x[j]) / (Math.abs(eij) + Math.abs(eji));
                        offer(best, OfferKind.COMPROMISE, position, key, tol);
                    } else if (parameters.capitulation()) {
                        offer(best, OfferKind.CAPITULATION, x[j], Math.abs(x[j] - x[i]), tol);
                    }
                }
            }
            for (double[] b : best) {
                if (b != null) {
                    next[i] = b[0];
                    break;
                }
            }
        }
        return next;
    }

    /**
     * Keeps the offer with the smallest key; keys within {@code tol} of each other are tied, and a tie goes to the
     * lower position, so that the choice depends neither on rounding nor on the order of the actors.
     */
    private static void offer(double[][] best, OfferKind kind, double position, double key, double tol) {
        double[] current = best[kind.ordinal()];
        if (current == null || key < current[1] - tol || (key <= current[1] + tol && position < current[0])) {
            best[kind.ordinal()] = new double[] {position, key};
        }
    }

    /**
     * Expected utilities of one round: P_ab from the voters' exponents r_k (O(N³) once), then
     * E(U_ab) under any exponent in O(1).
     */
    private final class Utilities {
        private final double[] x;
        private final double[] s;
        private final double mu;
        private final double delta;
        private final double[][] p;

        Utilities(double[] x, double[] c, double[] s, double[] r, double mu, double delta) {
            int n = x.length;
            this.x = x;
            this.s = s;
            this.mu = mu;
            this.delta = delta;
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
            double globalDen = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (i == j) {
                        continue;
                    }
                    double pp = 0;
                    double a = 0;
                    for (int k = 0; k < n; k++) {
                        double v = c[k] * s[k] * (pw[k][j] - pw[k][i]);
                        if (v > 0) {
                            pp += v;
                        }
                        a += Math.abs(v);
                    }
                    plus[i][j] = pp;
                    abs[i][j] = a;
                    globalDen += a;
                }
            }
            p = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double den = parameters.denominator() == EumParameters.Denominator.PAIRWISE ? abs[i][j] : globalDen;
                    p[i][j] = i == j ? 0 : den > 0 ? plus[i][j] / den : 0.5;
                }
            }
        }

        /** E_a(U_ab), a's expected utility of challenging b, evaluated with risk exponent {@code rr}. */
        double eu(int a, int b, double rr) {
            double q = parameters.q();
            double t = parameters.t();
            double dist = Math.abs(x[a] - x[b]) / delta;
            double gamma = 0.25 * (Math.abs(x[a] - mu) + Math.abs(x[a] - x[b])) / delta;
            double us = 2 - 4 * Math.pow(Math.max(0, 0.5 - 0.5 * dist), rr);
            double uf = 2 - 4 * Math.pow(0.5 + 0.5 * dist, rr);
            double usq = 2 - 4 * Math.pow(0.5, rr);
            double e = s[b] * (p[a][b] * us + (1 - p[a][b]) * uf) + (1 - s[b]) * us - q * usq;
            if (q < 1) {
                double ub = 2 - 4 * Math.pow(Math.max(0, 0.5 - gamma), rr);
                double uw = 2 - 4 * Math.pow(0.5 + gamma, rr);
                e -= (1 - q) * (t * ub + (1 - t) * uw);
            }
            return e;
        }
    }
}
