package org.statecraft.core.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The checks a scenario's records cannot make alone: references to ids that must exist, duplicate ids,
 * row-stochastic influence, and numbers' sources. Reports every problem at once, each with the JSON
 * pointer of the offending value in the scenario document. O(size of the scenario).
 */
public final class ScenarioChecks {
    private ScenarioChecks() {
    }

    public static List<Problem> check(Scenario s) {
        List<Problem> out = new ArrayList<>();
        Set<String> actors = ids(s.actors().stream().map(Actor::id).toList(), "/actors", out);
        Set<String> constituencies = ids(s.constituencies().stream().map(Constituency::id).toList(),
                "/constituencies", out);
        Set<String> levers = ids(s.levers().stream().map(Lever::id).toList(), "/levers", out);
        ids(s.policies().stream().map(Policy::id).toList(), "/policies", out);
        Set<String> sources = ids(s.sources().stream().map(Source::id).toList(), "/sources", out);

        for (int i = 0; i < s.constituencies().size(); i++) {
            ref(actors, s.constituencies().get(i).side(), "/constituencies/" + i + "/side", "actor", out);
        }
        for (RegimeWeight w : s.weights()) {
            String p = "/weights/" + esc(w.actor());
            ref(actors, w.actor(), p, "actor", out);
            ref(constituencies, w.constituency(), p + "/" + esc(w.constituency()), "constituency", out);
        }
        Demand d = s.demand();
        ref(actors, d.coercer(), "/demand/coercer", "actor", out);
        ref(actors, d.target(), "/demand/target", "actor", out);
        for (int i = 0; i < s.levers().size(); i++) {
            Lever l = s.levers().get(i);
            String p = "/levers/" + i;
            ref(actors, l.owner(), p + "/owner", "actor", out);
            ref(actors, l.target(), p + "/target", "actor", out);
            for (int h = 0; h < l.harms().size(); h++) {
                ref(constituencies, l.harms().get(h).constituency(), p + "/harms/" + h + "/constituency",
                        "constituency", out);
            }
            for (int j = 0; j < l.stanceEffects().size(); j++) {
                String m = l.stanceEffects().get(j).member();
                if (!s.network().members().contains(m)) {
                    out.add(new Problem(p + "/stanceEffects/" + j + "/member", "unknown network member '" + m
                            + "'; expected one of " + s.network().members()));
                }
            }
            for (int j = 0; j < l.offsets().size(); j++) {
                ref(constituencies, l.offsets().get(j).constituency(), p + "/offsets/" + j + "/constituency",
                        "constituency", out);
            }
            if (l.networkStance() != null && !s.network().members().contains(l.owner())) {
                out.add(new Problem(p + "/networkStance", "lever " + l.id() + " has a network effect but its owner '"
                        + l.owner() + "' is not a member of the influence network; expected one of "
                        + s.network().members()));
            }
        }
        if (s.policies().isEmpty()) {
            out.add(new Problem("/policies", "expected at least one policy (the baseline has no rules)"));
        }
        for (int i = 0; i < s.policies().size(); i++) {
            checkRules(s, s.policies().get(i).rules(), "/policies/" + i + "/rules", levers, out);
        }
        checkRules(s, s.responses(), "/responses", levers, out);
        if (s.attacks() != null) {
            ref(actors, s.attacks().proxy(), "/attacks/proxy", "actor", out);
            ref(actors, s.attacks().victim(), "/attacks/victim", "actor", out);
        }
        if (s.clashes() != null) {
            for (int j = 0; j < s.clashes().harms().size(); j++) {
                ref(constituencies, s.clashes().harms().get(j).constituency(), "/clashes/harms/" + j
                        + "/constituency", "constituency", out);
            }
        }
        checkNetwork(s.network(), actors, constituencies, out);
        for (int i = 0; i < s.network().hostilityHarms().size(); i++) {
            if (s.network().hostilityHarms().get(i).member().equals(d.coercer())) {
                out.add(new Problem("/network/hostilityHarms/" + i + "/member", "the coercer '" + d.coercer()
                        + "' cannot harm the target through the network: its own diplomatic cover is a harm of the "
                        + "lever that withdraws it, so the analysis shows it; move it into that lever's harms"));
            }
        }
        for (int i = 0; i < s.observedEvents().size(); i++) {
            ObservedEvent e = s.observedEvents().get(i);
            ref(actors, e.actor(), "/observed/events/" + i + "/actor", "actor", out);
            ref(actors, e.counterpart(), "/observed/events/" + i + "/counterpart", "actor", out);
            if (e.source() != null) {
                ref(sources, e.source(), "/observed/events/" + i + "/source", "source", out);
            }
        }
        checkRecord(s, actors, levers, constituencies, sources, out);
        forEachQuantity(s, (path, q) -> {
            if (q.provenance().isSourced()) {
                ref(sources, q.provenance().source(), path + "/source", "source", out);
            }
        });
        return out;
    }

