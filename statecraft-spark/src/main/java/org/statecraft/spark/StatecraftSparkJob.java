package org.statecraft.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.statecraft.core.leverage.CredibilityRule;
import org.statecraft.core.montecarlo.Analysis;
import org.statecraft.core.montecarlo.MonteCarloOptions;
import org.statecraft.core.sensitivity.LeverageSensitivityModel;
import org.statecraft.core.sensitivity.ScenarioSensitivity;
import org.statecraft.io.results.AnalysisJson;
import org.statecraft.io.results.SensitivityReport;
import org.statecraft.io.scenario.ScenarioFiles;
import org.statecraft.io.scenario.ScenarioReader;

/**
 * The {@code spark-submit} entry point (see docs/spark.md):
 * <pre>
 * montecarlo SCENARIO.yaml [--runs N] [--seed S] [--partitions P] [--out FILE]
 * sensitivity SCENARIO.yaml [--samples N] [--replicates R] [--group-by none|section|lever] [--seed S]
 *             [--policy ID,...] [--bootstrap B] [--partitions P] [--out FILE]
 * gdelt-dyad A B PATH... [--directed] [--out FILE]
 * </pre>
 * JSON goes to FILE (on the driver) or standard output: the same documents as {@code statecraft analyze
 * --format json} and {@code statecraft sensitivity --format json}. Exit code 2 on bad arguments.
 */
public final class StatecraftSparkJob {
    private StatecraftSparkJob() {
    }

    public static void main(String[] args) throws IOException {
        int code;
        try {
            code = run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("statecraft-spark: " + e.getMessage());
            code = 2;
        }
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: montecarlo|sensitivity SCENARIO [options] | gdelt-dyad A B PATH...");
        }
        List<String> positional = new ArrayList<>();
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--directed")) {
                opts.put("--directed", "true");
            } else if (args[i].startsWith("--")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                opts.put(args[i], args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        SparkSession spark = SparkSession.builder().appName("statecraft " + args[0]).getOrCreate();
        try {
            String json;
            int partitions = Integer.parseInt(opts.getOrDefault("--partitions",
                    Integer.toString(spark.sparkContext().defaultParallelism())));
            switch (args[0]) {
                case "montecarlo" -> {
                    Path file = Path.of(positional.get(0));
                    String yaml = Files.readString(file, StandardCharsets.UTF_8);
                    MonteCarloOptions o = new MonteCarloOptions(
                            Integer.parseInt(opts.getOrDefault("--runs", "" + MonteCarloOptions.DEFAULT_RUNS)),
                            Long.parseLong(opts.getOrDefault("--seed", "" + MonteCarloOptions.DEFAULT_SEED)), 1);
                    Analysis a = SparkMonteCarlo.run(spark, ModelSource.yaml(yaml, file.toString(),
                            CredibilityRule.BELIEF), o, partitions);
                    json = AnalysisJson.write(AnalysisJson.toJson(ScenarioReader.readString(yaml, file.toString()), a,
                            new AnalysisJson.RunInfo(ScenarioFiles.hash(yaml.getBytes(StandardCharsets.UTF_8)),
                                    "belief", file.toString())));
                }
                case "sensitivity" -> {
                    Path file = Path.of(positional.get(0));
                    String yaml = Files.readString(file, StandardCharsets.UTF_8);
                    String policies = opts.get("--policy");
                    ScenarioSensitivity.Options o = new ScenarioSensitivity.Options(
                            Integer.parseInt(opts.getOrDefault("--samples", "" + ScenarioSensitivity.DEFAULT_SAMPLES)),
                            Integer.parseInt(opts.getOrDefault("--replicates",
                                    "" + ScenarioSensitivity.DEFAULT_REPLICATES)),
                            LeverageSensitivityModel.Grouping.valueOf(opts.getOrDefault("--group-by", "lever")
                                    .toUpperCase(Locale.ROOT)),
                            Long.parseLong(opts.getOrDefault("--seed", "" + MonteCarloOptions.DEFAULT_SEED)),
                            policies == null ? List.of() : List.of(policies.split(",")),
                            Integer.parseInt(opts.getOrDefault("--bootstrap",
                                    "" + ScenarioSensitivity.DEFAULT_BOOTSTRAP)));
                    ScenarioSensitivity.Result r = SparkSensitivity.run(spark, ModelSource.yaml(yaml, file.toString(),
                            CredibilityRule.BELIEF), o, partitions, Runtime.getRuntime().availableProcessors());
                    json = AnalysisJson.write(SensitivityReport.json(r, new SensitivityReport.RunInfo(file.toString(),
                            ScenarioFiles.hash(yaml.getBytes(StandardCharsets.UTF_8)), partitions)));
                }
                case "gdelt-dyad" -> {
                    if (positional.size() < 3) {
                        throw new IllegalArgumentException("gdelt-dyad needs A B PATH...");
                    }
                    GdeltDyadTension.Result r = GdeltDyadTension.daily(spark, positional.subList(2, positional.size()),
                            positional.get(0), positional.get(1), opts.containsKey("--directed"));
                    var root = AnalysisJson.mapper().createObjectNode();
                    root.put("a", positional.get(0));
                    root.put("b", positional.get(1));
                    root.put("directed", opts.containsKey("--directed"));
                    root.put("lines", r.lines());
                    root.put("malformed", r.malformed());
                    var days = root.putArray("days");
                    for (GdeltDyadTension.DayTotal d : r.days()) {
                        var o = days.addObject();
                        o.put("day", d.day().toString());
                        o.put("events", d.events());
                        o.put("goldsteinSum", d.goldsteinSum());
                    }
                    json = AnalysisJson.write(root);
                }
                default -> throw new IllegalArgumentException("unknown job '" + args[0]
                        + "'; expected montecarlo, sensitivity or gdelt-dyad");
            }
            if (opts.containsKey("--out")) {
                Files.writeString(Path.of(opts.get("--out")), json, StandardCharsets.UTF_8);
            } else {
                PrintStream out = System.out;
                out.println(json);
            }
            return 0;
        } finally {
            spark.stop();
        }
    }
}
