package org.statecraft.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.statecraft.app.FormatOption.Format;
import org.statecraft.core.tension.TensionPoint;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code statecraft events tension}: the dyadic tension index per period. */
@Command(name = "tension", mixinStandardHelpOptions = true,
        description = "The dyadic tension index per period (see docs/events.md for the definitions).")
final class EventsTensionCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    EventsOptions.SeriesOptions series;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() throws IOException {
        Format f = format.get();
        List<TensionPoint> points = series.series(spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        switch (f) {
            case csv -> {
                out.println("period,events,goldstein_sum,goldstein_mean,cooperative_sum,conflictual_sum,"
                        + "verbal_cooperation_share,material_cooperation_share,verbal_conflict_share,"
                        + "material_conflict_share,index");
                for (TensionPoint p : points) {
                    out.println(String.join(",", p.period().toString(), Long.toString(p.events()), num(p.goldsteinSum()),
                            num(p.goldsteinMean()), num(p.cooperativeSum()), num(p.conflictualSum()),
                            num(p.verbalCooperationShare()), num(p.materialCooperationShare()),
                            num(p.verbalConflictShare()), num(p.materialConflictShare()), num(p.index())));
                }
            }
            case json -> out.println(EventsOptions.JSON.writeValueAsString(json(points)));
            default -> {
                out.printf("%-10s %8s %10s %8s %9s %9s %5s %5s %5s %5s %7s%n", "period", "events", "goldstein", "mean",
                        "coop", "conflict", "q1", "q2", "q3", "q4", "index");
                for (TensionPoint p : points) {
                    out.printf(Locale.ROOT, "%-10s %8d %10.1f %8.2f %9.1f %9.1f %5.2f %5.2f %5.2f %5.2f %7.3f%n",
                            p.period(), p.events(), p.goldsteinSum(), p.goldsteinMean(), p.cooperativeSum(),
                            p.conflictualSum(), p.verbalCooperationShare(), p.materialCooperationShare(),
                            p.verbalConflictShare(), p.materialConflictShare(), p.index());
                }
            }
        }
        out.flush();
        return StatecraftCommand.EXIT_OK;
    }

    static List<Map<String, Object>> json(List<TensionPoint> points) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TensionPoint p : points) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("period", p.period().toString());
            m.put("events", p.events());
            m.put("goldsteinSum", p.goldsteinSum());
            m.put("goldsteinMean", p.goldsteinMean());
            m.put("cooperativeSum", p.cooperativeSum());
            m.put("conflictualSum", p.conflictualSum());
            m.put("quadShares", List.of(p.verbalCooperationShare(), p.materialCooperationShare(),
                    p.verbalConflictShare(), p.materialConflictShare()));
            m.put("index", p.index());
            rows.add(m);
        }
        return rows;
    }

    static String num(double v) {
        return Double.toString(v);
    }
}
