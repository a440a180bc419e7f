package org.statecraft.io.results;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.statecraft.core.sensitivity.LeverageSensitivityModel;
import org.statecraft.core.sensitivity.ScenarioSensitivity;
import org.statecraft.core.sensitivity.SobolIndices;
import org.statecraft.core.sensitivity.SobolResult;

/**
 * Writers for a scenario's Sobol' sensitivity analysis ({@code statecraft sensitivity}): a terminal table of
 * the top factors per policy and measure sorted by total index, JSON (every factor) and CSV with one row per
 * policy × measure × factor.
 */
public final class SensitivityReport {
    private SensitivityReport() {
    }

    /** Where the scenario came from, for the record. */
    public record RunInfo(String scenarioFile, String scenarioHash, int threads) {
    }

    /** A factor's indices with its factor, for sorting. */
    private record Row(ScenarioSensitivity.Factor factor, SobolIndices indices) {
    }

    /** Factors sorted by total index, largest first (NaN last), ties by factor order. */
    private static List<Row> sorted(ScenarioSensitivity.Result r, SobolResult.Output out) {
        List<Row> rows = new ArrayList<>();
        for (ScenarioSensitivity.Factor f : r.factors()) {
            rows.add(new Row(f, out.of(f.id())));
        }
        // the key −ST sorts largest first; NaN (an output with no variance) gets +∞, after every number
        rows.sort(Comparator.comparingDouble((Row x) -> Double.isNaN(x.indices().total()) ? Double.POSITIVE_INFINITY
                : -x.indices().total()));
        return rows;
    }

    /** The table: for each policy and measure, the {@code top} factors by total index. */
    public static String text(ScenarioSensitivity.Result r, RunInfo info, int top) {
        StringBuilder out = new StringBuilder();
        ScenarioSensitivity.Options o = r.options();
        out.append(String.format(Locale.ROOT, "Sobol' sensitivity of scenario %s (%s)%n", r.scenarioId(),
                info.scenarioFile()));
        out.append(String.format(Locale.ROOT,
                "Design: N = %d base samples (Sobol' sequence), %d factors (group by %s), R = %d dynamics "
                        + "replicates, seed %d: %d design rows, %d simulations. 95%% bootstrap intervals (%d resamples).%n",
                o.samples(), r.factors().size(), o.grouping().name().toLowerCase(Locale.ROOT), o.replicates(),
                o.seed(), r.sobol().evaluations(), r.simulations(), o.bootstrap()));
        out.append("S1: share of the output's variance due to the factor alone; ST: including its interactions. "
                + "Sum of S1 below 1 = interactions and dynamics noise.\n");
        for (String policy : r.policies()) {
            for (LeverageSensitivityModel.Measure m : LeverageSensitivityModel.Measure.values()) {
                SobolResult.Output output = r.output(policy, m);
                out.append(String.format(Locale.ROOT, "%npolicy %s, %s: mean %s, variance %s%n", policy, m.label(),
                        AnalysisText.fmt(output.mean()), AnalysisText.fmt(output.variance())));
                if (!(output.variance() > 0)) {
                    out.append("  constant over the design: no index to report\n");
                    continue;
                }
                TextTable t = new TextTable("factor", "S1", "S1 95% CI", "ST", "ST 95% CI").leftAlign(0);
                double sumFirst = 0;
                List<Row> rows = sorted(r, output);
                for (Row row : rows) {
                    sumFirst += row.indices().first();
                }
                for (Row row : rows.subList(0, Math.min(top, rows.size()))) {
                    SobolIndices s = row.indices();
                    t.row(row.factor().label(), f2(s.first()), ci(s.firstLow(), s.firstHigh()), f2(s.total()),
                            ci(s.totalLow(), s.totalHigh()));
                }
                out.append(t.render(false));
                out.append(String.format(Locale.ROOT, "  (top %d of %d factors; sum of S1 = %.2f)%n",
                        Math.min(top, rows.size()), rows.size(), sumFirst));
            }
        }
        return out.toString();
    }

