package org.statecraft.core.leverage;

import static org.statecraft.core.leverage.TestScenarios.q;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
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
import org.statecraft.core.scenario.Offset;
import org.statecraft.core.scenario.Policy;
import org.statecraft.core.scenario.Quantity;
import org.statecraft.core.scenario.RegimeWeight;
import org.statecraft.core.scenario.Rule;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.core.scenario.StanceEffect;
import org.statecraft.core.scenario.Trigger;

/**
 * A small two-sided case with every v2 concept, every id passed through {@code name} (so a test can rename
 * them all): coercer "c", target "t", proxy "p", third parties "a" and "b", a rival "r". Constituencies:
 * the target's "t-trade" (flow, collateral, 100/day, weight 0.3), "t-base" (flow, power base, 100, weight 0.8),
 * "t-people" (stock, collateral, 1000 persons, weight −0.1), "t-standing" (flow, international, 100, weight 0.6);
 * the coercer's "c-trade" (flow, collateral, 100, weight 0.5). Levers: "close" (c: trade losses both sides,
 * accumulating, adapting), "deport" (c: a stock), "strike" (c: degrades attacks, backlash in a and b),
 * "distance" (c: its own cover as a harm on t-standing, network stance −0.6), "retaliate" (t: harms c-trade,
 * a response to "close"), "supply" (r: offsets half of t-trade's loss, a response to "close").
 */
final class Kit {
    final UnaryOperator<String> name;
    Quantity resolve = TestScenarios.logNormal(-1.5, 1.0);
    Quantity decisionRate = q(0.2);
    double attackRate = 0.5;
    double backslide = 0.02;
    int horizon = 120;

    Kit(UnaryOperator<String> name) {
        this.name = name;
    }

    Kit() {
        this(UnaryOperator.identity());
    }

    private String n(String id) {
        return name.apply(id);
    }

