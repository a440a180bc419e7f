package org.statecraft.core.montecarlo;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.statecraft.core.leverage.DailySeries;
import org.statecraft.core.leverage.LeverageModel;
import org.statecraft.core.leverage.LiftReason;
import org.statecraft.core.leverage.RunOutcome;
import org.statecraft.core.leverage.RunState;
import org.statecraft.core.bargaining.BargainingProblem;
import org.statecraft.core.bargaining.SpatialModelOfPolitics;
import org.statecraft.core.leverage.CompiledScenario;
import org.statecraft.core.random.Seeds;
import org.statecraft.core.scenario.Constituency;
import org.statecraft.core.scenario.ConstituencyRole;
import org.statecraft.core.scenario.Policy;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.core.scenario.ScenarioChecks;
import org.statecraft.core.tension.Period;
import org.statecraft.core.tension.TensionPoint;

/**
 * Runs every policy of a scenario many times and summarises. Run i of every policy shares its parameter draw
 * (stream {@link Seeds#PARAMETERS} of run i) and starts the same dynamics stream ({@link Seeds#DYNAMICS}):
 * common random numbers make policy comparisons sharper and pairwise robustness meaningful. Work is split in
 * fixed chunks of runs and combined in chunk order, so results are identical whatever the thread count.
 * Cost: O(policies × runs × horizon × per-day cost of {@link LeverageModel}).
 */
public final class MonteCarlo {
    static final int CHUNK = 128;

    private MonteCarlo() {
    }

    public static Analysis run(Scenario scenario, MonteCarloOptions options, ProgressListener progress) {
        return run(new LeverageModel(scenario, options.credibility()), options, progress);
    }

