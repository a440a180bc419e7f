package org.statecraft.core.montecarlo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.statecraft.core.leverage.ParameterLabels;
import org.statecraft.core.leverage.ParameterSpace;
import org.statecraft.core.leverage.RunOutcome;
import org.statecraft.core.scenario.Scenario;

/**
 * Which assumption a ranking conclusion hinges on. For a pair of policies (a, b), the per-run difference
 * Δ_r = z_H(a) − z_H(b) is compared, across the Monte Carlo runs (which share their parameter draw, common
 * random numbers), with each uncertain input's drawn value by Spearman's rank correlation ρ (Spearman 1904;
 * average ranks for ties). The inputs with the largest |ρ| are the ones the conclusion "a concedes more than
 * b" depends on: a negative ρ means that high values of the input favour b. Inputs with |ρ| below
 * max({@link #MIN_CORRELATION}, 4/√n) are not reported: |ρ| &lt; 0.1 explains under 1% of the rank variance,
 * and under independence ρ has standard error about 1/√n, so with ~100 inputs screened the largest spurious
 * |ρ| is about 3/√n; 4/√n keeps noise out (0.1 at 1600 runs, 0.18 at 500). A screening measure, not a variance
 * decomposition: {@code statecraft sensitivity} gives Sobol' indices.
 * <p>
 * Pairs: each adjacent pair of the ranking (rank k over rank k + 1), then the baseline against each other
 * policy (policy over baseline). Cost: O(d · n log n) to rank the inputs once, plus O(pairs · d · n).
 *
 * @param pairs the pairs, adjacent pairs first
 */
public record RankingRobustness(List<Pair> pairs) {
    /** Correlations smaller than this in absolute value are not reported. */
    public static final double MIN_CORRELATION = 0.1;

    /** An input a conclusion depends on. */
    public record Hinge(String input, String label, double correlation) {
    }

    /**
     * One conclusion "policy concedes more than over".
     *
     * @param kind     {@code adjacent} (consecutive ranks), {@code baseline} (a policy against the baseline) or
     *                 {@code other}
     * @param share    share of runs in which it holds (ties half), as {@link Analysis#robustness()}
     * @param hingesOn the inputs most correlated with the per-run difference, strongest first (at most top)
     */
    public record Pair(String policy, String over, String kind, double share, List<Hinge> hingesOn) {
        public Pair {
            hingesOn = List.copyOf(hingesOn);
        }
    }

    public RankingRobustness {
        pairs = List.copyOf(pairs);
    }

    /** The entry for (policy, over), if reported. */
    public Optional<Pair> pair(String policy, String over) {
        return pairs.stream().filter(p -> p.policy().equals(policy) && p.over().equals(over)).findFirst();
    }

    /**
     * Computes the pairs of an analysis of {@code scenario}, reporting at most {@code top} inputs per pair.
     * The analysis must carry its per-run parameters (indexed like the scenario's {@link ParameterSpace}).
     */
    public static RankingRobustness of(Scenario scenario, Analysis a, int top) {
        return of(scenario, a, top, false);
    }

    /**
     * As {@link #of(Scenario, Analysis, int)}; with {@code allPairs}, every other ordered pair follows with
     * kind {@code other} (O(P² · d · n) in all, still milliseconds for a few policies and thousands of runs).
     */
    public static RankingRobustness of(Scenario scenario, Analysis a, int top, boolean allPairs) {
        ParameterSpace space = new ParameterSpace(scenario);
        ParameterLabels labels = new ParameterLabels(scenario);
        List<ParameterSpace.Input> all = space.inputs();
        double[][] params = a.parameters();
        int n = a.runs();
        // ranks of each uncertain input's draws, centred, with their norm
        List<String> names = new ArrayList<>();
        List<double[]> ranks = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (!all.get(i).quantity().isUncertain() || params == null || params.length != n) {
                continue;
            }
            double[] x = new double[n];
            for (int r = 0; r < n; r++) {
                x[r] = params[r][i];
            }
            double[] rk = centredRanks(x);
            if (rk != null) {
                names.add(all.get(i).path());
                ranks.add(rk);
            }
        }
        List<Pair> out = new ArrayList<>();
        List<PolicySummary> ranked = a.ranked();
        for (int k = 0; k + 1 < ranked.size(); k++) {
            out.add(pair(a, ranked.get(k).id(), ranked.get(k + 1).id(), "adjacent", names, ranks, labels, top));
        }
        for (PolicySummary p : a.policies()) {
            if (!p.id().equals(a.baselinePolicy())) {
                out.add(pair(a, p.id(), a.baselinePolicy(), "baseline", names, ranks, labels, top));
            }
        }
        if (allPairs) {
            for (PolicySummary p : a.policies()) {
                for (PolicySummary q : a.policies()) {
                    if (p != q && out.stream().noneMatch(x -> x.policy().equals(p.id()) && x.over().equals(q.id()))) {
                        out.add(pair(a, p.id(), q.id(), "other", names, ranks, labels, top));
                    }
                }
            }
        }
        return new RankingRobustness(out);
    }

    private static Pair pair(Analysis a, String pa, String pb, String kind, List<String> names, List<double[]> ranks,
                             ParameterLabels labels, int top) {
        int ia = index(a, pa);
        int ib = index(a, pb);
        RunOutcome[] oa = a.outcomes()[ia];
        RunOutcome[] ob = a.outcomes()[ib];
        double[] diff = new double[a.runs()];
        for (int r = 0; r < diff.length; r++) {
            diff[r] = oa[r].finalConcession - ob[r].finalConcession;
        }
        double[] dr = centredRanks(diff);
        List<Hinge> hinges = new ArrayList<>();
        if (dr != null) {
            double floor = Math.max(MIN_CORRELATION, 4 / Math.sqrt(a.runs()));
            for (int k = 0; k < names.size(); k++) {
                double rho = dot(dr, ranks.get(k));
                if (Math.abs(rho) >= floor) {
                    hinges.add(new Hinge(names.get(k), labels.label(names.get(k)), rho));
                }
            }
        }
        hinges.sort(Comparator.comparingDouble((Hinge h) -> -Math.abs(h.correlation())).thenComparing(Hinge::input));
        return new Pair(pa, pb, kind, a.robustness()[ia][ib], hinges.subList(0, Math.min(top, hinges.size())));
    }

    private static int index(Analysis a, String id) {
        for (int p = 0; p < a.policies().size(); p++) {
            if (a.policies().get(p).id().equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no policy " + id);
    }

    /** Average ranks, centred and scaled to unit norm; null when all values tie (no variation). */
    static double[] centredRanks(double[] x) {
        int n = x.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> x[i]));
        double[] rank = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && x[order[j + 1]] == x[order[i]]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                rank[order[k]] = avg;
            }
            i = j + 1;
        }
        double mean = (n + 1) / 2.0;
        double ss = 0;
        for (int k = 0; k < n; k++) {
            rank[k] -= mean;
            ss += rank[k] * rank[k];
        }
        if (ss <= 1e-12) {
            return null;
        }
        double norm = Math.sqrt(ss);
        for (int k = 0; k < n; k++) {
            rank[k] /= norm;
        }
        return rank;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
