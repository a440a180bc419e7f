package org.statecraft.core.bargaining;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * KTAB's Spatial Model of Politics (SMP), deterministic mode: actors challenge one another, form bargains
 * and choose among them by Probabilistic Condorcet Elections until the positions settle.
 *
 * <p>Source: B. Wise, L. Lester et al., <i>KAPSARC Toolkit for Behavioral Analysis (KTAB)</i>, {@code smp.cpp}
 * and {@code smp.md} (KAPSARC, MIT licence, 2015–2017); equations as written in Statecraft's
 * {@code docs/models/smp.md}. Checked against KTAB's own {@code smpc} (built at -O3) on the same inputs: equal
 * to 1.4e-14 on every state, actor and dimension of all seven KTAB example files and on the final states of
 * the 211 DEU III issues KTAB runs (KTAB refuses the others: {@link KtabCompatibility}). The forecast outcome
 * is the risk-neutral PCE expectation over all actors; KTAB's own outcome is {@link #ktabOutcome}.
 *
 * <p>Complexity per turn, N actors and D dimensions: distances O(N²D); risk-attitude PCE O(N³); choosing
 * targets O(N³) (each of the N(N−1) challenges polls N−2 third parties) — run on {@code threads} cores,
 * parallel over the initiator with each initiator's result computed sequentially, so results are identical
 * for any thread count; bargain resolution O(N·B·D + Σ_k q_k²N) for B ≤ N bargains and queues of length
 * q_k. Memory O(N²).
 *
 * <p>Immutable and thread-safe; holds no state between runs.
 */
public final class SpatialModelOfPolitics implements BargainingModel {
    /** Below this many actors the challenge step runs sequentially (fork/join overhead exceeds the work). */
    private static final int PARALLEL_THRESHOLD = 16;

    private final SmpParameters parameters;
    private final int threads;

    public SpatialModelOfPolitics() {
        this(SmpParameters.DEFAULTS, 1);
    }

