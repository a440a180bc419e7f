package org.statecraft.io.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.statecraft.core.montecarlo.Analysis;
import org.statecraft.core.montecarlo.Estimate;
import org.statecraft.core.montecarlo.PolicySummary;
import org.statecraft.core.montecarlo.RankingRobustness;
import org.statecraft.core.montecarlo.Replay;
import org.statecraft.core.scenario.Constituency;
import org.statecraft.core.scenario.ConstituencyRole;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.core.tension.TensionPoint;

/**
 * The human-readable analysis: the ranked policy table, harm by constituency on each side, stance shifts,
 * lever use, the replay of observed spells and the robustness of the ranking. Plain text for the terminal or
 * Markdown for {@code summary.md}. Plain text keeps within a width ({@link #WIDTH} columns for the terminal):
 * prose is wrapped and a wide table is stacked in blocks of columns (see {@link TextTable#render(int)}).
 */
public final class AnalysisText {
    /** The terminal's default width. */
    public static final int WIDTH = 100;
    /** No limit: every table on one block of its own full width, prose on one line per paragraph. */
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    private AnalysisText() {
    }

    /** Markdown, or plain text of unbounded width. */
    public static String render(Scenario s, Analysis a, boolean markdown) {
        return render(s, a, markdown, UNBOUNDED);
    }

    /** Markdown (width ignored), or plain text whose lines fit {@code width} columns where the words allow. */
    public static String render(Scenario s, Analysis a, boolean markdown, int width) {
        String text = body(s, a, markdown, markdown ? UNBOUNDED : width);
        return markdown || width == UNBOUNDED ? text : wrapProse(text, width);
    }

