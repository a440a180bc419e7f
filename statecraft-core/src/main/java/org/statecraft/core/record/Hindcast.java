package org.statecraft.core.record;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import org.statecraft.core.leverage.LeverageModel;
import org.statecraft.core.leverage.RunOutcome;
import org.statecraft.core.leverage.RunState;
import org.statecraft.core.random.SeedStream;
import org.statecraft.core.random.Seeds;
import org.statecraft.core.scenario.Scenario;

/**
 * The model run against the record: the recorded policy ({@link RecordedPolicy}) simulated from the scenario's start
 * to {@code until}, run r with the parameters and dynamics streams of Monte Carlo run r, each run's recorded
 * outcomes read by a {@link RecordProbe}. {@link Scorecard#of} scores them; {@link Conditioning} weighs them.
 * Pure: the same scenario, date, runs and seed give the same sample on any number of threads.
 */
public final class Hindcast {
    private Hindcast() {
    }

    /** A simulated record: the policy, the model it ran on, the probe and the per-run sample. */
    public record Simulation(Scenario scenario, RecordedPolicy policy, LeverageModel model, RecordProbe probe,
                             HindcastSample sample, long seed) {
    }

    /** The date the record is scored to: {@code until} if given (not past the record's end), else the record's end. */
    public static LocalDate window(Scenario s, LocalDate until) {
        LocalDate end = s.observed().until();
        if (end == null) {
            throw new IllegalArgumentException("scenario " + s.id() + " has no record window: set observed/until to "
                    + "the date its record is complete to");
        }
        if (until == null) {
            return end;
        }
        if (until.isAfter(end)) {
            throw new IllegalArgumentException("--until " + until + " is past the record's end (" + end + ")");
        }
        if (until.isBefore(s.start())) {
            throw new IllegalArgumentException("--until " + until + " is before the scenario's start (" + s.start()
                    + ")");
        }
        return until;
    }

    /** Simulates the recorded policy over the window, {@code runs} runs from master seed {@code seed}. */
    public static Simulation simulate(Scenario s, LocalDate until, int runs, long seed, int threads) {
        LocalDate end = window(s, until);
        RecordedPolicy rp = RecordedPolicy.of(s, end);
        Scenario hs = s.withPolicies(List.of(rp.policy())).withHorizon(rp.horizon());
        LeverageModel model = new LeverageModel(hs);
        RecordProbe probe = new RecordProbe(hs, end, model.leverIds(), model.memberIds());
        HindcastSample sample = new HindcastSample(runs, probe.spells().size(), probe.counts().size(),
                probe.moves().size());
        parallel(runs, threads, (from, to) -> {
            RunState state = model.newState();
            for (int r = from; r < to; r++) {
                runOne(model, state, probe, sample, r, seed);
            }
        });
        return new Simulation(s, rp, model, probe, sample, seed);
    }

    static void runOne(LeverageModel model, RunState state, RecordProbe probe, HindcastSample sample, int r,
                       long seed) {
        if (sample.values[r] == null) {
            sample.values[r] = model.parameterSpace().draw(Seeds.generator(seed, r, Seeds.PARAMETERS));
        }
        double[] v = sample.values[r];
        RunOutcome out = model.newOutcome();
        RandomGenerator rng = Seeds.generator(seed, sample.stream[r], Seeds.DYNAMICS);
        state.reset(0, v, rng, out, null, null);
        for (int t = 0; t < probe.horizon(); t++) {
            state.day(t);
            probe.observe(t, r, state, out, sample);
        }
        state.finish();
        sample.metDay[r] = out.concessionDay;
        sample.partialDay[r] = out.firstConcessionDay;
        RandomGenerator shares = Seeds.generator(seed, sample.stream[r], SeedStream.RECORD);
        List<RecordProbe.Count> cs = probe.counts();
        for (int i = 0; i < cs.size(); i++) {
            double share = cs.get(i).count().modelShare().quantile(shares.nextDouble());
            sample.counts[r][i] /= share;
        }
    }

    /**
     * Simulates the recorded policy for given parameters: run i has {@code values[i]} and dynamics stream
     * {@code streams[i]} (a later generation of sequential Monte Carlo).
     */
    static Simulation simulate(Simulation like, double[][] values, long[] streams, int threads) {
        RecordProbe probe = like.probe();
        HindcastSample sample = new HindcastSample(values.length, probe.spells().size(), probe.counts().size(),
                probe.moves().size());
        for (int i = 0; i < values.length; i++) {
            sample.values[i] = values[i];
            sample.stream[i] = streams[i];
        }
        LeverageModel model = like.model();
        parallel(values.length, threads, (from, to) -> {
            RunState state = model.newState();
            for (int r = from; r < to; r++) {
                runOne(model, state, probe, sample, r, like.seed());
            }
        });
        return new Simulation(like.scenario(), like.policy(), model, probe, sample, like.seed());
    }

    /** Runs body(from, to) over [0, runs) split into contiguous blocks, one per thread. */
    static void parallel(int runs, int threads, Block body) {
        int t = Math.max(1, Math.min(threads, runs));
        if (t == 1) {
            body.run(0, runs);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(t, r -> {
            Thread th = new Thread(r, "statecraft-record");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> fs = new ArrayList<>();
            int blocks = t * 4;
            for (int b = 0; b < blocks; b++) {
                int from = (int) ((long) runs * b / blocks);
                int to = (int) ((long) runs * (b + 1) / blocks);
                fs.add(pool.submit(() -> body.run(from, to)));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    interface Block {
        void run(int from, int to);
    }
}