    public static Analysis run(LeverageModel model, MonteCarloOptions options, ProgressListener progress) {
        int runs = options.runs();
        int nP = model.policyCount();
        int chunks = (runs + CHUNK - 1) / CHUNK;
        double[][] params = new double[runs][];
        RunOutcome[][] outcomes = new RunOutcome[nP][runs];
        DailySeries[][] daily = new DailySeries[nP][chunks];
        AtomicLong done = new AtomicLong();
        long total = (long) nP * runs;
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;

        ExecutorService pool = options.threads() == 1 ? null : Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "statecraft-mc");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Runnable> draws = new ArrayList<>();
            for (int c = 0; c < chunks; c++) {
                int from = c * CHUNK;
                int to = Math.min(runs, from + CHUNK);
                draws.add(() -> {
                    for (int r = from; r < to; r++) {
                        params[r] = model.parameterSpace().draw(Seeds.generator(options.seed(), r, Seeds.PARAMETERS));
                    }
                });
            }
            execute(pool, draws);
            // one task per chunk, each run of it under every policy in turn: the compiled code is profiled on
            // every policy from the first task (one policy's runs first made the optimising compiler specialise
            // on it and recompile as each other policy arrived); each policy's daily sums still add its runs in
            // run order, so the numbers are those of any other order
            List<Runnable> sims = new ArrayList<>();
            for (int c = 0; c < chunks; c++) {
                int from = c * CHUNK;
                int to = Math.min(runs, from + CHUNK);
                int chunk = c;
                sims.add(() -> {
                    DailySeries[] d = new DailySeries[nP];
                    for (int p = 0; p < nP; p++) {
                        d[p] = model.newDailySeries();
                    }
                    RunState state = model.newState();
                    for (int r = from; r < to; r++) {
                        for (int p = 0; p < nP; p++) {
                            RunOutcome o = model.newOutcome();
                            model.simulate(state, p, params[r], Seeds.generator(options.seed(), r,
                                    Seeds.DYNAMICS), o, d[p], null);
                            outcomes[p][r] = o;
                        }
                    }
                    for (int p = 0; p < nP; p++) {
                        daily[p][chunk] = d[p];
                    }
                    listener.progress(done.addAndGet((long) (to - from) * nP), total);
                });
            }
            execute(pool, sims);
            return summarise(model, options, outcomes, daily, params, pool);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** The number of fixed chunks of {@link #CHUNK} runs that a run count is split into. */
    public static int chunks(int runs) {
        return (runs + CHUNK - 1) / CHUNK;
    }

    /**
     * Chunk {@code c} of an analysis: runs {@code c·CHUNK} … of every policy, with their parameter draws and
     * per-policy daily sums. The unit of work that a distributed runner ships; {@link #assemble} over all
     * chunks in order gives exactly what {@link #run} gives.
     */
    public record Chunk(int index, double[][] parameters, RunOutcome[][] outcomes, DailySeries[] daily)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Simulates chunk {@code c} of {@code runs} runs under master seed {@code seed}: a pure function. */
    public static Chunk simulateChunk(LeverageModel model, long seed, int runs, int c) {
        int from = c * CHUNK;
        int to = Math.min(runs, from + CHUNK);
        if (c < 0 || from >= runs) {
            throw new IllegalArgumentException("chunk " + c + " outside the " + chunks(runs) + " chunks of " + runs
                    + " runs");
        }
        int nP = model.policyCount();
        double[][] params = new double[to - from][];
        for (int r = from; r < to; r++) {
            params[r - from] = model.parameterSpace().draw(Seeds.generator(seed, r, Seeds.PARAMETERS));
        }
        RunOutcome[][] outcomes = new RunOutcome[nP][to - from];
        DailySeries[] daily = new DailySeries[nP];
        RunState state = model.newState();
        for (int p = 0; p < nP; p++) {
            DailySeries d = model.newDailySeries();
            for (int r = from; r < to; r++) {
                RunOutcome o = model.newOutcome();
                model.simulate(state, p, params[r - from], Seeds.generator(seed, r, Seeds.DYNAMICS), o, d, null);
                outcomes[p][r - from] = o;
            }
            daily[p] = d;
        }
        return new Chunk(c, params, outcomes, daily);
    }

    /** Summarises chunks 0 … chunks(runs) − 1 (in any list order) into the analysis {@link #run} returns. */
    public static Analysis assemble(LeverageModel model, MonteCarloOptions options, List<Chunk> parts) {
        int runs = options.runs();
        int nP = model.policyCount();
        int chunks = chunks(runs);
        double[][] params = new double[runs][];
        RunOutcome[][] outcomes = new RunOutcome[nP][runs];
        DailySeries[][] daily = new DailySeries[nP][chunks];
        boolean[] seen = new boolean[chunks];
        for (Chunk ch : parts) {
            if (ch.index() < 0 || ch.index() >= chunks || seen[ch.index()]) {
                throw new IllegalArgumentException("chunk " + ch.index() + " is out of range or repeated");
            }
            seen[ch.index()] = true;
            int from = ch.index() * CHUNK;
            System.arraycopy(ch.parameters(), 0, params, from, ch.parameters().length);
            for (int p = 0; p < nP; p++) {
                System.arraycopy(ch.outcomes()[p], 0, outcomes[p], from, ch.outcomes()[p].length);
                daily[p][ch.index()] = ch.daily()[p];
            }
        }
        for (int c = 0; c < chunks; c++) {
            if (!seen[c]) {
                throw new IllegalArgumentException("chunk " + c + " is missing");
            }
        }
        return summarise(model, options, outcomes, daily, params, null);
    }

    /** Runs {@code tasks} on {@code pool} (null: in order on this thread) and waits for all of them. */
    static void execute(ExecutorService pool, List<Runnable> tasks) {
        if (pool == null) {
            tasks.forEach(Runnable::run);
            return;
        }
        List<Future<?>> fs = new ArrayList<>();
        for (Runnable t : tasks) {
            fs.add(pool.submit(t));
        }
        try {
            for (Future<?> f : fs) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Monte Carlo interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The baseline policy: the first one with no rules, else the first. */
    static int baselineIndex(Scenario s) {
        for (int p = 0; p < s.policies().size(); p++) {
            if (s.policies().get(p).rules().isEmpty()) {
                return p;
            }
        }
        return 0;
    }

    /**
     * Summaries per policy (independent, so spread over {@code pool} when given; each is computed by one task in
     * run order, so the result does not depend on the pool) and the pairwise robustness matrix.
     */
    private static Analysis summarise(LeverageModel model, MonteCarloOptions options, RunOutcome[][] outcomes,
                                      DailySeries[][] daily, double[][] params, ExecutorService pool) {
        Scenario s = model.scenario();
        int nP = outcomes.length;
        int runs = options.runs();
        int H = model.horizon();
        int base = baselineIndex(s);
        double[] meanZ = new double[nP];
        double[] meanAttacks = new double[nP];
        double[] meanCollateral = new double[nP];
        List<Constituency> cs = s.constituencies();
        boolean[] collateralRole = collateralRoles(cs);
        int nCh = model.channels().size();
        double[][] meanPressure = new double[nP][];
        // each policy's means in a task of its own (a pass over its runs' outcomes, each in run order)
        List<Runnable> means = new ArrayList<>();
        for (int policy = 0; policy < nP; policy++) {
            int p = policy;
            means.add(() -> {
                for (RunOutcome o : outcomes[p]) {
                    meanZ[p] += o.finalConcession;
                    meanAttacks[p] += o.attacks;
                    meanCollateral[p] += collateral(o, collateralRole);
                }
                meanZ[p] /= runs;
                meanAttacks[p] /= runs;
                meanCollateral[p] /= runs;
                meanPressure[p] = meanChannelPressure(outcomes[p], nCh);
            });
        }
        execute(pool, means);
        int[] rank = rank(meanZ, meanAttacks);
        boolean[] pareto = pareto(meanZ, meanCollateral);

        String[] members = model.memberIds();
        String[] levers = model.leverIds();
        // the per-run bargaining forecasts and the channel ablations are the costly parts: one batch of tasks,
        // the longest (SMP) first, each writing its own slot
        RunForecast rf = new RunForecast(s, model.parameterSpace(), members);
        double[][] comp = new double[nP][];
        double[][] smp = new double[nP][];
        int ablationRuns = Math.min(runs, ABLATION_RUNS);
        Ablation[] ablation = new Ablation[nP];
        List<Runnable> batch = new ArrayList<>();
        if (rf.applicable()) {
            for (int policy = 0; policy < nP; policy++) {
                int p = policy;
                batch.add(() -> forecast(rf, outcomes[p], params, p, comp, smp));
            }
        }
        for (int policy = 0; policy < nP; policy++) {
            Ablation ab = new Ablation(meanPressure[policy], new long[nCh], ablationRuns);
            ablation[policy] = ab;
            for (int ch = 0; ch < nCh; ch++) {
                if (ab.meanPressure()[ch] != 0) {
                    int p = policy;
                    int c = ch;
                    batch.add(() -> ab.met()[c] = ablatedMet(model, options, params, p, c, ablationRuns));
                }
            }
        }
        execute(pool, batch);
        PolicySummary.Forecast[] forecasts = rf.applicable() ? forecasts(comp, smp, base) : null;
        PolicySummary[] summaryOf = new PolicySummary[nP];
        List<Runnable> tasks = new ArrayList<>();
        for (int policy = 0; policy < nP; policy++) {
            int p = policy;
            tasks.add(() -> summaryOf[p] = summary(model, options, outcomes, daily, params, p, base, rank, pareto,
                    meanZ, meanAttacks, meanCollateral, forecasts, ablation[p]));
        }
        execute(pool, tasks);
        List<PolicySummary> summaries = List.of(summaryOf);
        double[][] robust = new double[nP][nP];
        List<Runnable> rows = new ArrayList<>();
        for (int policy = 0; policy < nP; policy++) {
            int a = policy;
            rows.add(() -> {
                for (int b = 0; b < nP; b++) {
                    double wins = 0;
                    for (int r = 0; r < runs; r++) {
                        double za = outcomes[a][r].finalConcession;
                        double zb = outcomes[b][r].finalConcession;
                        wins += za > zb + 1e-12 ? 1 : Math.abs(za - zb) <= 1e-12 ? 0.5 : 0;
                    }
                    robust[a][b] = wins / runs;
                }
            });
        }
        execute(pool, rows);
        Analysis a = new Analysis(s.id(), options.seed(), runs, H, s.policies().get(base).id(),
                cs.stream().map(Constituency::id).toList(), List.of(members), List.of(levers), summaries, robust,
                outcomes, params, null);
        return a.withDerived(derive(s, a, pool));
    }

    /** Robustness of every ordered pair, replays, and the tension index: computed once, here. */
    static Analysis.Derived derive(Scenario s, Analysis a, ExecutorService pool) {
        RankingRobustness robustness = RankingRobustness.of(s, a, 3, true, pool);
        List<Replay> replays = Replay.of(s, a);
        Analysis.Tension tension;
        try {
            var dyad = SimulatedTension.dyad(s);
            var observed = SimulatedTension.observed(s,
                    Period.WEEK);
            List<List<TensionPoint>> sim = new ArrayList<>();
            for (PolicySummary p : a.policies()) {
                sim.add(SimulatedTension.simulated(s, p.daily().tension(),
                        Period.WEEK));
            }
            tension = new Analysis.Tension(dyad.toString(), null, observed, sim);
        } catch (IllegalArgumentException e) {
            tension = new Analysis.Tension(null, e.getMessage(), List.of(), List.of());
        }
        return new Analysis.Derived(robustness, replays, tension, bargaining(s));
    }

    static Analysis.Bargaining bargaining(Scenario s) {
        try {
            BargainingProblem problem = BargainingProblem.fromScenario(s);
            var r = new SpatialModelOfPolitics().forecast(problem);
            List<double[]> turns = new ArrayList<>();
            for (double[][] state : r.states()) {
                double[] t = new double[state.length];
                for (int i = 0; i < state.length; i++) {
                    t[i] = Math.round(state[i][0] * 100 * 1e6) / 1e6;
                }
                turns.add(t);
            }
            return new Analysis.Bargaining(problem.dimensions().get(0), problem.actors(), problem.capabilities(),
                    turns, Math.round(r.outcome()[0] * 100 * 1e6) / 1e6, r.converged(), null);
        } catch (IllegalArgumentException e) {
            return new Analysis.Bargaining(null, List.of(), new double[0], List.of(), Double.NaN, false,
                    e.getMessage());
        }
    }

    private static PolicySummary summary(LeverageModel model, MonteCarloOptions options, RunOutcome[][] outcomes,
                                         DailySeries[][] daily, double[][] params, int p, int base, int[] rank,
                                         boolean[] pareto, double[] meanZ, double[] meanAttacks,
                                         double[] meanCollateral, PolicySummary.Forecast[] forecasts,
                                         Ablation ablation) {
        Scenario s = model.scenario();
        int runs = options.runs();
        int H = model.horizon();
        List<Constituency> cs = s.constituencies();
        String[] members = model.memberIds();
        String[] levers = model.leverIds();
        Policy pol = s.policies().get(p);
        RunOutcome[] os = outcomes[p];
        long clashed = Arrays.stream(os).filter(o -> o.clashes > 0).count();
        double[] z = Arrays.stream(os).mapToDouble(o -> o.finalConcession).toArray();
        double[] attacks = Arrays.stream(os).mapToDouble(o -> o.attacks).toArray();
        boolean[] collateralRole = collateralRoles(cs);
        double[] coll = Arrays.stream(os).mapToDouble(o -> collateral(o, collateralRole)).toArray();
        double[] own = Arrays.stream(os).mapToDouble(o -> o.coercerOwnCost).toArray();

        List<PolicySummary.ConstituencyHarm> harms = new ArrayList<>();
        for (int c = 0; c < cs.size(); c++) {
            int cc = c;
            double[] h = Quantiles.sortedCopy(Arrays.stream(os).mapToDouble(o -> o.harm[cc]).toArray());
            double rel = Arrays.stream(os).mapToDouble(o -> o.relativeHarm[cc]).sum() / runs;
            Constituency k = cs.get(c);
            harms.add(new PolicySummary.ConstituencyHarm(k.id(), k.side(), k.role().name().toLowerCase(Locale.ROOT)
                    .replace('_', '-'), k.unit(), Arrays.stream(os).mapToDouble(o -> o.harm[cc]).sum() / runs,
                    Quantiles.of(h, 0.05), Quantiles.of(h, 0.95), rel));
        }
        List<PolicySummary.StanceShift> stances = new ArrayList<>();
        int[] stanceParam = new int[members.length];
        for (int m = 0; m < members.length; m++) {
            stanceParam[m] = model.parameterSpace().indexOf("/network/initialStance/"
                    + ScenarioChecks.esc(members[m]));
        }
        for (int m = 0; m < members.length; m++) {
            int mm = m;
            double[] shift = Arrays.stream(os).mapToDouble(o -> o.stance[mm] - o.baselineStance[mm]).toArray();
            double[] sorted = Quantiles.sortedCopy(shift);
            stances.add(new PolicySummary.StanceShift(members[m], meanOf(params, stanceParam[m]),
                    Arrays.stream(os).mapToDouble(o -> o.baselineStance[mm]).sum() / runs,
                    Arrays.stream(os).mapToDouble(o -> o.stance[mm]).sum() / runs,
                    Arrays.stream(shift).sum() / runs, Quantiles.of(sorted, 0.05), Quantiles.of(sorted, 0.95),
                    Arrays.stream(os).mapToDouble(o -> o.peakWithdrawal[mm]).sum() / runs));
        }
        List<PolicySummary.LeverUse> uses = new ArrayList<>();
        for (int l = 0; l < levers.length; l++) {
            int ll = l;
            double used = Arrays.stream(os).filter(o -> o.firstUse[ll] >= 0).count() / (double) runs;
            double[] spell = Quantiles.sortedCopy(Arrays.stream(os).filter(o -> o.firstSpell[ll] >= 0)
                    .mapToDouble(o -> o.firstSpell[ll]).toArray());
            double[] hist = histogram(spell, H);
            uses.add(new PolicySummary.LeverUse(levers[l], used,
                    Arrays.stream(os).mapToDouble(o -> o.daysInUse[ll]).sum() / runs,
                    Arrays.stream(os).filter(o -> o.firstSpellEnd[ll] == LiftReason.OWN_COST).count()
                            / (double) runs,
                    Quantiles.of(spell, 0.05), Quantiles.of(spell, 0.25), Quantiles.of(spell, 0.5),
                    Quantiles.of(spell, 0.75), Quantiles.of(spell, 0.95), hist));
        }
        double[] curve = concessionCurve(os, H);
        DailySeries d = model.newDailySeries();
        for (DailySeries part : daily[p]) {
            d.add(part);
        }
        double effect = meanZ[p] - meanZ[base];
        PolicySummary.Outcomes outs = outcomes(model, os);
        List<PolicySummary.ChannelShare> attribution = attribution(model, os, ablation);
        PolicySummary.Forecast forecast = forecasts == null ? null : forecasts[p];
        return new PolicySummary(pol.id(), pol.name(), pol.description(), rank[p], pareto[p],
                outs.metDemand(), Estimate.mean(z), effect, outs.medianDaysToMeetDemand(), Estimate.mean(attacks),
                meanAttacks[base] - meanAttacks[p], Estimate.mean(coll),
                effect > 1e-9 ? meanCollateral[p] / effect : Double.POSITIVE_INFINITY, Estimate.mean(own),
                Estimate.proportion(clashed, runs), harms, stances, uses, curve,
                new PolicySummary.Daily(scale(d.pressure, runs), scale(d.concession, runs),
                        scale(d.attacks, runs), scale(d.goldstein, runs), scale(d.events, runs),
                        Arrays.stream(d.stance).map(row -> scale(row, runs)).toArray(double[][]::new), d),
                outs, attribution, forecast);
    }

    // the loops over all runs are small methods of their own, so that the optimising compiler compiles each
    // once, small, instead of compiling the whole of summary() on stack replacement while one policy is summarised

    /** The mean over runs of parameter {@code idx} (0 when the scenario has no such parameter, idx &lt; 0). */
    private static double meanOf(double[][] params, int idx) {
        if (idx < 0) {
            return 0;
        }
        double sum = 0;
        for (double[] v : params) {
            sum += v[idx];
        }
        return sum / params.length;
    }

    /** The share of the (whole-day) values 0 … H that equal each day; all 0 when there are none. */
    private static double[] histogram(double[] days, int H) {
        double[] hist = new double[H + 1];
        for (double d : days) {
            hist[(int) d]++;
        }
        for (int i = 0; i < hist.length; i++) {
            hist[i] = days.length == 0 ? 0 : hist[i] / days.length;
        }
        return hist;
    }

    /** P(demand met by day t), t = 0 … H − 1: the cumulative share of runs that met it on day t or before. */
    private static double[] concessionCurve(RunOutcome[] os, int H) {
        double[] curve = new double[H];
        for (RunOutcome o : os) {
            if (o.conceded()) {
                curve[o.concessionDay]++;
            }
        }
        double cum = 0;
        for (int t = 0; t < H; t++) {
            cum += curve[t];
            curve[t] = cum / os.length;
        }
        return curve;
    }

    private static PolicySummary.Outcomes outcomes(LeverageModel model, RunOutcome[] os) {
        double zp = model.scenario().demand().partialLevel();
        double zr = model.scenario().demand().releaseLevel();
        int n = os.length;
        long met = 0;
        long partial = 0;
        long standing = 0;
        long metEnd = 0;
        long ever = 0;
        double withdrawals = 0;
        List<Double> first = new ArrayList<>();
        List<Double> meet = new ArrayList<>();
        for (RunOutcome o : os) {
            met += o.conceded() ? 1 : 0;
            ever += o.everConceded() ? 1 : 0;
            partial += o.everConceded() && !o.conceded() ? 1 : 0;
            standing += o.finalConcession >= zp - 1e-12 ? 1 : 0;
            metEnd += o.finalConcession >= zr - 1e-12 ? 1 : 0;
            withdrawals += o.withdrawals;
            if (o.everConceded()) {
                first.add((double) o.firstConcessionDay);
            }
            if (o.conceded()) {
                meet.add((double) o.concessionDay);
            }
        }
        return new PolicySummary.Outcomes(Estimate.proportion(met, n), Estimate.proportion(partial, n),
                Estimate.proportion(standing, n), Estimate.proportion(metEnd, n), Estimate.proportion(ever, n),
                median(first), median(meet), withdrawals / n);
    }

    private static double median(List<Double> xs) {
        if (xs.isEmpty()) {
            return Double.NaN;
        }
        return Quantiles.of(Quantiles.sortedCopy(xs.stream().mapToDouble(Double::doubleValue).toArray()), 0.5);
    }

    /** Runs on which each channel's removal is simulated (common random numbers). */
    static final int ABLATION_RUNS = 400;

    /**
     * A policy's channels: the mean pressure-days of each over all runs, and on how many of the first {@code runs}
     * runs the demand is met with that channel removed (filled for the channels with any pressure).
     */
    private record Ablation(double[] meanPressure, long[] met, int runs) {
    }

    private static double[] meanChannelPressure(RunOutcome[] os, int nCh) {
        double[] mean = new double[nCh];
        for (RunOutcome o : os) {
            for (int ch = 0; ch < nCh; ch++) {
                mean[ch] += o.channelPressure[ch];
            }
        }
        for (int ch = 0; ch < nCh; ch++) {
            mean[ch] /= os.length;
        }
        return mean;
    }

    /**
     * The runs, of the first {@code runs}, on which policy p meets the demand with channel {@code ch} removed
     * (its inputs set to 0): same parameter draws and dynamics streams as the analysis (common random numbers).
     */
    private static long ablatedMet(LeverageModel model, MonteCarloOptions options, double[][] params, int p, int ch,
                                   int runs) {
        int[] inputs = model.compiled().channelInputs(ch);
        RunState state = model.newState();
        DailySeries scratch = model.newDailySeries();
        long met = 0;
        for (int r = 0; r < runs; r++) {
            double[] v = params[r].clone();
            for (int i : inputs) {
                v[i] = 0;
            }
            RunOutcome o = model.newOutcome();
            // a scratch daily series, not none: the same paths as the analysis's runs, so the compiled code
            // is not thrown away for a branch it never saw taken; a run stops on the day the demand is met
            // (only whether it is met is read)
            met += model.meetsDemand(state, p, v, Seeds.generator(options.seed(), r, Seeds.DYNAMICS), o, scratch)
                    ? 1 : 0;
        }
        return met;
    }

    /**
     * The target's expected pressure by channel, and for each channel with any pressure the change in
     * P(demand met) when that channel alone is removed on the first {@link #ABLATION_RUNS} runs
     * ({@code ablation}, its counts from {@link #ablatedMet}).
     */
    private static List<PolicySummary.ChannelShare> attribution(LeverageModel model, RunOutcome[] os,
                                                                Ablation ablation) {
        List<CompiledScenario.Channel> chans = model.channels();
        double[] mean = ablation.meanPressure();
        double total = 0;
        for (double m : mean) {
            total += Math.abs(m);
        }
        int runs = ablation.runs();
        long metFull = 0;
        for (int r = 0; r < runs; r++) {
            metFull += os[r].conceded() ? 1 : 0;
        }
        List<PolicySummary.ChannelShare> out = new ArrayList<>();
        for (int ch = 0; ch < mean.length; ch++) {
            CompiledScenario.Channel c = chans.get(ch);
            double delta = mean[ch] == 0 ? 0 : (metFull - ablation.met()[ch]) / (double) runs;
            out.add(new PolicySummary.ChannelShare(c.kind().name().toLowerCase(Locale.ROOT), c.lever(),
                    c.constituency(), c.member(), c.label(), mean[ch], total == 0 ? 0 : Math.abs(mean[ch]) / total,
                    delta, runs));
        }
        return out;
    }

    /** Runs on which SMP is run per policy (the compromise model runs on all). */
    static final int SMP_RUNS = 200;

    /** Policy p's per-run compromise forecasts (all runs) and SMP forecasts (the first SMP_RUNS), sorted. */
    private static void forecast(RunForecast rf, RunOutcome[] os, double[][] params, int p, double[][] comp,
                                 double[][] smp) {
        SpatialModelOfPolitics model = new SpatialModelOfPolitics();
        double[] c = new double[os.length];
        double[] s = new double[Math.min(os.length, SMP_RUNS)];
        int n = rf.actorCount();
        double[] cap = new double[n];
        double[] pos = new double[n];
        double[] sal = new double[n];
        for (int r = 0; r < os.length; r++) {
            rf.rows(params[r], os[r], cap, pos, sal);
            c[r] = rf.compromise(cap, pos, sal);
            if (r < s.length) {
                s[r] = RunForecast.smp(model, rf.problem(cap, pos, sal));
            }
        }
        comp[p] = Quantiles.sortedCopy(c);
        smp[p] = Quantiles.sortedCopy(s);
    }

    private static PolicySummary.Forecast[] forecasts(double[][] comp, double[][] smp, int base) {
        int nP = comp.length;
        PolicySummary.Forecast[] out = new PolicySummary.Forecast[nP];
        for (int p = 0; p < nP; p++) {
            double cm = Quantiles.of(comp[p], 0.5);
            double sm = Quantiles.of(smp[p], 0.5);
            double dc = cm - Quantiles.of(comp[base], 0.5);
            double ds = sm - Quantiles.of(smp[base], 0.5);
            boolean nonMonotone = Math.abs(ds) > 0.5 && Math.signum(ds) != Math.signum(dc);
            out[p] = new PolicySummary.Forecast(cm, Quantiles.of(comp[p], 0.05), Quantiles.of(comp[p], 0.95), sm,
                    Quantiles.of(smp[p], 0.05), Quantiles.of(smp[p], 0.95), smp[p].length, nonMonotone);
        }
        return out;
    }

    private static double[] scale(double[] xs, int n) {
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = xs[i] / n;
        }
        return out;
    }

    /** Which constituencies are collateral, in scenario order: the mask {@link #collateral} reads. */
    public static boolean[] collateralRoles(List<Constituency> cs) {
        boolean[] collateral = new boolean[cs.size()];
        for (int c = 0; c < cs.size(); c++) {
            collateral[c] = cs.get(c).hasRole(ConstituencyRole.COLLATERAL);
        }
        return collateral;
    }

    /** Relative-loss-days over the collateral constituencies ({@link #collateralRoles}, looked up once). */
    public static double collateral(RunOutcome o, boolean[] collateralRole) {
        double sum = 0;
        for (int c = 0; c < collateralRole.length; c++) {
            if (collateralRole[c]) {
                sum += Math.max(0, o.relativeHarm[c]);
            }
        }
        return sum;
    }

    /** Ranks by expected concession (descending), ties within 1e-9 by expected attacks (ascending). */
    static int[] rank(double[] effectiveness, double[] attacks) {
        Integer[] order = new Integer[effectiveness.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            if (Math.abs(effectiveness[a] - effectiveness[b]) > 1e-9) {
                return Double.compare(effectiveness[b], effectiveness[a]);
            }
            if (attacks[a] != attacks[b]) {
                return Double.compare(attacks[a], attacks[b]);
            }
            return Integer.compare(a, b);
        });
        int[] rank = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            rank[order[i]] = i + 1;
        }
        return rank;
    }

    /** Weak Pareto dominance on (effectiveness ↑, collateral ↓). O(P²). */
    static boolean[] pareto(double[] effectiveness, double[] collateral) {
        int n = effectiveness.length;
        boolean[] efficient = new boolean[n];
        for (int p = 0; p < n; p++) {
            efficient[p] = true;
            for (int q = 0; q < n; q++) {
                if (q != p && effectiveness[q] >= effectiveness[p] - 1e-12 && collateral[q] <= collateral[p] + 1e-12
                        && (effectiveness[q] > effectiveness[p] + 1e-12 || collateral[q] < collateral[p] - 1e-12)) {
                    efficient[p] = false;
                    break;
                }
            }
        }
        return efficient;
    }
}
