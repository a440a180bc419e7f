package org.statecraft.io.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.statecraft.core.scenario.Actor;
import org.statecraft.core.scenario.ActorKind;
import org.statecraft.core.scenario.AttackEffect;
import org.statecraft.core.scenario.AttackProcess;
import org.statecraft.core.scenario.ClashProcess;
import org.statecraft.core.scenario.Constituency;
import org.statecraft.core.scenario.ConstituencyKind;
import org.statecraft.core.scenario.ConstituencyRole;
import org.statecraft.core.scenario.Demand;
import org.statecraft.core.scenario.EventCode;
import org.statecraft.core.scenario.Harm;
import org.statecraft.core.scenario.HostilityHarm;
import org.statecraft.core.scenario.InfluenceNetwork;
import org.statecraft.core.scenario.IssueStance;
import org.statecraft.core.scenario.Lever;
import org.statecraft.core.scenario.LeverSpell;
import org.statecraft.core.scenario.Observed;
import org.statecraft.core.scenario.ObservedAction;
import org.statecraft.core.scenario.ObservedConcession;
import org.statecraft.core.scenario.ObservedCount;
import org.statecraft.core.scenario.ObservedEvent;
import org.statecraft.core.scenario.Offset;
import org.statecraft.core.scenario.Policy;
import org.statecraft.core.scenario.Provenance;
import org.statecraft.core.scenario.Quantity;
import org.statecraft.core.scenario.RegimeWeight;
import org.statecraft.core.scenario.Rule;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.core.scenario.ScenarioChecks;
import org.statecraft.core.scenario.Source;
import org.statecraft.core.scenario.StanceEffect;
import org.statecraft.core.scenario.StanceMove;
import org.statecraft.core.scenario.Trigger;
import org.statecraft.io.cameo.CameoCodebook;

/**
 * Builds the core records from a scenario tree, collecting every problem instead of stopping at the first.
 * A field that cannot be read is reported and replaced by a harmless fallback, and a record whose
 * constructor rejects its values is reported at its pointer and replaced by a stub with the same id, so
 * that list positions (and so the JSON pointers of later checks) stay those of the file.
 */
final class ScenarioBuilder {
    private static final List<String> FORMS = List.of("value", "uniform", "triangular", "normal", "lognormal",
            "fittedLognormal");
    /** A rule's action keys, in the order of {@link Rule.Action}. */
    private static final List<String> ACTIONS = List.of("use", "threaten", "stop", "ease");
    /** A trigger's keys. */
    private static final List<String> TRIGGERS = List.of("day", "attack", "attacks", "clash", "lever", "concession");

    private final List<Finding> problems = new ArrayList<>();
    private int placeholders;

    List<Finding> problems() {
        return problems;
    }

    /** The scenario, or null when the document is not a mapping at all. */
    Scenario build(JsonNode root) {
        if (root == null || !root.isObject()) {
            return null; // the schema's type check reports it
        }
        JsonNode version = root.get("statecraft");
        if (version == null) {
            missing("", "statecraft");
        } else if (!version.isIntegralNumber() || version.asInt() != 1) {
            problem("/statecraft", "expected format version 1, found " + ScenarioSchema.describe(version));
        }
        String id = id(root, "", "id", true);
        String title = text(root, "", "title");
        String description = text(root, "", "description");
        LocalDate start = date(root, "", "start", true);
        // an unreadable horizon must not make every rule's day look past it
        int horizon = integer(root, "", "horizonDays", true, (int) SchemaBounds.number("/horizonDays").hi());

        List<Source> sources = list(root, "", "sources", this::source);
        List<Actor> actors = list(root, "", "actors", this::actor);
        List<Constituency> constituencies = list(root, "", "constituencies", this::constituency);
        List<RegimeWeight> weights = weights(root.get("weights"));
        Demand demand = demand(root);
        List<Lever> levers = list(root, "", "levers", this::lever);
        List<Policy> policies = list(root, "", "policies", this::policy);
        List<Rule> responses = list(root, "", "responses", this::rule);
        AttackProcess attacks = mapping(root, "", "attacks", false) ? attacks(root.get("attacks")) : null;
        ClashProcess clashes = mapping(root, "", "clashes", false) ? clashes(root.get("clashes")) : null;
        InfluenceNetwork network = mapping(root, "", "network", false) ? network(root.get("network"))
                : InfluenceNetwork.empty();
        Observed observed = mapping(root, "", "observed", false) ? observed(root.get("observed")) : Observed.empty();
        return new Scenario(id == null ? placeholder("scenario") : id, title, description,
                start == null ? LocalDate.EPOCH : start, horizon, sources, actors, constituencies, weights, demand,
                levers, policies, responses, attacks, clashes, network, observed);
    }

    // ---- entities -------------------------------------------------------------------------------------

    private Source source(JsonNode n, String p) {
        String id = idOrPlaceholder(n, p);
        String citation = requiredText(n, p, "citation");
        String url = text(n, p, "url");
        String note = text(n, p, "note");
        return construct(p, () -> new Source(id, citation, url, note), () -> new Source(id, "?", null, null));
    }

    private Actor actor(JsonNode n, String p) {
        String id = idOrPlaceholder(n, p);
        String name = text(n, p, "name");
        ActorKind kind = enumValue(n, p, "kind", ActorKind.class, false);
        Quantity capability = quantity(n, p, "capability", false);
        IssueStance stance = null;
        if (mapping(n, p, "stance", false)) {
            JsonNode s = n.get("stance");
            String sp = p + "/stance";
            stance = new IssueStance(quantity(s, sp, "position", true),
                    quantity(s, sp, "salience", true),
                    quantity(s, sp, "positionWhenHostile", false));
        }
        IssueStance st = stance;
        String cameo = text(n, p, "cameo");
        return construct(p, () -> new Actor(id, name, kind, capability, st, cameo),
                () -> new Actor(id, null, null, null, null));
    }

