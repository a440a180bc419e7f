package org.statecraft.core.sensitivity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import org.statecraft.core.StatecraftException;
import org.statecraft.core.random.SeedStream;
import org.statecraft.core.random.Seeds;

/**
 * Variance-based (Sobol') sensitivity analysis with the Saltelli sampling scheme.
 * <p>
 * Two independent N × d matrices A and B are taken from the rows of a 2d-dimensional base sample; for each
 * input i, A_B^(i) is A with column i taken from B (for a group G of inputs, A_B^(G) takes all of G's columns
 * from B, and the indices below are those of the group: Saltelli et al. 2008, §1.2.15). With f_A, f_B, f_ABi the model outputs on their rows and
 * V the variance of the 2N outputs f_A ∪ f_B:
 * <ul>
 *   <li>first order, Saltelli et al. (2010), Comput. Phys. Commun. 181:259–270, Table 2 (b):
 *       S_i = (1/N) Σ_j f_B(j) (f_ABi(j) − f_A(j)) / V;</li>
 *   <li>total, Jansen (1999), Comput. Phys. Commun. 117:35–43; Saltelli et al. (2010) Table 2 (f):
 *       S_Ti = (1/2N) Σ_j (f_A(j) − f_ABi(j))² / V.</li>
 * </ul>
 * The outputs are centred on their mean over A ∪ B before the first-order sum (the estimator is unbiased
 * either way; centring removes the term proportional to the mean and so lowers its variance).
 * Confidence intervals come from B bootstrap replicates that resample the N row indices j with replacement
 * (replicate b draws from {@code Seeds.generator(seed, b, BOOTSTRAP)}) and take percentile bounds
 * (Efron &amp; Tibshirani 1993, ch. 13; Archer, Saltelli &amp; Sobol' 1997).
 * <p>
 * Rows are evaluated in parallel over the given number of threads; every output is stored at its row's
 * index and the estimators run over the stored outputs in a fixed order, so the result is identical for any
 * thread count. {@link #evaluateRows} and {@link #estimate} expose the two halves, so a distributed runner
 * that computes row blocks elsewhere and lays them out in row order gets the same result. Cost: N(d + 2)
 * model evaluations (N(g + 2) for g groups), plus O(B · N · d · outputs) for the bootstrap; memory
 * O(N (d + 2) · outputs).
 */
public final class SaltelliSobolAnalysis {
    /** Seed stream of the digital shift of the Sobol' sequence. */
    static final SeedStream SHIFT = SeedStream.SOBOL_SHIFT;
    /** Seed stream of pseudo-random base rows. */
    static final SeedStream ROWS = SeedStream.SOBOL_ROWS;
    /** Seed stream of bootstrap replicates. */
    static final SeedStream BOOTSTRAP = SeedStream.SOBOL_BOOTSTRAP;
    private static final int CHUNK = 64;

    private SaltelliSobolAnalysis() {
    }

    /**
     * Runs the analysis with one factor per input.
     *
     * @param model   the model; must be pure and thread-safe (see {@link SensitivityModel})
     * @param design  N, sampling, seed and bootstrap
     * @param threads worker threads for evaluating rows and bootstrap replicates (≥ 1); does not change the result
     */
    public static SobolResult analyse(SensitivityModel model, SobolDesign design, int threads) {
        return analyse(model, InputGroup.singletons(model.inputs()), design, threads);
    }

