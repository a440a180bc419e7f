package org.statecraft.core.montecarlo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
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
 * policy (policy over baseline). Cost: O(d · n log n) to rank the inputs once, plus O(pairs · d · n), where a
 * pair listed again costs nothing, nor does a pair (b, a) after (a, b): its correlations are exactly (a, b)'s
 * negated.
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
        return of(scenario, a, top, allPairs, null);
    }

    /**
     * As {@link #of(Scenario, Analysis, int, boolean)}, the inputs' ranks and the pairs spread over {@code pool}
     * (null: this thread). Each rank vector and each pair is one task writing its own slot, so the result is the
     * same whatever the pool.
     */
    static RankingRobustness of(Scenario scenario, Analysis a, int top, boolean allPairs, ExecutorService pool) {
        return of(scenario, a, top, allPairs, pool, true);
    }

    /**
     * As {@link #of(Scenario, Analysis, int, boolean, ExecutorService)}; with {@code reuse} false, a pair that
     * was computed before, itself or reversed, is computed again instead of copied or negated (the tests'
     * reference).
     */
    static RankingRobustness of(Scenario scenario, Analysis a, int top, boolean allPairs, ExecutorService pool,
                                boolean reuse) {
        ParameterSpace space = new ParameterSpace(scenario);
        ParameterLabels labels = new ParameterLabels(scenario);
        List<ParameterSpace.Input> all = space.inputs();
        double[][] params = a.parameters();
        int n = a.runs();
        // ranks of each uncertain input's draws, centred, with their norm
        List<Integer> uncertain = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).quantity().isUncertain() && params != null && params.length == n) {
                uncertain.add(i);
            }
        }
        // each input's draws as one column, in one pass over the runs' rows (a pass over every row per input
        // missed the cache on each value)
        int d = uncertain.size();
        int[] column = uncertain.stream().mapToInt(Integer::intValue).toArray();
        double[][] draws = new double[d][n];
        for (int r = 0; r < n; r++) {
            double[] row = params[r];
            for (int u = 0; u < d; u++) {
                draws[u][r] = row[column[u]];
            }
        }
        double[][] rankOf = new double[d][];
        List<Runnable> tasks = new ArrayList<>();
        for (int u = 0; u < d; u++) {
            int slot = u;
            tasks.add(() -> {
                rankOf[slot] = centredRanks(draws[slot]);
                draws[slot] = null;
            });
        }
        MonteCarlo.execute(pool, tasks);
        List<String> names = new ArrayList<>();
        List<double[]> ranks = new ArrayList<>();
        for (int u = 0; u < uncertain.size(); u++) {
            if (rankOf[u] != null) {
                names.add(all.get(uncertain.get(u)).path());
                ranks.add(rankOf[u]);
            }
        }
        List<String[]> wanted = new ArrayList<>();
        List<PolicySummary> ranked = a.ranked();
        for (int k = 0; k + 1 < ranked.size(); k++) {
            wanted.add(new String[] {ranked.get(k).id(), ranked.get(k + 1).id(), "adjacent"});
        }
        for (PolicySummary p : a.policies()) {
            if (!p.id().equals(a.baselinePolicy())) {
                wanted.add(new String[] {p.id(), a.baselinePolicy(), "baseline"});
            }
        }
        if (allPairs) {
            for (PolicySummary p : a.policies()) {
                for (PolicySummary q : a.policies()) {
                    if (p != q && wanted.stream().noneMatch(x -> x[0].equals(p.id()) && x[1].equals(q.id()))) {
                        wanted.add(new String[] {p.id(), q.id(), "other"});
                    }
                }
            }
        }
        // a pair listed again (adjacent and over the baseline) takes the answer computed first; a pair (q, p) after
        // (p, q) is its mirror: its per-run differences are the negated ones, so its centred ranks are exactly the
        // negated ranks (a block of ties at [lo, hi) moves to [n − hi, n − lo), rank n + 1 − R, all half-integers,
        // exact; a rank at the mean is +0 both ways) and each correlation exactly the negated sum (a zero term adds
        // nothing to a nonzero sum, and a zero correlation is never reported); a mirror is computed itself only if
        // its original's differences held a NaN (NaNs rank last in index order either way: they do not mirror)
        Sources src = reuse ? Sources.of(wanted) : Sources.none(wanted.size());
        Pair[] out = new Pair[wanted.size()];
        boolean[] hasNaN = new boolean[wanted.size()];
        List<Integer> direct = new ArrayList<>();
        for (int j = 0; j < out.length; j++) {
            if (src.of()[j] < 0) {
                direct.add(j);
            }
        }
        computePairs(a, wanted, direct, names, ranks, labels, top, out, hasNaN, pool);
        List<Integer> unmirrored = new ArrayList<>();
        for (int j = 0; j < out.length; j++) {
            int k = src.of()[j];
            if (k < 0) {
                continue;
            }
            if (src.negated()[j] && hasNaN[k]) {
                unmirrored.add(j);
            } else {
                List<Hinge> hinges = out[k].hingesOn();
                out[j] = pair(a, wanted.get(j), !src.negated()[j] ? hinges : hinges.stream()
                        .map(h -> new Hinge(h.input(), h.label(), -h.correlation())).toList());
            }
        }
        computePairs(a, wanted, unmirrored, names, ranks, labels, top, out, hasNaN, pool);
        return new RankingRobustness(List.of(out));
    }

    /**
     * For each wanted pair (p, q), the earlier pair computed itself whose answer it takes ({@code of}, −1 if none):
     * the same (p, q) listed under another kind, or (q, p) ({@code negated}).
     */
    record Sources(int[] of, boolean[] negated) {
        static Sources none(int n) {
            int[] of = new int[n];
            Arrays.fill(of, -1);
            return new Sources(of, new boolean[n]);
        }

        static Sources of(List<String[]> wanted) {
            Sources src = none(wanted.size());
            for (int j = 0; j < wanted.size(); j++) {
                String[] w = wanted.get(j);
                for (int k = 0; k < j && src.of[j] < 0; k++) {
                    String[] v = wanted.get(k);
                    if (src.of[k] >= 0) {
                        continue;
                    }
                    if (v[0].equals(w[0]) && v[1].equals(w[1])) {
                        src.of[j] = k;
                    } else if (v[0].equals(w[1]) && v[1].equals(w[0])) {
                        src.of[j] = k;
                        src.negated[j] = true;
                    }
                }
            }
            return src;
        }
    }

    /** Pair (policy, over, kind) = w with its share of runs from the analysis and its hinges. */
    private static Pair pair(Analysis a, String[] w, List<Hinge> hinges) {
        return new Pair(w[0], w[1], w[2], a.robustness()[index(a, w[0])][index(a, w[1])], hinges);
    }

    /**
     * The pairs wanted[j] for j in {@code which}, in groups: each input's ranks are read once per group while the
     * group's rank vectors stay in cache (the correlations are the same dot products, summed in the same order).
     */
    private static void computePairs(Analysis a, List<String[]> wanted, List<Integer> which, List<String> names,
                                     List<double[]> ranks, ParameterLabels labels, int top, Pair[] out,
                                     boolean[] hasNaN, ExecutorService pool) {
        List<Runnable> tasks = new ArrayList<>();
        for (int from = 0; from < which.size(); from += PAIRS_PER_TASK) {
            List<Integer> group = which.subList(from, Math.min(which.size(), from + PAIRS_PER_TASK));
            tasks.add(() -> pairs(a, wanted, group, names, ranks, labels, top, out, hasNaN));
        }
        MonteCarlo.execute(pool, tasks);
    }

    private static final int PAIRS_PER_TASK = 8;

    /** The pairs wanted[j] (policy, over, kind) for j in {@code group}, into out[j]; hasNaN[j]: a NaN difference. */
    private static void pairs(Analysis a, List<String[]> wanted, List<Integer> group, List<String> names,
                              List<double[]> ranks, ParameterLabels labels, int top, Pair[] out, boolean[] hasNaN) {
        int g = group.size();
        double[][] dr = new double[g][];
        for (int j = 0; j < g; j++) {
            String[] w = wanted.get(group.get(j));
            double[] diff = concessionDifference(a.outcomes()[index(a, w[0])], a.outcomes()[index(a, w[1])],
                    a.runs());
            hasNaN[group.get(j)] = anyNaN(diff);
            dr[j] = centredRanks(diff);
        }
        double[][] rho = new double[g][names.size()];
        int[] live = withVariation(dr);
        for (int k = 0; k < names.size(); k++) {
            correlate(dr, live, ranks.get(k), rho, k);
        }
        double floor = Math.max(MIN_CORRELATION, 4 / Math.sqrt(a.runs()));
        for (int j = 0; j < g; j++) {
            String[] w = wanted.get(group.get(j));
            List<Hinge> hinges = dr[j] == null ? new ArrayList<>() : hinges(rho[j], floor, names, labels);
            out[group.get(j)] = pair(a, w, hinges.subList(0, Math.min(top, hinges.size())));
        }
    }

    private static boolean anyNaN(double[] xs) {
        for (double x : xs) {
            if (Double.isNaN(x)) {
                return true;
            }
        }
        return false;
    }

    // pairs' loops are methods of their own: as one method its loops were compiled on the stack three times over

    /** The final concession of each run under policy a less that under b. */
    private static double[] concessionDifference(RunOutcome[] a, RunOutcome[] b, int runs) {
        double[] diff = new double[runs];
        for (int r = 0; r < runs; r++) {
            diff[r] = a[r].finalConcession - b[r].finalConcession;
        }
        return diff;
    }

    /** The pairs j whose ranks vary (dr[j] not null), in order. */
    static int[] withVariation(double[][] dr) {
        int[] live = new int[dr.length];
        int nLive = 0;
        for (int j = 0; j < dr.length; j++) {
            if (dr[j] != null) {
                live[nLive++] = j;
            }
        }
        return Arrays.copyOf(live, nLive);
    }

    /**
     * rho[j][k] = the correlation of pair j's ranks with input k's, for each pair j of {@code live} (those with
     * variation, {@link #withVariation}). Four pairs at a time in one pass over input k's ranks: four independent
     * sums (each still added in run order, so the same value as one dot product at a time) instead of one chain of
     * dependent additions.
     */
    static void correlate(double[][] dr, int[] live, double[] rk, double[][] rho, int k) {
        int nLive = live.length;
        int q = 0;
        for (; q + 4 <= nLive; q += 4) {
            double[] a0 = dr[live[q]];
            double[] a1 = dr[live[q + 1]];
            double[] a2 = dr[live[q + 2]];
            double[] a3 = dr[live[q + 3]];
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int n = rk.length;
            if (a0.length != n || a1.length != n || a2.length != n || a3.length != n) {
                throw new IllegalArgumentException("rank vectors of different lengths");
            }
            for (int i = 0; i < n; i++) {
                double b = rk[i];
                s0 += a0[i] * b;
                s1 += a1[i] * b;
                s2 += a2[i] * b;
                s3 += a3[i] * b;
            }
            rho[live[q]][k] = s0;
            rho[live[q + 1]][k] = s1;
            rho[live[q + 2]][k] = s2;
            rho[live[q + 3]][k] = s3;
        }
        for (; q < nLive; q++) {
            rho[live[q]][k] = dot(dr[live[q]], rk);
        }
    }

    /** The inputs whose correlation reaches {@code floor}, strongest first, ties by name. */
    private static List<Hinge> hinges(double[] rho, double floor, List<String> names, ParameterLabels labels) {
        List<Hinge> hinges = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            if (Math.abs(rho[k]) >= floor) {
                hinges.add(new Hinge(names.get(k), labels.label(names.get(k)), rho[k]));
            }
        }
        hinges.sort(Comparator.comparingDouble((Hinge h) -> -Math.abs(h.correlation())).thenComparing(Hinge::input));
        return hinges;
    }

    private static int index(Analysis a, String id) {
        for (int p = 0; p < a.policies().size(); p++) {
            if (a.policies().get(p).id().equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no policy " + id);
    }

    /**
     * Average ranks, centred and scaled to unit norm; null when all values tie (no variation). −0 counts as 0 and
     * each NaN is a block of its own, ranked last in index order. The numbers are sorted with their indices by
     * their bits ({@link #sortByKey}: a double's bits, made order-preserving, sort as unsigned integers, and two
     * numbers other than NaN are equal exactly when those bits are), so each block of ties is one run of equal
     * keys and every member of it gets the block's average rank directly: O(n), no boxing, no comparisons (a
     * sorted copy and one binary search per value to find its block took five times as long).
     */
    static double[] centredRanks(double[] x) {
        int n = x.length;
        long[] key = new long[n];
        int[] index = new int[n];
        int finite = 0;
        for (int i = 0; i < n; i++) {
            double v = x[i] + 0.0; // −0 + 0 = +0: one block for both zeros, as == sees them
            if (Double.isNaN(v)) {
                continue;
            }
            key[finite] = orderedBits(v);
            index[finite++] = i;
        }
        sortByKey(key, index, finite);
        double[] rank = new double[n];
        for (int lo = 0, hi; lo < finite; lo = hi) {
            hi = lo + 1;
            while (hi < finite && key[hi] == key[lo]) {
                hi++;
            }
            double blockRank = (lo + hi - 1) / 2.0 + 1;
            for (int j = lo; j < hi; j++) {
                rank[index[j]] = blockRank;
            }
        }
        int nan = finite;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(x[i])) {
                rank[i] = ++nan;
            }
        }
        return centredAndScaled(rank);
    }

    /** Ranks 1 … n (in place) less their mean (n + 1)/2, scaled to unit norm; null when they do not vary. */
    static double[] centredAndScaled(double[] rank) {
        int n = rank.length;
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

    /**
     * A number's bits as a key whose unsigned order is the numbers' order (IEEE 754: a positive number's sign bit
     * set, a negative number's every bit flipped); for numbers other than NaN and −0, equal keys are equal numbers.
     */
    static long orderedBits(double v) {
        long b = Double.doubleToRawLongBits(v);
        return b ^ ((b >> 63) | Long.MIN_VALUE);
    }

    /**
     * Sorts key[0, n) in unsigned order, carrying index[] along: a least-significant-digit radix sort by bytes,
     * stable, with the eight bytes' counts taken in one pass and a byte that every key shares skipped (the high
     * bytes of draws from one distribution mostly are).
     */
    static void sortByKey(long[] key, int[] index, int n) {
        int[][] count = new int[8][256];
        for (int i = 0; i < n; i++) {
            long k = key[i];
            for (int d = 0; d < 8; d++) {
                count[d][(int) (k >>> (8 * d)) & 0xFF]++;
            }
        }
        long[] k0 = key;
        int[] i0 = index;
        long[] k1 = new long[n];
        int[] i1 = new int[n];
        for (int d = 0; d < 8; d++) {
            int[] c = count[d];
            int shift = 8 * d;
            if (n == 0 || c[(int) (k0[0] >>> shift) & 0xFF] == n) {
                continue;
            }
            int sum = 0;
            for (int b = 0; b < 256; b++) {
                int here = c[b];
                c[b] = sum;
                sum += here;
            }
            for (int i = 0; i < n; i++) {
                long k = k0[i];
                int at = c[(int) (k >>> shift) & 0xFF]++;
                k1[at] = k;
                i1[at] = i0[i];
            }
            long[] kt = k0;
            k0 = k1;
            k1 = kt;
            int[] it = i0;
            i0 = i1;
            i1 = it;
        }
        if (k0 != key) {
            System.arraycopy(k0, 0, key, 0, n);
            System.arraycopy(i0, 0, index, 0, n);
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