    /**
     * @param threads cores for the O(N³) steps (1 = sequential); results do not depend on it
     */
    public SpatialModelOfPolitics(SmpParameters parameters, int threads) {
        if (parameters == null) {
            throw new IllegalArgumentException("SMP parameters must be given");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.parameters = parameters;
        this.threads = threads;
    }

    public SmpParameters parameters() {
        return parameters;
    }

    @Override
    public String name() {
        return "smp";
    }

    /** Actor {@code initiator}'s best challenge as it estimates it; {@code target} is −1 when none is worth 1e-5. */
    public record Challenge(int initiator, int target, double value, double probability) {
    }

    /** One turn's inputs as the model saw them: risk attitudes R_i, PCE probabilities and chosen challenges. */
    public record TurnDetail(double[] riskAttitudes, double[] pceProbabilities, List<Challenge> challenges) {
        public TurnDetail {
            riskAttitudes = riskAttitudes.clone();
            pceProbabilities = pceProbabilities.clone();
            challenges = List.copyOf(challenges);
        }

        @Override
        public double[] riskAttitudes() {
            return riskAttitudes.clone();
        }

        @Override
        public double[] pceProbabilities() {
            return pceProbabilities.clone();
        }
    }

    /** A full run: states 0..T, the detail of each turn that produced a move (turn t → state t+1), convergence. */
    public record Run(List<double[][]> states, List<TurnDetail> turns, boolean converged, double[] outcome) {
        public Run {
            List<double[][]> s = new ArrayList<>();
            for (double[][] st : states) {
                s.add(BargainingProblem.deepCopy(st));
            }
            states = List.copyOf(s);
            turns = List.copyOf(turns);
            outcome = outcome.clone();
        }

        @Override
        public double[] outcome() {
            return outcome.clone();
        }
    }

    @Override
    public ForecastResult forecast(BargainingProblem problem) {
        Run run = run(problem);
        Map<String, List<double[]>> stats = new LinkedHashMap<>();
        List<double[]> expected = new ArrayList<>();
        List<double[]> ktab = new ArrayList<>();
        Engine engine = new Engine(problem, null);
        for (double[][] state : run.states()) {
            double[][] dist = engine.distances(state);
            double[] p = engine.pceOverPositions(dist);
            expected.add(engine.expectedOutcome(state, p));
            ktab.add(engine.ktabOutcome(state, dist, p));
        }
        stats.put("pce expected", expected);
        stats.put(KTAB_EXPECTED, ktab);
        return new ForecastResult(name(), run.states(), stats, run.outcome(), run.converged());
    }

    /** The name of KTAB's own outcome in {@link #forecast}'s statistics (one value per state). */
    public static final String KTAB_EXPECTED = "ktab expected";

    /**
     * Positions closer than this (Euclidean, model scale) count as one position when KTAB's outcome is computed
     * (KTAB's {@code posTol}; the value 0.001 is an assumption, see {@code docs/models/smp.md}).
     */
    public static final double KTAB_POSITION_TOLERANCE = 1e-3;

    /**
     * KTAB's own outcome of a state ({@code SMPState::pDist(-1)}): the risk attitudes R_i of that state (the
     * "Mid" range from the risk-neutral PCE), each actor's risk-adjusted utility (1 − d)(1 + d R_i) of each
     * <em>unique</em> position (actors within {@link #KTAB_POSITION_TOLERANCE} share one, the lowest-indexed
     * stands for them), the PCE over those positions with capability weights, and Σ_u p_u x_u. The forecast
     * outcome ({@link Run#outcome()}) is instead the risk-neutral PCE over all actors' positions. O(N²D + U²N).
     */
    public double[] ktabOutcome(BargainingProblem problem, double[][] state) {
        return new Engine(problem, null).ktabOutcome(BargainingProblem.deepCopy(state));
    }

    /**
     * Forecast outcome of a one-dimensional problem: run SMP to convergence and return the PCE-expected
     * position Σ_j p_j x_j of the final state, on [0, 1]. The entry point for {@code analyze}'s forecast shifts.
     */
    public double forecastOutcome(BargainingProblem problem) {
        if (problem.dimensionCount() != 1) {
            throw new IllegalArgumentException("forecastOutcome needs a one-dimensional problem, had "
                    + problem.dimensionCount() + " dimensions");
        }
        return run(problem).outcome()[0];
    }

    /** Runs the model from the problem's positions to convergence or {@link SmpParameters#maxTurns()}. */
    public Run run(BargainingProblem problem) {
        ForkJoinPool pool = threads > 1 && problem.actorCount() >= PARALLEL_THRESHOLD ? new ForkJoinPool(threads) : null;
        try {
            Engine engine = new Engine(problem, pool);
            List<double[][]> states = new ArrayList<>();
            List<TurnDetail> details = new ArrayList<>();
            double[][] x = problem.positions();
            states.add(x);
            double first = 0;
            boolean converged = false;
            for (int t = 1; t <= parameters.maxTurns(); t++) {
                Engine.Step step = engine.step(x);
                details.add(step.detail());
                double moved = movement(x, step.next());
                x = step.next();
                states.add(x);
                if (t == 1) {
                    first = moved;
                } else if (moved / (first + 1e-4) < parameters.stopFraction()) {
                    converged = true;
                    break;
                }
            }
            return new Run(states, details, converged, engine.expectedOutcome(x));
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
    }

    /** The first turn's detail (risk attitudes, PCE, targets) for a problem, without moving anyone. */
    public TurnDetail firstTurn(BargainingProblem problem) {
        return new Engine(problem, null).step(problem.positions()).detail();
    }

    /** Σ_i ‖x_i(t) − x_i(t−1)‖₂, KTAB's {@code sDist}. */
    static double movement(double[][] a, double[][] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double sq = 0;
            for (int d = 0; d < a[i].length; d++) {
                double diff = a[i][d] - b[i][d];
                sq += diff * diff;
            }
            sum += Math.sqrt(sq);
        }
        return sum;
    }

    static double round4(double v) {
        return Math.floor(0.5 + 1e4 * v) / 1e4;
    }

    /** Per-run working storage; never shared between runs. */
    private final class Engine {
        private final int n;
        private final int dims;
        private final double[] cap;
        private final double[][] sal;
        private final double[] sumSalSq;
        private final double[] weight; // S_i c_i
        private final double[] totalSal; // S_i
        private final ForkJoinPool pool;
        private final VotingRule rule = parameters.votingRule();
        private final VictoryLaw law = parameters.victoryLaw();

        record Step(double[][] next, TurnDetail detail) {
        }

        Engine(BargainingProblem p, ForkJoinPool pool) {
            this.pool = pool;
            n = p.actorCount();
            dims = p.dimensionCount();
            cap = p.capabilities();
            sal = p.saliences();
            sumSalSq = new double[n];
            weight = new double[n];
            totalSal = new double[n];
            for (int i = 0; i < n; i++) {
                double sq = 0;
                double s = 0;
                for (int d = 0; d < dims; d++) {
                    sq += sal[i][d] * sal[i][d];
                    s += sal[i][d];
                }
                sumSalSq[i] = sq;
                totalSal[i] = s;
                weight[i] = s * cap[i];
            }
        }

        private void forEach(int count, IntConsumer body) {
            if (pool == null) {
                for (int i = 0; i < count; i++) {
                    body.accept(i);
                }
            } else {
                pool.submit(() -> IntStream.range(0, count).parallel().forEach(body)).join();
            }
        }

        /** Salience-weighted distance from actor a's ideal (its position) to point y. */
        private double distance(int a, double[] ideal, double[] y) {
            if (sumSalSq[a] == 0) {
                return 0;
            }
            double sum = 0;
            for (int d = 0; d < dims; d++) {
                double diff = ideal[d] - y[d];
                sum += sal[a][d] * sal[a][d] * diff * diff;
            }
            return Math.sqrt(sum / sumSalSq[a]);
        }

        double[][] distances(double[][] x) {
            double[][] dist = new double[n][n];
            forEach(n, i -> {
                for (int j = 0; j < n; j++) {
                    dist[i][j] = i == j ? 0 : distance(i, x[i], x[j]);
                }
            });
            return dist;
        }

        /** PCE probabilities of options given voters' utilities util[voter][option] and voter weights cap. */
        private double[] pce(double[][] util, int options, boolean parallel) {
            double[][] strength = new double[options][options];
            IntConsumer row = a -> {
                for (int b = 0; b < options; b++) {
                    if (a == b) {
                        continue;
                    }
                    double c = 1e-8;
                    for (int k = 0; k < n; k++) {
                        double v = rule.vote(cap[k], util[k][a] - util[k][b]);
                        if (v > 0) {
                            c += v;
                        }
                    }
                    strength[a][b] = c;
                }
            };
            if (parallel) {
                forEach(options, row);
            } else {
                for (int a = 0; a < options; a++) {
                    row.accept(a);
                }
            }
            double[][] victory = new double[options][options];
            for (int a = 0; a < options; a++) {
                for (int b = 0; b < options; b++) {
                    victory[a][b] = a == b ? 0.5 : law.probability(strength[a][b], strength[b][a]);
                }
            }
            return parameters.pceModel().probabilities(victory);
        }

        double[] pceOverPositions(double[][] dist) {
            double[][] util = new double[n][n];
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < n; j++) {
                    util[k][j] = 1 - dist[k][j];
                }
            }
            return pce(util, n, true);
        }

