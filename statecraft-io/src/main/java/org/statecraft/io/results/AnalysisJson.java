package org.statecraft.io.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.statecraft.core.calibration.ResponseCurveFit;
import org.statecraft.core.montecarlo.Analysis;
import org.statecraft.core.montecarlo.RankingRobustness;
import org.statecraft.core.montecarlo.Replay;
import org.statecraft.core.montecarlo.Estimate;
import org.statecraft.core.montecarlo.PolicySummary;
import org.statecraft.core.scenario.Constituency;
import org.statecraft.core.scenario.ObservedEvent;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.core.scenario.Source;
import org.statecraft.core.tension.TensionPoint;

/**
 * The JSON form of an analysis: one object with a {@code policies} array (each with {@code id} and
 * {@code rank}, 1 = most effective). Every field is documented in {@code docs/cli.md}. Non-finite numbers
 * are written as {@code null}.
 */
public final class AnalysisJson {
    public static final String VERSION = "0.1.0";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AnalysisJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Describes the run: scenario identity and hash, seed, run count, engine options. */
    public record RunInfo(String scenarioHash, String credibility, String scenarioFile, ResponseCurve responseCurve) {
        public RunInfo(String scenarioHash, String credibility, String scenarioFile) {
            this(scenarioHash, credibility, scenarioFile, null);
        }
    }

    /** A fitted response curve that replaced the scenario's resolve: the file it came from and the fit. */
    public record ResponseCurve(String file, ResponseCurveFit fit) {
    }

