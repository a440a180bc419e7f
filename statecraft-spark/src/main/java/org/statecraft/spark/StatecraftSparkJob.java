package org.statecraft.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.statecraft.core.FailureKind;
import org.statecraft.core.UsageException;
import org.statecraft.core.leverage.CredibilityRule;
import org.statecraft.core.montecarlo.Analysis;
import org.statecraft.core.montecarlo.MonteCarloOptions;
import org.statecraft.core.sensitivity.LeverageSensitivityModel;
import org.statecraft.core.sensitivity.ScenarioSensitivity;
import org.statecraft.io.results.AnalysisJson;
import org.statecraft.io.results.SensitivityReport;
import org.statecraft.io.scenario.ScenarioFiles;
import org.statecraft.io.scenario.ScenarioReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code spark-submit} entry point (see docs/spark.md), on picocli like the {@code statecraft} command:
 * <pre>
 * montecarlo SCENARIO.yaml [--runs N] [--seed S] [--partitions P] [--out FILE]
 * sensitivity SCENARIO.yaml [--samples N] [--replicates R] [--group-by none|section|lever] [--seed S]
 *             [--policy ID,...] [--bootstrap B] [--partitions P] [--out FILE]
 * gdelt-dyad A B PATH... [--directed] [--out FILE]
 * </pre>
 * JSON goes to FILE (on the driver) or standard output: the same documents as {@code statecraft analyze
 * --format json} and {@code statecraft sensitivity --format json}. Exit codes and messages come from
 * {@link FailureKind}, as in the CLI: 2 on bad arguments or input, 1 on a failure.
 */
@Command(name = "statecraft-spark", mixinStandardHelpOptions = true,
        description = "Statecraft's Monte Carlo, Sobol and GDELT dyad jobs on Apache Spark.",
        subcommands = {
            StatecraftSparkJob.MonteCarloJob.class,
            StatecraftSparkJob.SensitivityJob.class,
            StatecraftSparkJob.GdeltDyadJob.class,
        })
