package org.statecraft.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.statecraft.app.FormatOption.Format;
import org.statecraft.core.UsageException;
import org.statecraft.core.tension.BayesianChangePoint;
import org.statecraft.core.tension.ChangePoint;
import org.statecraft.core.tension.CusumDetector;
import org.statecraft.core.tension.TensionPoint;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code statecraft events changes}: CUSUM and Bayesian online change points on the tension series. */
@Command(name = "changes", mixinStandardHelpOptions = true,
        description = "Escalation detection on the tension series: CUSUM and Bayesian online change points.")
final class EventsChangesCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    EventsOptions.SeriesOptions series;

    @Option(names = "--method", defaultValue = "both", paramLabel = "cusum|bocpd|both",
            description = "which detector (default: both)")
    Method method;

    /** The change-point detectors to run. */
    enum Method { CUSUM, BOCPD, BOTH }

    @Option(names = "--metric", defaultValue = "index",
            paramLabel = "index|events|goldstein_sum|goldstein_mean|conflictual_sum",
            description = "which statistic of the series to watch (default: ${DEFAULT-VALUE})")
    String metric;

    @Option(names = "--cusum-k", defaultValue = "0.5", description = "CUSUM allowance in σ (default: ${DEFAULT-VALUE})")
    double k;

    @Option(names = "--cusum-h", defaultValue = "5", description = "CUSUM decision interval in σ (default: ${DEFAULT-VALUE})")
    double h;

    @Option(names = "--cusum-baseline", defaultValue = "14",
            description = "leading periods that set the in-control mean (default: ${DEFAULT-VALUE})")
    int baseline;

    @Option(names = "--hazard", defaultValue = "50",
            description = "BOCPD expected run length λ between changes, in periods (default: ${DEFAULT-VALUE})")
    double hazard;

    @Option(names = "--confirm", defaultValue = "3",
            description = "BOCPD periods of a new regime before it is reported (default: ${DEFAULT-VALUE})")
    int confirm;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() throws IOException {
        Format f = format.get();
        value(new TensionPoint(LocalDate.EPOCH, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)); // checks --metric before any work
        CusumDetector cusum = UsageException.check(() -> new CusumDetector(k, h, baseline));
        BayesianChangePoint bocpd = UsageException.check(() -> new BayesianChangePoint(hazard, 0, 1, 1, 1, confirm, true));
        List<TensionPoint> points = series.series(spec.commandLine().getErr());
        double[] x = points.stream().mapToDouble(this::value).toArray();
        List<Map<String, Object>> rows = new ArrayList<>();
        if (method != Method.BOCPD) {
            cusum.detect(x).forEach(c -> rows.add(row("cusum", c, points)));
        }
        if (method != Method.CUSUM) {
            bocpd.detect(x).forEach(c -> rows.add(row("bocpd", c, points)));
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (f) {
            case csv -> {
                out.println("method,period,direction,score," + metric);
                rows.forEach(r -> out.println(r.get("method") + "," + r.get("period") + "," + r.get("direction") + ","
                        + r.get("score") + "," + r.get("value")));
            }
            case json -> {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("metric", metric);
                doc.put("periods", points.size());
                doc.put("cusum", Map.of("k", k, "h", h, "baseline", baseline));
                doc.put("bocpd", Map.of("hazardLambda", hazard, "confirm", confirm, "prior", "Normal-Gamma(0,1,1,1) on z-scores"));
                doc.put("changes", rows);
                out.println(EventsOptions.JSON.writeValueAsString(doc));
            }
            default -> {
                out.printf("%d periods, metric %s%n", points.size(), metric);
                out.printf("%-6s %-10s %-5s %9s %12s%n", "method", "period", "dir", "score", metric);
                rows.forEach(r -> out.printf(Locale.ROOT, "%-6s %-10s %-5s %9.3f %12.4f%n", r.get("method"),
                        r.get("period"), r.get("direction"), (Double) r.get("score"), (Double) r.get("value")));
            }
        }
        out.flush();
        return StatecraftCommand.EXIT_OK;
    }

    private double value(TensionPoint p) {
        return switch (metric.toLowerCase(Locale.ROOT)) {
            case "index" -> p.index();
            case "events" -> p.events();
            case "goldstein_sum" -> p.goldsteinSum();
            case "goldstein_mean" -> p.goldsteinMean();
            case "conflictual_sum" -> p.conflictualSum();
            default -> throw new UsageException("--metric must be index, events, goldstein_sum, "
                    + "goldstein_mean or conflictual_sum, was '" + metric + "'");
        };
    }

    private Map<String, Object> row(String method, ChangePoint c, List<TensionPoint> points) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("method", method);
        r.put("period", points.get(c.index()).period().toString());
        r.put("direction", c.direction().name().toLowerCase(Locale.ROOT));
        r.put("score", c.score());
        r.put("value", value(points.get(c.index())));
        return r;
    }
}