    /**
     * Runs the analysis with the given groups of inputs as factors (grouped indices; singletons give the
     * per-input analysis). The base sample still has 2d columns for the model's d inputs; the model is
     * evaluated N(g + 2) times for g groups.
     *
     * @param groups  a partition of the model's inputs
     * @param threads worker threads for evaluating rows and bootstrap replicates (≥ 1); does not change the result
     */
    public static SobolResult analyse(SensitivityModel model, List<InputGroup> groups, SobolDesign design,
                                      int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        checkModel(model, groups, design);
        int n = design.baseSamples();
        int g = groups.size();
        int m = model.outputs().size();
        double[][] y = new double[g + 2][n * m];
        ExecutorService pool = pool(threads);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int start = 0; start < n; start += CHUNK) {
                int from = start;
                int to = Math.min(n, start + CHUNK);
                tasks.add(() -> {
                    double[][] block = evaluateRows(model, groups, design, from, to);
                    for (int r = 0; r < g + 2; r++) {
                        System.arraycopy(block[r], 0, y[r], from * m, (to - from) * m);
                    }
                    return null;
                });
            }
            run(pool, tasks);
            return estimate(design, groups.stream().map(InputGroup::name).toList(), model.outputs(), y, pool);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /**
     * Validates a model, its groups and the design before any evaluation; returns the groups.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static List<InputGroup> checkModel(SensitivityModel model, List<InputGroup> groups, SobolDesign design) {
        List<String> inputs = List.copyOf(model.inputs());
        int d = inputs.size();
        if (d < 1) {
            throw new IllegalArgumentException("the model must have at least one input");
        }
        if (model.outputs().isEmpty()) {
            throw new IllegalArgumentException("the model must have at least one output");
        }
        if (new HashSet<>(inputs).size() != d) {
            throw new IllegalArgumentException("input names must be distinct, were " + inputs);
        }
        InputGroup.requirePartition(groups, d);
        if (design.sampling() == SobolDesign.Sampling.SOBOL && 2 * d > SobolSequence.MAX_DIMENSION) {
            throw new IllegalArgumentException("Sobol sampling supports at most " + SobolSequence.MAX_DIMENSION / 2
                    + " inputs, the model has " + d + "; use RANDOM sampling");
        }
        return groups;
    }

    /**
     * Evaluates base rows {@code from} … {@code to − 1} of the design: the block's row r (0 = A, 1 = B,
     * 2 + k = A_B^(group k)) holds output o of base row j at {@code (j − from) * m + o}. A pure function of its
     * arguments, so blocks computed anywhere (threads, Spark executors) and laid end to end in row order give
     * exactly the matrix {@link #analyse} builds.
     */
    public static double[][] evaluateRows(SensitivityModel model, List<InputGroup> groups, SobolDesign design,
                                          int from, int to) {
        int d = model.inputs().size();
        int m = model.outputs().size();
        int g = groups.size();
        if (from < 0 || to > design.baseSamples() || from > to) {
            throw new IllegalArgumentException("rows [" + from + ", " + to + ") outside [0, "
                    + design.baseSamples() + ")");
        }
        BaseSample base = baseSample(design, 2 * d);
        double[][] block = new double[g + 2][(to - from) * m];
        int[][] members = new int[g][];
        for (int k = 0; k < g; k++) {
            members[k] = groups.get(k).members();
        }
        double[] ab = new double[2 * d];
        double[] u = new double[d];
        double[] out = new double[m];
        for (int j = from; j < to; j++) {
            int at = j - from;
            base.row(j, ab);
            // A
            System.arraycopy(ab, 0, u, 0, d);
            call(model, u, out, block[0], at, m);
            // B
            System.arraycopy(ab, d, u, 0, d);
            call(model, u, out, block[1], at, m);
            // A_B^(G): A with the columns of group G from B
            for (int k = 0; k < g; k++) {
                System.arraycopy(ab, 0, u, 0, d);
                for (int i : members[k]) {
                    u[i] = ab[d + i];
                }
                call(model, u, out, block[2 + k], at, m);
            }
        }
        return block;
    }