    Scenario build() {
        List<Actor> actors = new ArrayList<>();
        for (String a : List.of("c", "t", "p", "a", "b", "r")) {
            IssueStance stance = switch (a) {
                case "c" -> new IssueStance(q(90), q(0.9), null);
                case "t" -> new IssueStance(q(10), q(0.8), null);
                case "a", "b" -> new IssueStance(q(50), q(0.3), q(85));
                default -> null;
            };
            actors.add(new Actor(n(a), null, a.equals("t") ? ActorKind.REGIME : ActorKind.STATE, q(10), stance, null));
        }
        List<Constituency> cs = List.of(
                new Constituency(n("t-trade"), null, n("t"), List.of(ConstituencyRole.COLLATERAL), ConstituencyKind.FLOW,
                        q(100), "USD", null),
                new Constituency(n("t-base"), null, n("t"), List.of(ConstituencyRole.POWER_BASE), ConstituencyKind.FLOW,
                        q(100), "index", null),
                new Constituency(n("t-people"), null, n("t"), List.of(ConstituencyRole.COLLATERAL),
                        ConstituencyKind.STOCK, q(1000), "persons", null),
                new Constituency(n("t-standing"), null, n("t"),
                        List.of(ConstituencyRole.INTERNATIONAL, ConstituencyRole.COLLATERAL), ConstituencyKind.FLOW,
                        q(100), "index", null),
                new Constituency(n("c-trade"), null, n("c"), List.of(ConstituencyRole.COLLATERAL),
                        ConstituencyKind.FLOW, q(100), "USD", null));
        List<RegimeWeight> ws = List.of(new RegimeWeight(n("t"), n("t-trade"), q(0.3)),
                new RegimeWeight(n("t"), n("t-base"), q(0.8)), new RegimeWeight(n("t"), n("t-people"), q(-0.1)),
                new RegimeWeight(n("t"), n("t-standing"), q(0.6)), new RegimeWeight(n("c"), n("c-trade"), q(0.5)));
        Demand d = new Demand("issue", null, n("c"), n("t"), q(10), q(90), resolve, q(0.9), 0.6, q(1.5), q(30),
                decisionRate, 0.1, false, q(backslide), 20, 0.25, new EventCode("087", 9));
        EventCode use = new EventCode("163", -8);
        EventCode lift = new EventCode("085", 7);
        Lever close = new Lever(n("close"), null, null, n("c"), n("t"), List.of(
                new Harm(n("t-trade"), q(40), q(0.05), q(1), q(30), q(0.3)),
                new Harm(n("c-trade"), q(30), q(0.02), q(0.5), null, null),
                new Harm(n("t-base"), q(5), null)), 1, TestScenarios.tri(1, 4, 12), q(0.05), q(0.004), null,
                List.of(), List.of(), null, q(0.2), use, lift, null);
        Lever deport = new Lever(n("deport"), null, null, n("c"), n("t"), List.of(new Harm(n("t-people"), q(30), null)),
                3, null, q(0.001), null, q(0), new EventCode("174", -5), new EventCode("081", 5), null);
        Lever strike = new Lever(n("strike"), null, null, n("c"), n("t"), List.of(new Harm(n("t-base"), q(10), null)),
                1, null, null, q(0.02), null, List.of(new StanceEffect(n("a"), q(0.3)),
                new StanceEffect(n("b"), q(0.2))), List.of(), new AttackEffect(q(0.4), q(20)), q(0),
                new EventCode("195", -10), new EventCode("085", 7), null);
        Lever distance = new Lever(n("distance"), null, null, n("c"), n("t"), List.of(new Harm(n("t-standing"), q(15), null)),
                1, null, null, q(0), q(-0.6), List.of(), List.of(), null, q(0.2), new EventCode("160", -4),
                new EventCode("050", 3.5), new EventCode("130", -4.4));
        Lever retaliate = new Lever(n("retaliate"), null, null, n("t"), n("c"), List.of(new Harm(n("c-trade"), q(20), null)),
                1, null, q(0.002), null, q(0), new EventCode("163", -8), new EventCode("085", 7), null);
        Lever supply = new Lever(n("supply"), null, null, n("r"), n("t"), List.of(), 1, null, null, q(0), null,
                List.of(), List.of(new Offset(n("t-trade"), q(0.5))), null, q(0), new EventCode("057", 8),
                new EventCode("050", 3.5), null);
        List<Lever> levers = List.of(close, deport, strike, distance, retaliate, supply);
        List<Policy> ps = List.of(new Policy(n("baseline"), null, null, List.of(), true),
                policy("close", new Rule(new Trigger.OnDay(0), Rule.Action.USE, n("close"), null, true)),
                policy("deport", new Rule(new Trigger.OnAttack(), Rule.Action.USE, n("deport"), 20, false)),
                policy("strike", new Rule(new Trigger.AttackCount(30, 10), Rule.Action.USE, n("strike"), 7, false)),
                policy("distance", new Rule(new Trigger.OnDay(0), Rule.Action.USE, n("distance"), null, true)),
                policy("eased", new Rule(new Trigger.OnDay(0), Rule.Action.USE, n("close"), null, true),
                        new Rule(new Trigger.OnDay(20), Rule.Action.EASE, n("close"), null, true, 0.5),
                        new Rule(new Trigger.OnDay(60), Rule.Action.STOP, n("close"), null, true)));
        List<Rule> responses = List.of(
                new Rule(new Trigger.OnLeverUse(n("close")), Rule.Action.USE, n("retaliate"), 10, false),
                new Rule(new Trigger.OnLeverUse(n("close")), Rule.Action.USE, n("supply"), null, false),
                new Rule(new Trigger.OnClash(), Rule.Action.USE, n("retaliate"), 5, false));
        AttackProcess attacks = new AttackProcess(n("p"), n("c"), q(attackRate), q(0.5), q(0.05), q(0.5),
                new EventCode("180", -9));
        ClashProcess clashes = new ClashProcess(q(0.005), new EventCode("190", -10),
                List.of(new ClashProcess.ClashHarm(n("c-trade"), q(50))));
        List<String> members = List.of(n("c"), n("a"), n("b"));
        Map<String, Quantity> x0 = Map.of(n("c"), q(0.5), n("a"), q(0.1), n("b"), q(-0.1));
        Map<String, Quantity> lam = Map.of(n("c"), q(0), n("a"), q(0.5), n("b"), q(0.6));
        Map<String, Map<String, Quantity>> w = new HashMap<>();
        w.put(n("c"), Map.of(n("c"), q(1)));
        w.put(n("a"), Map.of(n("a"), TestScenarios.tri(0.5, 0.6, 0.7), n("c"), TestScenarios.tri(0.2, 0.3, 0.4),
                n("b"), q(0.1)));
        w.put(n("b"), Map.of(n("b"), q(0.6), n("c"), q(0.4)));
        InfluenceNetwork net = new InfluenceNetwork(members, x0, lam, w, TestScenarios.tri(5, 7, 10),
                Map.of(n("a"), q(0.4)), Map.of(n("a"), q(200)), List.of(
                new HostilityHarm(n("a"), n("t-standing"), q(20)), new HostilityHarm(n("b"), n("t-standing"), q(30))));
        return new Scenario(n("kit"), "kit", null, LocalDate.of(2023, 9, 6), horizon, List.of(), actors, cs, ws, d,
                levers, ps, responses, attacks, clashes, net, null);
    }

    private Policy policy(String id, Rule... rules) {
        return new Policy(n(id), null, null, List.of(rules), true);
    }

    /** Index of a policy by its unrenamed id. */
    int policy(Scenario s, String id) {
        for (int i = 0; i < s.policies().size(); i++) {
            if (s.policies().get(i).id().equals(n(id))) {
                return i;
            }
        }
        throw new IllegalArgumentException(id);
    }
}