    /**
     * The record: every reference resolves, every spell ends after it starts, and every dated item lies where it
     * can mean something: nothing after the window's end (a count that starts before the scenario is history:
     * baselines use it, the hindcast does not score it).
     */
    private static void checkRecord(Scenario s, Set<String> actors, Set<String> levers, Set<String> constituencies,
                                    Set<String> sources, List<Problem> out) {
        Observed o = s.observed();
        LocalDate end = o.until() != null ? o.until() : s.start().plusDays(s.horizonDays());
        String endWhat = o.until() != null ? "the record's end (observed/until " + o.until() + ")"
                : "the horizon's end (" + end + "; set observed/until to score a longer record)";
        if (o.until() != null && o.until().isBefore(s.start())) {
            out.add(new Problem("/observed/until", "the record ends before the scenario starts; expected a date on "
                    + "or after " + s.start()));
        }
        for (int i = 0; i < o.spells().size(); i++) {
            LeverSpell sp = o.spells().get(i);
            String p = "/observed/spells/" + i;
            ref(levers, sp.lever(), p + "/lever", "lever", out);
            source(sources, sp.source(), p, out);
            if (sp.to() != null && sp.to().isBefore(sp.from())) {
                out.add(new Problem(p + "/to", "the spell ends before it starts; expected a date on or after "
                        + sp.from()));
            }
            if (sp.inForceOn() != null && sp.inForceOn().isBefore(sp.from())) {
                out.add(new Problem(p + "/inForceOn", "the spell is said to be in force before it starts; expected a "
                        + "date on or after " + sp.from()));
            }
            if (sp.from().isAfter(end)) {
                out.add(new Problem(p + "/from", "the spell starts after " + endWhat));
            }
        }
        for (int i = 0; i < o.actions().size(); i++) {
            ObservedAction a = o.actions().get(i);
            String p = "/observed/actions/" + i;
            ref(actors, a.actor(), p + "/actor", "actor", out);
            source(sources, a.source(), p, out);
            if (a.lever() != null) {
                ref(levers, a.lever(), p + "/lever", "lever", out);
                s.lever(a.lever()).filter(l -> actors.contains(a.actor()) && !l.owner().equals(a.actor()))
                        .ifPresent(l -> out.add(new Problem(p + "/actor", "lever '" + l.id() + "' is "
                                + l.owner() + "'s, not " + a.actor() + "'s; expected actor: " + l.owner())));
            }
            if (a.date().isAfter(end)) {
                out.add(new Problem(p + "/date", "the action is dated after " + endWhat));
            }
        }
        for (int i = 0; i < o.counts().size(); i++) {
            ObservedCount c = o.counts().get(i);
            String p = "/observed/counts/" + i;
            source(sources, c.source(), p, out);
            if (c.series() == ObservedCount.Series.HARM) {
                ref(constituencies, c.constituency(), p + "/constituency", "constituency", out);
            } else if (s.attacks() == null) {
                out.add(new Problem(p + "/series", "the scenario has no attack process to count; expected an "
                        + "attacks section, or series: harm"));
            }
            if (c.to().isBefore(c.from())) {
                out.add(new Problem(p + "/to", "the period ends before it starts; expected a date on or after "
                        + c.from()));
            } else if (c.to().isAfter(end)) {
                out.add(new Problem(p + "/to", "the period runs past " + endWhat + ": a count outside the scenario "
                        + "cannot be scored"));
            }
        }
        for (int i = 0; i < o.concessions().size(); i++) {
            ObservedConcession c = o.concessions().get(i);
            String p = "/observed/concessions/" + i;
            ref(actors, c.actor(), p + "/actor", "actor", out);
            source(sources, c.source(), p, out);
            if (c.on() == ObservedConcession.On.DEMAND && s.demand() != null && actors.contains(c.actor())
                    && !c.actor().equals(s.demand().target())) {
                out.add(new Problem(p + "/actor", "only the demand's target ('" + s.demand().target() + "') can "
                        + "concede on the demand; expected on: other, or actor: " + s.demand().target()));
            }
            if (c.date().isAfter(end)) {
                out.add(new Problem(p + "/date", "the concession is dated after " + endWhat));
            }
        }
        Set<String> members = new HashSet<>(s.network().members());
        for (int i = 0; i < o.stances().size(); i++) {
            StanceMove m = o.stances().get(i);
            String p = "/observed/stances/" + i;
            ref(members, m.member(), p + "/member", "network member", out);
            source(sources, m.source(), p, out);
            if (m.date().isAfter(end)) {
                out.add(new Problem(p + "/date", "the move is dated after " + endWhat));
            }
        }
        if (o.concessionBaseRate() != null && o.concessionBaseRate().provenance().isSourced()) {
            ref(sources, o.concessionBaseRate().provenance().source(), "/observed/baseRates/concession/source",
                    "source", out);
        }
    }