    /**
     * The estimators and the bootstrap over a complete output matrix {@code y} (as laid out by
     * {@link #evaluateRows} for rows 0 … N−1). Deterministic for any thread count.
     *
     * @param factors names of the factors (inputs or groups), one per A_B matrix
     */
    public static SobolResult estimate(SobolDesign design, List<String> factors, List<String> outputs, double[][] y,
                                       int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        ExecutorService pool = pool(threads);
        try {
            return estimate(design, factors, outputs, y, pool);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static ExecutorService pool(int threads) {
        return threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sobol-worker");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    private static SobolResult estimate(SobolDesign design, List<String> factorNames, List<String> outputNames,
                                        double[][] y, ExecutorService pool) {
        List<String> inputs = List.copyOf(factorNames);
        List<String> outputs = List.copyOf(outputNames);
        int d = inputs.size();
        int m = outputs.size();
        int n = design.baseSamples();
        if (y.length != d + 2 || y[0].length != n * m) {
            throw new IllegalArgumentException("output matrix must be " + (d + 2) + " x " + (n * m) + ", was "
                    + y.length + " x " + (y.length == 0 ? 0 : y[0].length));
        }
        double[] mean = new double[m];
        double[] variance = new double[m];
        double[][] first = new double[m][d];
        double[][] total = new double[m][d];
        int[] identity = new int[n];
        Arrays.setAll(identity, j -> j);
        for (int o = 0; o < m; o++) {
            estimate(y, identity, n, d, m, o, first[o], total[o], mean, variance);
        }

        int reps = design.bootstrapResamples();
        double[][][] bootFirst = new double[m][d][reps];
        double[][][] bootTotal = new double[m][d][reps];
        List<Callable<Void>> boots = new ArrayList<>();
        for (int b0 = 0; b0 < reps; b0 += 8) {
            int from = b0;
            int to = Math.min(reps, b0 + 8);
            boots.add(() -> {
                int[] rows = new int[n];
                double[] s = new double[d];
                double[] t = new double[d];
                double[] mu = new double[m];
                double[] v = new double[m];
                for (int b = from; b < to; b++) {
                    RandomGenerator rng = Seeds.generator(design.seed(), b, BOOTSTRAP);
                    for (int j = 0; j < n; j++) {
                        rows[j] = rng.nextInt(n);
                    }
                    for (int o = 0; o < m; o++) {
                        estimate(y, rows, n, d, m, o, s, t, mu, v);
                        for (int i = 0; i < d; i++) {
                            bootFirst[o][i][b] = s[i];
                            bootTotal[o][i][b] = t[i];
                        }
                    }
                }
                return null;
            });
        }
        run(pool, boots);

        double alpha = 1 - design.confidenceLevel();
        List<SobolResult.Output> out = new ArrayList<>(m);
        for (int o = 0; o < m; o++) {
            List<SobolIndices> indices = new ArrayList<>(d);
            for (int i = 0; i < d; i++) {
                indices.add(new SobolIndices(inputs.get(i),
                        first[o][i], percentile(bootFirst[o][i], alpha / 2), percentile(bootFirst[o][i], 1 - alpha / 2),
                        total[o][i], percentile(bootTotal[o][i], alpha / 2), percentile(bootTotal[o][i], 1 - alpha / 2)));
            }
            out.add(new SobolResult.Output(outputs.get(o), mean[o], variance[o], indices));
        }
        return new SobolResult(design, inputs, out, design.evaluations(d));
    }

    /** The 2d-dimensional base sample: row j is [A_j | B_j]. */
    @FunctionalInterface
    private interface BaseSample {
        void row(int j, double[] out);
    }

    private static BaseSample baseSample(SobolDesign design, int dims) {
        if (design.sampling() == SobolDesign.Sampling.SOBOL) {
            RandomGenerator shiftRng = Seeds.generator(design.seed(), 0, SHIFT);
            long[] shift = new long[dims];
            for (int k = 0; k < dims; k++) {
                shift[k] = shiftRng.nextLong();
            }
            SobolSequence sobol = SobolSequence.shifted(shift);
            return (j, out) -> sobol.point(j, out, 0);
        }
        return (j, out) -> {
            RandomGenerator rng = Seeds.generator(design.seed(), j, ROWS);
            for (int k = 0; k < dims; k++) {
                out[k] = ((rng.nextLong() >>> 12) + 0.5) * 0x1.0p-52;
            }
        };
    }

    private static void call(SensitivityModel model, double[] u, double[] out, double[] dest, int j, int m) {
        Arrays.fill(out, Double.NaN);
        model.evaluate(u.clone(), out);
        for (int o = 0; o < m; o++) {
            if (!Double.isFinite(out[o])) {
                throw new StatecraftException("model output " + model.outputs().get(o) + " was " + out[o]
                        + " at u = " + Arrays.toString(u) + "; every output must be a finite number");
            }
        }
        System.arraycopy(out, 0, dest, j * m, m);
    }

    /** Indices of output o over the rows listed in {@code rows} (the identity, or a bootstrap resample). */
    private static void estimate(double[][] y, int[] rows, int n, int d, int m, int o,
                                 double[] first, double[] total, double[] mean, double[] variance) {
        double[] fa = y[0];
        double[] fb = y[1];
        double sum = 0;
        for (int j : rows) {
            sum += fa[j * m + o] + fb[j * m + o];
        }
        double mu = sum / (2.0 * n);
        double ss = 0;
        for (int j : rows) {
            double a = fa[j * m + o] - mu;
            double b = fb[j * m + o] - mu;
            ss += a * a + b * b;
        }
        double v = ss / (2.0 * n - 1);
        mean[o] = mu;
        variance[o] = v;
        for (int i = 0; i < d; i++) {
            double[] fab = y[2 + i];
            double s1 = 0;
            double st = 0;
            for (int j : rows) {
                double a = fa[j * m + o];
                double b = fb[j * m + o] - mu;
                double c = fab[j * m + o];
                s1 += b * (c - a);
                st += (a - c) * (a - c);
            }
            first[i] = v > 0 ? s1 / n / v : Double.NaN;
            total[i] = v > 0 ? st / (2.0 * n) / v : Double.NaN;
        }
    }

    /** Type-7 (linear interpolation) percentile of the replicates; NaN when there are none. */
    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        double h = (s.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (h - lo) * (s[hi] - s[lo]);
    }

    private static void run(ExecutorService pool, List<Callable<Void>> tasks) {
        if (pool == null) {
            for (Callable<Void> t : tasks) {
                try {
                    t.call();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return;
        }
        try {
            List<Future<Void>> futures = pool.invokeAll(tasks);
            for (Future<Void> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StatecraftException("sensitivity analysis interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }
}