    /** The JSON document: run record, factors, and every factor's indices per policy and measure. */
    public static ObjectNode json(ScenarioSensitivity.Result r, RunInfo info) {
        ObjectNode root = AnalysisJson.mapper().createObjectNode();
        root.put("statecraft", AnalysisJson.VERSION);
        ObjectNode sc = root.putObject("scenario");
        sc.put("id", r.scenarioId());
        sc.put("file", info.scenarioFile());
        sc.put("hash", info.scenarioHash());
        ScenarioSensitivity.Options o = r.options();
        ObjectNode run = root.putObject("run");
        run.put("method", "sobol-saltelli");
        run.put("samples", o.samples());
        run.put("sampling", "sobol");
        run.put("replicates", o.replicates());
        run.put("groupBy", o.grouping().name().toLowerCase(Locale.ROOT));
        run.put("seed", Long.toString(o.seed())); // a string: JavaScript's Number would round a 17-digit seed
        run.put("bootstrap", o.bootstrap());
        run.put("confidence", 0.95);
        run.put("designRows", r.sobol().evaluations());
        run.put("simulations", r.simulations());
        run.put("threads", info.threads());
        ArrayNode factors = root.putArray("factors");
        for (ScenarioSensitivity.Factor f : r.factors()) {
            ObjectNode fo = factors.addObject();
            fo.put("id", f.id());
            fo.put("label", f.label());
            ArrayNode in = fo.putArray("inputs");
            f.inputs().forEach(in::add);
        }
        ArrayNode results = root.putArray("results");
        for (String policy : r.policies()) {
            for (LeverageSensitivityModel.Measure m : LeverageSensitivityModel.Measure.values()) {
                SobolResult.Output output = r.output(policy, m);
                ObjectNode ro = results.addObject();
                ro.put("policy", policy);
                ro.put("output", m.key());
                AnalysisJson.num(ro, "mean", output.mean());
                AnalysisJson.num(ro, "variance", output.variance());
                ArrayNode idx = ro.putArray("indices");
                for (Row row : sorted(r, output)) {
                    SobolIndices s = row.indices();
                    ObjectNode io = idx.addObject();
                    io.put("input", row.factor().id());
                    io.put("label", row.factor().label());
                    AnalysisJson.num(io, "first", s.first());
                    AnalysisJson.num(io, "firstLower", s.firstLow());
                    AnalysisJson.num(io, "firstUpper", s.firstHigh());
                    AnalysisJson.num(io, "total", s.total());
                    AnalysisJson.num(io, "totalLower", s.totalLow());
                    AnalysisJson.num(io, "totalUpper", s.totalHigh());
                }
            }
        }
        return root;
    }

    /** CSV: {@code policy,output,input,label,inputs,S1,S1_lower,S1_upper,ST,ST_lower,ST_upper}, factors sorted by ST. */
    public static void csv(ScenarioSensitivity.Result r, Writer w) {
        try {
            w.write("policy,output,input,label,inputs,S1,S1_lower,S1_upper,ST,ST_lower,ST_upper\n");
            for (String policy : r.policies()) {
                for (LeverageSensitivityModel.Measure m : LeverageSensitivityModel.Measure.values()) {
                    for (Row row : sorted(r, r.output(policy, m))) {
                        SobolIndices s = row.indices();
                        w.write(String.join(",", AnalysisCsv.quote(policy), m.key(), AnalysisCsv.quote(row.factor().id()),
                                AnalysisCsv.quote(row.factor().label()), Integer.toString(row.factor().inputs().size()),
                                num(s.first()), num(s.firstLow()), num(s.firstHigh()), num(s.total()),
                                num(s.totalLow()), num(s.totalHigh())));
                        w.write("\n");
                    }
                }
            }
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    private static String f2(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String ci(double lo, double hi) {
        return Double.isNaN(lo) ? "-" : String.format(Locale.ROOT, "[%.2f, %.2f]", lo, hi);
    }
}