    private static void source(Set<String> sources, String source, String path, List<Problem> out) {
        if (source != null) {
            ref(sources, source, path + "/source", "source", out);
        }
    }

    private static void checkRules(Scenario s, List<Rule> rules, String base, Set<String> levers,
                                   List<Problem> out) {
        for (int r = 0; r < rules.size(); r++) {
            Rule rule = rules.get(r);
            String rp = base + "/" + r;
            ref(levers, rule.lever(), rp + "/" + rule.action().name().toLowerCase(Locale.ROOT), "lever", out);
            if (rule.trigger() instanceof Trigger.OnDay od && od.day() >= s.horizonDays()) {
                out.add(new Problem(rp + "/when/day", "day " + od.day() + " is past the horizon; expected 0 to "
                        + (s.horizonDays() - 1)));
            }
            if (rule.trigger() instanceof Trigger.OnLeverUse lu) {
                ref(levers, lu.lever(), rp + "/when/lever", "lever", out);
            }
        }
    }

    private static void checkNetwork(InfluenceNetwork n, Set<String> actors, Set<String> constituencies,
                                     List<Problem> out) {
        for (int i = 0; i < n.members().size(); i++) {
            String m = n.members().get(i);
            for (String field : List.of("initialStance", "susceptibility", "influence")) {
                boolean has = switch (field) {
                    case "initialStance" -> n.initialStance().containsKey(m);
                    case "susceptibility" -> n.susceptibility().containsKey(m);
                    default -> n.influence().containsKey(m);
                };
                if (!has) {
                    out.add(new Problem("/network/" + field, "member '" + m + "' has no " + field + " entry; "
                            + "expected one for every member of /network/members (nothing defaults to 0)"));
                }
            }
        }
        Set<String> members = new HashSet<>();
        for (int i = 0; i < n.members().size(); i++) {
            String m = n.members().get(i);
            ref(actors, m, "/network/members/" + i, "actor", out);
            if (!members.add(m)) {
                out.add(new Problem("/network/members/" + i, "member '" + m + "' is listed twice"));
            }
        }
        for (String m : n.initialStance().keySet()) {
            ref(members, m, "/network/initialStance/" + esc(m), "network member", out);
            Quantity q = n.initialStance().get(m);
            if (q.lower() < -1 || q.upper() > 1) {
                out.add(new Problem("/network/initialStance/" + esc(m), "a stance must lie in [-1, 1], was "
                        + q.describe()));
            }
        }
        for (String m : n.susceptibility().keySet()) {
            ref(members, m, "/network/susceptibility/" + esc(m), "network member", out);
            Quantity q = n.susceptibility().get(m);
            if (q.lower() < 0 || q.upper() > 1) {
                out.add(new Problem("/network/susceptibility/" + esc(m), "a susceptibility must lie in [0, 1], was "
                        + q.describe()));
            }
        }
        for (Map.Entry<String, Map<String, Quantity>> row : n.influence().entrySet()) {
            String p = "/network/influence/" + esc(row.getKey());
            ref(members, row.getKey(), p, "network member", out);
            double sum = 0;
            boolean uncertain = false;
            for (Map.Entry<String, Quantity> cell : row.getValue().entrySet()) {
                ref(members, cell.getKey(), p + "/" + esc(cell.getKey()), "network member", out);
                Quantity w = cell.getValue();
                if (!(w.lower() >= 0 && w.upper() <= 1)) {
                    out.add(new Problem(p + "/" + esc(cell.getKey()), "an influence weight must lie in [0, 1], was "
                            + w.describe()));
                }
                uncertain |= w.isUncertain();
                sum += w.mean();
            }
            if (!uncertain && Math.abs(sum - 1) > 1e-6) {
                out.add(new Problem(p, "influence weights of row '" + row.getKey() + "' must sum to 1 "
                        + "(W is row-stochastic), they sum to " + sum));
            }
            if (uncertain && !(sum > 0)) {
                out.add(new Problem(p, "influence weights of row '" + row.getKey() + "' are all zero; each drawn row "
                        + "is normalised to sum to 1, so at least one weight must be positive"));
            }
        }
        for (String m : n.interest().keySet()) {
            ref(members, m, "/network/interest/" + esc(m), "network member", out);
            Quantity q = n.interest().get(m);
            if (q.lower() < -1 || q.upper() > 1) {
                out.add(new Problem("/network/interest/" + esc(m), "an interest stance must lie in [-1, 1], was "
                        + q.describe()));
            }
            if (!n.driftDays().containsKey(m)) {
                out.add(new Problem("/network/interest/" + esc(m), "member '" + m + "' has an interest but no "
                        + "driftDays entry; expected both"));
            }
        }
        for (String m : n.driftDays().keySet()) {
            ref(members, m, "/network/driftDays/" + esc(m), "network member", out);
            if (!n.interest().containsKey(m)) {
                out.add(new Problem("/network/driftDays/" + esc(m), "member '" + m + "' has driftDays but no "
                        + "interest entry; expected both"));
            }
        }
        for (int i = 0; i < n.hostilityHarms().size(); i++) {
            HostilityHarm h = n.hostilityHarms().get(i);
            ref(members, h.member(), "/network/hostilityHarms/" + i + "/member", "network member", out);
            ref(constituencies, h.constituency(), "/network/hostilityHarms/" + i + "/constituency", "constituency",
                    out);
        }
    }

