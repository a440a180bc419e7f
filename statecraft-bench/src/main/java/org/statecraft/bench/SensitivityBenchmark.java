package org.statecraft.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.statecraft.core.leverage.LeverageModel;
import org.statecraft.core.montecarlo.MonteCarloOptions;
import org.statecraft.core.sensitivity.LeverageSensitivityModel;
import org.statecraft.core.sensitivity.ScenarioSensitivity;
import org.statecraft.io.scenario.ScenarioReader;

/**
 * A Sobol' design on the bundled scenario with the local runner on 1 and 2 threads. The 2^14 design and the
 * comparison with Spark local[2] are in {@code bench/sensitivity.sh}; run this one with e.g.
 * {@code java -jar statecraft-bench/target/benchmarks.jar SensitivityBenchmark -p log2Samples=14}.
 * The scenario is read from {@code scenarios/} under the working directory (or {@code -Dstatecraft.root}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class SensitivityBenchmark {
    @Param({"10"})
    int log2Samples;

    @Param({"section"})
    String groupBy;

    @Param({"close-torkham"})
    String policy;

    @Param({"1", "2"})
    int threads;

    LeverageModel model;
    ScenarioSensitivity.Options options;

    @Setup
    public void setUp() {
        Path root = Path.of(System.getProperty("statecraft.root", "."));
        model = new LeverageModel(ScenarioReader.read(root.resolve("scenarios/pakistan-taliban-2023.yaml")));
        options = new ScenarioSensitivity.Options(1 << log2Samples, 1,
                LeverageSensitivityModel.Grouping.valueOf(groupBy.toUpperCase(Locale.ROOT)), MonteCarloOptions.DEFAULT_SEED,
                policy.isEmpty() ? List.of() : List.of(policy.split(",")), 200);
    }

    @Benchmark
    public ScenarioSensitivity.Result sobolDesign() {
        return ScenarioSensitivity.run(model, options, threads);
    }
}
