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
 * The DEU III backtest of all models and baselines on the 353 issues with an outcome (goal: under 10 s on 2
 * cores). Data directory from {@code statecraft.shared} (default {@code ../shared}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DeuBacktestBenchmark {
    @Param({"2"})
    public int threads;

    private List<Backtest.Case> cases;

    @Setup
    public void setup() {
        Path data = Path.of(System.getProperty("statecraft.shared", "../shared")).resolve("data");
        cases = DeuReader.read(data.resolve("deu3/deu3.tsv")).stream().filter(i -> i.outcome().isPresent())
                .map(DeuIssue::toCase).toList();
    }

    @Benchmark
    public Backtest.Report allModels() {
        return new Backtest(List.of(Backtest.Forecaster.of(new SpatialModelOfPolitics()),
                Backtest.Forecaster.of(new ExpectedUtilityModel()), Backtest.Forecaster.of(new CompromiseModel()),
                Backtest.Forecaster.of(new WeightedMedianModel()), Backtest.Forecaster.referencePoint()), threads)
                .run(cases);
    }
}
