package org.statecraft.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.statecraft.app.FormatOption.Format;
import org.statecraft.core.UsageException;
import org.statecraft.core.calibration.CalibrationReport;
import org.statecraft.core.calibration.CalibrationSplit;
import org.statecraft.core.calibration.Covariate;
import org.statecraft.core.calibration.ForecastScores;
import org.statecraft.core.calibration.ResponseCurveCalibration;
import org.statecraft.core.calibration.ResponseCurveFit;
import org.statecraft.core.calibration.SanctionEpisode;
import org.statecraft.core.calibration.TargetCostPressure;
import org.statecraft.io.calibration.ResponseCurveFitFile;
import org.statecraft.io.ties.TiesReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code statecraft calibrate}: fits the leverage engine's response curve (lognormal resolve μ_K, σ_K) to the
 * TIES sanctions outcomes and reports held-out scores beside a constant-rate baseline. The coding choices are
 * in docs/models/calibration.md.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Fit the response curve (target resolve K ~ lognormal(mu, sigma)) to TIES sanctions outcomes.",
                "Cases: sanctions imposed and resolved, with target costs coded; acquiescence = final outcome 6 or 7."})
public final class CalibrateCommand implements Callable<Integer> {
    static final String SOURCE = "TIES v4.1 (Morgan, Bapat & Kobayashi 2014)";

    enum SplitKind { random, year }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--ties", required = true, paramLabel = "FILE", description = "TIES v4.1 workbook (TIESv4-1.xls).")
    Path ties;

    @Mixin
    FormatOption format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the fitted response curve here (.yaml/.yml: YAML, else JSON).")
    Path out;

    @Option(names = "--split", defaultValue = "random",
            description = "Held-out split: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    SplitKind split;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random split (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--training-fraction", defaultValue = "0.7",
            description = "Share of cases used to fit under the random split (default: ${DEFAULT-VALUE}).")
    double trainingFraction;

    @Option(names = "--split-year", defaultValue = "1989",
            description = "Under --split year, cases starting in or before this year train, later ones are held out (default: ${DEFAULT-VALUE}).")
    int splitYear;

    @Option(names = "--pressure", split = ",", paramLabel = "CATEGORY=LOSS",
            description = "Relative daily loss for each TIES target-cost category (default: minor=0.02,major=0.08,severe=0.25).")
    Map<String, Double> pressure = new LinkedHashMap<>();

    @Option(names = "--covariates", split = ",", paramLabel = "NAME",
            description = "Extra 0/1 terms shifting log-resolve: institution, senderCosts, or none (default: institution).")
    List<String> covariates = new ArrayList<>(List.of("institution"));

