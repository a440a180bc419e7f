package org.statecraft.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.statecraft.core.leverage.LeverageModel;
import org.statecraft.core.montecarlo.MonteCarlo;
import org.statecraft.core.montecarlo.MonteCarloOptions;
import org.statecraft.io.scenario.ScenarioReader;

/**
 * The simulation alone, without the summary that {@link AnalyzeBenchmark} also times (the per-run bargaining
 * forecasts, the channel ablations, the ranking robustness): every chunk of {@code runs} runs of every policy of
 * the bundled scenario through {@link MonteCarlo#simulateChunk}, the chunks spread over {@code threads} workers.
 * Simulated run-days per second = policies × runs × 180 / score; the difference from {@link AnalyzeBenchmark}
 * is what the summary costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class SimulationBenchmark {
    @Param({"1", "2"})
    public int threads;

    @Param({"20000"})
    public int runs;

    private LeverageModel model;
    private ExecutorService pool;

    @Setup(Level.Trial)
    public void load() {
        String root = System.getProperty("statecraft.root", ".");
        model = new LeverageModel(ScenarioReader.read(Path.of(root, "scenarios", "pakistan-taliban-2023.yaml")));
        pool = Executors.newFixedThreadPool(threads);
    }

    @TearDown(Level.Trial)
    public void close() {
        pool.shutdownNow();
    }

    @Benchmark
    public List<MonteCarlo.Chunk> simulate() throws InterruptedException, ExecutionException {
        List<Future<MonteCarlo.Chunk>> parts = new ArrayList<>();
        for (int c = 0; c < MonteCarlo.chunks(runs); c++) {
            int chunk = c;
            parts.add(pool.submit(() -> MonteCarlo.simulateChunk(model, MonteCarloOptions.DEFAULT_SEED, runs, chunk)));
        }
        List<MonteCarlo.Chunk> out = new ArrayList<>();
        for (Future<MonteCarlo.Chunk> f : parts) {
            out.add(f.get());
        }
        return out;
    }
}