    /**
     * Structure that is not wrong enough to refuse but that the engine ignores, so that the file does not mean
     * what it says: a regime weight of an actor on a constituency on another actor's side (the engine reads
     * w(a, c) only where c's {@code side} is a, see {@code CompiledScenario} and {@code RunState}); a network
     * hostility harm on a stock constituency (the engine adds hostility to a flow's daily loss only). Reported as
     * warnings, and as errors in strict mode ({@code validate --strict}); same pointers as {@link #check}.
     */
    public static List<Problem> warnings(Scenario s) {
        List<Problem> out = new ArrayList<>();
        Map<String, String> sideOf = new HashMap<>();
        Map<String, ConstituencyKind> kindOf = new HashMap<>();
        for (Constituency c : s.constituencies()) {
            sideOf.putIfAbsent(c.id(), c.side());
            kindOf.putIfAbsent(c.id(), c.kind());
        }
        if (s.network() != null) {
            for (int i = 0; i < s.network().hostilityHarms().size(); i++) {
                HostilityHarm h = s.network().hostilityHarms().get(i);
                if (kindOf.get(h.constituency()) == ConstituencyKind.STOCK) {
                    out.add(new Problem("/network/hostilityHarms/" + i + "/constituency", "the hostility harm of '"
                            + h.member() + "' on constituency '" + h.constituency() + "' is ignored: '"
                            + h.constituency() + "' is a stock, and hostility adds to a flow's daily loss only; "
                            + "expected a flow constituency"));
                }
            }
        }
        for (RegimeWeight w : s.weights()) {
            String side = sideOf.get(w.constituency());
            if (side != null && !side.equals(w.actor())) {
                out.add(new Problem("/weights/" + esc(w.actor()) + "/" + esc(w.constituency()), "the weight of '"
                        + w.actor() + "' on constituency '" + w.constituency() + "' is ignored: the constituency is "
                        + "on the side of '" + side + "', and an actor's weights count only on its own side's "
                        + "constituencies; expected the weight under '" + side + "', or side: " + w.actor()
                        + " on the constituency"));
            }
        }
        return out;
    }

