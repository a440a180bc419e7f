package org.statecraft.core.record;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.statecraft.core.leverage.ParameterSpace;
import org.statecraft.core.random.SeedStream;
import org.statecraft.core.random.Seeds;
import org.statecraft.core.numerics.SpecialFunctions;

/**
 * Sequential Monte Carlo for degenerate weights: ABC-SMC by tempering the record's kernels (Del Moral, Doucet &amp;
 * Jasra 2012, Statistics and Computing 22:1009; the adaptive tempering of Jasra, Stephens, Doucet &amp; Tsagaris
 * 2011). The target at stage t is prior × exp(β_t·ℓ), ℓ the log kernel of {@link Conditioning} and β rising from 0
 * to 1. Each stage picks the next β by bisection so that the incremental weights exp((β' − β)ℓ) keep an effective
 * sample size of half the runs, resamples by them (systematic), and moves every particle by one Metropolis–Hastings
 * step: a Gaussian random walk in probit space (z = Φ⁻¹(u), u the input's place in its prior, prior density
 * Π φ(z_d)), scale 2.38/√D times the particles' standard deviation per input (at least 0.02), a fresh simulation
 * with a fresh dynamics stream, accepted with probability min(1, e^{β'(ℓ' − ℓ)}·φ(z')/φ(z)) (a pseudo-marginal
 * ABC move, valid because the kernel is evaluated on one simulation as the weight is). When β reaches 1 with
 * enough effective sample size the weights are kept; otherwise the output says how far it got. Deterministic in
 * (seed, runs), whatever the threads.
 */
public final class Smc {
    private Smc() {
    }

    /**
     * The final population: each particle's parameters, dynamics stream and normalised weight, the temperature
     * reached, the ESS of each stage's incremental weights, the acceptance rate of each move, and the count of
     * distinct particles at the end.
     */
    public record Population(double[][] values, long[] streams, double[] weights, double beta,
                             List<Double> essByStage, List<Double> acceptance, int distinct) {
        public int stages() {
            return essByStage.size();
        }

        /**
         * The effective sample size to report: the importance weights' (Kish) when no SMC stage ran; after SMC the
         * count of distinct particles, or the final weights' ESS if smaller (a conservative figure: moved particles
         * stay correlated with their neighbours); 0 when the temperature did not reach 1.
         */
        public double effectiveSampleSize() {
            if (stages() == 1) {
                return essByStage.get(0);
            }
            return beta >= 1 ? Math.min(distinct, Conditioning.ess(weights)) : 0;
        }

        /** Runs that would give importance weights an ESS of {@code minimum}, from the first stage's yield per run. */
        public long runsNeeded(int minimum) {
            double ess0 = essByStage.get(0);
            int n = weights.length;
            return ess0 < minimum ? (long) Math.ceil(n * (double) minimum / Math.max(ess0, 1e-9)) : n;
        }
    }

