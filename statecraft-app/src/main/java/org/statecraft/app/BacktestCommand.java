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
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.statecraft.core.StatecraftException;
import org.statecraft.core.UsageException;
import org.statecraft.core.bargaining.Backtest;
import org.statecraft.core.bargaining.BargainingModel;
import org.statecraft.core.bargaining.CompromiseModel;
import org.statecraft.core.bargaining.CouncilProceduralModel;
import org.statecraft.core.bargaining.EumParameters;
import org.statecraft.core.bargaining.KtabCompatibility;
import org.statecraft.core.bargaining.ExpectedUtilityModel;
import org.statecraft.core.bargaining.SpatialModelOfPolitics;
import org.statecraft.core.bargaining.WeightedMedianModel;
import org.statecraft.io.bargaining.DeuIssue;
import org.statecraft.io.bargaining.DeuReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code statecraft backtest FILE}: every model (SMP with its PCE and KTAB outcomes, EUM by default and under the
 * Scholz-code preset, compromise, weighted median, the Council procedural model) and the reference point on every
 * DEU III issue with an outcome; errors overall, by Council voting rule, on the issues KTAB runs and on those with
 * a reference point. States which capability weights it used.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Score the bargaining models on DEU III issues with known outcomes (MAE, median AE, share within 10 points).")
public final class BacktestCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "DEU III .tsv (e.g. shared/data/deu3/deu3.tsv)")
    Path file;

    @Mixin
    FormatOption format;

    @Option(names = "--threads", paramLabel = "N", description = "cores; results do not depend on it (default: all cores)")
    Integer threads;

    @Option(names = "--capabilities", paramLabel = "CSV",
            description = "capability weights 'actor,capability' by DEU actor code (com, ep, de, ...) instead of the file's row 2")
    Path capabilities;

    @Option(names = "--ktab-strict", description = "score only the issues KTAB's SMP runs (KTAB refuses the others)")
    boolean ktabStrict;

    /** Where the capability weights came from, as the report states it. */
    static final String ROW2 = "row 2 of the file: member states' GDPs added by the preparing repository (Commission and "
            + "Parliament set to the largest, 4.1), not the DEU project's capability measures; scores are not comparable "
            + "with published DEU figures";

    @Override
    public Integer call() throws Exception {
        int threads = ParallelOptions.threads(this.threads);
        if (!Files.isRegularFile(file)) {
            throw new StatecraftException("statecraft: no such file: " + file);
        }
        if (capabilities != null && !Files.isRegularFile(capabilities)) {
            throw new StatecraftException("statecraft: no such file: " + capabilities);
        }
        List<DeuIssue> issues = capabilities == null ? DeuReader.read(file)
                : DeuReader.read(file, DeuReader.readCapabilities(capabilities));
        String weights = capabilities == null ? ROW2 : "from " + capabilities;
        List<Backtest.Case> all = issues.stream().filter(i -> i.outcome().isPresent()).map(DeuIssue::toCase).toList();
        Predicate<Backtest.Case> ktabRuns = c -> KtabCompatibility.refusal(c.problem()).isEmpty();
        Map<String, Long> refused = new TreeMap<>();
        for (Backtest.Case c : all) {
            KtabCompatibility.refusal(c.problem()).ifPresent(r -> refused.merge(r.replaceFirst("\\s*[:(].*", ""), 1L, Long::sum));
        }
        List<Backtest.Case> cases = ktabStrict ? all.stream().filter(ktabRuns).toList() : all;
        List<Backtest.Forecaster> forecasters = new ArrayList<>(Backtest.Forecaster.sharing(new SpatialModelOfPolitics(),
                linked("smp", null, "smp-ktab", SpatialModelOfPolitics.KTAB_EXPECTED)));
        forecasters.add(Backtest.Forecaster.of(new ExpectedUtilityModel()));
        forecasters.add(named("eum-scholz", new ExpectedUtilityModel(EumParameters.SCHOLZ_CODE)));
        forecasters.add(Backtest.Forecaster.of(new CompromiseModel()));
        forecasters.add(Backtest.Forecaster.of(new WeightedMedianModel()));
        forecasters.add(CouncilProceduralModel.forecaster());
        forecasters.add(Backtest.Forecaster.referencePoint());
        Map<String, Predicate<Backtest.Case>> subsets = new LinkedHashMap<>();
        subsets.put("KTAB-runnable", ktabRuns);
        subsets.put("with a reference point", c -> c.referencePoint().isPresent());
        Backtest.Report report = new Backtest(forecasters, threads).run(cases, subsets);
        PrintWriter out = spec.commandLine().getOut();
        switch (format.get()) {
            case csv -> {
                out.println("model,issues,mae,median_ae,hit10");
                report.overall().forEach(s -> out.println(csvRow(s.model(), s)));
                report.byGroup().forEach((g, rows) -> rows.forEach(s -> out.println(csvRow(s.model() + "/" + g, s))));
                report.subsets().forEach((g, rows) -> rows.forEach(s -> out.println(csvRow(s.model() + "/" + g, s))));
            }
            case json -> {
                Map<String, Object> root = new LinkedHashMap<>();
                root.put("file", file.toString());
                root.put("capabilities", weights);
                root.put("ktabStrict", ktabStrict);
                root.put("ktabRefused", refused);
                root.put("overall", report.overall());
                root.put("byVotingRule", report.byGroup());
                root.put("subsets", report.subsets());
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
            }
            default -> {
                out.printf(Locale.ROOT, "DEU III backtest: %d issues with an outcome (%s)%s%n", cases.size(), file,
                        ktabStrict ? ", only those KTAB runs" : "");
                out.printf(Locale.ROOT, "Capability weights: %s.%n", weights);
                out.printf(Locale.ROOT, "KTAB refuses %d of %d: %s%n%n", all.size() - all.stream().filter(ktabRuns).count(),
                        all.size(), refused.isEmpty() ? "none" : refused.entrySet().stream()
                                .map(e -> e.getValue() + " '" + e.getKey() + "'").collect(Collectors.joining(", ")));
                table(out, report.overall());
                report.byGroup().forEach((g, rows) -> {
                    out.printf(Locale.ROOT, "%nVoting rule %s%n", g);
                    table(out, rows);
                });
                report.subsets().forEach((g, rows) -> {
                    out.printf(Locale.ROOT, "%nIssues %s%n", g);
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

    private static Map<String, String> linked(String k1, String v1, String k2, String v2) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    private static Backtest.Forecaster named(String name, BargainingModel model) {
        Backtest.Forecaster f = Backtest.Forecaster.of(model);
        return new Backtest.Forecaster() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public OptionalDouble forecast(Backtest.Case c) {
                return f.forecast(c);
            }
        };
    }

    private static String csvRow(String model, Backtest.Summary s) {
        return String.format(Locale.ROOT, "%s,%d,%.4f,%.4f,%.4f", model, s.issues(), s.mae(), s.medianAe(), s.hit10());
    }

    private static void table(PrintWriter out, List<Backtest.Summary> rows) {
        out.printf(Locale.ROOT, "%-18s %6s %8s %10s %7s%n", "model", "issues", "MAE", "median AE", "hit10");
        for (Backtest.Summary s : rows) {
            out.printf(Locale.ROOT, "%-18s %6d %8.2f %10.2f %6.1f%%%n", s.model(), s.issues(), s.mae(), s.medianAe(),
                    100 * s.hit10());
        }
    }
}
