package org.statecraft.core.montecarlo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.statecraft.core.scenario.Constituency;
import org.statecraft.core.scenario.ConstituencyRole;
import org.statecraft.core.scenario.ClashProcess;
import org.statecraft.core.scenario.Harm;
import org.statecraft.core.scenario.HostilityHarm;
import org.statecraft.core.scenario.Lever;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.core.scenario.ScenarioChecks;
import org.statecraft.core.tension.TensionPoint;

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

    /**
     * One reported figure that is not finite. {@code policy}: null for a figure of no policy (the observed
     * tension, the bargaining reference). {@code inputs}: JSON pointers into the scenario document, the
     * inputs that cause it first; {@code cause}: why the first input causes it, or null when no single input
     * can be shown to.
     */
    public record NonFinite(String policy, String figure, double value, List<String> inputs, String cause) {
        public NonFinite {
            inputs = List.copyOf(inputs);
        }

        /** {@code policy P: FIGURE (v)}: the figure alone, for a list under its cause. */
        public String figureAndValue() {
            return (policy == null ? "" : "policy " + policy + ": ") + figure + " (" + value + ")";
        }

        /**
         * {@code policy P: FIGURE is not finite (v); caused by IN: why}, or without a cause {@code ...; check IN1
         * and IN2} ({@code check IN1, IN2 and N other inputs} beyond three).
         */
        public String message() {
            StringBuilder b = new StringBuilder(policy == null ? "" : "policy " + policy + ": ").append(figure)
                    .append(" is not finite (").append(value).append(')');
            if (cause != null) {
                b.append("; caused by ").append(inputs.get(0)).append(": ").append(cause);
            } else if (!inputs.isEmpty()) {
                // at most three inputs named: a figure fed by the whole scenario would fill the screen
                int named = Math.min(inputs.size(), inputs.size() > 3 ? 2 : 3);
                b.append("; check ");
                for (int i = 0; i < named; i++) {
                    b.append(i == 0 ? "" : i == inputs.size() - 1 ? " and " : ", ").append(inputs.get(i));
                }
                if (named < inputs.size()) {
                    b.append(" and ").append(inputs.size() - named).append(" other inputs");
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
        // the target's felt pressure: its inputs and, since it weighs a lever by how long it expects it to last,
        // the own-cost inputs of every lever's owner
        Set<String> felt = new LinkedHashSet<>(inputs(s, c -> c.side().equals(target), target, true));
        s.levers().stream().map(Lever::owner).distinct()
                .forEach(owner -> felt.addAll(inputs(s, c -> c.side().equals(owner), owner, true)));
        List<String> pressure = List.copyOf(felt);
        for (PolicySummary p : a.policies()) {
            Check k = new Check(s, p.id(), out);
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
            stancesLeversForecast(s, p, k, pressure);
            k.series("concession curve", "day", p.concessionCurve(), pressure);
            if (p.daily() != null) {
                PolicySummary.Daily d = p.daily();
                k.series("daily expected pressure", "day", d.pressure(), pressure);
                k.series("daily concession", "day", d.concession(), pressure);
                k.series("daily attacks", "day", d.attacks(), attacks);
                k.series("daily Goldstein sum", "day", d.goldstein(), eventInputs(s));
                k.series("daily events", "day", d.events(), eventInputs(s));
                if (d.stance() != null) {
                    for (int m = 0; m < d.stance().length && m < a.members().size(); m++) {
                        String member = a.members().get(m);
                        k.series("daily stance of " + member, "day", d.stance()[m], stanceInputs(s, member));
                    }
                }
            }
        }
        robustness(s, a, out, pressure);
        derived(s, a, out, pressure);
        return out;
    }

    /** A policy's stance shifts, lever uses and bargaining forecast. */
    private static void stancesLeversForecast(Scenario s, PolicySummary p, Check k, List<String> pressure) {
        for (PolicySummary.StanceShift st : p.stances()) {
            List<String> in = stanceInputs(s, st.member());
            String f = "stance of " + st.member();
            k.value(f + " (initial)", st.initial(), in);
            k.value(f + " (baseline final)", st.baselineFinal(), in);
            k.value(f + " (final)", st.finalStance(), in);
            k.value(f + " (shift)", st.shift(), in);
            k.value(f + " (shift, 5th percentile)", st.shiftP05(), in);
            k.value(f + " (shift, 95th percentile)", st.shiftP95(), in);
            k.value(f + " (peak withdrawal)", st.peakWithdrawal(), in);
        }
        for (PolicySummary.LeverUse u : p.levers()) {
            List<String> in = leverInputs(s, u.lever());
            String f = "use of " + u.lever();
            k.value(f + " (share of runs)", u.used(), in);
            k.value(f + " (mean days in use)", u.meanDaysInUse(), in);
            k.value(f + " (share lifted for own cost)", u.liftedForOwnCost(), in);
            if (u.used() > 0) { // spell quantiles are over the runs that used it: none, NaN by definition
                k.value(f + " (first spell, 5th percentile)", u.spellP05(), in);
                k.value(f + " (first spell, median)", u.spellMedian(), in);
                k.value(f + " (first spell, 95th percentile)", u.spellP95(), in);
                k.series(f + " (first spell histogram)", "day", u.spellHistogram(), in);
            }
        }
        PolicySummary.Forecast fc = p.forecast();
        if (fc != null) {
            List<String> in = new ArrayList<>(stanceInputs(s));
            in.addAll(pressure);
            k.value("bargaining forecast (compromise, median)", fc.compromiseMedian(), in);
            k.value("bargaining forecast (compromise, 5th percentile)", fc.compromiseP05(), in);
            k.value("bargaining forecast (compromise, 95th percentile)", fc.compromiseP95(), in);
            if (fc.smpRuns() > 0) {
                k.value("bargaining forecast (SMP, median)", fc.smpMedian(), in);
                k.value("bargaining forecast (SMP, 5th percentile)", fc.smpP05(), in);
                k.value("bargaining forecast (SMP, 95th percentile)", fc.smpP95(), in);
            }
        }
    }

    /** The share of runs in which each policy conceded more than each other (the diagonal is not reported). */
    private static void robustness(Scenario s, Analysis a, List<NonFinite> out, List<String> pressure) {
        double[][] r = a.robustness();
        if (r == null) {
            return;
        }
        for (int i = 0; i < r.length && i < a.policies().size(); i++) {
            Check k = new Check(s, a.policies().get(i).id(), out);
            for (int j = 0; j < r[i].length && j < a.policies().size(); j++) {
                if (i != j) {
                    k.value("share of runs conceding more than " + a.policies().get(j).id(), r[i][j], pressure);
                }
            }
        }
    }

    /** The derived results: the robustness of each pair and its hinges, the replays, the tension index, SMP. */
    private static void derived(Scenario s, Analysis a, List<NonFinite> out, List<String> pressure) {
        Analysis.Derived d = a.derived();
        if (d == null) {
            return;
        }
        if (d.robustness() != null) {
            for (RankingRobustness.Pair pair : d.robustness().pairs()) {
                Check k = new Check(s, pair.policy(), out);
                k.value("robustness over " + pair.over() + " (" + pair.kind() + ")", pair.share(), pressure);
                for (RankingRobustness.Hinge h : pair.hingesOn()) {
                    List<String> in = new ArrayList<>(List.of(h.input()));
                    in.addAll(pressure);
                    k.value("correlation with " + h.label() + " of the ranking over " + pair.over(),
                            h.correlation(), in);
                }
            }
        }
        if (d.replays() != null) {
            for (Replay rp : d.replays()) {
                new Check(s, rp.policy(), out).value("replay of " + rp.lever() + " from " + rp.observedFrom()
                        + " (share no longer than observed)", rp.shareNoLongerThanObserved(),
                        leverInputs(s, rp.lever()));
            }
        }
        Analysis.Tension t = d.tension();
        if (t != null && t.error() == null) {
            tension(new Check(s, null, out), "observed tension", t.observed(), List.of("/observed/events"));
            for (int p = 0; t.simulated() != null && p < t.simulated().size() && p < a.policies().size(); p++) {
                tension(new Check(s, a.policies().get(p).id(), out), "simulated tension", t.simulated().get(p),
                        eventInputs(s));
            }
        }
        Analysis.Bargaining b = d.bargaining();
        if (b != null && b.error() == null) {
            Check k = new Check(s, null, out);
            List<String> in = stanceInputs(s);
            k.series("bargaining reference capability", "actor", b.capability(), in);
            for (int turn = 0; b.turns() != null && turn < b.turns().size(); turn++) {
                k.series("bargaining reference turn " + turn, "actor", b.turns().get(turn), in);
            }
            k.value("bargaining reference outcome", b.outcome(), in);
        }
    }

    /** A week without events has zeros throughout (TensionIndex); every field of every week must be finite. */
    private static void tension(Check k, String figure, List<TensionPoint> points, List<String> in) {
        if (points == null) {
            return;
        }
        for (TensionPoint p : points) {
            String f = figure + " in the week of " + p.period();
            double[] fields = {p.goldsteinSum(), p.goldsteinMean(), p.cooperativeSum(), p.conflictualSum(),
                p.verbalCooperationShare(), p.materialCooperationShare(), p.verbalConflictShare(),
                p.materialConflictShare(), p.index()};
            for (double v : fields) {
                if (!Double.isFinite(v)) {
                    k.value(f, v, in);
                    break;
                }
            }
        }
    }

    /** The event codes whose Goldstein values the simulated events carry. */
    private static List<String> eventInputs(Scenario s) {
        List<String> out = new ArrayList<>();
        for (int l = 0; l < s.levers().size(); l++) {
            out.add("/levers/" + l + "/events");
        }
        if (s.attacks() != null) {
            out.add("/attacks/event");
        }
        if (s.clashes() != null) {
            out.add("/clashes/event");
        }
        out.add("/demand/concessionEvent");
        return out;
    }

    /** A member's network entries and the levers that move its stance. */
    private static List<String> stanceInputs(Scenario s, String member) {
        List<String> out = new ArrayList<>(memberInputs(s, member));
        for (int l = 0; l < s.levers().size(); l++) {
            Lever lever = s.levers().get(l);
            if (lever.networkStance() != null && lever.owner().equals(member)) {
                out.add("/levers/" + l + "/networkStance");
            }
            for (int e = 0; lever.stanceEffects() != null && e < lever.stanceEffects().size(); e++) {
                if (lever.stanceEffects().get(e).member().equals(member)) {
                    out.add("/levers/" + l + "/stanceEffects/" + e + "/shift");
                }
            }
        }
        return out;
    }

    /** Every actor's capability and stance on the issue: what the bargaining engines read. */
    private static List<String> stanceInputs(Scenario s) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < s.actors().size(); i++) {
            if (s.actors().get(i).stance() != null) {
                out.add("/actors/" + i + "/capability");
                out.add("/actors/" + i + "/stance/position");
                out.add("/actors/" + i + "/stance/salience");
            }
        }
        return out;
    }

    /** A lever's tolerance and its owner's own-cost inputs: what decides how long it stays in use. */
    private static List<String> leverInputs(Scenario s, String id) {
        for (int l = 0; l < s.levers().size(); l++) {
            Lever lever = s.levers().get(l);
            if (lever.id().equals(id)) {
                List<String> out = new ArrayList<>();
                if (lever.tolerance() != null) {
                    out.add("/levers/" + l + (lever.toleranceInDays() ? "/toleranceDays" : "/tolerance"));
                }
                out.addAll(inputs(s, c -> c.side().equals(lever.owner()), lever.owner(), true));
                return out;
            }
        }
        return List.of();
    }

    /** Collects the non-finite figures of one policy (or of none: {@code policy} null). */
    private record Check(Scenario s, String policy, List<NonFinite> out) {
        void value(String figure, double v, List<String> inputs) {
            if (!Double.isFinite(v)) {
                Cause c = cause(s, inputs);
                out.add(new NonFinite(policy, figure, v, c.ordered(), c.why()));
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

        /** A series: its first non-finite entry, named by its index ({@code what} day, week...). */
        void series(String figure, String what, double[] xs, List<String> inputs) {
            if (xs == null) {
                return;
            }
            for (int i = 0; i < xs.length; i++) {
                if (!Double.isFinite(xs[i])) {
                    value(figure + " (" + what + " " + i + ")", xs[i], inputs);
                    return;
                }
            }
        }
    }

    /** The inputs in the order to report them, causes first, and why the first causes the figure (or null). */
    private record Cause(List<String> ordered, String why) {
    }

    /**
     * Which of {@code inputs} makes a figure non-finite, where one can be shown to by itself: a baseline over
     * which the largest harm a day written on its constituency (a lever's, a clash's or a hostile member's)
     * is not a finite relative loss, as with a baseline of 1e-320. The causes go first; the other inputs keep
     * their order. O(inputs × harms).
     */
    static Cause cause(Scenario s, List<String> inputs) {
        List<String> causes = new ArrayList<>();
        String why = null;
        for (String in : inputs) {
            java.util.regex.Matcher m = BASELINE.matcher(in);
            if (!m.matches()) {
                continue;
            }
            Constituency c = s.constituencies().get(Integer.parseInt(m.group(1)));
            double base = c.baseline().lower();
            double harm = largestHarm(s, c.id());
            if (harm > 0 && !Double.isFinite(harm / base)) {
                causes.add(in);
                if (why == null) {
                    why = "a harm of " + fmt(harm) + " a day over its baseline of " + fmt(base)
                            + " is not a finite relative loss";
                }
            }
        }
        Set<String> ordered = new LinkedHashSet<>(causes);
        ordered.addAll(inputs);
        return new Cause(List.copyOf(ordered), why);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** A quantity's highest value, or its mean when it has no finite one (a lognormal). */
    private static double high(org.statecraft.core.scenario.Quantity q) {
        return Double.isFinite(q.upper()) ? Math.max(q.upper(), Math.abs(q.lower())) : q.mean();
    }

    private static final java.util.regex.Pattern BASELINE =
            java.util.regex.Pattern.compile("/constituencies/(\\d+)/baseline");

    /** The largest harm a day that any lever (at full accumulation), clash or hostile member can do to {@code c}. */
    private static double largestHarm(Scenario s, String c) {
        double h = 0;
        for (Lever l : s.levers()) {
            for (Harm harm : l.harms()) {
                if (harm.constituency().equals(c)) {
                    double cap = harm.accumulationCap() == null ? 1 : high(harm.accumulationCap());
                    h = Math.max(h, high(harm.perDay()) * (1 + cap));
                }
            }
        }
        if (s.clashes() != null) {
            for (ClashProcess.ClashHarm harm : s.clashes().harms()) {
                h = harm.constituency().equals(c) ? Math.max(h, high(harm.perClash())) : h;
            }
        }
        if (s.network() != null) {
            for (HostilityHarm harm : s.network().hostilityHarms()) {
                if (harm.constituency().equals(c)) {
                    h = Math.max(h, Math.abs(high(harm.perDay())));
                }
            }
        }
        return h;
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
