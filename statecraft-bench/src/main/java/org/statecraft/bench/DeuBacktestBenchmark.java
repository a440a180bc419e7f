package org.statecraft.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.statecraft.core.bargaining.CouncilProceduralModel;
import org.statecraft.core.bargaining.EumParameters;
import org.statecraft.core.bargaining.ExpectedUtilityModel;
import org.statecraft.core.bargaining.SmpParameters;
import org.statecraft.core.bargaining.SpatialModelOfPolitics;
import org.statecraft.core.bargaining.WeightedMedianModel;
import org.statecraft.io.bargaining.DeuIssue;
import org.statecraft.io.bargaining.DeuReader;
import org.statecraft.io.bargaining.KtabCsvReader;

/**
 * The DEU III backtest of all models (as {@code statecraft backtest} runs them) and baselines on the 353 issues with an outcome (goal: under 10 s on 2
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
        List<Backtest.Forecaster> f = new ArrayList<>(Backtest.Forecaster.sharing(new SpatialModelOfPolitics(),
                new LinkedHashMap<>(Map.of("smp", SpatialModelOfPolitics.KTAB_EXPECTED))));
        f.add(Backtest.Forecaster.of(new ExpectedUtilityModel()));
        f.add(Backtest.Forecaster.of(new ExpectedUtilityModel(EumParameters.SCHOLZ_CODE)));
        f.add(Backtest.Forecaster.of(new CompromiseModel()));
        f.add(Backtest.Forecaster.of(new WeightedMedianModel()));
        f.add(CouncilProceduralModel.forecaster());
        f.add(Backtest.Forecaster.referencePoint());
        return new Backtest(f, threads).run(cases);
    }
}