    /**
     * Lines longer than the width (paragraphs; tables already fit) wrapped at spaces, keeping a line's indent, and
     * under a list item ("  - ") indenting its continuation lines past the dash.
     */
    static String wrapProse(String text, int width) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            String body = line.stripLeading();
            int indent = line.length() - body.length();
            if (line.length() <= width || body.isEmpty()) {
                sb.append(line);
                continue;
            }
            String hang = " ".repeat(indent + (body.startsWith("- ") ? 2 : 0));
            List<String> parts = TextTable.wrap(body, width - indent);
            sb.append(" ".repeat(indent)).append(parts.get(0));
            if (parts.size() > 1) {
                String rest = String.join(" ", parts.subList(1, parts.size()));
                for (String p2 : TextTable.wrap(rest, width - hang.length())) {
                    sb.append('\n').append(hang).append(p2);
                }
            }
        }
        return sb.toString();
    }

    private static String table(TextTable t, boolean markdown, int width) {
        return markdown ? t.render(true) : t.render(width);
    }

    private static String body(Scenario s, Analysis a, boolean markdown, int width) {
        StringBuilder out = new StringBuilder();
        String h1 = markdown ? "# " : "";
        String h2 = markdown ? "\n## " : "\n";
        out.append(h1).append(s.title()).append('\n');
        out.append(markdown ? "\n" : "").append(String.format(Locale.ROOT,
                "Demand: %s (%s -> %s). %d runs per policy, seed %d, horizon %d days from %s.%n",
                s.demand().issue(), s.demand().coercer(), s.demand().target(), a.runs(), a.seed(), a.horizonDays(),
                s.start()));

        answer(out, s, a, markdown);

        out.append(h2).append("Policies, most effective first").append(markdown ? "\n\n" : "\n");
        TextTable t = new TextTable("rank", "policy", "P(meets demand) [95% CI]", "E[concession]", "median day",
                "attacks", "averted", "collateral", "coll./effect", "own cost", "P(clash)", "pareto")
                .leftAlign(1).leftAlign(11).keys(2);
        for (PolicySummary p : a.ranked()) {
            t.row(Integer.toString(p.rank()), p.id(),
                    String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", p.concession().value(), p.concession().lower(),
                            p.concession().upper()),
                    String.format(Locale.ROOT, "%.3f", p.meanConcession().value()),
                    Double.isNaN(p.medianDaysToConcession()) ? "-" : fmt(p.medianDaysToConcession()),
                    String.format(Locale.ROOT, "%.0f", p.attacks().value()),
                    String.format(Locale.ROOT, "%+.0f", p.attacksAverted()),
                    String.format(Locale.ROOT, "%.2f", p.collateral().value()),
                    Double.isInfinite(p.collateralPerEffect()) ? (p.collateral().value() > 0 ? "no effect" : "-")
                            : String.format(Locale.ROOT, "%.1f", p.collateralPerEffect()),
                    String.format(Locale.ROOT, "%.2f", p.coercerOwnCost().value()),
                    String.format(Locale.ROOT, "%.2f", p.clash().value()),
                    p.paretoEfficient() ? "*" : "");
        }
        out.append(table(t, markdown, width));
        out.append(markdown ? "\n" : "").append("P(meets demand): the concession reached the release level at some "
                + "point; median day: of meeting it. E[concession]: expected degree of concession at the horizon (0-1), "
                + "the effectiveness used for ranking. collateral: relative-loss-days on collateral constituencies; "
                + "coll./effect: collateral per unit of effect over the baseline. own cost: the coercer's weighted "
                + "relative-loss-days. pareto *: not dominated in effectiveness and collateral harm.\n");

        outcomes(out, s, a, markdown, h2, width);
        attribution(out, s, a, markdown, h2, width);

        Map<String, List<Constituency>> bySide = new LinkedHashMap<>();
        for (Constituency c : s.constituencies()) {
            bySide.computeIfAbsent(c.side(), k -> new ArrayList<>()).add(c);
        }
        out.append(h2).append("Harm by constituency (mean over runs, summed over the horizon)")
                .append(markdown ? "\n" : "\n");
        for (Map.Entry<String, List<Constituency>> e : bySide.entrySet()) {
            out.append(markdown ? "\n**" + name(s, e.getKey()) + "**\n\n" : "\n" + name(s, e.getKey()) + "\n");
            List<String> head = new ArrayList<>();
            head.add("policy");
            for (Constituency c : e.getValue()) {
                head.add(c.id() + " (" + c.unit() + (c.hasRole(ConstituencyRole.COLLATERAL) ? ", collateral" : "")
                        + ")");
            }
            TextTable ht = new TextTable(head.toArray(String[]::new)).leftAlign(0);
            for (PolicySummary p : a.ranked()) {
                List<String> row = new ArrayList<>();
                row.add(p.id());
                for (Constituency c : e.getValue()) {
                    PolicySummary.ConstituencyHarm h = p.harms().stream()
                            .filter(x -> x.constituency().equals(c.id())).findFirst().orElseThrow();
                    row.add(human(h.mean()));
                }
                ht.row(row.toArray(String[]::new));
            }
            out.append(table(ht, markdown, width));
        }

        if (!a.members().isEmpty()) {
            out.append(h2).append("Third-party stance shifts toward ").append(s.demand().target())
                    .append(" by the horizon, against the baseline trajectory (-1 hostile ... +1 supportive)")
                    .append(markdown ? "\n\n" : "\n");
            List<String> head = new ArrayList<>();
            head.add("policy");
            head.addAll(a.members());
            TextTable st = new TextTable(head.toArray(String[]::new)).leftAlign(0);
            PolicySummary base = a.policy(a.baselinePolicy());
            List<String> initial = new ArrayList<>(List.of("(initial)"));
            base.stances().forEach(x -> initial.add(String.format(Locale.ROOT, "%+.2f", x.initial())));
            st.row(initial.toArray(String[]::new));
            for (PolicySummary p : a.ranked()) {
                List<String> row = new ArrayList<>(List.of(p.id()));
                p.stances().forEach(x -> row.add(String.format(Locale.ROOT, "%+.2f", x.shift())));
                st.row(row.toArray(String[]::new));
            }
            out.append(table(st, markdown, width));
        }

        forecast(out, s, a, markdown, h2, width);

        tension(out, s, a, markdown, h2, width);

        out.append(h2).append("Lever use (share of runs used; mean days in use; lifted under own cost; first spell median [5-95%])")
                .append(markdown ? "\n\n" : "\n");
        TextTable lt = new TextTable("policy", "lever", "used", "days in use", "lifted for cost", "first spell")
                .leftAlign(0).leftAlign(1).keys(2);
        for (PolicySummary p : a.ranked()) {
            for (PolicySummary.LeverUse l : p.levers()) {
                if (l.used() > 0) {
                    lt.row(p.id(), l.lever(), String.format(Locale.ROOT, "%.2f", l.used()),
                            String.format(Locale.ROOT, "%.1f", l.meanDaysInUse()),
                            String.format(Locale.ROOT, "%.2f", l.liftedForOwnCost()),
                            String.format(Locale.ROOT, "%s [%s-%s]", fmt(l.spellMedian()), fmt(l.spellP05()),
                                    fmt(l.spellP95())));
                }
            }
        }
        out.append(table(lt, markdown, width));

        List<Replay> replays = a.derived().replays();
        if (!replays.isEmpty()) {
            out.append(h2).append("Replay against what happened").append(markdown ? "\n\n" : "\n");
            for (Replay r : replays) {
                out.append(String.format(Locale.ROOT,
                        "%s%s under policy %s: observed %d days (%s to %s, source %s); simulated first spell median %s "
                                + "days, 50%% within [%s, %s], 90%% within [%s, %s]; lifted by the owner under its own "
                                + "cost in %.0f%% of runs; %.0f%% of simulated spells no longer than observed.%n",
                        markdown ? "- " : "", r.lever(), r.policy(), r.observedDays(), r.observedFrom(),
                        r.observedTo(), r.source(), fmt(r.simulated().spellMedian()), fmt(r.simulated().spellP25()),
                        fmt(r.simulated().spellP75()), fmt(r.simulated().spellP05()), fmt(r.simulated().spellP95()),
                        100 * r.simulated().liftedForOwnCost() / Math.max(1e-12, r.simulated().used()),
                        100 * r.shareNoLongerThanObserved()));
            }
        }

        out.append(h2).append("Robustness of the ranking (share of runs in which the first policy concedes more; ties "
                        + "count half; hinges on: the uncertain inputs whose drawn values most correlate with the per-run "
                        + "difference, Spearman rho, a negative rho favouring the second policy)")
                .append(markdown ? "\n\n" : "\n");
        RankingRobustness hinges = a.derived().robustness();
        TextTable rt = new TextTable("policy", "over", "share", "verdict", "hinges on").leftAlign(0).leftAlign(1)
                .leftAlign(3).leftAlign(4).keys(2);
        for (RankingRobustness.Pair pair : hinges.pairs()) {
            if (pair.kind().equals("other")) {
                continue;
            }
            if (pair.kind().equals("baseline") && hinges.pairs().stream().anyMatch(x -> x.kind().equals("adjacent")
                    && x.policy().equals(pair.policy()) && x.over().equals(pair.over()))) {
                continue;
            }
            double share = pair.share();
            String on = pair.hingesOn().isEmpty() ? "no single input (dynamics noise)"
                    : String.join("; ", pair.hingesOn().stream().map(h -> String.format(Locale.ROOT, "%s (%+.2f)",
                    h.label(), h.correlation())).toList());
            rt.row(pair.policy(), pair.over(), String.format(Locale.ROOT, "%.2f", share),
                    share >= 0.9 || share <= 0.1 ? "robust" : share >= 0.6 || share <= 0.4 ? "likely"
                            : "hinges on the draws", on);
        }
        out.append(table(rt, markdown, width));
        return out.toString();
    }

    /** The answer in words first: which policy moves the target most, with what chance, and who pays. */
    private static void answer(StringBuilder out, Scenario s, Analysis a, boolean markdown) {
        PolicySummary best = a.ranked().get(0);
        PolicySummary base = a.policy(a.baselinePolicy());
        PolicySummary.Outcomes o = best.outcomes();
        StringBuilder w = new StringBuilder();
        w.append(String.format(Locale.ROOT, "%sAnswer: %s (%s) moves %s most: the demand is met in %.0f%% of runs "
                        + "[95%%: %.0f-%.0f%%]%s, something is conceded in %.0f%%, and %.0f%% still stand at the "
                        + "horizon (nothing new: %.0f%% met).", markdown ? "\n" : "", best.name(), best.id(),
                s.demand().target(), 100 * o.metDemand().value(), 100 * o.metDemand().lower(),
                100 * o.metDemand().upper(), Double.isNaN(o.medianDaysToMeetDemand()) ? ""
                        : " (median day " + fmt(o.medianDaysToMeetDemand()) + ")", 100 * o.everConceded().value(),
                100 * o.standingAtHorizon().value(), 100 * base.outcomes().metDemand().value()));
        List<String> costs = new ArrayList<>();
        for (PolicySummary.ConstituencyHarm h : best.harms()) {
            Constituency c = s.constituency(h.constituency()).orElseThrow();
            if (h.mean() > 0 && (c.hasRole(ConstituencyRole.COLLATERAL) || c.side().equals(s.demand().coercer()))) {
                costs.add(human(h.mean()) + " " + c.unit() + " of " + c.id() + " (" + c.side() + ")");
            }
        }
        w.append(costs.isEmpty() ? " It harms no collateral constituency and costs the coercer nothing it weighs."
                : " It costs " + String.join(", ", costs) + ".");
        if (o.metDemand().lower() <= base.outcomes().metDemand().upper()) {
            w.append(" Its chance of meeting the demand is not clearly above doing nothing new.");
        }
        out.append(w).append('\n');
    }

    /** What "concession" means, separately, with intervals and times. */
    private static void outcomes(StringBuilder out, Scenario s, Analysis a, boolean markdown, String h2,
            int width) {
        out.append(h2).append(String.format(Locale.ROOT, "Outcomes: demand met (z >= %.2f), partial only "
                + "(%.2f <= z < %.2f), standing at the horizon, ever conceded", s.demand().releaseLevel(),
                s.demand().partialLevel(), s.demand().releaseLevel())).append(markdown ? "\n\n" : "\n");
        TextTable t = new TextTable("policy", "met demand", "partial only", "standing at end", "met at end",
                "ever conceded", "days to first", "days to met", "withdrawals").leftAlign(0);
        for (PolicySummary p : a.ranked()) {
            PolicySummary.Outcomes o = p.outcomes();
            t.row(p.id(), interval(o.metDemand()), interval(o.partialOnly()), interval(o.standingAtHorizon()),
                    interval(o.metAtHorizon()), interval(o.everConceded()), fmt(o.medianDaysToFirstConcession()),
                    fmt(o.medianDaysToMeetDemand()), String.format(Locale.ROOT, "%.2f", o.meanWithdrawals()));
        }
        out.append(table(t, markdown, width));
    }

    /** Where each policy's pressure on the target comes from: lever x constituency and network members. */
    private static void attribution(StringBuilder out, Scenario s, Analysis a, boolean markdown, String h2,
            int width) {
        out.append(h2).append("Where the pressure comes from: share of the target's expected pressure by channel, "
                + "and the change in P(meets demand) if that channel alone is removed (common random numbers)")
                .append(markdown ? "\n\n" : "\n");
        TextTable t = new TextTable("policy", "channel", "share", "pressure-days", "dP(met) if removed")
                .leftAlign(0).leftAlign(1);
        for (PolicySummary p : a.ranked()) {
            for (PolicySummary.ChannelShare c : p.attribution()) {
                if (c.meanPressure() == 0) {
                    continue;
                }
                t.row(p.id(), c.label(), String.format(Locale.ROOT, "%.0f%%", 100 * c.share()),
                        String.format(Locale.ROOT, "%.2f", c.meanPressure()),
                        Double.isNaN(c.deltaMetDemand()) ? "-" : String.format(Locale.ROOT, "%+.3f (n %d)",
                                -c.deltaMetDemand(), c.ablationRuns()));
            }
        }
        out.append(table(t, markdown, width));
    }

    /** The bargaining forecast over runs: compromise model first, SMP beside it, a warning if SMP jumps. */
    private static void forecast(StringBuilder out, Scenario s, Analysis a, boolean markdown, String h2,
            int width) {
        if (a.policies().stream().anyMatch(p -> p.forecast() == null)) {
            return;
        }
        out.append(h2).append(String.format(Locale.ROOT, "Bargaining forecast on \"%s\" (0-100) over runs: the "
                + "target moved by its concession, third parties by their stances; median [90%% interval]",
                s.demand().issue())).append(markdown ? "\n\n" : "\n");
        TextTable t = new TextTable("policy", "compromise", "KTAB SMP", "SMP runs", "note").leftAlign(0).leftAlign(4);
        boolean any = false;
        for (PolicySummary p : a.ranked()) {
            PolicySummary.Forecast f = p.forecast();
            any |= f.smpNonMonotone();
            t.row(p.id(), String.format(Locale.ROOT, "%.1f [%.1f, %.1f]", f.compromiseMedian(), f.compromiseP05(),
                            f.compromiseP95()),
                    String.format(Locale.ROOT, "%.1f [%.1f, %.1f]", f.smpMedian(), f.smpP05(), f.smpP95()),
                    Integer.toString(f.smpRuns()), f.smpNonMonotone() ? "SMP moves against the compromise model" : "");
        }
        out.append(table(t, markdown, width));
        if (any) {
            out.append("SMP's forecast jumps between its discrete outcomes here, against the direction of the "
                    + "compromise model: read the compromise column first.\n");
        }
    }

    private static String interval(Estimate e) {
        return String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", e.value(), e.lower(), e.upper());
    }

    /** The first weeks of the tension index, observed beside each policy's simulation (same index). */
    private static void tension(StringBuilder out, Scenario s, Analysis a, boolean markdown, String h2,
            int width) {
        Analysis.Tension tn = a.derived().tension();
        if (tn.error() != null) {
            return;
        }
        int weeks = Math.min(4, (s.horizonDays() + 6) / 7);
        var observed = tn.observed();
        out.append(h2).append("Tension index on ").append(tn.dyad()).append(", by week: T = (conflict - cooperation) / (10 n), "
                + "n events (simulated: per run)").append(markdown ? "\n\n" : "\n");
        List<String> head = new ArrayList<>(List.of("series"));
        for (int w = 0; w < weeks && w < observed.size(); w++) {
            head.add("week of " + observed.get(w).period());
        }
        TextTable tt = new TextTable(head.toArray(String[]::new)).leftAlign(0);
        List<String> row = new ArrayList<>(List.of("observed (scenario events)"));
        for (int w = 1; w < head.size(); w++) {
            row.add(cell(observed.get(w - 1), 1));
        }
        tt.row(row.toArray(String[]::new));
        for (PolicySummary p : a.ranked()) {
            var sim = tn.simulated().get(a.policies().indexOf(p));
            List<String> r = new ArrayList<>(List.of(p.id()));
            for (int w = 1; w < head.size(); w++) {
                r.add(cell(sim.get(w - 1), a.runs()));
            }
            tt.row(r.toArray(String[]::new));
        }
        out.append(table(tt, markdown, width));
    }

    private static String cell(TensionPoint p, int runs) {
        return p.events() == 0 ? "-" : String.format(Locale.ROOT, "%+.2f (n %.1f)", p.index(), p.events() / (double) runs);
    }

    private static String name(Scenario s, String actor) {
        return s.actor(actor).map(x -> x.name() + " side").orElse(actor);
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** 1234567 -> "1.23m"; 45000 -> "45.0k". */
    public static String human(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return String.format(Locale.ROOT, "%.2fbn", v / 1e9);
        }
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.2fm", v / 1e6);
        }
        if (a >= 1e4) {
            return String.format(Locale.ROOT, "%.1fk", v / 1e3);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