        /** Σ_j p_j x_j over the PCE of actors' positions (risk-neutral utilities, weights c). */
        double[] expectedOutcome(double[][] x) {
            return expectedOutcome(x, pceOverPositions(distances(x)));
        }

        double[] expectedOutcome(double[][] x, double[] p) {
            double[] out = new double[dims];
            for (int j = 0; j < n; j++) {
                for (int d = 0; d < dims; d++) {
                    out[d] += p[j] * x[j][d];
                }
            }
            for (int d = 0; d < dims; d++) {
                out[d] = Math.max(0, Math.min(1, out[d]));
            }
            return out;
        }

        /** KTAB's risk attitudes R_i ("Mid" range) from the PCE probabilities p over current positions. */
        private double[] riskAttitudes(double[] p) {
            double pMax = Double.NEGATIVE_INFINITY;
            double pMin = Double.POSITIVE_INFINITY;
            for (double v : p) {
                pMax = Math.max(pMax, v);
                pMin = Math.min(pMin, v);
            }
            double[] risk = new double[n];
            if (pMax > pMin) {
                for (int i = 0; i < n; i++) {
                    risk[i] = (3 * p[i] - pMax - 2 * pMin) / (2 * (pMax - pMin));
                }
            }
            return risk;
        }

        double[] ktabOutcome(double[][] x) {
            double[][] dist = distances(x);
            return ktabOutcome(x, dist, pceOverPositions(dist));
        }

