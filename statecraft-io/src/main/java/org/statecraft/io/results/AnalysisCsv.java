package org.statecraft.io.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.statecraft.core.leverage.RunOutcome;
import org.statecraft.core.montecarlo.Analysis;
import org.statecraft.core.montecarlo.PolicySummary;

/** CSV exports of an analysis (RFC 4180, header row, '.' decimals), readable by pandas and R. */
public final class AnalysisCsv {
    private AnalysisCsv() {
    }

    /** One row per policy, in rank order. Columns documented in {@code docs/cli.md}. */
    public static void policies(Analysis a, Writer w) {
        try {
            w.write(header(List.of("rank", "policy", "pareto", "p_concession", "p_concession_lower",
                    "p_concession_upper", "mean_concession", "effect", "median_days_to_concession", "attacks",
                    "attacks_averted", "collateral", "collateral_per_effect", "coercer_own_cost", "p_clash")));
            for (PolicySummary p : a.ranked()) {
                w.write(String.join(",", Integer.toString(p.rank()), quote(p.id()), Boolean.toString(p.paretoEfficient()),
                        n(p.concession().value()), n(p.concession().lower()), n(p.concession().upper()),
                        n(p.meanConcession().value()), n(p.effect()), n(p.medianDaysToConcession()),
                        n(p.attacks().value()), n(p.attacksAverted()), n(p.collateral().value()),
                        n(p.collateralPerEffect()), n(p.coercerOwnCost().value()), n(p.clash().value())));
                w.write('\n');
            }
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One row per (policy, run): concession day, final concession, attacks, clashes, own cost, then harm per
     * constituency (in its unit) and the length of each lever's first spell.
     */
    public static void runs(Analysis a, Writer w) {
        try {
            List<String> h = new ArrayList<>(List.of("policy", "run", "concession_day",
                    "final_concession", "attacks", "clashes", "coercer_own_cost"));
            for (String c : a.constituencies()) {
                h.add("harm_" + c);
            }
            for (String l : a.levers()) {
                h.add("spell_" + l);
            }
            w.write(header(h));
            for (int p = 0; p < a.policies().size(); p++) {
                String id = quote(a.policies().get(p).id());
                RunOutcome[] os = a.outcomes()[p];
                for (int r = 0; r < os.length; r++) {
                    RunOutcome o = os[r];
                    StringBuilder row = new StringBuilder(128);
                    row.append(id).append(',').append(r).append(',')
                            .append(o.concessionDay < 0 ? "" : Integer.toString(o.concessionDay)).append(',')
                            .append(n(o.finalConcession)).append(',').append(o.attacks).append(',').append(o.clashes)
                            .append(',').append(n(o.coercerOwnCost));
                    for (double x : o.harm) {
                        row.append(',').append(n(x));
                    }
                    for (int s : o.firstSpell) {
                        row.append(',').append(s < 0 ? "" : Integer.toString(s));
                    }
                    w.write(row.append('\n').toString());
                }
            }
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A header row: each name quoted like a data cell ({@link #quote}), since names built from the scenario's
     * constituency and lever ids may hold commas or quotes.
     */
    static String header(List<String> names) {
        StringBuilder b = new StringBuilder();
        for (String name : names) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(quote(name));
        }
        return b.append('\n').toString();
    }

    static String n(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "" : v > 0 ? "Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }

    static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
