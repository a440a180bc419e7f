package org.statecraft.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.statecraft.app.FormatOption.Format;
import org.statecraft.app.report.FiguresExporter;
import org.statecraft.app.report.ReportBuilder;
import org.statecraft.app.report.ReportData;
import org.statecraft.core.UsageException;
import org.statecraft.core.calibration.ResponseCurveFit;
import org.statecraft.core.ScenarioException;
import org.statecraft.core.leverage.CredibilityRule;
import org.statecraft.core.montecarlo.Analysis;
import org.statecraft.core.montecarlo.FiniteResults;
import org.statecraft.core.montecarlo.MonteCarlo;
import org.statecraft.core.record.Conditioning;
import org.statecraft.core.record.Hindcast;
import org.statecraft.core.record.Scorecard;
import org.statecraft.io.calibration.ResponseCurveFitFile;
import org.statecraft.io.results.AnalysisCsv;
import org.statecraft.io.results.AnalysisJson;
import org.statecraft.io.results.AnalysisText;
import org.statecraft.io.results.RecordResults;
import org.statecraft.io.scenario.LoadedScenario;
import org.statecraft.io.scenario.ScenarioReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code statecraft analyze [SCENARIO]}: every policy of a scenario, Monte Carlo, ranked. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Run every policy of a scenario many times and rank them by effectiveness, with who pays.",
            "Without SCENARIO, analyses the bundled Pakistan-Taliban 2023 case."})
