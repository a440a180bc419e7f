package org.statecraft.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.statecraft.core.UsageException;
import org.statecraft.core.leverage.LeverageModel;
import org.statecraft.core.sensitivity.LeverageSensitivityModel;
import org.statecraft.core.sensitivity.ScenarioSensitivity;
import org.statecraft.io.results.AnalysisJson;
import org.statecraft.io.results.SensitivityReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code statecraft sensitivity [SCENARIO]}: Sobol' first-order and total indices of the scenario's uncertain
 * inputs (or groups of them) for each policy's probability of concession, collateral harm and expected attacks.
 */
@Command(name = "sensitivity", mixinStandardHelpOptions = true,
        description = {"Which assumption drives the answer: Sobol' indices (Saltelli design, Jansen/Saltelli "
                + "estimators, bootstrap 95%% intervals) of the scenario's uncertain inputs for each policy's "
                + "P(concession), collateral harm and expected attacks.",
            "Without SCENARIO, analyses the bundled Pakistan-Taliban 2023 case. Cost: N(g+2) design rows x "
                    + "policies x R simulations for g factors; see docs/cli-trust.md."})
public final class SensitivityCommand implements Callable<Integer> {

    enum GroupBy { none, section, lever }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "Scenario YAML file.")
    Path scenario;

    @Option(names = "--samples", paramLabel = "N",
            description = "Base samples N of the Saltelli design, ideally a power of two (default: ${DEFAULT-VALUE}).",
            defaultValue = "" + ScenarioSensitivity.DEFAULT_SAMPLES)
    int samples;

    @Option(names = "--replicates", paramLabel = "R",
            description = "Runs of each policy per design row, on common dynamics streams (default: ${DEFAULT-VALUE}).",
            defaultValue = "" + ScenarioSensitivity.DEFAULT_REPLICATES)
    int replicates;

    @Option(names = "--group-by", paramLabel = "HOW",
            description = "Factors: none (every uncertain input), section (actors, weights, demand, levers, ...) or "
                    + "lever (each lever, constituency, actor, regime's weights, network member; other numbers "
                    + "alone) (default: ${DEFAULT-VALUE}).",
            defaultValue = "lever")
    GroupBy groupBy;

    @Option(names = "--policy", paramLabel = "ID", split = ",",
            description = "Analyse only these policies (repeatable or comma-separated; default: all).")
    List<String> policies;

    @Mixin
    FormatOption format;

    @Option(names = "--top", paramLabel = "K", description = "Factors per table (default: ${DEFAULT-VALUE}).",
            defaultValue = "5")
    int top;

    @Option(names = "--bootstrap", paramLabel = "B",
            description = "Bootstrap resamples for the 95%% intervals, 0 for none (default: ${DEFAULT-VALUE}).",
            defaultValue = "" + ScenarioSensitivity.DEFAULT_BOOTSTRAP)
    int bootstrap;

    @Mixin
    ParallelOptions parallel;

    @Override
    public Integer call() {
        if (top < 1) {
            throw new UsageException("--top must be >= 1, was " + top);
        }
        int t = parallel.threads();
        long seed = parallel.seed;
        boolean quiet = parallel.quiet;
        ScenarioSensitivity.Options options = UsageException.check(() -> new ScenarioSensitivity.Options(samples,
                replicates, LeverageSensitivityModel.Grouping.valueOf(groupBy.name().toUpperCase(Locale.ROOT)), seed,
                policies == null ? List.of() : policies, bootstrap));
        Scenarios.Loaded loaded = Scenarios.load(scenario);
        LeverageModel model = new LeverageModel(loaded.scenario());
        // the plan checks the --policy ids against the scenario
        ScenarioSensitivity.Plan plan = UsageException.check(() -> ScenarioSensitivity.plan(model, options));
        PrintWriter err = spec.commandLine().getErr();
        if (!quiet) {
            err.printf(Locale.ROOT, "sensitivity: %d factors, %d design rows, %d simulations on %d threads...%n",
                    plan.groups().size(), plan.design().evaluations(plan.groups().size()), plan.simulations(), t);
            err.flush();
        }
        long start = System.nanoTime();
        ScenarioSensitivity.Result result = ScenarioSensitivity.run(model, options, t);
        if (!quiet) {
            err.printf(Locale.ROOT, "sensitivity: done in %.1f s%n", (System.nanoTime() - start) / 1e9);
        }
        SensitivityReport.RunInfo info = new SensitivityReport.RunInfo(loaded.file(), loaded.hash(), t);
        PrintWriter o = spec.commandLine().getOut();
        switch (format.get()) {
            case json -> o.println(AnalysisJson.write(SensitivityReport.json(result, info)));
            case csv -> SensitivityReport.csv(result, o);
            default -> o.print(SensitivityReport.text(result, info, top));
        }
        o.flush();
        return StatecraftCommand.EXIT_OK;
    }
}
