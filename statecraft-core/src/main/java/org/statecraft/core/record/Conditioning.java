package org.statecraft.core.record;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.statecraft.core.leverage.LeverageModel;
import org.statecraft.core.leverage.ParameterLabels;
import org.statecraft.core.leverage.ParameterSpace;
import org.statecraft.core.leverage.RunOutcome;
import org.statecraft.core.montecarlo.Quantiles;
import org.statecraft.core.random.Seeds;
import org.statecraft.core.scenario.ObservedConcession;
import org.statecraft.core.scenario.Policy;
import org.statecraft.core.scenario.Rule;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.core.scenario.StanceMove;
import org.statecraft.core.scenario.Trigger;

/**
 * The Monte Carlo runs weighed by how well each reproduces the record up to a date: approximate Bayesian
 * computation with Gaussian kernels on log scales (docs/models/hindcast.md). Run r's log-weight is the sum over the
 * recorded outcomes of
 * <ul>
 * <li>a closed spell of y days simulated as d: −½((ln(1+d) − ln(1+y))/h_d)², h_d = {@link Bandwidths#duration};
 * a spell still in force (y a lower bound): 0 if d ≥ y, the same kernel otherwise;</li>
 * <li>a count y simulated (in the counter's terms) as c: −½((ln(1+c) − ln(1+y))/h_c)²;</li>
 * <li>the demand met by the date or not, and a first concession or not: ln(1 − ε) if the run agrees, ln ε if not,
 * plus, when both have a first concession, −½((Δdays)/h_t)²;</li>
 * <li>a third party's move: ln(1 − ε_s) if the simulated stance moved the recorded way over the 90 days to it,
 * ln ε_s if not.</li>
 * </ul>
 * The weights are self-normalised; the effective sample size is (Σw)²/Σw² (Kish). Posterior and prior are then
 * compared for every uncertain input (quantiles, and the Hellinger distance on 20 equal-mass prior bins), and each
 * policy is run from the date onward on the heaviest runs (common random numbers: a branch repeats the recorded
 * run exactly up to the date, then follows the policy).
 */
public final class Conditioning {
    private Conditioning() {
    }

    /** The kernels' widths (the ABC tolerance). */
    public record Bandwidths(double duration, double count, double days, double mismatch, double stanceMismatch) {
        public static final Bandwidths DEFAULT = new Bandwidths(0.35, 0.25, 30, 0.05, 0.25);
    }

    /** Prior and posterior of one uncertain input: quantiles 5/50/95 and the Hellinger distance between them. */
    public record Posterior(String path, String label, double[] prior, double[] posterior, double hellinger) {
    }

    /** A policy from the date onward, under the posterior and under the prior (the same branch runs, unweighted). */
    public record PolicyRow(String id, String name, double pMetPosterior, double pMetPrior, double medianDaysToMet) {
    }

    /**
     * The conditioned analysis. {@code essTooSmall}: the effective sample size is below {@code minimumEss}, and
     * {@code runsNeeded} estimates the runs that would give it (runs × minimumEss / ess).
     */
    public record Result(String scenario, LocalDate until, int runs, long seed, double ess, int minimumEss,
                         boolean essTooSmall, long runsNeeded, Bandwidths bandwidths, List<Posterior> posteriors,
                         int branchRuns, int horizonDays, List<PolicyRow> ranking, List<String> notes,
                         double[] weights) {
    }

    public static final int MINIMUM_ESS = 100;
    /** Runs each policy is branched on: the heaviest, and as many drawn uniformly for the prior column. */
    public static final int BRANCH_RUNS = 1000;