    /**
     * Visits every number of the scenario with its JSON pointer, in document order. Used to check sources
     * and, by sensitivity analysis, to enumerate the uncertain inputs.
     */
    public static void forEachQuantity(Scenario s, BiConsumer<String, Quantity> visitor) {
        for (int i = 0; i < s.actors().size(); i++) {
            Actor a = s.actors().get(i);
            visitor.accept("/actors/" + i + "/capability", a.capability());
            if (a.stance() != null) {
                visit(visitor, "/actors/" + i + "/stance/position", a.stance().position());
                visit(visitor, "/actors/" + i + "/stance/salience", a.stance().salience());
                visit(visitor, "/actors/" + i + "/stance/positionWhenHostile", a.stance().positionWhenHostile());
            }
        }
        for (int i = 0; i < s.constituencies().size(); i++) {
            visitor.accept("/constituencies/" + i + "/baseline", s.constituencies().get(i).baseline());
        }
        for (RegimeWeight w : s.weights()) {
            visitor.accept("/weights/" + esc(w.actor()) + "/" + esc(w.constituency()), w.weight());
        }
        Demand d = s.demand();
        visit(visitor, "/demand/currentPosition", d.currentPosition());
        visit(visitor, "/demand/demandedPosition", d.demandedPosition());
        visit(visitor, "/demand/complianceCost", d.complianceCost());
        visit(visitor, "/demand/capacity", d.capacity());
        visit(visitor, "/demand/convexity", d.convexity());
        visit(visitor, "/demand/lookaheadDays", d.lookaheadDays());
        visit(visitor, "/demand/decisionRatePerDay", d.decisionRatePerDay());
        visit(visitor, "/demand/backsliding/hazard", d.backslideHazard());
        for (int i = 0; i < s.levers().size(); i++) {
            Lever l = s.levers().get(i);
            String p = "/levers/" + i;
            for (int h = 0; h < l.harms().size(); h++) {
                visit(visitor, p + "/harms/" + h + "/perDay", l.harms().get(h).perDay());
                Harm hm = l.harms().get(h);
                visit(visitor, p + "/harms/" + h + "/accumulation", hm.accumulation());
                visit(visitor, p + "/harms/" + h + "/accumulationCap", hm.accumulationCap());
                visit(visitor, p + "/harms/" + h + "/halfLifeDays", hm.halfLifeDays());
                visit(visitor, p + "/harms/" + h + "/floor", hm.floor());
            }
            visit(visitor, p + (l.toleranceInDays() ? "/toleranceDays" : "/tolerance"), l.tolerance());
            visit(visitor, p + "/toleranceRecoveryDays", l.toleranceRecoveryDays());
            visit(visitor, p + "/toleranceGainPerAttack", l.toleranceGainPerAttack());
            for (int j = 0; j < l.stanceEffects().size(); j++) {
                visit(visitor, p + "/stanceEffects/" + j + "/shift", l.stanceEffects().get(j).shift());
            }
            for (int j = 0; j < l.offsets().size(); j++) {
                visit(visitor, p + "/offsets/" + j + "/share", l.offsets().get(j).share());
            }
            if (l.attackEffect() != null) {
                visit(visitor, p + "/attackEffect/reduction", l.attackEffect().reduction());
                visit(visitor, p + "/attackEffect/recoveryHalfLifeDays", l.attackEffect().recoveryHalfLifeDays());
            }
            visit(visitor, p + "/clashHazard", l.clashHazard());
            visit(visitor, p + "/networkStance", l.networkStance());
            visit(visitor, p + "/threatWeight", l.threatWeight());
        }
        if (s.attacks() != null) {
            visit(visitor, "/attacks/baseRatePerDay", s.attacks().baseRatePerDay());
            visit(visitor, "/attacks/suppression", s.attacks().suppression());
            visit(visitor, "/attacks/excitation", s.attacks().excitation());
            visit(visitor, "/attacks/decayPerDay", s.attacks().decayPerDay());
        }
        if (s.clashes() != null) {
            visit(visitor, "/clashes/backgroundHazard", s.clashes().backgroundHazard());
            for (int j = 0; j < s.clashes().harms().size(); j++) {
                visit(visitor, "/clashes/harms/" + j + "/perClash", s.clashes().harms().get(j).perClash());
            }
        }
        InfluenceNetwork n = s.network();
        for (String m : n.members()) {
            visit(visitor, "/network/initialStance/" + esc(m), n.initialStance().get(m));
            visit(visitor, "/network/susceptibility/" + esc(m), n.susceptibility().get(m));
        }
        for (String m : n.members()) {
            Map<String, Quantity> row = n.influence().get(m);
            if (row != null) {
                for (String k : n.members()) {
                    visit(visitor, "/network/influence/" + esc(m) + "/" + esc(k), row.get(k));
                }
            }
        }
        visit(visitor, "/network/stepDays", n.stepDays());
        for (String m : n.members()) {
            visit(visitor, "/network/interest/" + esc(m), n.interest().get(m));
            visit(visitor, "/network/driftDays/" + esc(m), n.driftDays().get(m));
        }
        for (int i = 0; i < n.hostilityHarms().size(); i++) {
            visit(visitor, "/network/hostilityHarms/" + i + "/perDay", n.hostilityHarms().get(i).perDay());
        }
    }

    private static void visit(BiConsumer<String, Quantity> v, String path, Quantity q) {
        if (q != null) {
            v.accept(path, q);
        }
    }

    private static Set<String> ids(List<String> ids, String path, List<Problem> out) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!seen.add(ids.get(i))) {
                out.add(new Problem(path + "/" + i + "/id", "id '" + ids.get(i) + "' is used twice; expected ids "
                        + "unique within " + path.substring(1)));
            }
        }
        return seen;
    }

    private static void ref(Set<String> known, String id, String path, String what, List<Problem> out) {
        if (id != null && !known.contains(id)) {
            List<String> sorted = known.stream().sorted().toList();
            out.add(new Problem(path, "unknown " + what + " '" + id + "'; expected one of " + sorted));
        }
    }

    /** JSON-pointer escaping (RFC 6901). */
    public static String esc(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