    @Override
    public Integer call() throws Exception {
        Format form = format.of(Format.table, Format.json);
        TargetCostPressure p = pressure();
        List<Covariate> cov = UsageException.check(() -> covariates.stream().filter(c -> !c.equalsIgnoreCase("none"))
                .map(Covariate::ofKey).distinct().toList());
        CalibrationSplit s = UsageException.check(() -> split == SplitKind.random
                ? new CalibrationSplit.Random(seed, trainingFraction) : new CalibrationSplit.ByYear(splitYear));
        List<SanctionEpisode> cases = TiesReader.read(ties);
        CalibrationReport r = ResponseCurveCalibration.calibrate(cases, p, cov, s, SOURCE);
        if (out != null) {
            ResponseCurveFitFile.write(r.fit(), out);
        }
        PrintWriter w = spec.commandLine().getOut();
        if (form == Format.json) {
            w.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json(r)));
        } else {
            table(r, w);
        }
        w.flush();
        return StatecraftCommand.EXIT_OK;
    }

    private TargetCostPressure pressure() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("minor", TargetCostPressure.DEFAULT.minor());
        m.put("major", TargetCostPressure.DEFAULT.major());
        m.put("severe", TargetCostPressure.DEFAULT.severe());
        for (Map.Entry<String, Double> e : pressure.entrySet()) {
            String k = e.getKey().trim().toLowerCase(Locale.ROOT);
            if (!m.containsKey(k)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--pressure: unknown target-cost category '" + e.getKey() + "'; expected minor, major or severe");
            }
            m.put(k, e.getValue());
        }
        return UsageException.check(() -> new TargetCostPressure(m.get("minor"), m.get("major"), m.get("severe")));
    }

    static ObjectNode json(CalibrationReport r) {
        ObjectMapper om = new ObjectMapper();
        ObjectNode root = om.createObjectNode();
        ResponseCurveFit f = r.fit();
        root.put("source", f.source());
        root.put("split", f.split());
        ObjectNode n = root.putObject("n");
        n.put("total", r.cases().total());
        n.put("training", r.cases().training());
        n.put("heldOut", r.cases().heldOut());
        n.put("notImposed", r.cases().notImposed());
        n.put("unresolved", r.cases().unresolved());
        n.put("noTargetCosts", r.cases().noTargetCosts());
        n.put("missingCovariate", r.cases().missingCovariate());
        root.set("fit", ResponseCurveFitFile.toTree(f));
        ArrayNode coefs = root.putArray("probitCoefficients");
        for (CalibrationReport.Coefficient c : r.coefficients()) {
            ObjectNode o = coefs.addObject();
            o.put("name", c.name());
            o.put("estimate", c.estimate());
            o.put("standardError", c.standardError());
        }
        root.put("trainingLogLikelihood", r.logLikelihood());
        ObjectNode held = root.putObject("heldOut");
        scores(held.putObject("model"), r.heldOutModel());
        scores(held.putObject("baseline"), r.heldOutBaseline());
        held.put("baselineRate", r.baselineRate());
        scores(root.putObject("training").putObject("model"), r.trainingModel());
        ArrayNode rates = root.putArray("acquiescenceByTargetCosts");
        for (CalibrationReport.CategoryRate c : r.byTargetCosts()) {
            ObjectNode o = rates.addObject();
            o.put("category", c.category());
            o.put("name", c.name());
            o.put("pressure", c.pressure());
            o.put("cases", c.cases());
            o.put("acquiesced", c.acquiesced());
            o.put("rate", c.rate());
            o.put("meanFittedProbability", c.meanFitted());
            o.put("fittedProbabilityAllIndicatorsZero", f.probability(c.pressure()));
        }
        return root;
    }

    private static void scores(ObjectNode o, ForecastScores s) {
        o.put("n", s.n());
        o.put("brier", s.brier());
        o.put("logLoss", s.logLoss());
        if (Double.isNaN(s.auc())) {
            o.putNull("auc");
        } else {
            o.put("auc", s.auc());
        }
    }

    private static void table(CalibrationReport r, PrintWriter w) {
        ResponseCurveFit f = r.fit();
        CalibrationReport.CaseCounts c = r.cases();
        w.printf(Locale.ROOT, "Response-curve calibration on %s%n", f.source());
        w.printf(Locale.ROOT, "cases: %d in file; %d threat only, %d imposed but unresolved, %d without target costs,"
                + " %d missing a covariate; %d training, %d held out (%s)%n", c.total(), c.notImposed(), c.unresolved(),
                c.noTargetCosts(), c.missingCovariate(), c.training(), c.heldOut(), f.split());
        w.println();
        w.println("acquiescence after imposition (all usable cases; fitted = mean model probability)");
        w.printf(Locale.ROOT, "  %-8s %9s %6s %10s %6s %8s%n", "costs", "pressure", "cases", "acquiesced", "rate", "fitted");
        for (CalibrationReport.CategoryRate k : r.byTargetCosts()) {
            w.printf(Locale.ROOT, "  %-8s %9.3f %6d %10d %6.3f %8.3f%n", k.name(), k.pressure(), k.cases(), k.acquiesced(),
                    k.rate(), k.meanFitted());
        }
        w.println();
        w.printf(Locale.ROOT, "resolve K ~ lognormal: mu = %.3f (se %.3f), sigma = %.3f (se %.3f); median K = %.4f%n",
                f.mu(), f.muStandardError(), f.sigma(), f.sigmaStandardError(), Math.exp(f.mu()));
        f.orderedShifts().forEach((k, v) -> w.printf(Locale.ROOT, "  log-resolve shift %s = %+.3f%n", k, v));
        w.println();
        w.printf(Locale.ROOT, "held out (n = %d)  %8s %8s %8s%n", r.heldOutModel().n(), "brier", "logLoss", "auc");
        w.printf(Locale.ROOT, "  model           %8.4f %8.4f %8.4f%n", r.heldOutModel().brier(), r.heldOutModel().logLoss(),
                r.heldOutModel().auc());
        w.printf(Locale.ROOT, "  baseline %.3f   %8.4f %8.4f %8.4f%n", r.baselineRate(), r.heldOutBaseline().brier(),
                r.heldOutBaseline().logLoss(), r.heldOutBaseline().auc());
    }
}
