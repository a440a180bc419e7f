package org.statecraft.core.leverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.statecraft.core.scenario.Actor;
import org.statecraft.core.scenario.ActorKind;
import org.statecraft.core.scenario.AttackProcess;
import org.statecraft.core.scenario.ClashProcess;
import org.statecraft.core.scenario.Constituency;
import org.statecraft.core.scenario.ConstituencyRole;
import org.statecraft.core.scenario.Demand;
import org.statecraft.core.scenario.EventCode;
import org.statecraft.core.scenario.Harm;
import org.statecraft.core.scenario.HostilityHarm;
import org.statecraft.core.scenario.InfluenceNetwork;
import org.statecraft.core.scenario.Lever;
import org.statecraft.core.scenario.Policy;
import org.statecraft.core.scenario.Provenance;
import org.statecraft.core.scenario.Quantity;
import org.statecraft.core.scenario.RegimeWeight;
import org.statecraft.core.scenario.Rule;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.core.scenario.Trigger;

/** Small hand-built scenarios whose behaviour can be worked out on paper. */
public final class TestScenarios {
    private TestScenarios() {
    }

    public static Quantity q(double v) {
        return Quantity.of(v);
    }

    /** A lognormal by the μ and σ of its logarithm. */
    public static Quantity logNormal(double mu, double sigma) {
        return new Quantity.LogNormal(Math.exp(mu), Math.exp(sigma), Provenance.NONE);
    }

    public static Quantity tri(double a, double m, double b) {
        return new Quantity.Triangular(a, m, b, Provenance.NONE);
    }

    static final EventCode USE = new EventCode("163", -8);
    static final EventCode LIFT = new EventCode("085", 7);

    /**
     * Coercer "c", target "t", proxy "p". Constituencies: target's "t-base" (power base, baseline 100,
     * weight wT), coercer's "c-trade" (collateral, baseline 100, weight wC). Lever "squeeze" harms t-base by
     * {@code harmT} and c-trade by {@code harmC} a day with own-cost tolerance {@code tolerance} (NaN = none).
     */
    public static Scenario twoSided(double harmT, double harmC, double wT, double wC, double tolerance,
                                    double resolve, double capacity, double gamma, List<Policy> policies,
                                    double attackRate) {
        List<Actor> actors = List.of(new Actor("c", "Coercer", ActorKind.STATE, q(1), null),
                new Actor("t", "Target", ActorKind.REGIME, q(1), null),
                new Actor("p", "Proxy", ActorKind.ARMED_GROUP, q(1), null));
        List<Constituency> cs = List.of(
                new Constituency("t-base", null, "t", ConstituencyRole.POWER_BASE, q(100), "index", null),
                new Constituency("c-trade", null, "c", ConstituencyRole.COLLATERAL, q(100), "USD", null));
        List<RegimeWeight> ws = List.of(new RegimeWeight("t", "t-base", q(wT)), new RegimeWeight("c", "c-trade", q(wC)));
        Demand d = new Demand("issue", null, "c", "t", q(10), q(90), q(resolve), q(capacity), 0.6, q(gamma), q(10),
                q(0), 30, new EventCode("087", 9));
        List<Harm> harms = new ArrayList<>();
        harms.add(new Harm("t-base", q(harmT), null));
        if (harmC > 0) {
            harms.add(new Harm("c-trade", q(harmC), null));
        }
        Lever lever = new Lever("squeeze", null, null, "c", "t", harms, 1,
                Double.isNaN(tolerance) ? null : q(tolerance), q(0), null, q(0.5), USE, LIFT, null);
        AttackProcess attacks = new AttackProcess("p", "c", q(attackRate), q(0.5), q(0), q(0.5),
                new EventCode("180", -9));
        return new Scenario("test", "test", null, LocalDate.of(2023, 9, 6), 60, List.of(), actors, cs, ws, d,
                List.of(lever), policies, List.of(), attacks, new ClashProcess(q(0), new EventCode("190", -10)),
                InfluenceNetwork.empty(), null);
    }

    public static Policy baseline() {
        return new Policy("baseline", null, null, List.of(), true);
    }

    public static Policy useOnDay(String id, int day, Integer days) {
        return new Policy(id, null, null, List.of(new Rule(new Trigger.OnDay(day), Rule.Action.USE, "squeeze", days,
                true)), true);
    }

    /**
     * A network scenario: member "c" (the coercer) turns hostile via lever "distance"; only the other members'
     * hostility harms the target's standing (the coercer's own cover would be a harm of its lever).
     */
    public static Scenario network(double lambdaOther, double rho) {
        List<Actor> actors = List.of(new Actor("c", null, ActorKind.STATE, q(1), null),
                new Actor("t", null, ActorKind.REGIME, q(1), null),
                new Actor("a", null, ActorKind.STATE, q(1), null),
                new Actor("b", null, ActorKind.STATE, q(1), null));
        List<Constituency> cs = List.of(
                new Constituency("standing", null, "t", ConstituencyRole.INTERNATIONAL, q(100), "index", null));
        List<RegimeWeight> ws = List.of(new RegimeWeight("t", "standing", q(1)));
        Demand d = new Demand("issue", null, "c", "t", q(10), q(90), q(0.5), q(1), 0.6, q(1), q(10), q(0), 30,
                new EventCode("087", 9));
        Lever distance = new Lever("distance", null, null, "c", "t", List.of(), 1, null, q(0), q(-0.8), q(0),
                new EventCode("160", -4), new EventCode("050", 3.5), null);
        InfluenceNetwork net = InfluenceNetwork.fixed(List.of("c", "a", "b"),
                Map.of("c", q(0.5), "a", q(-0.2), "b", q(0.3)),
                Map.of("c", q(0), "a", q(lambdaOther), "b", q(lambdaOther)),
                Map.of("c", Map.of("c", 1.0), "a", Map.of("a", 0.5, "c", 0.3, "b", 0.2),
                        "b", Map.of("b", 0.6, "c", 0.4)),
                1, List.of(new HostilityHarm("a", "standing", q(rho)), new HostilityHarm("b", "standing", q(rho))));
        List<Policy> ps = List.of(baseline(), new Policy("distance", null, null,
                List.of(new Rule(new Trigger.OnDay(0), Rule.Action.USE, "distance", null, true)), true));
        return new Scenario("net", "net", null, LocalDate.of(2023, 1, 1), 120, List.of(), actors, cs, ws, d,
                List.of(distance), ps, List.of(), null, null, net, null);
    }

    /**
     * {@code s} with its target's resolve (the demand's compliance cost) replaced by {@code resolve} and every
     * actor's capability by {@code capability}: the leverage engine does not read capabilities, so an
     * uncertain capability is an input known to matter to nothing.
     */
    public static Scenario withUncertainty(Scenario s, Quantity resolve, Quantity capability) {
        Demand d = s.demand();
        Demand nd = new Demand(d.issue(), d.description(), d.coercer(), d.target(), d.currentPosition(),
                d.demandedPosition(), resolve, d.capacity(), d.releaseLevel(), d.convexity(), d.lookaheadDays(),
                d.backslideHazard(), d.backslideGraceDays(), d.concessionEvent());
        List<Actor> actors = s.actors().stream()
                .map(a -> new Actor(a.id(), a.name(), a.kind(), capability, a.stance())).toList();
        return new Scenario(s.id(), s.title(), s.description(), s.start(), s.horizonDays(), s.sources(), actors,
                s.constituencies(), s.weights(), nd, s.levers(), s.policies(), s.responses(), s.attacks(), s.clashes(),
                s.network(), s.observed());
    }
}
