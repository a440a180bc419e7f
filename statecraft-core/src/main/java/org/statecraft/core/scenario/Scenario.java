package org.statecraft.core.scenario;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * A whole case, as validated records. Built by the IO layer from a scenario file; every cross-reference
 * (actor, constituency, lever ids) has been checked by then, see {@link ScenarioChecks}.
 */
public record Scenario(String id, String title, String description, LocalDate start, int horizonDays,
                       List<Source> sources, List<Actor> actors, List<Constituency> constituencies,
                       List<RegimeWeight> weights, Demand demand, List<Lever> levers, List<Policy> policies,
                       List<Rule> responses, AttackProcess attacks, ClashProcess clashes, InfluenceNetwork network,
                       Observed observed) {
    public Scenario {
        if (horizonDays < 1) {
            throw new IllegalArgumentException("horizon must be >= 1 day, was " + horizonDays);
        }
        sources = List.copyOf(sources);
        actors = List.copyOf(actors);
        constituencies = List.copyOf(constituencies);
        weights = List.copyOf(weights);
        levers = List.copyOf(levers);
        policies = List.copyOf(policies);
        responses = responses == null ? List.of() : List.copyOf(responses);
        observed = observed == null ? Observed.empty() : observed;
        network = network == null ? InfluenceNetwork.empty() : network;
    }

    /** The recorded events (tension series, report). */
    public List<ObservedEvent> observedEvents() {
        return observed.events();
    }

    /** The recorded spells of lever use (replay, hindcast). */
    public List<LeverSpell> observedSpells() {
        return observed.spells();
    }

    /** A copy with another record. */
    public Scenario withObserved(Observed newObserved) {
        return new Scenario(id, title, description, start, horizonDays, sources, actors, constituencies, weights,
                demand, levers, policies, responses, attacks, clashes, network, newObserved);
    }

    /** The day index of {@code date} (0 = the start date). */
    public int dayOf(LocalDate date) {
        return Math.toIntExact(ChronoUnit.DAYS.between(start, date));
    }

    public Optional<Actor> actor(String id) {
        return actors.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Optional<Constituency> constituency(String id) {
        return constituencies.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<Lever> lever(String id) {
        return levers.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    public Optional<Policy> policy(String id) {
        return policies.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** A copy with another horizon. */
    public Scenario withHorizon(int days) {
        return new Scenario(id, title, description, start, days, sources, actors, constituencies, weights, demand,
                levers, policies, responses, attacks, clashes, network, observed);
    }

    /** A copy with other policies. */
    public Scenario withPolicies(List<Policy> newPolicies) {
        return new Scenario(id, title, description, start, horizonDays, sources, actors, constituencies, weights,
                demand, levers, newPolicies, responses, attacks, clashes, network, observed);
    }

    /** A copy with other regime weights. */
    public Scenario withWeights(List<RegimeWeight> newWeights) {
        return new Scenario(id, title, description, start, horizonDays, sources, actors, constituencies, newWeights,
                demand, levers, policies, responses, attacks, clashes, network, observed);
    }

    /** A copy with other levers. */
    public Scenario withLevers(List<Lever> newLevers) {
        return new Scenario(id, title, description, start, horizonDays, sources, actors, constituencies, weights,
                demand, newLevers, policies, responses, attacks, clashes, network, observed);
    }

    /** A copy with another influence network. */
    public Scenario withNetwork(InfluenceNetwork newNetwork) {
        return new Scenario(id, title, description, start, horizonDays, sources, actors, constituencies, weights,
                demand, levers, policies, responses, attacks, clashes, newNetwork, observed);
    }

    /** A copy with another demand. */
    public Scenario withDemand(Demand newDemand) {
        return new Scenario(id, title, description, start, horizonDays, sources, actors, constituencies, weights,
                newDemand, levers, policies, responses, attacks, clashes, network, observed);
    }
}
