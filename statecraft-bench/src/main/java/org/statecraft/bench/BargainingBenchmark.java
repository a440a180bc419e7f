package org.statecraft.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.statecraft.core.bargaining.Backtest;
import org.statecraft.core.bargaining.BargainingProblem;
import org.statecraft.core.bargaining.CompromiseModel;
import org.statecraft.core.bargaining.ExpectedUtilityModel;
import org.statecraft.core.bargaining.SmpParameters;
import org.statecraft.core.bargaining.SpatialModelOfPolitics;
import org.statecraft.core.bargaining.WeightedMedianModel;
import org.statecraft.io.bargaining.DeuIssue;
import org.statecraft.io.bargaining.DeuReader;
import org.statecraft.io.bargaining.KtabCsvReader;

/**
 * Engine time of SMP on KTAB's 40- and 80-actor inputs (reference: a straightforward NumPy transcription takes
 * about 7 s and 29 s on this machine class; goal 0.2 s and 1 s on 2 cores) and of the DEU III backtest of all
 * models (goal under 10 s). Input files are read in setup, outside the measurement. Data directory from the
 * system property {@code statecraft.shared} (default {@code ../shared}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BargainingBenchmark {
    @Param({"dummyData-a040.csv", "dummyData-a080.csv"})
    public String file;

    @Param({"2"})
    public int threads;

    private BargainingProblem problem;

    @Setup
    public void setup() {
        Path data = Path.of(System.getProperty("statecraft.shared", "../shared")).resolve("data");
        problem = KtabCsvReader.read(data.resolve("ktab").resolve(file));
    }

    @Benchmark
    public SpatialModelOfPolitics.Run smp() {
        return new SpatialModelOfPolitics(SmpParameters.DEFAULTS, threads).run(problem);
    }
}
