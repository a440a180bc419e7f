package org.statecraft.io.results;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.statecraft.core.record.Conditioning;
import org.statecraft.core.record.OutOfSample;
import org.statecraft.core.record.Scorecard;

/**
 * Formats what the core computed about the record: a hindcast's {@link Scorecard} and a conditioned analysis
 * ({@link Conditioning.Result}), as text tables and as JSON. Nothing is computed here.
 */
public final class RecordResults {
    private RecordResults() {
    }

    // ---- hindcast ---------------------------------------------------------------------------------------

    public static String text(Scorecard c) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Hindcast of %s: %s to %s,%n%d runs of the recorded policy (seed %d)%n",
                c.scenario(), c.start(), c.until(), c.runs(), c.seed()));
        if (c.trainedUntil() != null) {
            b.append(String.format(Locale.ROOT, "Out of sample: the runs weighed by the record to %s (effective sample "
                    + "size %.1f), scored on what happened after it%n", c.trainedUntil(), c.effectiveSize()));
        }
        b.append('\n');
        b.append("Answer: ").append(c.verdict()).append(".\n");
        b.append("Scores are negatively oriented: lower is better. Baselines need no model (docs/models/hindcast.md).\n\n");
        b.append("What was replayed:\n");
        for (String n : c.notes()) {
            b.append(wrap("  - " + n)).append('\n');
        }
        b.append('\n');
        TextTable sum = new TextTable("outcomes", "score", "n", "model", "baseline", "skill", "model wins").leftAlign(0)
                .leftAlign(1);
        for (Scorecard.Summary s : c.summaries()) {
            sum.row(s.kind().label(), s.rule(), String.valueOf(s.n()), f3(s.model()), f3(s.baseline()),
                    Double.isNaN(s.skill()) ? "-" : f3(s.skill()),
                    s.withBaseline() == 0 ? "-" : s.modelWins() + "/" + s.withBaseline());
        }
        b.append(sum.render(false)).append('\n');
        for (Scorecard.Kind k : Scorecard.Kind.values()) {
            List<Scorecard.Item> items = c.items().stream().filter(i -> i.kind() == k).toList();
            if (items.isEmpty()) {
                continue;
            }
            b.append(title(k)).append('\n');
            boolean dist = k == Scorecard.Kind.DURATION || k == Scorecard.Kind.COUNT;
            TextTable t = dist
                    ? new TextTable("outcome", "observed", "median", "90% interval", "percentile").leftAlign(0).leftAlign(1)
                    : new TextTable("outcome", "observed", "model P", "brier", "log").leftAlign(0);
            TextTable sc = new TextTable("outcome", "score", "model", "baseline").leftAlign(0).leftAlign(1);
            LinkedHashSet<String> baselines = new LinkedHashSet<>();
            for (Scorecard.Item i : items) {
                String label = clip(i.label(), 42);
                if (dist) {
                    double[] q = i.quantiles();
                    t.row(label, i.lowerBound() ? (long) i.observed() + "+ (still on)" : clip(i.observedText(), 16),
                            f1(q[2]), "[" + f1(q[0]) + ", " + f1(q[4]) + "]", pct(i.percentile()));
                    for (Scorecard.Score s : i.scores()) {
                        sc.row(label, s.rule(), f3(s.model()), f3(s.baseline()));
                    }
                    baselines.add(label + ": " + i.baselineName());
                } else {
                    Scorecard.Score brier = i.scores().get(0);
                    Scorecard.Score log = i.scores().get(1);
                    t.row(label, i.observedText(), f3(i.quantiles()[0]), f3(brier.model()) + " / " + f3(brier.baseline()),
                            f3(log.model()) + " / " + f3(log.baseline()));
                    baselines.add(i.baselineName());
                }
            }
            b.append(t.render(false));
            if (dist) {
                b.append('\n').append(sc.render(false));
                b.append("baselines:\n");
                for (String bl : baselines) {
                    b.append(wrap("  - " + bl)).append('\n');
                }
            } else {
                b.append("scores: model / baseline (").append(String.join("; ", baselines)).append(")\n");
            }
            b.append('\n');
        }
        return wrap(b.toString());
    }

    private static String title(Scorecard.Kind k) {
        return switch (k) {
            case DURATION -> "Spell durations (days; the model decides when each ends)";
            case CONCESSION -> "Concession by date";
            case COUNT -> "Counts per period (in the counter's terms)";
            case STANCE -> "Third parties' moves (model P: that the stance rose over the 90 days to the move)";
        };
    }

    public static ObjectNode json(Scorecard c) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("scenario", c.scenario());
        o.put("start", c.start().toString());
        o.put("until", c.until().toString());
        o.put("runs", c.runs());
        o.put("seed", Long.toString(c.seed()));
        o.put("verdict", c.verdict());
        if (c.trainedUntil() != null) {
            o.put("trainedUntil", c.trainedUntil().toString());
            AnalysisJson.num(o, "effectiveSampleSize", c.effectiveSize());
        }
        o.put("orientation", "lower is better");
        ArrayNode notes = o.putArray("replayed");
        c.notes().forEach(notes::add);
        ArrayNode sums = o.putArray("summaries");
        for (Scorecard.Summary s : c.summaries()) {
            ObjectNode n = sums.addObject();
            n.put("kind", s.kind().label());
            n.put("rule", s.rule());
            n.put("n", s.n());
            AnalysisJson.num(n, "model", s.model());
            AnalysisJson.num(n, "baseline", s.baseline());
            AnalysisJson.num(n, "skill", s.skill());
            n.put("modelWins", s.modelWins());
            n.put("withBaseline", s.withBaseline());
        }
        ArrayNode items = o.putArray("items");
        for (Scorecard.Item i : c.items()) {
            ObjectNode n = items.addObject();
            n.put("kind", i.kind().label());
            n.put("outcome", i.label());
            n.put("date", i.date().toString());
            AnalysisJson.num(n, "observed", i.observed());
            n.put("observedIsLowerBound", i.lowerBound());
            n.put("observedText", i.observedText());
            ArrayNode q = n.putArray(i.quantiles().length == 1 ? "probability" : "quantiles");
            for (double v : i.quantiles()) {
                q.add(v);
            }
            AnalysisJson.num(n, "percentile", i.percentile());
            n.put("baseline", i.baselineName());
            ArrayNode sc = n.putArray("scores");
            for (Scorecard.Score s : i.scores()) {
                ObjectNode x = sc.addObject();
                x.put("rule", s.rule());
                AnalysisJson.num(x, "model", s.model());
                AnalysisJson.num(x, "baseline", s.baseline());
            }
            if (i.predictive() != null) {
                ArrayNode d = n.putArray("predictiveQuantiles0to1by40");
                for (double v : i.predictive()) {
                    d.add(v);
                }
            }
        }
        return o;
    }

    // ---- out of sample ----------------------------------------------------------------------------------

    public static String text(OutOfSample o) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Out of sample: conditioned on the record to %s, forecast to %s%n",
                o.posterior().trainedUntil(), o.posterior().until()));
        var pop = o.population();
        b.append(String.format(Locale.ROOT, "Importance weights alone: effective sample size %.1f of %d runs%s.%n%n",
                pop.essByStage().get(0), o.prior().runs(), pop.stages() == 1 ? ""
                        : String.format(Locale.ROOT, "; %d stages of tempered sequential Monte Carlo reached temperature "
                        + "%.3g with %d distinct particles", pop.stages() - 1, pop.beta(), pop.distinct())));
        if (o.essTooSmall()) {
            b.append(String.format(Locale.ROOT, "WARNING: effective sample size %.1f is below %d; about %,d runs would "
                    + "be needed for a posterior to trust (--runs).%n%n", o.ess(), 100, o.runsNeeded()));
        }
        b.append("Under the posterior: ").append(o.posterior().verdict()).append(".\n");
        b.append("Under the prior:     ").append(o.prior().verdict()).append(".\n\n");
        TextTable t = new TextTable("outcomes", "score", "n", "posterior", "prior", "baseline").leftAlign(0).leftAlign(1);
        for (Scorecard.Summary s : o.posterior().summaries()) {
            Scorecard.Summary p = o.prior().summaries().stream().filter(x -> x.kind() == s.kind()
                    && x.rule().equals(s.rule())).findFirst().orElse(null);
            t.row(s.kind().label(), s.rule(), String.valueOf(s.n()), f3(s.model()), p == null ? "-" : f3(p.model()),
                    f3(s.baseline()));
        }
        b.append(t.render(false)).append('\n');
        b.append(text(o.posterior()));
        return wrap(b.toString());
    }

    public static ObjectNode json(OutOfSample o) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("trainedUntil", o.posterior().trainedUntil().toString());
        AnalysisJson.num(n, "effectiveSampleSize", o.ess());
        n.put("effectiveSampleSizeTooSmall", o.essTooSmall());
        n.put("runsNeeded", o.runsNeeded());
        n.set("posterior", json(o.posterior()));
        n.set("prior", json(o.prior()));
        return n;
    }

    // ---- conditioning -----------------------------------------------------------------------------------

    public static String text(Conditioning.Result r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Conditioned analysis of %s on its record to %s: %d runs (seed %d)%n%n",
                r.scenario(), r.until(), r.runs(), r.seed()));
        b.append(String.format(Locale.ROOT, "Effective sample size: %.1f of %d runs.%n", r.ess(), r.runs()));
        if (r.essTooSmall()) {
            b.append(String.format(Locale.ROOT, "WARNING: below %d, the posterior rests on too few runs to trust;%n"
                    + "about %,d runs would be needed (--runs).%n", r.minimumEss(), r.runsNeeded()));
        }
        b.append('\n');
        if (!r.ranking().isEmpty()) {
            double top = r.ranking().get(0).pMetPosterior();
            List<String> best = r.ranking().stream().filter(p -> p.pMetPosterior() == top)
                    .map(Conditioning.PolicyRow::id).toList();
            if (top == 0) {
                b.append(String.format(Locale.ROOT, "Answer: given the record to %s, no policy meets the demand within "
                        + "%d days from then in any posterior run.%n%n", r.until(), r.horizonDays()));
            } else {
                b.append(String.format(Locale.ROOT, "Answer: given the record to %s, %s %s the highest posterior "
                        + "probability of the demand being met within %d days from then (%s).%n%n", r.until(),
                        String.join(", ", best), best.size() == 1 ? "has" : "share", r.horizonDays(), pct(top)));
            }
        }
        b.append("P(met): the demand met within ").append(r.horizonDays()).append(" days of ").append(r.until())
                .append("; median days: to it being met, under the posterior.\n");
        TextTable t = new TextTable("policy from " + r.until(), "P(met), posterior", "P(met), prior", "median days")
                .leftAlign(0);
        for (Conditioning.PolicyRow p : r.ranking()) {
            t.row(p.id(), pct(p.pMetPosterior()), pct(p.pMetPrior()), Double.isNaN(p.medianDaysToMet()) ? "-"
                    : f1(p.medianDaysToMet()));
        }
        b.append(t.render(false)).append('\n');
        b.append("Prior against posterior (5/50/95 %), the inputs the record informs most first\n"
                + "(H: Hellinger distance, 0 = not informed, 1 = disjoint):\n");
        TextTable pt = new TextTable("input", "prior", "posterior", "H").leftAlign(0);
        int shown = 0;
        for (Conditioning.Posterior p : r.posteriors()) {
            if (shown++ >= 15) {
                break;
            }
            pt.row(clip(p.label(), 36), triple(p.prior()), triple(p.posterior()), String.format(Locale.ROOT, "%.2f",
                    p.hellinger()));
        }
        b.append(pt.render(false));
        if (r.posteriors().size() > 15) {
            b.append(String.format(Locale.ROOT, "(%d more inputs in --format json)%n", r.posteriors().size() - 15));
        }
        b.append('\n');
        for (String n : r.notes()) {
            b.append("  - ").append(n).append('\n');
        }
        Conditioning.Bandwidths bw = r.bandwidths();
        b.append(String.format(Locale.ROOT, "Kernels (ABC tolerance): durations %.2f and counts %.2f on log(1+x), "
                + "concession day %.0f days, mismatch %.2f, stance mismatch %.2f.%n", bw.duration(), bw.count(),
                bw.days(), bw.mismatch(), bw.stanceMismatch()));
        return wrap(b.toString());
    }

    public static ObjectNode json(Conditioning.Result r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("scenario", r.scenario());
        o.put("until", r.until().toString());
        o.put("runs", r.runs());
        o.put("seed", Long.toString(r.seed()));
        AnalysisJson.num(o, "effectiveSampleSize", r.ess());
        o.put("minimumEffectiveSampleSize", r.minimumEss());
        o.put("effectiveSampleSizeTooSmall", r.essTooSmall());
        o.put("runsNeeded", r.runsNeeded());
        ObjectNode bw = o.putObject("bandwidths");
        bw.put("durationLog", r.bandwidths().duration());
        bw.put("countLog", r.bandwidths().count());
        bw.put("concessionDays", r.bandwidths().days());
        bw.put("mismatch", r.bandwidths().mismatch());
        bw.put("stanceMismatch", r.bandwidths().stanceMismatch());
        o.put("branchRuns", r.branchRuns());
        o.put("horizonDays", r.horizonDays());
        ArrayNode rank = o.putArray("ranking");
        for (Conditioning.PolicyRow p : r.ranking()) {
            ObjectNode n = rank.addObject();
            n.put("policy", p.id());
            n.put("name", p.name());
            AnalysisJson.num(n, "pMetPosterior", p.pMetPosterior());
            AnalysisJson.num(n, "pMetPrior", p.pMetPrior());
            AnalysisJson.num(n, "medianDaysToMet", p.medianDaysToMet());
        }
        ArrayNode ps = o.putArray("posteriors");
        for (Conditioning.Posterior p : r.posteriors()) {
            ObjectNode n = ps.addObject();
            n.put("path", p.path());
            n.put("label", p.label());
            ArrayNode a = n.putArray("priorQuantiles");
            for (double v : p.prior()) {
                a.add(v);
            }
            ArrayNode q = n.putArray("posteriorQuantiles");
            for (double v : p.posterior()) {
                q.add(v);
            }
            AnalysisJson.num(n, "hellinger", p.hellinger());
        }
        ArrayNode notes = o.putArray("notes");
        r.notes().forEach(notes::add);
        return o;
    }

    private static String triple(double[] v) {
        return g(v[0]) + "/" + g(v[1]) + "/" + g(v[2]);
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    /** Prose wrapped at 100 columns, as {@code analyze}'s (the one wrapping rule). */
    static String wrap(String text) {
        return AnalysisText.wrapProse(text, 100);
    }

    private static String g(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static String f3(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String f1(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String pct(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return String.format(Locale.ROOT, v > 0 && v < 0.01 ? "%.2f %%" : "%.1f %%", 100 * v);
    }
}