    /** Log-weights of every run of {@code sim} under bandwidths {@code bw}. */
    public static double[] logWeights(Hindcast.Simulation sim, Bandwidths bw) {
        Scenario s = sim.scenario();
        RecordProbe probe = sim.probe();
        HindcastSample x = sim.sample();
        LocalDate until = probe.until();
        boolean metObserved = s.observed().concessions().stream().anyMatch(c -> c.on() == ObservedConcession.On.DEMAND
                && c.extent() == ObservedConcession.Extent.FULL && !c.date().isBefore(s.start())
                && !c.date().isAfter(until));
        int firstPartial = s.observed().concessions().stream().filter(c -> c.on() == ObservedConcession.On.DEMAND
                        && !c.date().isBefore(s.start()) && !c.date().isAfter(until))
                .mapToInt(c -> s.dayOf(c.date())).min().orElse(-1);
        double lnOk = Math.log1p(-bw.mismatch());
        double lnBad = Math.log(bw.mismatch());
        double lnSOk = Math.log1p(-bw.stanceMismatch());
        double lnSBad = Math.log(bw.stanceMismatch());
        double[] lw = new double[x.runs];
        for (int r = 0; r < x.runs; r++) {
            double w = 0;
            for (int i = 0; i < probe.spells().size(); i++) {
                RecordProbe.Spell sp = probe.spells().get(i);
                double d = x.spellDays[r][i];
                double y = sp.observedDays();
                if (!(sp.open() && d >= y)) {
                    w += gauss(Math.log1p(d) - Math.log1p(y), bw.duration());
                }
            }
            for (int i = 0; i < probe.counts().size(); i++) {
                w += gauss(Math.log1p(Math.max(0, x.counts[r][i])) - Math.log1p(probe.counts().get(i).count().value()),
                        bw.count());
            }
            w += ((x.metDay[r] >= 0) == metObserved) ? lnOk : lnBad;
            boolean simPartial = x.partialDay[r] >= 0;
            if (simPartial != (firstPartial >= 0)) {
                w += lnBad;
            } else {
                w += lnOk;
                if (simPartial) {
                    w += gauss(x.partialDay[r] - firstPartial, bw.days());
                }
            }
            for (int i = 0; i < probe.moves().size(); i++) {
                boolean toward = probe.moves().get(i).move().direction()
                        == StanceMove.Direction.TOWARD;
                double dlt = x.stanceDelta[r][i];
                boolean agrees = toward ? dlt > 1e-12 : dlt < -1e-12;
                w += agrees ? lnSOk : lnSBad;
            }
            lw[r] = w;
        }
        return lw;
    }

    private static double gauss(double z, double h) {
        double u = z / h;
        return -0.5 * u * u;
    }