    public static ObjectNode toJson(Scenario scenario, Analysis a, RunInfo info) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("statecraft", VERSION);
        ObjectNode sc = root.putObject("scenario");
        sc.put("id", scenario.id());
        sc.put("title", scenario.title());
        sc.put("description", scenario.description());
        sc.put("file", info.scenarioFile());
        sc.put("hash", info.scenarioHash());
        sc.put("start", scenario.start().toString());
        sc.put("horizonDays", scenario.horizonDays());
        ObjectNode dm = sc.putObject("demand");
        dm.put("issue", scenario.demand().issue());
        dm.put("coercer", scenario.demand().coercer());
        dm.put("target", scenario.demand().target());
        dm.put("currentPosition", scenario.demand().currentPosition().mean());
        dm.put("demandedPosition", scenario.demand().demandedPosition().mean());
        dm.put("releaseLevel", scenario.demand().releaseLevel());
        ArrayNode cons = sc.putArray("constituencies");
        for (Constituency c : scenario.constituencies()) {
            ObjectNode o = cons.addObject();
            o.put("id", c.id());
            o.put("name", c.name());
            o.put("side", c.side());
            o.put("role", role(c));
            o.put("unit", c.unit());
            o.put("baseline", c.baseline().mean());
        }
        ArrayNode srcs = sc.putArray("sources");
        for (Source s : scenario.sources()) {
            ObjectNode o = srcs.addObject();
            o.put("id", s.id());
            o.put("citation", s.citation());
            o.put("url", s.url());
            o.put("note", s.note());
        }
        ObjectNode run = root.putObject("run");
        run.put("runs", a.runs());
        run.put("seed", Long.toString(a.seed())); // a string: JavaScript's Number rounds a 17-digit seed
        run.put("credibility", info.credibility());
        ObjectNode rc = run.putObject("responseCurve");
        if (info.responseCurve() == null) {
            rc.put("from", "scenario");
        } else {
            var fit = info.responseCurve().fit();
            rc.put("from", "calibration");
            rc.put("file", info.responseCurve().file());
            num(rc, "mu", fit.mu());
            num(rc, "sigma", fit.sigma());
            num(rc, "median", Math.exp(fit.mu()));
            num(rc, "gsd", Math.exp(fit.sigma()));
            rc.put("source", fit.source());
            rc.put("split", fit.split());
            rc.put("trainingCases", fit.trainingCases());
        }
        root.put("baselinePolicy", a.baselinePolicy());
        ArrayNode ps = root.putArray("policies");
        for (PolicySummary p : a.ranked()) {
            ps.add(policy(p));
        }
        ArrayNode rob = root.putArray("robustness");
        RankingRobustness hinges = a.derived().robustness();
        for (int i = 0; i < a.policies().size(); i++) {
            for (int j = 0; j < a.policies().size(); j++) {
                if (i != j) {
                    ObjectNode o = rob.addObject();
                    o.put("policy", a.policies().get(i).id());
                    o.put("over", a.policies().get(j).id());
                    num(o, "share", a.robustness()[i][j]);
                    RankingRobustness.Pair pair = hinges.pair(a.policies().get(i).id(), a.policies().get(j).id())
                            .orElseThrow();
                    o.put("kind", pair.kind());
                    ArrayNode on = o.putArray("hingesOn");
                    for (RankingRobustness.Hinge h : pair.hingesOn()) {
                        ObjectNode ho = on.addObject();
                        ho.put("input", h.input());
                        ho.put("label", h.label());
                        num(ho, "spearman", h.correlation());
                    }
                }
            }
        }
        ArrayNode rep = root.putArray("replay");
        for (Replay r : a.derived().replays()) {
            ObjectNode o = rep.addObject();
            o.put("lever", r.lever());
            o.put("policy", r.policy());
            o.put("observedFrom", r.observedFrom());
            o.put("observedTo", r.observedTo());
            o.put("observedDays", r.observedDays());
            o.put("source", r.source());
            o.set("simulated", lever(r.simulated()));
            num(o, "shareNoLongerThanObserved", r.shareNoLongerThanObserved());
        }
        if (a.policies().stream().allMatch(p -> p.forecast() != null)) {
            ObjectNode f = root.putObject("forecast");
            f.put("issue", scenario.demand().issue());
            f.put("models", "compromise first (every run), then KTAB SMP (the first runs)");
            ArrayNode fp = f.putArray("policies");
            for (PolicySummary p : a.ranked()) {
                PolicySummary.Forecast pf = p.forecast();
                ObjectNode x = fp.addObject();
                x.put("policy", p.id());
                ObjectNode c = x.putObject("compromise");
                num(c, "median", pf.compromiseMedian());
                num(c, "p05", pf.compromiseP05());
                num(c, "p95", pf.compromiseP95());
                ObjectNode sm = x.putObject("smp");
                num(sm, "median", pf.smpMedian());
                num(sm, "p05", pf.smpP05());
                num(sm, "p95", pf.smpP95());
                sm.put("runs", pf.smpRuns());
                x.put("smpNonMonotone", pf.smpNonMonotone());
            }
        }
        tension(root, scenario, a);
        root.set("bargaining", bargaining(a.derived().bargaining()));
        ArrayNode obs = root.putArray("observedEvents");
        for (ObservedEvent e : scenario.observedEvents()) {
            ObjectNode o = obs.addObject();
            o.put("date", e.date().toString());
            o.put("day", ChronoUnit.DAYS.between(scenario.start(), e.date()));
            o.put("actor", e.actor());
            o.put("counterpart", e.counterpart());
            o.put("cameo", e.code().cameo());
            o.put("goldstein", e.code().goldstein());
            o.put("description", e.description());
            o.put("source", e.source());
        }
        return root;
    }

    /**
     * Weekly tension index on the coercer–target dyad: observed (the scenario's events) and simulated (each
     * policy's events over all runs; counts and sums per run), both through the same {@code TensionIndex}.
     */
    static void tension(ObjectNode root, Scenario scenario, Analysis a) {
        Analysis.Tension tn = a.derived().tension();
        if (tn.error() != null) {
            root.putObject("tension").put("error", tn.error());
            return;
        }
        ObjectNode t = root.putObject("tension");
        t.put("dyad", tn.dyad());
        t.put("period", "week");
        t.set("observed", points(tn.observed(), 1));
        ArrayNode ps = t.putArray("policies");
        for (PolicySummary p : a.ranked()) {
            ObjectNode x = ps.addObject();
            x.put("policy", p.id());
            x.set("series", points(tn.simulated().get(a.policies().indexOf(p)), a.runs()));
        }
    }

    /**
     * The SMP forecast on the demand issue as {@code {model, issue, actors, capability, turns: [[position per
     * actor]...], outcome, converged}} on the issue's 0–100 scale, or {@code {model, error}}.
     */
    static ObjectNode bargaining(Analysis.Bargaining b) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("model", "smp");
        if (b.error() != null) {
            o.put("error", b.error());
            return o;
        }
        o.put("issue", b.issue());
        ArrayNode actors = o.putArray("actors");
        b.actors().forEach(actors::add);
        ArrayNode caps = o.putArray("capability");
        for (double c : b.capability()) {
            caps.add(c);
        }
        ArrayNode turns = o.putArray("turns");
        for (double[] state : b.turns()) {
            ArrayNode t = turns.addArray();
            for (double x : state) {
                t.add(x);
            }
        }
        o.put("outcome", b.outcome());
        o.put("converged", b.converged());
        return o;
    }

    /** Tension points; counts and sums divided by {@code runs} (1 for observed series). */
    static ArrayNode points(List<TensionPoint> points, int runs) {
        ArrayNode arr = MAPPER.createArrayNode();
        for (TensionPoint pt : points) {
            ObjectNode o = arr.addObject();
            o.put("period", pt.period().toString());
            num(o, "events", pt.events() / (double) runs);
            num(o, "goldsteinSum", pt.goldsteinSum() / runs);
            num(o, "goldsteinMean", pt.goldsteinMean());
            num(o, "cooperativeSum", pt.cooperativeSum() / runs);
            num(o, "conflictualSum", pt.conflictualSum() / runs);
            num(o, "verbalCooperationShare", pt.verbalCooperationShare());
            num(o, "materialCooperationShare", pt.materialCooperationShare());
            num(o, "verbalConflictShare", pt.verbalConflictShare());
            num(o, "materialConflictShare", pt.materialConflictShare());
            num(o, "index", pt.index());
        }
        return arr;
    }

    static ObjectNode policy(PolicySummary p) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", p.id());
        o.put("name", p.name());
        o.put("description", p.description());
        o.put("rank", p.rank());
        o.put("paretoEfficient", p.paretoEfficient());
        o.set("concession", estimate(p.concession()));
        o.set("meanConcession", estimate(p.meanConcession()));
        num(o, "effect", p.effect());
        num(o, "medianDaysToConcession", p.medianDaysToConcession());
        o.set("attacks", estimate(p.attacks()));
        num(o, "attacksAverted", p.attacksAverted());
        o.set("collateral", estimate(p.collateral()));
        num(o, "collateralPerEffect", p.collateralPerEffect());
        o.set("coercerOwnCost", estimate(p.coercerOwnCost()));
        o.set("clash", estimate(p.clash()));
        PolicySummary.Outcomes oc = p.outcomes();
        ObjectNode out = o.putObject("outcomes");
        out.set("metDemand", estimate(oc.metDemand()));
        out.set("partialOnly", estimate(oc.partialOnly()));
        out.set("standingAtHorizon", estimate(oc.standingAtHorizon()));
        out.set("metAtHorizon", estimate(oc.metAtHorizon()));
        out.set("everConceded", estimate(oc.everConceded()));
        num(out, "medianDaysToFirstConcession", oc.medianDaysToFirstConcession());
        num(out, "medianDaysToMeetDemand", oc.medianDaysToMeetDemand());
        num(out, "meanWithdrawals", oc.meanWithdrawals());
        ArrayNode at = o.putArray("attribution");
        for (PolicySummary.ChannelShare c : p.attribution()) {
            ObjectNode x = at.addObject();
            x.put("kind", c.kind());
            x.put("lever", c.lever());
            x.put("constituency", c.constituency());
            x.put("member", c.member());
            x.put("label", c.label());
            num(x, "meanPressure", c.meanPressure());
            num(x, "share", c.share());
            num(x, "deltaMetDemand", c.deltaMetDemand());
            x.put("ablationRuns", c.ablationRuns());
        }
        ArrayNode hs = o.putArray("harms");
        for (PolicySummary.ConstituencyHarm h : p.harms()) {
            ObjectNode x = hs.addObject();
            x.put("constituency", h.constituency());
            x.put("side", h.side());
            x.put("role", h.role());
            x.put("unit", h.unit());
            num(x, "mean", h.mean());
            num(x, "p05", h.p05());
            num(x, "p95", h.p95());
            num(x, "meanRelative", h.meanRelative());
        }
        ArrayNode ss = o.putArray("stances");
        for (PolicySummary.StanceShift s : p.stances()) {
            ObjectNode x = ss.addObject();
            x.put("member", s.member());
            num(x, "initial", s.initial());
            num(x, "baselineFinal", s.baselineFinal());
            num(x, "final", s.finalStance());
            num(x, "shift", s.shift());
            num(x, "shiftP05", s.shiftP05());
            num(x, "shiftP95", s.shiftP95());
            num(x, "peakWithdrawal", s.peakWithdrawal());
        }
        ArrayNode ls = o.putArray("levers");
        for (PolicySummary.LeverUse l : p.levers()) {
            ls.add(lever(l));
        }
        o.set("concessionCurve", array(p.concessionCurve()));
        ObjectNode d = o.putObject("daily");
        d.set("pressure", array(p.daily().pressure()));
        d.set("concession", array(p.daily().concession()));
        d.set("attacks", array(p.daily().attacks()));
        d.set("goldstein", array(p.daily().goldstein()));
        d.set("events", array(p.daily().events()));
        ObjectNode st = d.putObject("stances");
        for (int m = 0; m < p.stances().size() && m < p.daily().stance().length; m++) {
            st.set(p.stances().get(m).member(), array(p.daily().stance()[m]));
        }
        return o;
    }

    static ObjectNode lever(PolicySummary.LeverUse l) {
        ObjectNode x = MAPPER.createObjectNode();
        x.put("lever", l.lever());
        num(x, "used", l.used());
        num(x, "meanDaysInUse", l.meanDaysInUse());
        num(x, "liftedForOwnCost", l.liftedForOwnCost());
        ObjectNode sp = x.putObject("firstSpell");
        num(sp, "p05", l.spellP05());
        num(sp, "p25", l.spellP25());
        num(sp, "median", l.spellMedian());
        num(sp, "p75", l.spellP75());
        num(sp, "p95", l.spellP95());
        // histogram trimmed after its last non-zero day: share of runs (that used the lever) per spell length
        double[] h = l.spellHistogram();
        int last = h.length - 1;
        while (last > 0 && h[last] == 0) {
            last--;
        }
        sp.set("histogram", array(Arrays.copyOf(h, last + 1)));
        return x;
    }

    static ObjectNode estimate(Estimate e) {
        ObjectNode o = MAPPER.createObjectNode();
        num(o, "value", e.value());
        num(o, "lower", e.lower());
        num(o, "upper", e.upper());
        return o;
    }

    static ArrayNode array(double[] xs) {
        ArrayNode a = MAPPER.createArrayNode();
        for (double x : xs) {
            if (Double.isFinite(x)) {
                a.add(round(x));
            } else {
                a.addNull();
            }
        }
        return a;
    }

    static void num(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, round(v));
        } else {
            o.putNull(field);
        }
    }

    /** Twelve significant digits: enough for any analysis, and stable text across platforms. */
    static double round(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        return new BigDecimal(v).round(new MathContext(12)).doubleValue();
    }

    static String role(Constituency c) {
        return c.role().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> policyIds(JsonNode root) {
        List<String> ids = new ArrayList<>();
        root.get("policies").forEach(p -> ids.add(p.get("id").asText()));
        return ids;
    }
}
