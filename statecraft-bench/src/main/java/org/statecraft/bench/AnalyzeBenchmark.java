package org.statecraft.bench;

import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.Warmup;
import org.statecraft.core.leverage.LeverageModel;
import org.statecraft.core.montecarlo.Analysis;
import org.statecraft.core.montecarlo.MonteCarlo;
import org.statecraft.core.montecarlo.MonteCarloOptions;
import org.statecraft.io.scenario.ScenarioReader;

/**
 * {@code analyze}'s engine time on the bundled scenario: every policy, {@code runs} runs each, 180 days, on 1 and
 * 2 threads. Simulated run-days per second = policies × runs × 180 / score. Goal (issue 2): 10,000 runs per policy
 * in under 5 s on 2 cores, and a 2-thread speed-up of at least 1.7.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 7)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class AnalyzeBenchmark {
    @Param({"1", "2"})
    public int threads;

    @Param({"10000"})
    public int runs;

    private LeverageModel model;

    @Setup(Level.Trial)
    public void load() {
        String root = System.getProperty("statecraft.root", ".");
        model = new LeverageModel(ScenarioReader.read(Path.of(root, "scenarios", "pakistan-taliban-2023.yaml")));
    }

    @Benchmark
    public Analysis analyzeDefaultScenario() {
        return MonteCarlo.run(model, new MonteCarloOptions(runs, MonteCarloOptions.DEFAULT_SEED, threads), null);
    }
}