    /** Self-normalised weights from log-weights (max-shifted, so no underflow to all zeros). */
    public static double[] normalise(double[] lw) {
        double max = Arrays.stream(lw).max().orElse(0);
        double[] w = new double[lw.length];
        double sum = 0;
        for (int i = 0; i < lw.length; i++) {
            w[i] = Math.exp(lw[i] - max);
            sum += w[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return w;
    }

    /** Kish's effective sample size (Σw)²/Σw². */
    public static double ess(double[] w) {
        double s = 0;
        double s2 = 0;
        for (double v : w) {
            s += v;
            s2 += v * v;
        }
        return s2 == 0 ? 0 : s * s / s2;
    }

    /** The weighted quantile (the smallest value whose cumulative weight reaches p). */
    public static double weightedQuantile(double[] values, double[] w, double p) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double total = Arrays.stream(w).sum();
        double acc = 0;
        for (Integer i : order) {
            acc += w[i];
            if (acc >= p * total) {
                return values[i];
            }
        }
        return values[order[order.length - 1]];
    }

    /**
     * Hellinger distance between the prior sample (equal weights) and the weighted posterior, on {@code bins}
     * equal-mass bins of the prior sample: H = √(1 − Σ_b √(p_b q_b)), 0 for the same distribution, 1 for disjoint.
     */
    public static double hellinger(double[] values, double[] w, int bins) {
        return hellinger(values, values, w, bins);
    }

    /** As {@link #hellinger(double[], double[], int)}, the prior a sample of its own, the posterior a weighted sample. */
    public static double hellinger(double[] prior, double[] values, double[] w, int bins) {
        double[] sorted = Quantiles.sortedCopy(prior);
        double[] edges = new double[bins - 1];
        for (int b = 1; b < bins; b++) {
            edges[b - 1] = Quantiles.of(sorted, (double) b / bins);
        }
        double[] p = new double[bins];
        double[] q = new double[bins];
        double total = Arrays.stream(w).sum();
        for (double v : prior) {
            int b = Arrays.binarySearch(edges, v);
            p[b >= 0 ? b : -b - 1] += 1.0 / prior.length;
        }
        for (int i = 0; i < values.length; i++) {
            int b = Arrays.binarySearch(edges, values[i]);
            q[b >= 0 ? b : -b - 1] += w[i] / total;
        }
        double bc = 0;
        for (int b = 0; b < bins; b++) {
            bc += Math.sqrt(p[b] * q[b]);
        }
        return Math.sqrt(Math.max(0, 1 - bc));
    }

    /** Stages of tempered sequential Monte Carlo tried when the first weights degenerate. */
    public static final int SMC_GENERATIONS = 8;

    /**
     * Conditions the runs of {@code prior} on the record (with up to {@code generations} generations of
     * {@link Smc} while the effective sample size is below {@link #MINIMUM_ESS}) and ranks the scenario's
     * policies from the record's date on.
     */
    public static Result condition(Hindcast.Simulation prior, Bandwidths bw, int threads, int generations) {
        Scenario s = prior.scenario();
        Smc.Population pop = Smc.run(prior, bw, threads, MINIMUM_ESS, generations);
        HindcastSample x0 = prior.sample();
        int n = x0.runs;
        // the final population as a sample: its parameters and streams (the branch runs need nothing else)
        HindcastSample x = new HindcastSample(n, 0, 0, 0);
        for (int r = 0; r < n; r++) {
            x.values[r] = pop.values()[r];
            x.stream[r] = pop.streams()[r];
        }
        Hindcast.Simulation sim = prior;
        double[] w = pop.weights();
        double ess0 = pop.essByStage().get(0);
        double ess = pop.effectiveSampleSize();
        boolean small = ess < MINIMUM_ESS;
        long needed = pop.runsNeeded(MINIMUM_ESS);
        List<String> notes = new ArrayList<>(sim.policy().notes());
        if (pop.stages() > 1) {
            StringBuilder st = new StringBuilder();
            for (int i = 1; i < pop.stages(); i++) {
                st.append(i == 1 ? "" : "; ").append(i - 1 < pop.acceptance().size()
                        ? String.format(Locale.ROOT, "ESS %.0f, acceptance %.2f", pop.essByStage().get(i),
                        pop.acceptance().get(i - 1))
                        : String.format(Locale.ROOT, "ESS %.0f, kept as weights", pop.essByStage().get(i)));
            }
            notes.add(String.format(Locale.ROOT, "importance weights alone gave an effective sample size of "
                    + "%.1f; %d stages of tempered sequential Monte Carlo (%s) reached temperature %.3g of 1, with "
                    + "%d distinct particles%s", ess0, pop.stages() - 1, st, pop.beta(), pop.distinct(),
                    pop.beta() < 1 ? ": the population is conditioned only partly on the record (prior × kernel^"
                    + String.format(Locale.ROOT, "%.3g", pop.beta()) + "); more stages (--generations) "
                    + "or runs would go further" : ""));
        }
        ParameterSpace space = sim.model().parameterSpace();
        ParameterLabels labels = new ParameterLabels(s);
        List<Posterior> posts = new ArrayList<>();
        List<ParameterSpace.Input> inputs = space.inputs();
        for (int k = 0; k < inputs.size(); k++) {
            if (!inputs.get(k).quantity().isUncertain()) {
                continue;
            }
            double[] v0 = new double[x0.runs];
            for (int r = 0; r < x0.runs; r++) {
                v0[r] = x0.values[r][k];
            }
            double[] v = new double[x.runs];
            for (int r = 0; r < x.runs; r++) {
                v[r] = x.values[r][k];
            }
            double[] sorted = Quantiles.sortedCopy(v0);
            double[] pr = {Quantiles.of(sorted, 0.05), Quantiles.of(sorted, 0.5), Quantiles.of(sorted, 0.95)};
            double[] post = {weightedQuantile(v, w, 0.05), weightedQuantile(v, w, 0.5), weightedQuantile(v, w, 0.95)};
            String path = inputs.get(k).path();
            posts.add(new Posterior(path, labels.label(path), pr, post, hellinger(v0, v, w, 20)));
        }
        posts.sort(Comparator.comparingDouble(Posterior::hellinger).reversed());

        // branch runs: the heaviest (posterior) and a uniform draw (prior), each policy started on the date
        int branch = Math.min(BRANCH_RUNS, n);
        Integer[] byWeight = new Integer[n];
        for (int i = 0; i < byWeight.length; i++) {
            byWeight[i] = i;
        }
        Arrays.sort(byWeight, Comparator.comparingDouble((Integer i) -> w[i]).reversed());
        int[] heavy = new int[branch];
        for (int i = 0; i < branch; i++) {
            heavy[i] = byWeight[i];
        }
        int[] uniform = new int[branch];
        for (int i = 0; i < branch; i++) {
            uniform[i] = (int) ((long) i * n / branch);
        }
        double covered = 0;
        for (int r : heavy) {
            covered += w[r];
        }
        notes.add(String.format(Locale.ROOT, "each policy was run from %s on the %d heaviest runs (%.1f %% "
                + "of the posterior weight) and on %d runs spread evenly over the prior", sim.probe().until(), branch,
                100 * covered, branch));

        int d = sim.probe().horizon() - 1;
        int h = s.horizonDays();
        List<Policy> branched = new ArrayList<>();
        for (Policy p : s.policies()) {
            branched.add(branch(sim.policy().policy(), p, d));
        }
        LeverageModel model = new LeverageModel(s.withPolicies(branched).withHorizon(d + h));
        int nP = branched.size();
        int[][] metH = new int[nP][branch];
        int[][] metU = new int[nP][branch];
        runBranches(model, heavy, x, sim.seed(), d, metH, threads);
        runBranches(model, uniform, x0, sim.seed(), d, metU, threads);
        double[] wh = new double[branch];
        for (int i = 0; i < branch; i++) {
            wh[i] = w[heavy[i]];
        }
        List<PolicyRow> rows = new ArrayList<>();
        for (int p = 0; p < nP; p++) {
            double met = 0;
            double tot = 0;
            List<double[]> days = new ArrayList<>();
            for (int i = 0; i < branch; i++) {
                tot += wh[i];
                if (metH[p][i] > 0) {
                    met += wh[i];
                    days.add(new double[] {metH[p][i], wh[i]});
                }
            }
            double priorMet = Arrays.stream(metU[p]).filter(v -> v > 0).count() / (double) branch;
            double median = Double.NaN;
            if (!days.isEmpty()) {
                median = weightedQuantile(days.stream().mapToDouble(a -> a[0]).toArray(),
                        days.stream().mapToDouble(a -> a[1]).toArray(), 0.5);
            }
            Policy orig = s.policies().get(p);
            rows.add(new PolicyRow(orig.id(), orig.name(), met / tot, priorMet, median));
        }
        rows.sort(Comparator.comparingDouble(PolicyRow::pMetPosterior).reversed());
        return new Result(s.id(), sim.probe().until(), n, sim.seed(), ess, MINIMUM_ESS, small, needed, bw,
                List.copyOf(posts), branch, h, List.copyOf(rows), List.copyOf(notes), w);
    }

    /**
     * The recorded rules up to day d, then {@code p}'s rules from day d on: day triggers shifted by d, every other
     * trigger active only from d ({@link Trigger.From}).
     */
    static Policy branch(Policy recorded, Policy p, int d) {
        List<Rule> rules = new ArrayList<>(recorded.rules());
        for (Rule r : p.rules()) {
            Trigger t = r.trigger() instanceof Trigger.OnDay od ? new Trigger.OnDay(od.day() + d)
                    : new Trigger.From(d, r.trigger());
            rules.add(new Rule(t, r.action(), r.lever(), r.durationDays(), r.once(), r.level()));
        }
        return new Policy(p.id(), p.name(), p.description(), rules, p.releaseOnConcession());
    }

    /** met[p][i]: days after d to the demand being met (0: not within the horizon, or met before d). */
    private static void runBranches(LeverageModel model, int[] runs, HindcastSample x, long seed, int d,
                                    int[][] met, int threads) {
        int nP = model.policyCount();
        Hindcast.parallel(runs.length, threads, (from, to) -> {
            var state = model.newState();
            for (int i = from; i < to; i++) {
                int r = runs[i];
                for (int p = 0; p < nP; p++) {
                    RunOutcome o = model.newOutcome();
                    model.simulate(state, p, x.values[r], Seeds.generator(seed, x.stream[r], Seeds.DYNAMICS), o, null, null);
                    met[p][i] = o.concessionDay > d ? o.concessionDay - d : 0;
                }
            }
        });
    }
}
