package org.statecraft.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.statecraft.core.StatecraftException;
import org.statecraft.core.UsageException;
import org.statecraft.core.bargaining.Backtest;
import org.statecraft.core.bargaining.CompromiseModel;
import org.statecraft.core.bargaining.ExpectedUtilityModel;
import org.statecraft.core.bargaining.SpatialModelOfPolitics;
import org.statecraft.core.bargaining.WeightedMedianModel;
import org.statecraft.io.bargaining.DeuIssue;
import org.statecraft.io.bargaining.DeuReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code statecraft backtest FILE}: every model and the weighted-median and reference-point baselines on every
 * DEU III issue with an outcome; errors overall and by Council voting rule.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Score the bargaining models on DEU III issues with known outcomes (MAE, median AE, share within 10 points).")
public final class BacktestCommand implements Callable<Integer> {
    /** Output formats. */
    public enum Format { table, json, csv }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "DEU III .tsv (e.g. shared/data/deu3/deu3.tsv)")
    Path file;

    @Option(names = "--format", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--threads", paramLabel = "N", description = "cores; results do not depend on it (default: all cores)")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        int threads = ParallelOptions.threads(this.threads);
        if (!Files.isRegularFile(file)) {
            throw new StatecraftException("statecraft: no such file: " + file);
        }
        List<Backtest.Case> cases = DeuReader.read(file).stream().filter(i -> i.outcome().isPresent())
                .map(DeuIssue::toCase).toList();
        List<Backtest.Forecaster> forecasters = List.of(
                Backtest.Forecaster.of(new SpatialModelOfPolitics()),
                Backtest.Forecaster.of(new ExpectedUtilityModel()),
                Backtest.Forecaster.of(new CompromiseModel()),
                Backtest.Forecaster.of(new WeightedMedianModel()),
                Backtest.Forecaster.referencePoint());
        Backtest.Report report = new Backtest(forecasters, threads).run(cases);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case csv -> {
                out.println("model,issues,mae,median_ae,hit10");
                report.overall().forEach(s -> out.println(csvRow(s.model(), s)));
                report.byGroup().forEach((g, rows) -> rows.forEach(s -> out.println(csvRow(s.model() + "/" + g, s))));
            }
            case json -> {
                Map<String, Object> root = new LinkedHashMap<>();
                root.put("file", file.toString());
                root.put("overall", report.overall());
                root.put("byVotingRule", report.byGroup());
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
            }
            default -> {
                out.printf(Locale.ROOT, "DEU III backtest: %d issues with an outcome (%s)%n%n", cases.size(), file);
                table(out, report.overall());
                report.byGroup().forEach((g, rows) -> {
                    out.printf(Locale.ROOT, "%nVoting rule %s%n", g);
                    table(out, rows);
                });
                Backtest.Summary compromise = report.overall().stream().filter(s -> s.model().equals("compromise"))
                        .findFirst().orElseThrow();
                List<String> better = new ArrayList<>();
                for (Backtest.Summary s : report.overall()) {
                    if (!s.model().equals("compromise") && s.mae() < compromise.mae()) {
                        better.add(s.model());
                    }
                }
                out.printf(Locale.ROOT, "%nBeats the compromise baseline's MAE (%.2f): %s%n", compromise.mae(),
                        better.isEmpty() ? "none" : String.join(", ", better));
            }
        }
        out.flush();
        return StatecraftCommand.EXIT_OK;
    }

    private static String csvRow(String model, Backtest.Summary s) {
        return String.format(Locale.ROOT, "%s,%d,%.4f,%.4f,%.4f", model, s.issues(), s.mae(), s.medianAe(), s.hit10());
    }

    private static void table(PrintWriter out, List<Backtest.Summary> rows) {
        out.printf(Locale.ROOT, "%-16s %6s %8s %10s %7s%n", "model", "issues", "MAE", "median AE", "hit10");
        for (Backtest.Summary s : rows) {
            out.printf(Locale.ROOT, "%-16s %6d %8.2f %10.2f %6.1f%%%n", s.model(), s.issues(), s.mae(), s.medianAe(),
                    100 * s.hit10());
        }
    }
}