    public static Population run(Hindcast.Simulation prior, Conditioning.Bandwidths bw, int threads, double targetEss,
                                 int maxStages) {
        int n = prior.sample().runs;
        ParameterSpace space = prior.model().parameterSpace();
        int dim = space.dimension();
        long seed = prior.seed();
        double[][] z = new double[n][dim];
        for (int r = 0; r < n; r++) {
            RandomGenerator g = Seeds.generator(seed, r, Seeds.PARAMETERS);
            for (int d = 0; d < dim; d++) {
                z[r][d] = SpecialFunctions.normalQuantile(clamp(g.nextDouble()));
            }
        }
        double[][] values = prior.sample().values.clone();
        long[] streams = prior.sample().stream.clone();
        double[] ell = Conditioning.logWeights(prior, bw);
        double[] full = Conditioning.normalise(ell);
        List<Double> essByStage = new ArrayList<>();
        List<Double> acceptance = new ArrayList<>();
        essByStage.add(Conditioning.ess(full));
        if (essByStage.get(0) >= targetEss || maxStages == 0) {
            return new Population(values, streams, full, 1, essByStage, acceptance, n);
        }
        double beta = 0;
        long nextStream = n;
        for (int stage = 1; stage <= maxStages; stage++) {
            double next = nextBeta(ell, beta, n / 2.0);
            double[] w = incremental(ell, next - beta);
            if (next >= 1 && Conditioning.ess(w) >= targetEss && stage > 1) {
                essByStage.add(Conditioning.ess(w));
                return new Population(values, streams, w, 1, essByStage, acceptance, distinct(streams));
            }
            essByStage.add(Conditioning.ess(w));
            // resample
            RandomGenerator pick = Seeds.generator(seed, nextStream, SeedStream.SMC);
            int[] parent = systematic(w, pick.nextDouble());
            double[][] rz = new double[n][];
            double[][] rv = new double[n][];
            long[] rs = new long[n];
            double[] rl = new double[n];
            for (int i = 0; i < n; i++) {
                rz[i] = z[parent[i]];
                rv[i] = values[parent[i]];
                rs[i] = streams[parent[i]];
                rl[i] = ell[parent[i]];
            }
            // move: one random-walk Metropolis–Hastings step per particle
            double[] scale = new double[dim];
            for (int d = 0; d < dim; d++) {
                double m = 0;
                for (double[] p : rz) {
                    m += p[d];
                }
                m /= n;
                double v = 0;
                for (double[] p : rz) {
                    v += (p[d] - m) * (p[d] - m);
                }
                scale[d] = Math.max(0.02, 2.38 / Math.sqrt(dim) * Math.sqrt(v / n));
            }
            double[][] pz = new double[n][dim];
            double[][] pv = new double[n][];
            long[] ps = new long[n];
            double[] acceptU = new double[n];
            for (int i = 0; i < n; i++) {
                RandomGenerator g = Seeds.generator(seed, nextStream + 1 + i, SeedStream.SMC);
                double[] u = new double[dim];
                for (int d = 0; d < dim; d++) {
                    pz[i][d] = rz[i][d] + scale[d] * SpecialFunctions.normalQuantile(clamp(g.nextDouble()));
                    u[d] = SpecialFunctions.normalCdf(pz[i][d]);
                }
                acceptU[i] = g.nextDouble(); // the particle's Metropolis–Hastings uniform, the stream's next draw
                pv[i] = space.fromUnit(u);
                ps[i] = nextStream + i;
            }
            Hindcast.Simulation moved = Hindcast.simulate(prior, pv, ps, threads);
            double[] pl = Conditioning.logWeights(moved, bw);
            int accepted = 0;
            for (int i = 0; i < n; i++) {
                double logPriorRatio = 0;
                for (int d = 0; d < dim; d++) {
                    logPriorRatio += -0.5 * (pz[i][d] * pz[i][d] - rz[i][d] * rz[i][d]);
                }
                double logA = next * (pl[i] - rl[i]) + logPriorRatio;
                if (Math.log(clamp(acceptU[i])) < logA) {
                    rz[i] = pz[i];
                    rv[i] = pv[i];
                    rs[i] = ps[i];
                    rl[i] = pl[i];
                    accepted++;
                }
            }
            acceptance.add(accepted / (double) n);
            z = rz;
            values = rv;
            streams = rs;
            ell = rl;
            beta = next;
            nextStream += n + 1;
            if (beta >= 1) {
                double[] eq = new double[n];
                Arrays.fill(eq, 1.0 / n);
                return new Population(values, streams, eq, 1, essByStage, acceptance, distinct(streams));
            }
        }
        // the last temperature reached: the population is a sample of prior × exp(β·ℓ), not yet of the posterior
        double[] eq = new double[n];
        Arrays.fill(eq, 1.0 / n);
        return new Population(values, streams, eq, beta, essByStage, acceptance, distinct(streams));
    }

    /** The largest β' in (β, 1] whose incremental weights keep an ESS of at least {@code target}. */
    static double nextBeta(double[] ell, double beta, double target) {
        if (Conditioning.ess(incremental(ell, 1 - beta)) >= target) {
            return 1;
        }
        double lo = beta;
        double hi = 1;
        for (int it = 0; it < 60; it++) {
            double mid = 0.5 * (lo + hi);
            if (Conditioning.ess(incremental(ell, mid - beta)) >= target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.max(lo, beta + 1e-9);
    }

    private static double[] incremental(double[] ell, double dBeta) {
        double[] lw = new double[ell.length];
        for (int i = 0; i < ell.length; i++) {
            lw[i] = dBeta * ell[i];
        }
        return Conditioning.normalise(lw);
    }

    static int[] systematic(double[] w, double u) {
        int n = w.length;
        int[] parent = new int[n];
        double step = 1.0 / n;
        double cum = w[0];
        int j = 0;
        for (int i = 0; i < n; i++) {
            double target = (u + i) * step;
            while (cum < target && j < n - 1) {
                j++;
                cum += w[j];
            }
            parent[i] = j;
        }
        return parent;
    }

    private static int distinct(long[] streams) {
        return (int) Arrays.stream(streams).distinct().count();
    }

    private static double clamp(double u) {
        return Math.min(Math.max(u, 1e-12), 1 - 1e-12);
    }
}
