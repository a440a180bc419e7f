package org.statecraft.core.montecarlo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.statecraft.core.scenario.Constituency;
import org.statecraft.core.scenario.ConstituencyRole;
import org.statecraft.core.scenario.Harm;
import org.statecraft.core.scenario.Lever;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.core.scenario.ScenarioChecks;

/**
 * The check that every figure an analysis reports is a finite number before anything is written: numbers that
 * each validate can still overflow or underflow together (a baseline of 1e-320 divides a harm into +∞, and
 * +∞ − +∞ into NaN). Pure: returns the problems, each naming the policy, the figure and the scenario inputs
 * that feed it (JSON pointers), so that the edges can refuse the result and point at its inputs.
 *
 * <p>Figures that are NaN or infinite by definition are not problems: a median day of concession when no run
 * conceded (NaN), the collateral per unit of effect of a policy without positive effect (+∞), an ablation not
 * run (NaN), an interval of no runs.
 */
public final class FiniteResults {
    private FiniteResults() {
    }

    /** One reported figure that is not finite. {@code inputs}: JSON pointers into the scenario document. */
    public record NonFinite(String policy, String figure, double value, List<String> inputs) {
        public NonFinite {
            inputs = List.copyOf(inputs);
        }

        /** {@code policy P: FIGURE is not finite (v); check IN1, IN2 and IN3}. */
        public String message() {
            StringBuilder b = new StringBuilder("policy ").append(policy).append(": ").append(figure)
                    .append(" is not finite (").append(value).append(')');
            if (!inputs.isEmpty()) {
                b.append("; check ");
                for (int i = 0; i < inputs.size(); i++) {
                    b.append(i == 0 ? "" : i == inputs.size() - 1 ? " and " : ", ").append(inputs.get(i));
                }
            }
            return b.toString();
        }
    }

    /** Every non-finite reported figure of every policy, in the scenario's policy order. */
    public static List<NonFinite> check(Scenario s, Analysis a) {
        List<NonFinite> out = new ArrayList<>();
        String target = s.demand().target();
        String coercer = s.demand().coercer();
        List<String> pressure = inputs(s, c -> c.side().equals(target), target, true);
        for (PolicySummary p : a.policies()) {
            Check k = new Check(p.id(), out);
            k.estimate("P(concession)", p.concession(), pressure);
            k.estimate("mean concession", p.meanConcession(), pressure);
            k.value("effect", p.effect(), pressure);
            if (p.outcomes() != null) {
                PolicySummary.Outcomes o = p.outcomes();
                k.estimate("P(demand met)", o.metDemand(), pressure);
                k.estimate("P(partial concession only)", o.partialOnly(), pressure);
                k.estimate("P(concession standing at the horizon)", o.standingAtHorizon(), pressure);
                k.estimate("P(demand met at the horizon)", o.metAtHorizon(), pressure);
                k.estimate("P(ever conceded)", o.everConceded(), pressure);
                k.value("mean withdrawals", o.meanWithdrawals(), pressure);
            }
            List<String> attacks = s.attacks() == null ? List.of() : List.of("/attacks");
            k.estimate("expected attacks", p.attacks(), attacks);
            k.value("attacks averted", p.attacksAverted(), attacks);
            k.estimate("P(clash)", p.clash(), s.clashes() == null ? List.of() : List.of("/clashes"));
            k.estimate("collateral harm", p.collateral(),
                    inputs(s, c -> c.hasRole(ConstituencyRole.COLLATERAL), null, false));
            k.estimate("coercer's own cost", p.coercerOwnCost(), inputs(s, c -> c.side().equals(coercer), coercer, true));
            for (PolicySummary.ConstituencyHarm h : p.harms()) {
                List<String> in = inputs(s, c -> c.id().equals(h.constituency()), null, false);
                String f = "harm on " + h.constituency();
                k.value(f, h.mean(), in);
                k.value(f + " (5th percentile)", h.p05(), in);
                k.value(f + " (95th percentile)", h.p95(), in);
                k.value(f + " (relative)", h.meanRelative(), in);
            }
            // a channel's pressure: the target's inputs on it and, since the target weighs a lever by how long it
            // expects it to last, its owner's own-cost inputs; a share: also whatever made the total not finite
            List<List<String>> channelInputs = new ArrayList<>();
            Set<String> total = new LinkedHashSet<>();
            for (PolicySummary.ChannelShare c : p.attribution()) {
                List<String> in = new ArrayList<>();
                if ("lever".equals(c.kind())) {
                    in.addAll(inputs(s, x -> x.id().equals(c.constituency()), target, true));
                    String owner = s.levers().stream().filter(l -> l.id().equals(c.lever())).map(Lever::owner)
                            .findFirst().orElse(null);
                    if (owner != null) {
                        in.addAll(inputs(s, x -> x.side().equals(owner), owner, true));
                    }
                } else {
                    in.addAll(memberInputs(s, c.member()));
                }
                List<String> distinct = List.copyOf(new LinkedHashSet<>(in));
                channelInputs.add(distinct);
                if (!Double.isFinite(c.meanPressure())) {
                    total.addAll(distinct);
                }
            }
            for (int i = 0; i < p.attribution().size(); i++) {
                PolicySummary.ChannelShare c = p.attribution().get(i);
                List<String> in = channelInputs.get(i);
                k.value("pressure of channel " + c.label(), c.meanPressure(), in);
                Set<String> shareIn = new LinkedHashSet<>(in);
                shareIn.addAll(total);
                k.value("share of channel " + c.label(), c.share(), List.copyOf(shareIn));
                if (c.ablationRuns() > 0) {
                    k.value("change in P(demand met) without channel " + c.label(), c.deltaMetDemand(), in);
                }
            }
        }
        return out;
    }

