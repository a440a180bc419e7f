package org.statecraft.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.statecraft.app.report.ReportData;
import org.statecraft.core.StatecraftException;
import org.statecraft.core.leverage.CredibilityRule;
import org.statecraft.core.leverage.LeverageModel;
import org.statecraft.core.montecarlo.Analysis;
import org.statecraft.core.montecarlo.MonteCarlo;
import org.statecraft.core.montecarlo.MonteCarloOptions;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.core.sensitivity.ScenarioSensitivity;
import org.statecraft.io.results.AnalysisJson;
import org.statecraft.io.results.SensitivityReport;
import org.statecraft.io.scenario.ScenarioFiles;

/**
 * Runs analyses in the background on a bounded pool: {@code workers} at a time and at most {@code queue} more
 * waiting; beyond that a submission is refused (HTTP 429) before anything is recorded. Progress lives in memory;
 * status and results go to the {@link RunStore}.
 *
 * <p>A run can be cancelled while queued or running: the Monte Carlo progress callback, called after every chunk
 * of runs, throws {@link Cancelled}, which stops the analysis at the next chunk. Whatever ends a run — done,
 * cancelled, failed, out of memory — frees its slot, and a failed run records why in words (no class name or
 * server path).
 */
public final class RunManager implements AutoCloseable {
    /** Thrown from the progress callback to stop a cancelled run. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    private final RunStore store;
    private final ExecutorService pool;
    private final Semaphore slots;
    private final int threadsPerRun;
    private final Map<String, double[]> progress = new ConcurrentHashMap<>();
    private final Map<String, Boolean> cancel = new ConcurrentHashMap<>();

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

    /** Records and queues a run of an already validated and capped scenario; {@link ApiError} 429 when full. */
    public String submit(String name, String yaml, Scenario scenario, int runs, long seed, String rerunOf, String label) {
        if (!slots.tryAcquire()) {
            throw new ApiError(429, "too many analyses running or queued; try again when one has finished");
        }
        String id = UUID.randomUUID().toString();
        String hash = ScenarioFiles.hash(yaml.getBytes(StandardCharsets.UTF_8));
        String params = "{\"runs\":" + runs + ",\"seed\":\"" + Long.toUnsignedString(seed) + "\",\"credibility\":\"horizon\"}";
        try {
            store.insert(id, name, yaml, hash, seed, runs, AnalysisJson.VERSION, params, rerunOf, label);
            progress.put(id, new double[] {0});
            pool.execute(() -> execute(id, name, scenario, runs, seed, hash));
        } catch (RuntimeException e) {
            slots.release();
            progress.remove(id);
            throw e;
        }
        return id;
    }

    /** Cancels a queued or running run; false when it had already ended (or never existed). */
    public boolean cancel(String id) {
        if (!store.cancelled(id)) {
            return false;
        }
        cancel.put(id, Boolean.TRUE);
        return true;
    }

    private void execute(String id, String name, Scenario scenario, int runs, long seed, String hash) {
        try {
            if (cancel.containsKey(id)) {
                return;
            }
            store.running(id);
            double[] p = progress.get(id);
            Analysis a = MonteCarlo.run(scenario, new MonteCarloOptions(runs, seed, threadsPerRun, CredibilityRule.BELIEF),
                    (done, total) -> {
                        if (cancel.containsKey(id)) {
                            throw new Cancelled();
                        }
                        p[0] = total == 0 ? 1 : (double) done / total;
                    });
            ObjectNode json = ReportData.of(scenario, a, new AnalysisJson.RunInfo(hash, "belief", name));
            json.putObject("record").put("runId", id);
            store.done(id, AnalysisJson.write(json), headline(json));
        } catch (Cancelled e) {
            // the store already says cancelled
        } catch (OutOfMemoryError e) {
            store.failed(id, "the analysis ran out of memory; ask for fewer runs or a shorter horizon");
        } catch (StatecraftException | IllegalArgumentException e) {
            store.failed(id, "the analysis stopped: " + ApiError.plain(e.getMessage()));
        } catch (RuntimeException | Error e) {
            System.err.println("statecraft serve: run " + id + " failed");
            e.printStackTrace();
            store.failed(id, "the analysis failed with an internal error (details in the server's log, run " + id + ")");
        } finally {
            progress.remove(id);
            cancel.remove(id);
            slots.release();
        }
    }

    /** "Top: NAME, P(concession) 41% [38–44%]": the run list's one line. */
    static String headline(JsonNode results) {
        JsonNode top = results.path("policies").path(0);
        if (top.isMissingNode()) {
            return null;
        }
        JsonNode c = top.path("concession");
        return String.format(Locale.ROOT, "top: %s, P(concession) %.0f%% [%.0f–%.0f%%]", top.path("name").asText(),
                100 * c.path("value").asDouble(), 100 * c.path("lower").asDouble(), 100 * c.path("upper").asDouble());
    }

    /**
     * Queues Sobol' sensitivity indices ({@code statecraft sensitivity}) of a done run's scenario, on the same pool and
     * slots as analyses; the JSON is stored with the run and attached to its results and report. It cannot be
     * cancelled midway (the Sobol' runner takes no callback).
     */
    public void sensitivity(String id, Scenario scenario, ScenarioSensitivity.Options options) {
        if (!slots.tryAcquire()) {
            throw new ApiError(429, "too many analyses running or queued; try again when one has finished");
        }
        try {
            store.sensitivity(id, "queued", null);
            pool.execute(() -> {
                try {
                    store.sensitivity(id, "running", null);
                    ScenarioSensitivity.Result r = ScenarioSensitivity.run(new LeverageModel(scenario), options, threadsPerRun);
                    String hash = store.get(id).map(RunStore.Run::scenarioHash).orElse("");
                    store.sensitivity(id, "done", AnalysisJson.write(SensitivityReport.json(r,
                            new SensitivityReport.RunInfo(store.get(id).map(RunStore.Run::scenario).orElse(""), hash, threadsPerRun))));
                } catch (OutOfMemoryError e) {
                    store.sensitivity(id, "failed: it ran out of memory; ask for fewer samples", null);
                } catch (StatecraftException | IllegalArgumentException e) {
                    store.sensitivity(id, "failed: " + ApiError.plain(e.getMessage()), null);
                } catch (RuntimeException | Error e) {
                    System.err.println("statecraft serve: sensitivity of run " + id + " failed");
                    e.printStackTrace();
                    store.sensitivity(id, "failed: an internal error (details in the server's log)", null);
                } finally {
                    slots.release();
                }
            });
        } catch (RuntimeException e) {
            slots.release();
            throw e;
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