public final class AnalyzeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "Scenario YAML file.")
    Path scenario;

    @Mixin
    RunOptions run;

    @Mixin
    FormatOption format;

    @Option(names = "--wide", description = "Table output at its full width, every table in one piece and each "
            + "paragraph on one line (default: within " + AnalysisText.WIDTH + " columns, wide tables stacked in "
            + "blocks of columns).")
    boolean wide;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write results.json, policies.csv, runs.csv, their Parquet copies (policies.parquet, "
                    + "runs.parquet) and summary.md to DIR.")
    Path out;

    @Option(names = "--report", paramLabel = "FILE.html",
            description = "Also write the self-contained HTML report (charts, data and scripts inlined; works offline).")
    Path report;

    @Option(names = "--figures", paramLabel = "DIR",
            description = "Also export every chart as SVG and PNG to DIR (needs headless Chromium; exit 2 without it).")
    Path figures;

    @Option(names = "--credibility", description = "Credibility rule: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            defaultValue = "BELIEF")
    CredibilityRule credibility;

    @Option(names = "--response-curve", paramLabel = "FILE",
            description = {"Replace the scenario's resolve distribution (demand.complianceCost) with the lognormal "
                    + "fitted by 'statecraft calibrate --out FILE'. Default: the scenario's own value, whose "
                    + "provenance is documented there (the TIES fit's spread is very wide; see docs/cli-trust.md)."})
    Path responseCurve;

    @Option(names = "--condition", description = {"Weigh the runs by how well they reproduce the scenario's record "
            + "(observed) up to --until, report the effective sample size and prior against posterior, and rank the "
            + "policies from that date onward under the posterior (docs/models/hindcast.md)."})
    boolean condition;

    @Option(names = "--until", paramLabel = "DATE", description = "With --condition: the record up to this date "
            + "(default: the record's end).")
    LocalDate until;

    @Option(names = "--generations", paramLabel = "N", defaultValue = "" + Conditioning.SMC_GENERATIONS,
            description = "With --condition: at most N generations of sequential Monte Carlo while the effective sample "
                    + "size is below 100 (0: importance weights only; default: ${DEFAULT-VALUE}).")
    int generations;

    @Override
    public Integer call() throws IOException {
        Scenarios.Loaded loaded = Scenarios.load(scenario);
        if (until != null && !condition) {
            throw new UsageException("--until needs --condition");
        }
        if (condition) {
            return conditioned(loaded);
        }
        AnalysisJson.ResponseCurve curve = null;
        if (responseCurve != null) {
            ResponseCurveFit fit = ResponseCurveFitFile.read(responseCurve);
            curve = new AnalysisJson.ResponseCurve(responseCurve.toString(), fit);
            loaded = new Scenarios.Loaded(fit.applyTo(loaded.scenario()), loaded.file(), loaded.hash(), loaded.yaml());
        }
        if (figures != null) {
            FiguresExporter.chromium(); // fail before the runs, not after them
        }
        PrintWriter err = spec.commandLine().getErr();
        Analysis a;
        try (ProgressBar bar = new ProgressBar(err, "analyze", ProgressBar.terminal(run.quiet()))) {
            a = MonteCarlo.run(loaded.scenario(), run.monteCarlo(credibility), bar);
        }
        refuseNonFinite(loaded, a); // before anything is printed or written
        AnalysisJson.RunInfo info = new AnalysisJson.RunInfo(loaded.hash(), credibility.name().toLowerCase(Locale.ROOT),
                loaded.file(), curve);
        PrintWriter o = spec.commandLine().getOut();
        switch (format.get()) {
            case json -> o.println(AnalysisJson.write(ReportData.of(loaded.scenario(), a, info)));
            case csv -> AnalysisCsv.policies(a, o);
            default -> o.print(AnalysisText.render(loaded.scenario(), a, false,
                    wide ? AnalysisText.UNBOUNDED : AnalysisText.WIDTH));
        }
        o.flush();
        if (out != null) {
            write(loaded, a, info);
            err.println("wrote results.json, policies.csv, runs.csv, policies.parquet, runs.parquet and summary.md to " + out);
        }
        if (report != null || figures != null) {
            ObjectNode data = ReportData.of(loaded.scenario(), a, info);
            if (loaded.scenario().observed().scorable()) {
                // the report's "Judged by the record": the same runs and seed, the recorded policy over the record
                var card = Scorecard.of(Hindcast.simulate(
                        loaded.scenario(), null, a.runs(), a.seed(), run.parallel.threads()));
                data.set("hindcast", RecordResults.json(card));
            }
            if (report != null) {
                ReportBuilder.write(data, report);
                err.println("wrote the report to " + report);
            }
            if (figures != null) {
                int n = FiguresExporter.export(data, figures).size();
                err.println("wrote " + n + " figures (SVG and PNG) to " + figures);
            }
        }
        return StatecraftCommand.EXIT_OK;
    }

    /** Figures listed at most, so that one bad input does not print a line per policy and constituency. */
    static final int MAX_NON_FINITE = 10;

    /**
     * Refuses (exit 2, nothing written) an analysis whose reported figures are not all finite
     * ({@link FiniteResults}). Figures with a known cause are listed under it, once per cause, located at
     * the input that causes them ({@code file:line:column: POINTER makes these results not finite:}, then
     * why, then one indented line per figure); the others one line each, located at their first input.
     */
    private static void refuseNonFinite(Scenarios.Loaded loaded, Analysis a) {
        List<FiniteResults.NonFinite> bad = FiniteResults.check(loaded.scenario(), a);
        if (bad.isEmpty()) {
            return;
        }
        LoadedScenario located = null;
        try {
            located = loaded.yaml() == null ? null : ScenarioReader.loadString(loaded.yaml(), loaded.file());
        } catch (RuntimeException e) {
            // it was read once already; without positions, the pointers still name the inputs
        }
        java.util.Map<String, List<FiniteResults.NonFinite>> byCause = new java.util.LinkedHashMap<>();
        List<FiniteResults.NonFinite> unexplained = new java.util.ArrayList<>();
        for (FiniteResults.NonFinite f : bad) {
            if (f.cause() != null) {
                byCause.computeIfAbsent(f.inputs().get(0) + "\n" + f.cause(), k -> new java.util.ArrayList<>()).add(f);
            } else {
                unexplained.add(f);
            }
        }
        StringBuilder b = new StringBuilder();
        String nl = System.lineSeparator();
        for (List<FiniteResults.NonFinite> group : byCause.values()) {
            FiniteResults.NonFinite first = group.get(0);
            String head = first.inputs().get(0) + " makes these results not finite:";
            b.append(at(loaded, located, first.inputs().get(0), head)).append(nl);
            b.append("  ").append(first.cause()).append(nl);
            for (FiniteResults.NonFinite f : group.subList(0, Math.min(group.size(), MAX_NON_FINITE))) {
                b.append("  ").append(f.figureAndValue()).append(nl);
            }
            if (group.size() > MAX_NON_FINITE) {
                b.append("  ... and ").append(group.size() - MAX_NON_FINITE).append(" more").append(nl);
            }
        }
        for (FiniteResults.NonFinite f : unexplained.subList(0, Math.min(unexplained.size(), MAX_NON_FINITE))) {
            b.append(f.inputs().isEmpty() ? loaded.file() + ": " + f.message()
                    : at(loaded, located, f.inputs().get(0), f.message())).append(nl);
        }
        if (unexplained.size() > MAX_NON_FINITE) {
            b.append("... and ").append(unexplained.size() - MAX_NON_FINITE).append(" more").append(nl);
        }
        b.append(loaded.file()).append(": ").append(bad.size()).append(bad.size() == 1 ? " result is" : " results are")
                .append(" not finite; nothing written");
        throw new ScenarioException(b.toString());
    }

    /** {@code file:line:column: message} at {@code pointer}, or {@code file: message} without positions. */
    private static String at(Scenarios.Loaded loaded, LoadedScenario located, String pointer, String message) {
        return located == null ? loaded.file() + ": " + message : located.problemAt(pointer, message).toString();
    }

    private int conditioned(Scenarios.Loaded loaded) {
        if (out != null || report != null || figures != null || format.get() == Format.csv) {
            throw new UsageException("--condition writes a table or JSON only (--format table|json)");
        }
        if (credibility != CredibilityRule.BELIEF) {
            throw new UsageException("--condition runs the model as it is scored: --credibility belief");
        }
        Conditioning.Result r;
        try {
            var sim = Hindcast.simulate(loaded.scenario(), until, run.monteCarlo(credibility)
                    .runs(), run.parallel.seed, run.parallel.threads());
            r = Conditioning.condition(sim,
                    Conditioning.Bandwidths.DEFAULT, run.parallel.threads(), generations);
        } catch (IllegalArgumentException e) {
            throw new UsageException(loaded.file() + ": " + e.getMessage());
        }
        PrintWriter o = spec.commandLine().getOut();
        o.print(format.get() == Format.json ? AnalysisJson.write(RecordResults.json(r)) + "\n"
                : RecordResults.text(r));
        o.flush();
        if (r.essTooSmall()) {
            spec.commandLine().getErr().printf(Locale.ROOT, "statecraft: warning: effective sample size %.1f < %d; "
                    + "about %,d runs would be needed%n", r.ess(), r.minimumEss(), r.runsNeeded());
        }
        return StatecraftCommand.EXIT_OK;
    }

    private void write(Scenarios.Loaded loaded, Analysis a, AnalysisJson.RunInfo info) throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("results.json"),
                AnalysisJson.write(ReportData.of(loaded.scenario(), a, info)), StandardCharsets.UTF_8);
        try (Writer w = Files.newBufferedWriter(out.resolve("policies.csv"), StandardCharsets.UTF_8)) {
            AnalysisCsv.policies(a, w);
        }
        try (Writer w = Files.newBufferedWriter(out.resolve("runs.csv"), StandardCharsets.UTF_8)) {
            AnalysisCsv.runs(a, w);
        }
        ParquetFiles.fromCsv(out.resolve("policies.csv"), out.resolve("policies.parquet"));
        ParquetFiles.fromCsv(out.resolve("runs.csv"), out.resolve("runs.parquet"));
        StringWriter md = new StringWriter();
        md.write(AnalysisText.render(loaded.scenario(), a, true));
        // every option that changes a number: the threads and the output options do not
        md.write(String.format(Locale.ROOT, "%nScenario file `%s`, SHA-256 `%s`. Rerun: `statecraft analyze %s --runs %d --seed %d%s%s`.%n",
                loaded.file(), loaded.hash(), loaded.file(), a.runs(), a.seed(),
                credibility == CredibilityRule.BELIEF ? "" : " --credibility " + credibility.name().toLowerCase(Locale.ROOT),
                info.responseCurve() == null ? "" : " --response-curve " + info.responseCurve().file()));
        Files.writeString(out.resolve("summary.md"), md.toString(), StandardCharsets.UTF_8);
    }
}