    private record Check(String policy, List<NonFinite> out) {
        void value(String figure, double v, List<String> inputs) {
            if (!Double.isFinite(v)) {
                out.add(new NonFinite(policy, figure, v, inputs));
            }
        }

        /** An estimate of no runs is NaN throughout by definition; otherwise its value and bounds must be finite. */
        void estimate(String figure, Estimate e, List<String> inputs) {
            if (e == null || (Double.isNaN(e.value()) && Double.isNaN(e.lower()) && Double.isNaN(e.upper()))) {
                return;
            }
            value(figure, e.value(), inputs);
            value(figure + " (lower bound)", e.lower(), inputs);
            value(figure + " (upper bound)", e.upper(), inputs);
        }
    }

    /**
     * The inputs behind harm on the constituencies {@code which}: their baselines, the weights of {@code actor}
     * on them (when {@code weights}), and every lever harm and clash harm on them, per day.
     */
    private static List<String> inputs(Scenario s, Predicate<Constituency> which, String actor, boolean weights) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < s.constituencies().size(); i++) {
            Constituency c = s.constituencies().get(i);
            if (which.test(c)) {
                ids.add(c.id());
                out.add("/constituencies/" + i + "/baseline");
            }
        }
        if (weights && actor != null) {
            s.weights().stream().filter(w -> w.actor().equals(actor) && ids.contains(w.constituency()))
                    .forEach(w -> out.add("/weights/" + ScenarioChecks.esc(w.actor())
                            + "/" + ScenarioChecks.esc(w.constituency())));
        }
        for (int l = 0; l < s.levers().size(); l++) {
            Lever lever = s.levers().get(l);
            for (int h = 0; h < lever.harms().size(); h++) {
                Harm harm = lever.harms().get(h);
                if (ids.contains(harm.constituency())) {
                    out.add("/levers/" + l + "/harms/" + h + "/perDay");
                }
            }
        }
        if (s.clashes() != null) {
            for (int j = 0; j < s.clashes().harms().size(); j++) {
                if (ids.contains(s.clashes().harms().get(j).constituency())) {
                    out.add("/clashes/harms/" + j + "/perClash");
                }
            }
        }
        return List.copyOf(out);
    }

    private static List<String> memberInputs(Scenario s, String member) {
        if (member == null || s.network() == null) {
            return List.of("/network");
        }
        String m = ScenarioChecks.esc(member);
        return List.of("/network/initialStance/" + m, "/network/susceptibility/" + m, "/network/influence/" + m);
    }
}