        /** KTAB's outcome given the state's distances and its risk-neutral PCE over positions. */
        double[] ktabOutcome(double[][] x, double[][] dist, double[] pNeutral) {
            double[] risk = riskAttitudes(pNeutral);
            List<Integer> unique = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                boolean seen = false;
                for (int u : unique) {
                    double sq = 0;
                    for (int d = 0; d < dims; d++) {
                        double diff = x[j][d] - x[u][d];
                        sq += diff * diff;
                    }
                    if (Math.sqrt(sq) < KTAB_POSITION_TOLERANCE) {
                        seen = true;
                        break;
                    }
                }
                if (!seen) {
                    unique.add(j);
                }
            }
            double[][] util = new double[n][unique.size()];
            for (int k = 0; k < n; k++) {
                for (int u = 0; u < unique.size(); u++) {
                    util[k][u] = util(dist[k][unique.get(u)], risk[k]);
                }
            }
            double[] p = pce(util, unique.size(), false);
            double[] out = new double[dims];
            for (int u = 0; u < unique.size(); u++) {
                for (int d = 0; d < dims; d++) {
                    out[d] += p[u] * x[unique.get(u)][d];
                }
            }
            for (int d = 0; d < dims; d++) {
                out[d] = Math.max(0, Math.min(1, out[d]));
            }
            return out;
        }

        Step step(double[][] x) {
            double[][] dist = distances(x);
            // 1. Risk attitudes from the PCE over current positions ("Mid" range).
            double[] p = pceOverPositions(dist);
            double[] risk = riskAttitudes(p);
            // 2. Each actor's best target, estimated by itself (O(N³), parallel over the initiator).
            Challenge[] best = new Challenge[n];
            forEach(n, i -> best[i] = bestChallenge(i, dist, risk));
            // the phases are methods of their own: the optimising compiler compiles each small and once, instead
            // of the whole turn, several times, on stack replacement
            // 3. Bargains, queued for both parties in initiator order.
            List<double[][]> bargains = new ArrayList<>(); // {b_i, b_j}
            List<int[]> parties = new ArrayList<>();
            bargains(best, x, bargains, parties);
            // 4. Resolution: every actor scores every bargain with its own risk attitude.
            double[] sumU = new double[n];
            double[][] uObj = objectiveUtilities(dist, risk, sumU);
            double[][] score = scores(x, risk, bargains, parties, uObj, sumU);
            double[][] next = new double[n][];
            for (int k = 0; k < n; k++) {
                next[k] = chosen(k, x, bargains, parties, score, sumU);
            }
            return new Step(next, new TurnDetail(risk, p, List.of(best)));
        }

        /** Each initiator's bargain with its best target, in initiator order: b_i and b_j, and the parties. */
        private void bargains(Challenge[] best, double[][] x, List<double[][]> bargains, List<int[]> parties) {
            for (int i = 0; i < n; i++) {
                Challenge c = best[i];
                if (c.target() < 0) {
                    continue;
                }
                int j = c.target();
                double prob = c.probability();
                double[] bi = new double[dims];
                double[] bj = new double[dims];
                for (int d = 0; d < dims; d++) {
                    double wi = sal[i][d] * sal[i][d] * prob * prob;
                    double wj = sal[j][d] * sal[j][d] * (1 - prob) * (1 - prob);
                    bi[d] = round4(((wi + 1e-6) * x[i][d] + wj * x[j][d]) / (wi + 1e-6 + wj));
                    bj[d] = round4((wi * x[i][d] + (wj + 1e-6) * x[j][d]) / (wi + wj + 1e-6));
                }
                bargains.add(new double[][] {bi, bj});
                parties.add(new int[] {i, j});
            }
        }

        /** u_a(x_k) = (1 − d)(1 + d·r_a) for every pair, and each actor's sum of them into {@code sumU}. */
        private double[][] objectiveUtilities(double[][] dist, double[] risk, double[] sumU) {
            double[][] uObj = new double[n][n];
            for (int a = 0; a < n; a++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    double d = dist[a][k];
                    uObj[a][k] = (1 - d) * (1 + d * risk[a]);
                    s += uObj[a][k];
                }
                sumU[a] = s;
            }
            return uObj;
        }

        /** Actor a's mean utility over all positions if bargain m is adopted (both parties move). */
        private double[][] scores(double[][] x, double[] risk, List<double[][]> bargains, List<int[]> parties,
                                  double[][] uObj, double[] sumU) {
            int nb = bargains.size();
            double[][] score = new double[n][nb];
            for (int a = 0; a < n; a++) {
                for (int m = 0; m < nb; m++) {
                    int i = parties.get(m)[0];
                    int j = parties.get(m)[1];
                    double di = distance(a, x[a], bargains.get(m)[0]);
                    double dj = distance(a, x[a], bargains.get(m)[1]);
                    double ui = (1 - di) * (1 + di * risk[a]);
                    double uj = (1 - dj) * (1 + dj * risk[a]);
                    score[a][m] = (sumU[a] - uObj[a][i] - uObj[a][j] + ui + uj) / n;
                }
            }
            return score;
        }

        /** Actor k's next position: the bargain on its queue (or none) that the PCE over all actors favours. */
        private double[] chosen(int k, double[][] x, List<double[][]> bargains, List<int[]> parties,
                                double[][] score, double[] sumU) {
            int nb = bargains.size();
            List<Integer> queue = new ArrayList<>();
            for (int m = 0; m < nb; m++) {
                if (parties.get(m)[0] == k || parties.get(m)[1] == k) {
                    queue.add(m);
                }
            }
            if (queue.isEmpty()) {
                return x[k].clone();
            }
            int options = queue.size() + 1;
            double[][] util = new double[n][options];
            for (int a = 0; a < n; a++) {
                util[a][0] = sumU[a] / n;
                for (int q = 0; q < queue.size(); q++) {
                    util[a][q + 1] = score[a][queue.get(q)];
                }
            }
            double[] prob = pce(util, options, false);
            int chosen = 0;
            for (int o = 1; o < options; o++) {
                if (prob[o] > prob[chosen]) {
                    chosen = o;
                }
            }
            if (chosen == 0) {
                return x[k].clone();
            }
            int m = queue.get(chosen - 1);
            return bargains.get(m)[parties.get(m)[0] == k ? 0 : 1].clone();
        }

        /** Actor i's most valuable challenge, all utilities as i estimates them (r_in = (2R_i + R_n)/3). O(N²). */
        private Challenge bestChallenge(int i, double[][] dist, double[] risk) {
            double[] r = new double[n];
            for (int k = 0; k < n; k++) {
                r[k] = k == i ? risk[i] : (2 * risk[i] + risk[k]) / 3;
            }
            int bestJ = -1;
            double bestValue = 1e-5;
            double bestP = 0;
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double uij = util(dist[i][j], r[i]);
                double uji = util(dist[j][i], r[j]);
                double ai = rule.vote(weight[i], 1 - uij);
                double aj = rule.vote(weight[j], uji - 1);
                double cp0 = 1e-10 + Math.max(ai, 0) + Math.max(aj, 0);
                double cm0 = 1e-10 + Math.max(-ai, 0) + Math.max(-aj, 0);
                double cp = cp0;
                double cm = cm0;
                for (int k = 0; k < n; k++) {
                    if (k == i || k == j) {
                        continue;
                    }
                    double uki = util(dist[k][i], r[k]);
                    double ukj = util(dist[k][j], r[k]);
                    double v0 = rule.vote(weight[k], uki - ukj);
                    double plus = Math.max(v0, 0);
                    double minus = Math.max(-v0, 0);
                    double pi = (cp0 + plus) / (cp0 + plus + cm0 + minus);
                    double a = pi * (2 * uki + 1) + (1 - pi) * 3 * ukj;
                    double b = pi * 3 * uki + (1 - pi) * (2 * ukj + 1);
                    double v = rule.vote(weight[k], a - b);
                    if (v > 0) {
                        cp += v;
                    } else {
                        cm -= v;
                    }
                }
                double prob = law.probability(cp, cm);
                double sj = totalSal[j];
                double value = (1 - sj) * 2 + sj * (prob * 2 + (1 - prob) * 2 * uij) - (1 + uij);
                if (value > bestValue) {
                    bestValue = value;
                    bestJ = j;
                    bestP = prob;
                }
            }
            return bestJ < 0 ? new Challenge(i, -1, 0, 0) : new Challenge(i, bestJ, bestValue, bestP);
        }

        private double util(double d, double r) {
            return (1 - d) * (1 + d * r);
        }
    }
}
