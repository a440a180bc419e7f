package org.statecraft.core.bargaining;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A procedural (agenda-setter) model of EU legislation in one dimension: the Commission proposes the point
 * nearest its own position that a qualified majority of the Council (all members under unanimity) and, under
 * co-decision, the Parliament prefer to the reference point q; with no such point the outcome is q.
 * Steunenberg, "Decision making under different institutional arrangements", <i>JITE</i> 150 (1994);
 * Crombez, "Legislative procedures in the European Community", <i>BJPolS</i> 26 (1996); tested on DEU data by
 * Steunenberg &amp; Selck in Thomson, Stokman, Achen &amp; König (eds.), <i>The European Union Decides</i>, CUP 2006.
 *
 * <p>Council votes are the Treaty of Nice weights ({@link #NICE_VOTES}); the qualified majority is 260 of 352
 * (Act of Accession of Croatia, 2012), applied as the same share (73.9 %) of the votes of the members that
 * take part in an issue. Member k prefers x to q when |x − x_k| &lt; |q − x_k|, so on q's right the set of
 * acceptable points is (q, 2x_p − q] with x_p the position at which the acceptances, taken from the right,
 * first reach the majority. No forecast without a reference point or a Commission position. O(N log N).
 */
public final class CouncilProceduralModel {
    /** Council votes under the Treaty of Nice, by DEU III actor code (EU-28, total 352). */
    public static final Map<String, Integer> NICE_VOTES = Map.ofEntries(
            Map.entry("de", 29), Map.entry("fr", 29), Map.entry("it", 29), Map.entry("uk", 29),
            Map.entry("es", 27), Map.entry("pl", 27), Map.entry("ro", 14), Map.entry("nl", 13),
            Map.entry("be", 12), Map.entry("cz", 12), Map.entry("el", 12), Map.entry("hu", 12), Map.entry("pt", 12),
            Map.entry("at", 10), Map.entry("bu", 10), Map.entry("se", 10),
            Map.entry("dk", 7), Map.entry("fi", 7), Map.entry("ie", 7), Map.entry("lt", 7), Map.entry("sk", 7),
            Map.entry("cr", 7), Map.entry("cy", 4), Map.entry("ee", 4), Map.entry("lv", 4), Map.entry("lu", 4),
            Map.entry("si", 4), Map.entry("mt", 3));

    /** 260 of 352 votes. */
    public static final double QMV_SHARE = 260.0 / 352.0;

    private CouncilProceduralModel() {
    }

    /**
     * The forecast on the model scale [0, 1], or empty without a Commission position.
     *
     * @param q            the reference point on the model scale
     * @param unanimity    whether the Council decides by unanimity
     * @param codecision   whether the Parliament must also prefer the outcome to q
     */
    public static OptionalDouble forecast(BargainingProblem p, double q, boolean unanimity, boolean codecision) {
        int com = p.actors().indexOf("com");
        if (com < 0) {
            return OptionalDouble.empty();
        }
        int ep = p.actors().indexOf("ep");
        List<double[]> members = new ArrayList<>(); // {position, votes}
        double total = 0;
        for (int i = 0; i < p.actorCount(); i++) {
            Integer v = NICE_VOTES.get(p.actors().get(i));
            if (v != null) {
                members.add(new double[] {p.position(i, 0), v});
                total += v;
            }
        }
        double xc = p.position(com, 0);
        if (members.isEmpty() || xc == q) {
            return OptionalDouble.of(q);
        }
        boolean right = xc > q;
        double needed = unanimity ? total : QMV_SHARE * total;
        // acceptance bound of member k on the Commission's side of q: 2x_k − q (right) or the mirror (left)
        members.sort(Comparator.comparingDouble((double[] m) -> m[0]));
        if (right) {
            Collections.reverse(members);
        }
        double cum = 0;
        double bound = q;
        for (double[] m : members) {
            cum += m[1];
            if (cum >= needed - 1e-9) {
                bound = 2 * m[0] - q;
                break;
            }
        }
        if (codecision && ep >= 0) {
            double epBound = 2 * p.position(ep, 0) - q;
            bound = right ? Math.min(bound, epBound) : Math.max(bound, epBound);
        }
        if (right ? bound <= q : bound >= q) {
            return OptionalDouble.of(q);
        }
        return OptionalDouble.of(right ? Math.min(xc, bound) : Math.max(xc, bound));
    }

    /** The model as a backtest forecaster ("procedural"): Case.group is the voting rule, Case.procedure COD or other. */
    public static Backtest.Forecaster forecaster() {
        return new Backtest.Forecaster() {
            @Override
            public String name() {
                return "procedural";
            }

            @Override
            public OptionalDouble forecast(Backtest.Case c) {
                if (c.referencePoint().isEmpty()) {
                    return OptionalDouble.empty();
                }
                BargainingProblem p = c.problem();
                double q = (c.referencePoint().getAsDouble() - p.scaleMin()) / (p.scaleMax() - p.scaleMin());
                OptionalDouble f = CouncilProceduralModel.forecast(p, q, c.group().startsWith("Unan"),
                        "COD".equals(c.procedure()));
                return f.isPresent() ? OptionalDouble.of(p.toFileScale(f.getAsDouble())) : f;
            }
        };
    }
}