public final class StatecraftSparkJob implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (code != FailureKind.EXIT_OK) {
            System.exit(code);
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a job is required: montecarlo, sensitivity or gdelt-dyad");
    }

    /** The configured command line: errors map to exit codes through {@link FailureKind}. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new StatecraftSparkJob());
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("statecraft-spark: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return FailureKind.USAGE.exitCode();
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            FailureKind kind = FailureKind.of(ex);
            PrintWriter err = c.getErr();
            err.println("statecraft-spark: " + FailureKind.message(ex));
            if (kind.isBug() && System.getenv("STATECRAFT_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            return kind.exitCode();
        });
        return cl;
    }

    /** Where the JSON goes, and the Spark session a job runs in. */
    static final class Output {
        @Option(names = "--out", paramLabel = "FILE", description = "Write the JSON here (default: standard output).")
        Path out;

        int write(String json) throws IOException {
            if (out != null) {
                Files.writeString(out, json, StandardCharsets.UTF_8);
            } else {
                System.out.println(json);
            }
            return FailureKind.EXIT_OK;
        }
    }

    /** Options of the scenario jobs: the file, the master seed and the partition count. */
    static final class ScenarioJobOptions {
        @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file.")
        Path scenario;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "" + MonteCarloOptions.DEFAULT_SEED,
                description = "Master random seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--partitions", paramLabel = "P",
                description = "Spark partitions (default: the context's default parallelism).")
        Integer partitions;

        /** The file's text; checks the options first, so that a bad one fails before a Spark session starts. */
        String read() throws IOException {
            if (partitions != null && partitions < 1) {
                throw new UsageException("--partitions must be >= 1, was " + partitions);
            }
            return Files.readString(scenario, StandardCharsets.UTF_8);
        }

        int partitions(SparkSession spark) {
            return partitions == null ? spark.sparkContext().defaultParallelism() : partitions;
        }
    }

    /** A job's work in its Spark session, which is stopped after it whatever happens. */
    interface InSession {
        int run(SparkSession spark) throws IOException;
    }

    static int inSession(String job, InSession work) throws IOException {
        SparkSession spark = SparkSession.builder().appName("statecraft " + job).getOrCreate();
        try {
            return work.run(spark);
        } finally {
            spark.stop();
        }
    }

    @Command(name = "montecarlo", mixinStandardHelpOptions = true,
            description = "Every policy of a scenario, as 'statecraft analyze --format json'.")
    static final class MonteCarloJob implements Callable<Integer> {
        @Mixin
        ScenarioJobOptions scenario;

        @Mixin
        Output output;

        @Option(names = "--runs", paramLabel = "N", defaultValue = "" + MonteCarloOptions.DEFAULT_RUNS,
                description = "Monte Carlo runs per policy (default: ${DEFAULT-VALUE}).")
        int runs;

        @Override
        public Integer call() throws IOException {
            Path file = scenario.scenario;
            String yaml = scenario.read();
            MonteCarloOptions o = UsageException.check(() -> new MonteCarloOptions(runs, scenario.seed, 1));
            return inSession("montecarlo", spark -> {
                Analysis a = SparkMonteCarlo.run(spark, ModelSource.yaml(yaml, file.toString(), CredibilityRule.BELIEF),
                        o, scenario.partitions(spark));
                return output.write(AnalysisJson.write(AnalysisJson.toJson(ScenarioReader.readString(yaml, file.toString()),
                        a, new AnalysisJson.RunInfo(ScenarioFiles.hash(yaml.getBytes(StandardCharsets.UTF_8)), "belief",
                                file.toString()))));
            });
        }
    }

    @Command(name = "sensitivity", mixinStandardHelpOptions = true,
            description = "Sobol indices of a scenario, as 'statecraft sensitivity --format json'.")
    static final class SensitivityJob implements Callable<Integer> {
        @Mixin
        ScenarioJobOptions scenario;

        @Mixin
        Output output;

        @Option(names = "--samples", paramLabel = "N", defaultValue = "" + ScenarioSensitivity.DEFAULT_SAMPLES,
                description = "Base samples (default: ${DEFAULT-VALUE}).")
        int samples;

        @Option(names = "--replicates", paramLabel = "R", defaultValue = "" + ScenarioSensitivity.DEFAULT_REPLICATES,
                description = "Monte Carlo replicates per evaluation (default: ${DEFAULT-VALUE}).")
        int replicates;

        @Option(names = "--group-by", paramLabel = "G", defaultValue = "LEVER", converter = GroupingConverter.class,
                description = "none, section or lever (default: lever).")
        LeverageSensitivityModel.Grouping groupBy;

        @Option(names = "--policy", paramLabel = "ID", split = ",", description = "Policies to analyse (default: all).")
        List<String> policies;

        @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "" + ScenarioSensitivity.DEFAULT_BOOTSTRAP,
                description = "Bootstrap resamples for the intervals (default: ${DEFAULT-VALUE}).")
        int bootstrap;

        @Override
        public Integer call() throws IOException {
            Path file = scenario.scenario;
            String yaml = scenario.read();
            ScenarioSensitivity.Options o = UsageException.check(() -> new ScenarioSensitivity.Options(samples, replicates,
                    groupBy, scenario.seed, policies == null ? List.of() : policies, bootstrap));
            return inSession("sensitivity", spark -> {
                int partitions = scenario.partitions(spark);
                ScenarioSensitivity.Result r = SparkSensitivity.run(spark, ModelSource.yaml(yaml, file.toString(),
                        CredibilityRule.BELIEF), o, partitions, Runtime.getRuntime().availableProcessors());
                return output.write(AnalysisJson.write(SensitivityReport.json(r, new SensitivityReport.RunInfo(
                        file.toString(), ScenarioFiles.hash(yaml.getBytes(StandardCharsets.UTF_8)), partitions))));
            });
        }
    }

    /** none, section or lever, in any case (picocli's own enum conversion wants the constant's exact name). */
    static final class GroupingConverter implements CommandLine.ITypeConverter<LeverageSensitivityModel.Grouping> {
        @Override
        public LeverageSensitivityModel.Grouping convert(String value) {
            for (LeverageSensitivityModel.Grouping g : LeverageSensitivityModel.Grouping.values()) {
                if (g.name().equalsIgnoreCase(value)) {
                    return g;
                }
            }
            throw new CommandLine.TypeConversionException("expected none, section or lever, was '" + value + "'");
        }
    }

    @Command(name = "gdelt-dyad", mixinStandardHelpOptions = true,
            description = "Daily event counts and Goldstein sums of a dyad over GDELT files.")
    static final class GdeltDyadJob implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "A", description = "CAMEO country code of one side.")
        String a;

        @Parameters(index = "1", paramLabel = "B", description = "CAMEO country code of the other side.")
        String b;

        @Parameters(index = "2..*", arity = "1..*", paramLabel = "PATH", description = "GDELT files or folders.")
        List<String> paths;

        @Option(names = "--directed", description = "Only events from A to B.")
        boolean directed;

        @Mixin
        Output output;

        @Override
        public Integer call() throws IOException {
            return inSession("gdelt-dyad", spark -> {
                GdeltDyadDailyTotals.Result r = GdeltDyadDailyTotals.daily(spark, paths, a, b, directed);
                var root = AnalysisJson.mapper().createObjectNode();
                root.put("a", a);
                root.put("b", b);
                root.put("directed", directed);
                root.put("lines", r.lines());
                root.put("malformed", r.malformed());
                var days = root.putArray("days");
                for (GdeltDyadDailyTotals.DayTotal d : r.days()) {
                    var o = days.addObject();
                    o.put("day", d.day().toString());
                    o.put("events", d.events());
                    o.put("goldsteinSum", d.goldsteinSum());
                }
                return output.write(AnalysisJson.write(root));
            });
        }
    }
}
