package org.statecraft.core.record;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.statecraft.core.scenario.Demand;
import org.statecraft.core.scenario.Lever;
import org.statecraft.core.scenario.Provenance;
import org.statecraft.core.scenario.Quantity;
import org.statecraft.core.scenario.Scenario;

/**
 * The one prior every case in the library shares (docs/models/case-prior.md), so no case is tuned to its own
 * outcome: the response curve ({@code statecraft calibrate} on TIES, its estimation error carried into the runs),
 * its convexity, look-ahead, decision rate
 * and backsliding (hazard, grace and threshold), the coercer's tolerance of its own cost in days, and the
 * half-life of every harm the target routes around. {@link #deviations} lists where a case
 * departs from it; {@code statecraft cases score} refuses to score such a case as part of the library.
 */
public final class CasePrior {
    private CasePrior() {
    }

    /** The shared values, by the field they fill. */
    public static final Map<String, Quantity> DEMAND;
    /** The coercer's tolerance of its own cost, in days at full effect ({@code toleranceDays}). */
    public static final Quantity TOLERANCE_DAYS = new Quantity.LogNormal(15, 2.4, Provenance.NONE);
    /** Backsliding's grace, in days of low pressure before a withdrawal can happen. */
    public static final int BACKSLIDE_GRACE_DAYS = 30;
    /** Backsliding's threshold: pressure below this share of K·L counts as gone. */
    public static final double BACKSLIDE_BELOW = 0.25;
    /** The adaptation half-life of a harm the target can route around ({@code halfLifeDays}, wherever given). */
    public static final Quantity HALF_LIFE_DAYS = new Quantity.Triangular(30, 90, 240, Provenance.NONE);

    static {
        Map<String, Quantity> m = new LinkedHashMap<>();
        m.put("complianceCost", new Quantity.FittedLogNormal(-1.7336, 1.9986, 0.2542, 0.4650, 0.8353, Provenance.NONE));
        m.put("convexity", new Quantity.Triangular(1.0, 1.5, 2.5, Provenance.NONE));
        m.put("lookaheadDays", new Quantity.Triangular(14, 30, 60, Provenance.NONE));
        m.put("decisionRatePerDay", new Quantity.Triangular(0.017, 0.05, 0.14, Provenance.NONE));
        m.put("backsliding/hazard", new Quantity.Triangular(0.005, 0.02, 0.05, Provenance.NONE));
        DEMAND = Collections.unmodifiableMap(m);
    }

    /** Where {@code s} departs from the shared prior (empty: it conforms). */
    public static List<String> deviations(Scenario s) {
        List<String> out = new ArrayList<>();
        Demand d = s.demand();
        Map<String, Quantity> has = new HashMap<>();
        has.put("complianceCost", d.complianceCost());
        has.put("convexity", d.convexity());
        has.put("lookaheadDays", d.lookaheadDays());
        has.put("decisionRatePerDay", d.decisionRatePerDay());
        has.put("backsliding/hazard", d.backslideHazard());
        for (Map.Entry<String, Quantity> e : DEMAND.entrySet()) {
            Quantity q = has.get(e.getKey());
            if (q == null || !same(q, e.getValue())) {
                out.add("demand/" + e.getKey() + " is " + (q == null ? "absent" : q.describe()) + ", the case prior "
                        + e.getValue().describe());
            }
        }
        if (d.backslideGraceDays() != BACKSLIDE_GRACE_DAYS || d.backslideBelow() != BACKSLIDE_BELOW) {
            out.add("demand/backsliding is graceDays " + d.backslideGraceDays() + ", below " + d.backslideBelow()
                    + ", the case prior graceDays " + BACKSLIDE_GRACE_DAYS + ", below " + BACKSLIDE_BELOW);
        }
        boolean anyInDays = false;
        for (Lever l : s.levers()) {
            for (int h = 0; h < l.harms().size(); h++) {
                Quantity half = l.harms().get(h).halfLifeDays();
                if (half != null && !same(half, HALF_LIFE_DAYS)) {
                    out.add("levers/" + l.id() + "/harms/" + h + "/halfLifeDays is " + half.describe()
                            + ", the case prior " + HALF_LIFE_DAYS.describe());
                }
            }
            if (l.owner().equals(d.coercer()) && l.tolerance() != null && l.toleranceInDays()) {
                anyInDays = true;
                if (!same(l.tolerance(), TOLERANCE_DAYS)) {
                    out.add("levers/" + l.id() + "/toleranceDays is " + l.tolerance().describe() + ", the case prior "
                            + TOLERANCE_DAYS.describe());
                }
            }
        }
        if (!anyInDays) {
            out.add("no coercer lever has its tolerance in days (toleranceDays), so the shared tolerance prior cannot apply");
        }
        return out;
    }

    private static boolean same(Quantity a, Quantity b) {
        return a.describe().equals(b.describe());
    }
}