    private Constituency constituency(JsonNode n, String p) {
        String id = idOrPlaceholder(n, p);
        String name = text(n, p, "name");
        String side = refOrPlaceholder(n, p, "side");
        List<ConstituencyRole> roles = roles(n, p);
        ConstituencyKind kind = enumValue(n, p, "kind", ConstituencyKind.class, false);
        Quantity baseline = quantity(n, p, "baseline", true);
        String unit = text(n, p, "unit");
        String description = text(n, p, "description");
        return construct(p, () -> new Constituency(id, name, side, roles, kind, baseline, unit, description),
                () -> new Constituency(id, null, side, ConstituencyRole.COLLATERAL, Quantity.of(1), null, null));
    }

    /** {@code role: x} or {@code roles: [x, y]}, exactly one of the two; collateral when unreadable. */
    private List<ConstituencyRole> roles(JsonNode n, String p) {
        List<ConstituencyRole> fallback = List.of(ConstituencyRole.COLLATERAL);
        if (n.has("role") && n.has("roles")) {
            problem(p + "/roles", "a constituency has either role: <role> or roles: [<role>, ...]; expected one of "
                    + "the two, found both");
            return fallback;
        }
        if (!n.has("roles")) {
            ConstituencyRole role = enumValue(n, p, "role", ConstituencyRole.class, false);
            if (!n.has("role") && !misspelt(n, "role", "roles")) {
                problems.add(new Finding(p, p + "/role", false, "missing required field 'role' (or 'roles', a list "
                        + "of roles)"));
            }
            return role == null ? fallback : List.of(role);
        }
        if (!array(n, p, "roles", true)) {
            return fallback;
        }
        JsonNode a = n.get("roles");
        if (a.isEmpty()) {
            problem(p + "/roles", "expected at least one role of " + enumNames(ConstituencyRole.class)
                    + ", found an empty list");
            return fallback;
        }
        List<ConstituencyRole> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            ConstituencyRole role = enumOf(a.get(i), p + "/roles/" + i, ConstituencyRole.class);
            if (role != null && out.contains(role)) {
                problem(p + "/roles/" + i, "role '" + name(role) + "' is listed twice; expected each role once");
            } else if (role != null) {
                out.add(role);
            }
        }
        return out.isEmpty() ? fallback : out;
    }

    /** True when {@code n} has a key that is not one of {@code keys} but close to one: the schema hints at it. */
    private static boolean misspelt(JsonNode n, String... keys) {
        List<String> wanted = List.of(keys);
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!wanted.contains(k) && Suggestions.closest(k, wanted).filter(w -> !k.equals(w)).isPresent()
                    && Suggestions.closest(k, CONSTITUENCY_KEYS).filter(wanted::contains).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static final List<String> CONSTITUENCY_KEYS = List.of("id", "name", "side", "role", "roles", "kind",
            "baseline", "unit", "description");

    private List<RegimeWeight> weights(JsonNode n) {
        List<RegimeWeight> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (!n.isObject()) {
            problem("/weights", "expected a mapping weights.<actor>.<constituency>: weight, found "
                    + ScenarioSchema.describe(n));
            return out;
        }
        for (Map.Entry<String, JsonNode> row : n.properties()) {
            String rp = "/weights/" + ScenarioChecks.esc(row.getKey());
            if (!row.getValue().isObject()) {
                problem(rp, "expected a mapping of constituency ids to weights, found "
                        + ScenarioSchema.describe(row.getValue()));
                continue;
            }
            for (Iterator<String> names = row.getValue().fieldNames(); names.hasNext(); ) {
                String constituency = names.next();
                String wp = rp + "/" + ScenarioChecks.esc(constituency);
                Quantity w = quantity(row.getValue(), rp, constituency, true);
                RegimeWeight rw = construct(wp, () -> new RegimeWeight(row.getKey(), constituency, w), () -> null);
                if (rw != null) {
                    out.add(rw);
                }
            }
        }
        return out;
    }

    private Demand demand(JsonNode root) {
        String p = "/demand";
        JsonNode n = mapping(root, "", "demand", true) ? root.get("demand") : null;
        if (n == null) {
            return stubDemand(null, null);
        }
        String issue = text(n, p, "issue");
        String description = text(n, p, "description");
        String coercer = refOrPlaceholder(n, p, "coercer");
        String target = refOrPlaceholder(n, p, "target");
        Quantity current = quantity(n, p, "currentPosition", true);
        Quantity demanded = quantity(n, p, "demandedPosition", true);
        Quantity cost = quantity(n, p, "complianceCost", true);
        Quantity capacity = quantity(n, p, "capacity", true);
        double release = number(n, p, "releaseLevel", true);
        Quantity convexity = quantity(n, p, "convexity", true);
        Quantity lookahead = quantity(n, p, "lookaheadDays", true);
        Quantity decisionRate = quantity(n, p, "decisionRatePerDay", false);
        double partial = partialLevel(n, p, release);
        boolean allOrNothing = allOrNothing(n, p, release);
        Quantity hazard = Quantity.of(0);
        int grace = 0;
        double below = Demand.DEFAULT_BACKSLIDE_BELOW;
        if (mapping(n, p, "backsliding", true)) {
            JsonNode b = n.get("backsliding");
            String bp = p + "/backsliding";
            hazard = quantity(b, bp, "hazard", true);
            grace = integer(b, bp, "graceDays", false);
            below = b.has("below") ? number(b, bp, "below", false,
                    Demand.DEFAULT_BACKSLIDE_BELOW) : Demand.DEFAULT_BACKSLIDE_BELOW;
        }
        EventCode event = event(n, p, "concessionEvent", true);
        Quantity h = hazard;
        int g = grace;
        double b = below;
        return construct(p, () -> new Demand(issue, description, coercer, target, current, demanded, cost, capacity,
                release, convexity, lookahead, decisionRate, partial, allOrNothing, h, g, b, event),
                () -> stubDemand(coercer, target));
    }

    /** z_p: a plain number in (0, releaseLevel]; absent, min(default, releaseLevel). */
    private double partialLevel(JsonNode n, String p, double release) {
        double fallback = Math.min(Demand.DEFAULT_PARTIAL_LEVEL, release);
        if (!n.has("partialLevel")) {
            return fallback;
        }
        double z = number(n, p, "partialLevel", false, fallback);
        if (z > release) {
            problem(p + "/partialLevel", "expected a number in (0, releaseLevel " + fmt(release)
                    + "]: the smallest concession cannot exceed the one that meets the demand, was " + fmt(z));
            return fallback;
        }
        return z;
    }

    private boolean allOrNothing(JsonNode n, String p, double release) {
        Boolean all = bool(n, p, "allOrNothing");
        if (all != null && all && release != 1) {
            problem(p + "/allOrNothing", "an all-or-nothing demand is met only in full; expected releaseLevel 1, "
                    + "was " + fmt(release));
            return false;
        }
        return all != null && all;
    }

    private Demand stubDemand(String coercer, String target) {
        String c = coercer == null ? placeholder("coercer") : coercer;
        String t = target == null || target.equals(c) ? placeholder("target") : target;
        Quantity zero = Quantity.of(0);
        return new Demand(null, null, c, t, zero, zero, zero, zero, 1, Quantity.of(1), Quantity.of(1), zero, 0, null);
    }

    private Lever lever(JsonNode n, String p) {
        String id = idOrPlaceholder(n, p);
        String name = text(n, p, "name");
        String description = text(n, p, "description");
        String owner = refOrPlaceholder(n, p, "owner");
        String target = refOrPlaceholder(n, p, "target");
        List<Harm> harms = list(n, p, "harms", this::harm);
        if (!n.has("harms")) {
            missing(p, "harms");
        }
        int rampUp = integer(n, p, "rampUpDays", true);
        Quantity tolerance = quantity(n, p, "tolerance", false);
        Quantity toleranceDays = quantity(n, p, "toleranceDays", false);
        if (tolerance != null && toleranceDays != null) {
            problem(p + "/toleranceDays", "a lever has one tolerance: expected tolerance (weighted relative-loss-days) "
                    + "or toleranceDays (days of its own cost at full effect), not both");
            toleranceDays = null;
        }
        boolean inDays = toleranceDays != null;
        if (inDays) {
            tolerance = toleranceDays;
        }
        Quantity budgetRecovery = quantity(n, p, "toleranceRecoveryDays", false);
        if (budgetRecovery != null && tolerance == null) {
            problem(p + "/toleranceRecoveryDays", "a tolerance recovers only if there is one; expected a tolerance "
                    + "beside toleranceRecoveryDays");
            budgetRecovery = null;
        }
        Quantity rec = budgetRecovery;
        Quantity tol = tolerance;
        Quantity gain = quantity(n, p, "toleranceGainPerAttack", false);
        if (gain != null && tol == null) {
            problem(p + "/toleranceGainPerAttack", "a tolerance gain needs a tolerance to grow; expected a tolerance "
                    + "beside toleranceGainPerAttack");
            gain = null;
        }
        Quantity clash = quantity(n, p, "clashHazard", false);
        Quantity stance = quantity(n, p, "networkStance", false);
        List<StanceEffect> stanceEffects = list(n, p, "stanceEffects", (e, ep) -> {
            String member = refOrPlaceholder(e, ep, "member");
            Quantity shift = quantity(e, ep, "shift", true);
            return construct(ep, () -> new StanceEffect(member, shift), () -> null);
        });
        List<Offset> offsets = list(n, p, "offsets", (e, ep) -> {
            String constituency = refOrPlaceholder(e, ep, "constituency");
            Quantity share = quantity(e, ep, "share", true);
            return construct(ep, () -> new Offset(constituency, share), () -> null);
        });
        AttackEffect attackEffect = null;
        if (mapping(n, p, "attackEffect", false)) {
            JsonNode e = n.get("attackEffect");
            String ep = p + "/attackEffect";
            Quantity reduction = quantity(e, ep, "reduction", true);
            Quantity recovery = quantity(e, ep, "recoveryHalfLifeDays", true);
            attackEffect = construct(ep, () -> new AttackEffect(reduction, recovery), () -> null);
        }
        Quantity threat = quantity(n, p, "threatWeight", false);
        EventCode use = null;
        EventCode lift = null;
        EventCode threatEvent = null;
        if (mapping(n, p, "events", true)) {
            JsonNode e = n.get("events");
            use = event(e, p + "/events", "use", true);
            lift = event(e, p + "/events", "lift", true);
            threatEvent = event(e, p + "/events", "threat", false);
        }
        EventCode u = use;
        EventCode l = lift;
        EventCode t = threatEvent;
        Quantity g = gain;
        AttackEffect a = attackEffect;
        return construct(p, () -> new Lever(id, name, description, owner, target, harms, rampUp, tol, g, clash,
                        stance, stanceEffects, offsets, a, threat, u, l, t, inDays, rec),
                () -> new Lever(id, null, null, owner, target, harms, 1, null, null, null, null, null, null, null));
    }

    private Harm harm(JsonNode n, String p) {
        String constituency = refOrPlaceholder(n, p, "constituency");
        Quantity perDay = quantity(n, p, "perDay", true);
        Quantity accumulation = quantity(n, p, "accumulation", false);
        Quantity cap = quantity(n, p, "accumulationCap", false);
        Quantity halfLife = quantity(n, p, "halfLifeDays", false);
        Quantity floor = quantity(n, p, "floor", false);
        String at = floor != null && halfLife == null ? p + "/floor" : p;
        return construct(at, () -> new Harm(constituency, perDay, accumulation, cap, halfLife, floor),
                () -> new Harm(constituency, perDay, accumulation));
    }

    private Policy policy(JsonNode n, String p) {
        String id = idOrPlaceholder(n, p);
        String name = text(n, p, "name");
        String description = text(n, p, "description");
        List<Rule> rules = list(n, p, "rules", this::rule);
        Boolean release = bool(n, p, "releaseOnConcession");
        boolean r = release == null || release;
        return construct(p, () -> new Policy(id, name, description, rules, r),
                () -> new Policy(id, null, null, rules, true));
    }

    /** A rule of a policy or of the responses: a trigger and exactly one action on a lever. */
    private Rule rule(JsonNode n, String p) {
        Trigger trigger = mapping(n, p, "when", true) ? trigger(n.get("when"), p + "/when") : null;
        List<String> actions = ACTIONS.stream().filter(n::has).toList();
        if (actions.size() != 1) {
            problem(p, actions.isEmpty()
                    ? "expected the action on a lever: use: <lever id>, threaten: <lever id>, stop: <lever id> or "
                    + "ease: <lever id> with level: <0-1>"
                    : "a rule takes exactly one action; expected one of use, threaten, stop, ease, found "
                    + String.join(" and ", actions));
        }
        String key = actions.isEmpty() ? "use" : actions.get(0);
        Rule.Action action = Rule.Action.values()[ACTIONS.indexOf(key)];
        String lever = actions.size() == 1 ? refOrPlaceholder(n, p, key) : placeholder("lever");
        // with no clear action, which of days and level belong is unknowable: the action problem says it all
        boolean lasting = actions.size() != 1 || action == Rule.Action.USE || action == Rule.Action.THREATEN;
        Integer days = null;
        if (n.has("days") && !lasting) {
            problem(p + "/days", "a " + key + " rule acts on the day it fires and takes no days; expected days only "
                    + "beside use or threaten");
        } else if (n.has("days")) {
            days = integer(n, p, "days", false);
        }
        Double level = null;
        if (action == Rule.Action.EASE) {
            level = number(n, p, "level", actions.size() == 1);
        } else if (n.has("level") && actions.size() == 1) {
            problem(p + "/level", "only an ease rule takes a level (the lever's new intensity); expected level only "
                    + "beside ease");
        }
        Boolean once = bool(n, p, "once");
        boolean o = once != null ? once : trigger instanceof Trigger.OnDay;
        Trigger tr = trigger == null ? new Trigger.OnAttack() : trigger;
        Integer d = days;
        Double lv = level;
        return construct(p, () -> new Rule(tr, action, lever, d, o, lv),
                () -> new Rule(tr, action, lever, null, false, action == Rule.Action.EASE ? 1.0 : null));
    }

    private Trigger trigger(JsonNode n, String p) {
        List<String> kinds = TRIGGERS.stream().filter(n::has).toList();
        if (kinds.isEmpty() && !n.isEmpty()) {
            return null; // only unknown keys: the schema reports each, with a hint
        }
        if (kinds.size() != 1) {
            problem(p, "expected exactly one trigger: {day: N}, {attack: true}, {attacks: {windowDays: N, atLeast: N}},"
                    + " {clash: true}, {lever: <lever id>} or {concession: true}"
                    + (kinds.isEmpty() ? "" : ", found " + String.join(" and ", kinds)));
            return null;
        }
        String k = kinds.get(0);
        switch (k) {
            case "day" -> {
                int day = integer(n, p, "day", true);
                return construct(p + "/day", () -> new Trigger.OnDay(day), () -> null);
            }
            case "attack", "clash", "concession" -> {
                JsonNode v = n.get(k);
                if (!v.isBoolean() || !v.asBoolean()) {
                    problem(p + "/" + k, "expected true, found " + ScenarioSchema.describe(v));
                }
                return switch (k) {
                    case "attack" -> new Trigger.OnAttack();
                    case "clash" -> new Trigger.OnClash();
                    default -> new Trigger.OnConcession();
                };
            }
            case "lever" -> {
                return new Trigger.OnLeverUse(refOrPlaceholder(n, p, "lever"));
            }
            default -> {
                if (!mapping(n, p, "attacks", true)) {
                    return null;
                }
                JsonNode a = n.get("attacks");
                int window = integer(a, p + "/attacks", "windowDays", true);
                int atLeast = integer(a, p + "/attacks", "atLeast", true);
                return construct(p + "/attacks", () -> new Trigger.AttackCount(window, atLeast), () -> null);
            }
        }
    }

    private AttackProcess attacks(JsonNode n) {
        String p = "/attacks";
        String proxy = refOrPlaceholder(n, p, "proxy");
        String victim = refOrPlaceholder(n, p, "victim");
        Quantity base = quantity(n, p, "baseRatePerDay", true);
        Quantity suppression = quantity(n, p, "suppression", true);
        Quantity excitation = quantity(n, p, "excitation", true);
        Quantity decay = quantity(n, p, "decayPerDay", true);
        EventCode event = event(n, p, "event", true);
        return construct(p, () -> new AttackProcess(proxy, victim, base, suppression, excitation, decay, event),
                () -> null);
    }

    private ClashProcess clashes(JsonNode n) {
        String p = "/clashes";
        Quantity hazard = quantity(n, p, "backgroundHazard", true);
        EventCode event = event(n, p, "event", true);
        List<ClashProcess.ClashHarm> harms = list(n, p, "harms", (h, hp) -> {
            String constituency = refOrPlaceholder(h, hp, "constituency");
            Quantity perClash = quantity(h, hp, "perClash", true);
            return construct(hp, () -> new ClashProcess.ClashHarm(constituency, perClash), () -> null);
        });
        return construct(p, () -> new ClashProcess(hazard, event, harms), () -> null);
    }

    private InfluenceNetwork network(JsonNode n) {
        String p = "/network";
        List<String> members = new ArrayList<>();
        if (array(n, p, "members", true)) {
            JsonNode m = n.get("members");
            for (int i = 0; i < m.size(); i++) {
                JsonNode v = m.get(i);
                if (v.isTextual() && !v.asText().isBlank()) {
                    members.add(v.asText());
                } else {
                    problem(p + "/members/" + i, "expected an actor id, found " + ScenarioSchema.describe(v));
                    members.add(placeholder("member"));
                }
            }
        }
        Quantity step = quantity(n, p, "stepDays", true);
        Map<String, Quantity> initial = quantityMap(n, p, "initialStance", true);
        Map<String, Quantity> susceptibility = quantityMap(n, p, "susceptibility", true);
        Map<String, Quantity> interest = quantityMap(n, p, "interest", false);
        Map<String, Quantity> drift = quantityMap(n, p, "driftDays", false);
        Map<String, Map<String, Quantity>> influence = new LinkedHashMap<>();
        if (mapping(n, p, "influence", true)) {
            JsonNode w = n.get("influence");
            for (Map.Entry<String, JsonNode> row : w.properties()) {
                String rp = p + "/influence/" + ScenarioChecks.esc(row.getKey());
                if (!row.getValue().isObject()) {
                    problem(rp, "expected a row of W: a mapping of member ids to weights in [0, 1], found "
                            + ScenarioSchema.describe(row.getValue()));
                    continue;
                }
                Map<String, Quantity> cells = new LinkedHashMap<>();
                for (Iterator<String> names = row.getValue().fieldNames(); names.hasNext(); ) {
                    String col = names.next();
                    cells.put(col, quantity(row.getValue(), rp, col, true));
                }
                influence.put(row.getKey(), cells);
            }
        }
        List<HostilityHarm> harms = list(n, p, "hostilityHarms", (h, hp) -> new HostilityHarm(
                refOrPlaceholder(h, hp, "member"), refOrPlaceholder(h, hp, "constituency"),
                quantity(h, hp, "perDay", true)));
        return construct(p, () -> new InfluenceNetwork(members, initial, susceptibility, influence, step, interest,
                drift, harms), InfluenceNetwork::empty);
    }

    private Map<String, Quantity> quantityMap(JsonNode n, String p, String key, boolean required) {
        Map<String, Quantity> out = new LinkedHashMap<>();
        if (mapping(n, p, key, required)) {
            JsonNode m = n.get(key);
            for (Iterator<String> names = m.fieldNames(); names.hasNext(); ) {
                String member = names.next();
                out.put(member, quantity(m, p + "/" + key, member, true));
            }
        }
        return out;
    }

    private ObservedEvent observedEvent(JsonNode n, String p) {
        LocalDate date = date(n, p, "date", true);
        String actor = refOrPlaceholder(n, p, "actor");
        String counterpart = refOrPlaceholder(n, p, "counterpart");
        EventCode code = event(n, p, "cameo", true);
        String description = text(n, p, "description");
        String source = optionalRef(n, p, "source");
        return new ObservedEvent(date, actor, counterpart, code, description, source);
    }

    private Observed observed(JsonNode n) {
        String p = "/observed";
        LocalDate until = date(n, p, "until", false);
        List<ObservedEvent> events = list(n, p, "events", this::observedEvent);
        List<LeverSpell> spells = list(n, p, "spells", this::spell);
        List<ObservedAction> actions = list(n, p, "actions", this::action);
        List<ObservedCount> counts = list(n, p, "counts", this::count);
        List<ObservedConcession> concessions = list(n, p, "concessions", this::concession);
        List<StanceMove> stances = list(n, p, "stances", this::stanceMove);
        Quantity baseRate = null;
        if (mapping(n, p, "baseRates", false)) {
            baseRate = quantity(n.get("baseRates"), p + "/baseRates", "concession", false);
        }
        return new Observed(until, events, spells, actions, counts, concessions, stances, baseRate);
    }

    private LeverSpell spell(JsonNode n, String p) {
        String lever = refOrPlaceholder(n, p, "lever");
        LocalDate from = date(n, p, "from", true);
        LocalDate to = date(n, p, "to", false);
        LocalDate inForce = date(n, p, "inForceOn", false);
        String source = optionalRef(n, p, "source");
        if (to != null && inForce != null) {
            problem(p + "/inForceOn", "a spell has an end (to) or a date it was still in force (inForceOn), not both");
        } else if (!n.has("to") && !n.has("inForceOn")) {
            problem(p, "a spell needs its end (to) or, while it lasts, a date it was still in force (inForceOn)");
        }
        LocalDate f = from == null ? (to != null ? to : inForce != null ? inForce : LocalDate.EPOCH) : from;
        if (to == null && inForce != null) {
            return new LeverSpell(lever, f, null, inForce, source);
        }
        return new LeverSpell(lever, f, to == null ? f : to, source);
    }

    private ObservedAction action(JsonNode n, String p) {
        LocalDate date = date(n, p, "date", true);
        String actor = refOrPlaceholder(n, p, "actor");
        String lever = optionalRef(n, p, "lever");
        int days = n.has("days") ? integer(n, p, "days", false) : 1;
        String description = text(n, p, "description");
        String source = optionalRef(n, p, "source");
        return new ObservedAction(date == null ? LocalDate.EPOCH : date, actor, lever, days, description, source);
    }

    private ObservedCount count(JsonNode n, String p) {
        ObservedCount.Series series = enumValue(n, p, "series", ObservedCount.Series.class, true);
        String constituency = null;
        if (series == ObservedCount.Series.HARM) {
            constituency = refOrPlaceholder(n, p, "constituency");
        } else if (n.has("constituency")) {
            problem(p + "/constituency", "only a harm count names a constituency; expected series: harm");
        }
        String counter = text(n, p, "counter");
        LocalDate from = date(n, p, "from", true);
        LocalDate to = date(n, p, "to", true);
        double value = number(n, p, "value", true);
        Quantity share = quantity(n, p, "modelShare", false);
        String source = optionalRef(n, p, "source");
        LocalDate f = from == null ? (to == null ? LocalDate.EPOCH : to) : from;
        ObservedCount.Series s = series == null ? ObservedCount.Series.ATTACKS : series;
        String c = constituency;
        return construct(p, () -> new ObservedCount(s, c, counter, f, to == null ? f : to, value, share, source),
                () -> null);
    }

    private ObservedConcession concession(JsonNode n, String p) {
        LocalDate date = date(n, p, "date", true);
        String actor = refOrPlaceholder(n, p, "actor");
        ObservedConcession.On on = enumValue(n, p, "on", ObservedConcession.On.class, true);
        ObservedConcession.Extent extent = enumValue(n, p, "extent", ObservedConcession.Extent.class, false);
        if (on == ObservedConcession.On.DEMAND && extent == null && !n.has("extent")) {
            missing(p, "extent");
        }
        if (on == ObservedConcession.On.OTHER && extent != null) {
            problem(p + "/extent", "a concession on another issue has no extent on the demand; expected on: demand, "
                    + "or no extent");
        }
        String description = text(n, p, "description");
        String source = optionalRef(n, p, "source");
        if (date == null || on == null || (on == ObservedConcession.On.DEMAND) != (extent != null)) {
            return null;
        }
        return construct(p, () -> new ObservedConcession(date, actor, on, extent, description, source), () -> null);
    }

    private StanceMove stanceMove(JsonNode n, String p) {
        LocalDate date = date(n, p, "date", true);
        String member = refOrPlaceholder(n, p, "member");
        StanceMove.Direction direction = enumValue(n, p, "direction", StanceMove.Direction.class, true);
        String description = text(n, p, "description");
        String source = optionalRef(n, p, "source");
        if (date == null || direction == null) {
            return null;
        }
        return construct(p, () -> new StanceMove(date, member, direction, description, source), () -> null);
    }

    // ---- numbers --------------------------------------------------------------------------------------

    /**
     * A quantity in any of its forms; each number written in it is checked against the schema's range at its
     * pointer, and every value it can take against the field's range ({@link SchemaBounds}). Null when absent
     * and optional.
     */
    Quantity quantity(JsonNode parent, String parentPath, String key, boolean required) {
        String p = parentPath + "/" + ScenarioChecks.esc(key);
        JsonNode n = parent.get(key);
        SchemaBounds.Bounds written = SchemaBounds.number(p);
        if (absent(n, parentPath, key, required)) {
            return required ? Quantity.of(written.fallback()) : null;
        }
        if (n.isNumber()) {
            double d = checked(n, p, written);
            return Double.isNaN(d) ? Quantity.of(written.fallback())
                    : construct(p, () -> new Quantity.Fixed(d, Provenance.NONE), () -> Quantity.of(written.fallback()));
        }
        Quantity q = parseQuantity(n, p);
        if (q == null) {
            return Quantity.of(written.fallback());
        }
        SchemaBounds.Bounds bounds = SchemaBounds.support(p);
        boolean lower = admitsLower(bounds, q);
        if (!lower || !bounds.admitsUpper(q.upper())) {
            if (!q.isUncertain()) {
                problem(p, "expected a number " + bounds.describe() + ", was " + fmt(q.mean()));
            } else {
                String reach = lower ? "up to " + fmt(q.upper()) : "down to " + fmt(q.lower());
                problem(p, "expected values " + bounds.describe() + ", but " + q.describe() + " reaches " + reach);
            }
            return Quantity.of(written.fallback());
        }
        return q;
    }

    /** A lognormal's infimum 0 is never drawn: its support is (0, inf), admitted by an open lower bound 0. */
    private static boolean admitsLower(SchemaBounds.Bounds b, Quantity q) {
        boolean attained = !(q instanceof Quantity.LogNormal ln && ln.isUncertain());
        return b.loOpen() && attained ? q.lower() > b.lo() : q.lower() >= b.lo();
    }

    private Quantity parseQuantity(JsonNode n, String p) {
        if (n.isNumber()) {
            return construct(p, () -> new Quantity.Fixed(n.asDouble(), Provenance.NONE), () -> null);
        }
        if (!n.isObject()) {
            problem(p, "expected a number or a quantity such as {value: 0.5, source: id}, {uniform: [min, max]}, "
                    + "{triangular: [min, mode, max]}, {normal: [mean, sd]}, {lognormal: {median: m, gsd: g}} or {fittedLognormal: {mu, sigma, muStandardError, sigmaStandardError, correlation}}, "
                    + "found " + ScenarioSchema.describe(n));
            return null;
        }
        List<String> forms = FORMS.stream().filter(n::has).toList();
        if (forms.size() != 1) {
            problem(p, "expected exactly one of value, uniform, triangular, normal, lognormal, fittedLognormal"
                    + (forms.isEmpty() ? "" : ", found " + String.join(" and ", forms)));
            return null;
        }
        String form = forms.get(0);
        String fp = p + "/" + form;
        String source = optionalRef(n, p, "source");
        String assumption = text(n, p, "assumption");
        Provenance prov = new Provenance(source, assumption);
        if ((n.has("min") || n.has("max")) && !form.equals("normal")) {
            problem(n.has("min") ? p + "/min" : p + "/max", "min and max truncate a normal distribution; expected "
                    + "them only beside normal: [mean, sd]");
        }
        JsonNode v = n.get(form);
        switch (form) {
            case "value" -> {
                double d = checked(v, fp, SchemaBounds.number(fp));
                return Double.isNaN(d) ? null : construct(fp, () -> new Quantity.Fixed(d, prov), () -> null);
            }
            case "uniform" -> {
                double[] a = numbers(v, fp, 2, "[min, max]");
                return a == null ? null : construct(fp, () -> new Quantity.Uniform(a[0], a[1], prov), () -> null);
            }
            case "triangular" -> {
                double[] a = numbers(v, fp, 3, "[min, mode, max]");
                return a == null ? null
                        : construct(fp, () -> new Quantity.Triangular(a[0], a[1], a[2], prov), () -> null);
            }
            case "normal" -> {
                double[] a = numbers(v, fp, 2, "[mean, sd]");
                double lo = n.has("min") ? number(n, p, "min", false) : Double.NEGATIVE_INFINITY;
                double hi = n.has("max") ? number(n, p, "max", false) : Double.POSITIVE_INFINITY;
                return a == null ? null
                        : construct(fp, () -> new Quantity.Normal(a[0], a[1], lo, hi, prov), () -> null);
            }
            case "fittedLognormal" -> {
                if (!v.isObject()) {
                    problem(fp, "expected {mu, sigma, muStandardError, sigmaStandardError, correlation}, found "
                            + ScenarioSchema.describe(v));
                    return null;
                }
                double mu = number(v, fp, "mu", true);
                double sigma = number(v, fp, "sigma", true);
                double muSe = number(v, fp, "muStandardError", true);
                double sigmaSe = number(v, fp, "sigmaStandardError", true);
                double r = v.has("correlation") ? number(v, fp, "correlation", false) : 0;
                return construct(fp, () -> new Quantity.FittedLogNormal(mu, sigma, muSe, sigmaSe, r, prov), () -> null);
            }
            default -> {
                if (!v.isObject()) {
                    problem(fp, "expected {median: m, gsd: g}, found " + ScenarioSchema.describe(v));
                    return null;
                }
                double median = number(v, fp, "median", true);
                double gsd = number(v, fp, "gsd", true);
                return construct(fp, () -> new Quantity.LogNormal(median, gsd, prov), () -> null);
            }
        }
    }

    private double[] numbers(JsonNode v, String p, int count, String form) {
        if (!v.isArray() || v.size() != count) {
            problem(p, "expected " + count + " numbers " + form + ", found " + ScenarioSchema.describe(v));
            return null;
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = checked(v.get(i), p + "/" + i, SchemaBounds.number(p + "/" + i));
            if (Double.isNaN(out[i])) {
                return null;
            }
        }
        return out;
    }

    /** A plain number (no provenance), in the schema's range at its pointer. */
    private double number(JsonNode parent, String parentPath, String key, boolean required) {
        return number(parent, parentPath, key, required,
                SchemaBounds.number(parentPath + "/" + ScenarioChecks.esc(key)).fallback());
    }

    private double number(JsonNode parent, String parentPath, String key, boolean required, double fallback) {
        String p = parentPath + "/" + ScenarioChecks.esc(key);
        JsonNode n = parent.get(key);
        if (absent(n, parentPath, key, required)) {
            return fallback;
        }
        double d = checked(n, p, SchemaBounds.number(p));
        return Double.isNaN(d) ? fallback : d;
    }

    /** The finite number {@code n} at {@code p} if {@code bounds} admit it, else NaN after reporting at p. */
    private double checked(JsonNode n, String p, SchemaBounds.Bounds bounds) {
        if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
            problem(p, "expected a finite number, found " + ScenarioSchema.describe(n));
            return Double.NaN;
        }
        double d = n.asDouble();
        if (!bounds.admits(d)) {
            problem(p, "expected a number " + bounds.describe() + ", was " + fmt(d));
            return Double.NaN;
        }
        return d;
    }

    /** A whole number in the schema's range at its pointer; the range's fallback when unreadable. */
    private int integer(JsonNode parent, String parentPath, String key, boolean required) {
        String p = parentPath + "/" + ScenarioChecks.esc(key);
        return integer(parent, parentPath, key, required, (int) SchemaBounds.number(p).fallback());
    }

    private int integer(JsonNode parent, String parentPath, String key, boolean required, int fallback) {
        String p = parentPath + "/" + ScenarioChecks.esc(key);
        JsonNode n = parent.get(key);
        if (absent(n, parentPath, key, required)) {
            return fallback;
        }
        SchemaBounds.Bounds bounds = SchemaBounds.number(p);
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            problem(p, "expected a whole number " + bounds.describe() + ", found " + ScenarioSchema.describe(n));
            return fallback;
        }
        int v = n.asInt();
        if (!bounds.admits(v)) {
            problem(p, "expected a whole number " + bounds.describe() + ", was " + v);
            return fallback;
        }
        return v;
    }

    // ---- texts, ids, events -----------------------------------------------------------------------------

    private String text(JsonNode parent, String parentPath, String key) {
        return present(parent, parentPath, key, false, JsonNode::isTextual, "a text") ? parent.get(key).asText() : null;
    }

    private String requiredText(JsonNode parent, String parentPath, String key) {
        if (!parent.has(key) || parent.get(key).isNull()) {
            missing(parentPath, key);
            return null;
        }
        return text(parent, parentPath, key);
    }

    private String id(JsonNode parent, String parentPath, String key, boolean required) {
        JsonNode n = parent.get(key);
        if (absent(n, parentPath, key, required)) {
            return null;
        }
        if (!n.isTextual() || n.asText().isBlank() || n.asText().chars().anyMatch(Character::isWhitespace)) {
            problem(parentPath + "/" + ScenarioChecks.esc(key), "expected an id (a word without spaces), found "
                    + ScenarioSchema.describe(n));
            return null;
        }
        return n.asText();
    }

    private String idOrPlaceholder(JsonNode n, String p) {
        String id = id(n, p, "id", true);
        return id == null ? placeholder(p) : id;
    }

    private String refOrPlaceholder(JsonNode n, String p, String key) {
        String id = id(n, p, key, true);
        return id == null ? placeholder(p + "/" + key) : id;
    }

    private String optionalRef(JsonNode n, String p, String key) {
        return id(n, p, key, false);
    }

    /** An id that cannot clash with a real one; problems about it are covered by the one already reported. */
    private String placeholder(String what) {
        return PLACEHOLDER + what + " #" + (++placeholders) + ")";
    }

    private static final String PLACEHOLDER = "(unreadable ";
    private static final Pattern LISTED_PLACEHOLDER =
            Pattern.compile("\\(unreadable [^)]*\\)(, )?");

    /** True when a later check's message is about a placeholder, that is about an already reported problem. */
    static boolean mentionsPlaceholder(String message) {
        return message.contains("'" + PLACEHOLDER);
    }

    /** The message without placeholders in its lists of expected ids. */
    static String withoutPlaceholders(String message) {
        return LISTED_PLACEHOLDER.matcher(message).replaceAll("").replace(", ]", "]");
    }

    private LocalDate date(JsonNode parent, String parentPath, String key, boolean required) {
        String p = parentPath + "/" + ScenarioChecks.esc(key);
        JsonNode n = parent.get(key);
        if (absent(n, parentPath, key, required)) {
            return null;
        }
        if (n.isTextual()) {
            try {
                return LocalDate.parse(n.asText().strip());
            } catch (DateTimeParseException e) {
                // fall through to the problem
            }
        }
        problem(p, "expected a date YYYY-MM-DD, found " + ScenarioSchema.describe(n));
        return null;
    }

    private Boolean bool(JsonNode parent, String parentPath, String key) {
        return present(parent, parentPath, key, false, JsonNode::isBoolean, "true or false")
                ? parent.get(key).asBoolean() : null;
    }

    private <E extends Enum<E>> E enumValue(JsonNode parent, String parentPath, String key, Class<E> type,
                                            boolean required) {
        JsonNode n = parent.get(key);
        if (absent(n, parentPath, key, required)) {
            return null;
        }
        return enumOf(n, parentPath + "/" + ScenarioChecks.esc(key), type);
    }

    /** The constant written {@code n} (lower case, '-' for '_'), or null after reporting at {@code p}. */
    private <E extends Enum<E>> E enumOf(JsonNode n, String p, Class<E> type) {
        List<String> names = enumNames(type);
        int i = n.isTextual() ? names.indexOf(n.asText()) : -1;
        if (i < 0) {
            problem(p, "expected one of " + names + ", found " + ScenarioSchema.describe(n));
            return null;
        }
        return type.getEnumConstants()[i];
    }

    private static <E extends Enum<E>> List<String> enumNames(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(name(e));
        }
        return names;
    }

    /** How the file writes an enum constant: {@code POWER_BASE} is {@code power-base}. */
    private static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A CAMEO code: a quoted string, with its Goldstein value from GDELT's table, or {cameo, goldstein}. */
    private EventCode event(JsonNode parent, String parentPath, String key, boolean required) {
        String p = parentPath + "/" + ScenarioChecks.esc(key);
        JsonNode n = parent.get(key);
        if (absent(n, parentPath, key, required)) {
            return null;
        }
        String code;
        Double goldstein = null;
        String codePath = p;
        if (n.isTextual()) {
            code = n.asText();
        } else if (n.isObject() && n.get("cameo") != null && n.get("cameo").isTextual()) {
            code = n.get("cameo").asText();
            codePath = p + "/cameo";
            if (n.has("goldstein")) {
                goldstein = number(n, p, "goldstein", false);
            }
        } else {
            problem(p, "expected a CAMEO code in quotes such as \"190\" (unquoted, 010 would be read as the number"
                    + " 10), or {cameo: \"190\", goldstein: -10}, found " + ScenarioSchema.describe(n));
            return null;
        }
        Double known = CameoCodebook.gdelt().goldstein(code).orElse(null);
        if (known == null) {
            problem(codePath, "unknown CAMEO code '" + code + "'; expected a code of the CAMEO codebook, 2 to 4 "
                    + "digits such as \"042\" or \"190\"");
            return null;
        }
        double g = goldstein != null ? goldstein : known;
        return construct(codePath, () -> new EventCode(code, g), () -> null);
    }

    // ---- structure ------------------------------------------------------------------------------------

    private interface ElementReader<T> {
        T read(JsonNode element, String pointer);
    }

    /** Reads a list; an absent list is empty. Elements that are not mappings are reported and skipped. */
    private <T> List<T> list(JsonNode parent, String parentPath, String key, ElementReader<T> reader) {
        List<T> out = new ArrayList<>();
        if (!array(parent, parentPath, key, false)) {
            return out;
        }
        JsonNode a = parent.get(key);
        String p = parentPath + "/" + key;
        for (int i = 0; i < a.size(); i++) {
            JsonNode e = a.get(i);
            String ep = p + "/" + i;
            if (!e.isObject()) {
                problem(ep, "expected a mapping, found " + ScenarioSchema.describe(e));
                e = JsonNodeFactory.instance.objectNode();
            }
            T t = reader.read(e, ep);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private boolean array(JsonNode parent, String parentPath, String key, boolean required) {
        return present(parent, parentPath, key, required, JsonNode::isArray, "a list");
    }

    private boolean mapping(JsonNode parent, String parentPath, String key, boolean required) {
        return present(parent, parentPath, key, required, JsonNode::isObject, "a mapping");
    }

    /**
     * Whether {@code parent.key} is there and of the expected kind; a missing required field or a value of
     * another kind is reported.
     */
    private boolean present(JsonNode parent, String parentPath, String key, boolean required,
                            Predicate<JsonNode> kind, String expected) {
        JsonNode n = parent.get(key);
        if (absent(n, parentPath, key, required)) {
            return false;
        }
        if (!kind.test(n)) {
            problem(parentPath + "/" + ScenarioChecks.esc(key), "expected " + expected + ", found "
                    + ScenarioSchema.describe(n));
            return false;
        }
        return true;
    }

    /** Runs a record constructor; its IllegalArgumentException becomes a problem at {@code p}. */
    private <T> T construct(String p, Supplier<T> make, Supplier<T> stub) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            problems.add(new Finding(p, p, false, true, e.getMessage() == null ? "invalid value" : e.getMessage()));
            return stub.get();
        }
    }

    /** True when field {@code key} (its node {@code n}) is absent or null; then reported if {@code required}. */
    private boolean absent(JsonNode n, String parentPath, String key, boolean required) {
        if (n != null && !n.isNull()) {
            return false;
        }
        if (required) {
            missing(parentPath, key);
        }
        return true;
    }

    private void missing(String parentPath, String key) {
        problems.add(new Finding(parentPath, parentPath + "/" + ScenarioChecks.esc(key), false,
                "missing required field '" + key + "'" + (parentPath.isEmpty() ? " at the top level" : "")));
    }

    private void problem(String p, String message) {
        problems.add(new Finding(p, message));
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        // a value just past a bound keeps its digits: "was 100.00000000000001", not "was 100.0"
        return Double.parseDouble(s) == v ? s : Double.toString(v);
    }
}
