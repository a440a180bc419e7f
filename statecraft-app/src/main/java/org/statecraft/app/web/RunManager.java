package org.statecraft.app.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.statecraft.app.report.ReportData;
import org.statecraft.core.leverage.CredibilityRule;
import org.statecraft.core.montecarlo.Analysis;
import org.statecraft.core.montecarlo.MonteCarlo;
import org.statecraft.core.montecarlo.MonteCarloOptions;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.io.results.AnalysisJson;
import org.statecraft.io.scenario.ScenarioFiles;

/**
 * Runs analyses in the background on a bounded pool: {@code workers} at a time and at most {@code queue} more
 * waiting; beyond that a submission is refused (HTTP 429) before anything is recorded. Progress lives in memory;
 * status and results go to the {@link RunStore}.
 */
public final class RunManager implements AutoCloseable {
    public static final int MAX_RUNS = 100_000;

    private final RunStore store;
    private final ExecutorService pool;
    private final Semaphore slots;
    private final int threadsPerRun;
    private final Map<String, double[]> progress = new ConcurrentHashMap<>();

    public RunManager(RunStore store, int workers, int queue, int threadsPerRun) {
        this.store = store;
        this.pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "statecraft-run");
            t.setDaemon(true);
            return t;
        });
        this.slots = new Semaphore(workers + queue);
        this.threadsPerRun = threadsPerRun;
    }

    /** Records and queues a run of an already validated scenario; {@link ApiError} 429 when the pool is full. */
    public String submit(String name, String yaml, Scenario scenario, int runs, long seed, String rerunOf) {
        if (runs < 1 || runs > MAX_RUNS) {
            throw new ApiError(400, "runs must be between 1 and " + MAX_RUNS + ", was " + runs);
        }
        if (!slots.tryAcquire()) {
            throw new ApiError(429, "too many analyses running or queued; try again when one has finished");
        }
        String id = UUID.randomUUID().toString();
        String hash = ScenarioFiles.hash(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String params = "{\"runs\":" + runs + ",\"seed\":" + seed + ",\"credibility\":\"horizon\"}";
        try {
            store.insert(id, name, yaml, hash, seed, runs, AnalysisJson.VERSION, params, rerunOf);
            progress.put(id, new double[] {0});
            pool.execute(() -> execute(id, name, scenario, runs, seed, hash));
        } catch (RuntimeException e) {
            slots.release();
            progress.remove(id);
            throw e;
        }
        return id;
    }

    private void execute(String id, String name, Scenario scenario, int runs, long seed, String hash) {
        try {
            store.running(id);
            double[] p = progress.get(id);
            Analysis a = MonteCarlo.run(scenario, new MonteCarloOptions(runs, seed, threadsPerRun, CredibilityRule.BELIEF),
                    (done, total) -> p[0] = total == 0 ? 1 : (double) done / total);
            ObjectNode json = ReportData.of(scenario, a, new AnalysisJson.RunInfo(hash, "horizon", name));
            json.putObject("record").put("runId", id);
            store.done(id, AnalysisJson.write(json));
        } catch (RuntimeException | Error e) {
            store.failed(id, e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            progress.remove(id);
            slots.release();
        }
    }

    /** Share done (0–1) of a queued or running run, or -1 when it is not in progress. */
    public double progress(String id) {
        double[] p = progress.get(id);
        return p == null ? -1 : p[0];
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
