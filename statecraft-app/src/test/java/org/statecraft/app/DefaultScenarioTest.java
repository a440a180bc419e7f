package org.statecraft.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.statecraft.core.montecarlo.Analysis;
import org.statecraft.core.montecarlo.MonteCarlo;
import org.statecraft.core.montecarlo.MonteCarloOptions;
import org.statecraft.core.montecarlo.PolicySummary;
import org.statecraft.core.numerics.SpecialFunctions;
import org.statecraft.core.scenario.Actor;
import org.statecraft.core.scenario.ActorKind;
import org.statecraft.core.scenario.Constituency;
import org.statecraft.core.scenario.ConstituencyRole;
import org.statecraft.core.scenario.Demand;
import org.statecraft.core.scenario.EventCode;
import org.statecraft.core.scenario.Harm;
import org.statecraft.core.scenario.InfluenceNetwork;
import org.statecraft.core.scenario.Lever;
import org.statecraft.core.scenario.Policy;
import org.statecraft.core.scenario.Provenance;
import org.statecraft.core.scenario.Quantity;
import org.statecraft.core.scenario.RegimeWeight;
import org.statecraft.core.scenario.Rule;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.core.scenario.Trigger;
import org.statecraft.io.scenario.LoadedScenario;
import org.statecraft.io.scenario.ScenarioReader;

/**
 * The bundled Pakistan–Taliban 2023 scenario: its numbers are sourced, its resolve is anchored to TIES by a
 * computation repeated here, and its answers move with the assumptions they rest on. No test here pins a
 * ranking or a replayed duration: the model's answer is whatever the sourced numbers give.
 */
class DefaultScenarioTest {
    static final Path FILE = Path.of(System.getProperty("statecraft.root", "."), "scenarios",
            "pakistan-taliban-2023.yaml");
    /** TIES v4.1: acquiescence after imposition at minor, major and severe target costs (data/README.md). */
    static final double[] TIES = {0.261, 0.439, 0.586};
    /** The pressures the scenario maps those cost levels to (an assumption documented in the scenario). */
    static final double[] PRESSURE = {0.05, 0.15, 0.35};

    static Scenario scenario;
    static Analysis analysis;
    static final MonteCarloOptions OPTIONS = new MonteCarloOptions(1000, MonteCarloOptions.DEFAULT_SEED, 2);

    @BeforeAll
    static void analyse() {
        scenario = ScenarioReader.read(FILE);
        analysis = MonteCarlo.run(scenario, OPTIONS, null);
    }

    @Test
    void everyNumberCarriesASourceOrAnAssumptionWithARange() {
        LoadedScenario loaded = ScenarioReader.load(FILE);
        assertThat(loaded.strictProblems()).isEmpty();
        assertThat(scenario.levers().stream().map(Lever::id).toList())
                .contains("close-torkham", "deport-refugees", "stop-lobbying", "contact-opposition");
        // the coercer's own diplomatic cover is a harm of its lever, not a hidden network channel
        assertThat(scenario.network().hostilityHarms()).noneMatch(h -> h.member().equals("pakistan"));
        assertThat(scenario.lever("stop-lobbying").orElseThrow().harms())
                .anyMatch(h -> h.constituency().equals("taliban-standing"));
    }

    /**
     * The anchor: under a constant, fully credible pressure Π the engine meets the demand at the long-run rate
     * P(K ≤ Π) (the decision hazard only delays it). Probed with the bundled K and decision rate over ten
     * years, the engine's rates at the three TIES cost levels are compared with TIES and with the closed form.
     */
    @Test
    void theResolveDistributionReproducesTiesAtTheThreeCostLevels() {
        Demand d = scenario.demand();
        Quantity.LogNormal k = (Quantity.LogNormal) d.complianceCost();
        for (int i = 0; i < 3; i++) {
            Scenario probe = probe(d.complianceCost(), d.decisionRatePerDay(), PRESSURE[i]);
            Analysis a = MonteCarlo.run(probe, new MonteCarloOptions(6000, 17, 2), null);
            double engine = a.policy("press").outcomes().metDemand().value();
            double closed = SpecialFunctions.normalCdfPrecise((Math.log(PRESSURE[i]) - k.mu()) / k.sigma());
            double se = Math.sqrt(closed * (1 - closed) / 6000);
            assertThat(engine).as("engine vs closed form at pressure %s", PRESSURE[i]).isCloseTo(closed,
                    within(4 * se + 0.005));
            assertThat(closed).as("closed form vs TIES at pressure %s", PRESSURE[i]).isCloseTo(TIES[i], within(0.01));
        }
    }

    /** One constant, costless lever on one power-base constituency of weight 1: pressure Π a day, credible. */
    private static Scenario probe(Quantity resolve, Quantity rate, double pressure) {
        Provenance p = Provenance.assumption("probe");
        List<Actor> actors = List.of(new Actor("c", null, ActorKind.STATE, Quantity.of(1), null),
                new Actor("t", null, ActorKind.REGIME, Quantity.of(1), null));
        Constituency base = new Constituency("base", null, "t", ConstituencyRole.POWER_BASE, Quantity.of(100), "index",
                null);
        Demand demand = new Demand("probe", null, "c", "t", Quantity.of(0), Quantity.of(100), resolve, Quantity.of(1),
                0.6, Quantity.of(1), Quantity.of(30), rate, 0.1, false, Quantity.of(0), 30, 0.25,
                new EventCode("087", 9));
        Lever press = new Lever("press", null, null, "c", "t", List.of(new Harm("base", Quantity.of(100 * pressure),
                null)), 1, null, Quantity.of(0), null, Quantity.of(0), new EventCode("163", -8),
                new EventCode("085", 7), null);
        List<Policy> policies = List.of(new Policy("baseline", null, null, List.of(), true), new Policy("press", null,
                null, List.of(new Rule(new Trigger.OnDay(0), Rule.Action.USE, "press", null, true)), true));
        return new Scenario("probe", "probe", null, scenario.start(), 3650, scenario.sources(), actors, List.of(base),
                List.of(new RegimeWeight("t", "base", new Quantity.Fixed(1, p))), demand, List.of(press), policies,
                List.of(), null, null, InfluenceNetwork.empty(), null);
    }

    @Test
    void whenTheTalibanCareForTheirMerchantsTheClosureMovesThem() {
        List<RegimeWeight> weights = new ArrayList<>();
        for (RegimeWeight w : scenario.weights()) {
            boolean trade = w.actor().equals("taliban")
                    && (w.constituency().equals("afghan-trade") || w.constituency().equals("taliban-customs"));
            weights.add(trade ? new RegimeWeight(w.actor(), w.constituency(),
                    new Quantity.Fixed(0.95, Provenance.assumption("counterfactual"))) : w);
        }
        Analysis caring = MonteCarlo.run(scenario.withWeights(weights), OPTIONS, null);
        PolicySummary before = analysis.policy("close-torkham");
        PolicySummary after = caring.policy("close-torkham");
        // the demand is met in clearly more runs (the 95% intervals do not overlap), and more is conceded
        assertThat(after.outcomes().metDemand().lower()).isGreaterThan(before.outcomes().metDemand().upper());
        assertThat(after.outcomes().everConceded().value()).isGreaterThan(before.outcomes().everConceded().value());
        assertThat(after.meanConcession().value()).isGreaterThan(before.meanConcession().value());
        // and nothing else changed: the baseline is untouched
        assertThat(caring.policy("baseline").meanConcession().value())
                .isEqualTo(analysis.policy("baseline").meanConcession().value());
    }

    @Test
    void whenThirdPartiesIgnorePakistanStopLobbyingKeepsOnlyItsOwnCover() {
        InfluenceNetwork n = scenario.network();
        Map<String, Map<String, Quantity>> deaf = new HashMap<>();
        n.influence().forEach((member, row) -> {
            Map<String, Quantity> r = new HashMap<>(row);
            if (!member.equals("pakistan")) {
                r.remove("pakistan");
            }
            deaf.put(member, r);
        });
        Scenario ignored = scenario.withNetwork(new InfluenceNetwork(n.members(), n.initialStance(), n.susceptibility(),
                deaf, n.stepDays(), n.interest(), n.driftDays(), n.hostilityHarms()));
        Analysis a = MonteCarlo.run(ignored, OPTIONS, null);
        double before = analysis.policy("stop-lobbying").effect();
        double after = a.policy("stop-lobbying").effect();
        assertThat(before).isPositive();
        assertThat(after).isLessThan(before);
        // what is left is the lever's own harm: the network channels carry no pressure any more
        assertThat(a.policy("stop-lobbying").attribution()).filteredOn(c -> c.kind().equals("network"))
                .allSatisfy(c -> assertThat(Math.abs(c.meanPressure())).isLessThan(1e-9));
        // channels are levers or network members, a share is |pressure| / the sum over all channels, so with the
        // network silent the lever channels carry all of it
        List<PolicySummary.ChannelShare> left = a.policy("stop-lobbying").attribution();
        assertThat(left).extracting(PolicySummary.ChannelShare::kind).containsOnly("lever", "network").contains("network");
        assertThat(left).filteredOn(c -> c.kind().equals("lever")).anySatisfy(c -> assertThat(c.meanPressure()).isNotZero());
        double ownShare = left.stream()
                .filter(c -> c.kind().equals("lever")).mapToDouble(PolicySummary.ChannelShare::share).sum();
        assertThat(ownShare).isCloseTo(1.0, within(1e-6));
        // and in the original analysis the network did carry part of it
        double ownShareBefore = analysis.policy("stop-lobbying").attribution().stream()
                .filter(c -> c.kind().equals("lever")).mapToDouble(PolicySummary.ChannelShare::share).sum();
        assertThat(ownShareBefore).isLessThan(1.0 - 1e-6);
    }

    @Test
    void theReplayComparesTheSimulatedClosuresWithTheObservedSpell() {
        assertThat(scenario.observedSpells().stream().filter(sp -> sp.from().equals(scenario.start())).findFirst()
                .orElseThrow().days()).isEqualTo(9);
        PolicySummary.LeverUse torkham = analysis.policy("actual-2023").levers().stream()
                .filter(l -> l.lever().equals("close-torkham")).findFirst().orElseThrow();
        assertThat(torkham.used()).isEqualTo(1.0);
        assertThat(torkham.spellP05()).isLessThanOrEqualTo(torkham.spellMedian());
        assertThat(torkham.spellMedian()).isLessThanOrEqualTo(torkham.spellP95());
        double sum = 0;
        for (double h : torkham.spellHistogram()) {
            sum += h;
        }
        assertThat(sum).isCloseTo(1, within(1e-9));
        // if Pakistan's government felt none of its traders' and treasury's losses it would never lift it for cost
        List<RegimeWeight> numb = new ArrayList<>();
        for (RegimeWeight w : scenario.weights()) {
            boolean tradeSide = w.actor().equals("pakistan")
                    && (w.constituency().equals("pakistani-trade") || w.constituency().equals("pakistani-duties"));
            numb.add(tradeSide ? new RegimeWeight("pakistan", w.constituency(), Quantity.of(0)) : w);
        }
        Analysis numbAnalysis = MonteCarlo.run(scenario.withWeights(numb), new MonteCarloOptions(300, 1, 2), null);
        PolicySummary.LeverUse endless = numbAnalysis.policy("actual-2023").levers().stream()
                .filter(l -> l.lever().equals("close-torkham")).findFirst().orElseThrow();
        assertThat(endless.meanDaysInUse()).isGreaterThan(torkham.meanDaysInUse());
    }

    @Test
    void theSameSeedGivesTheSameAnalysisOnAnyThreadCount() {
        Analysis one = MonteCarlo.run(scenario, new MonteCarloOptions(300, 5, 1), null);
        Analysis two = MonteCarlo.run(scenario, new MonteCarloOptions(300, 5, 2), null);
        for (int p = 0; p < one.policies().size(); p++) {
            PolicySummary a = one.policies().get(p);
            PolicySummary b = two.policies().get(p);
            assertThat(b.meanConcession()).isEqualTo(a.meanConcession());
            assertThat(b.outcomes()).isEqualTo(a.outcomes());
            assertThat(b.forecast()).isEqualTo(a.forecast());
            assertThat(b.attribution()).isEqualTo(a.attribution());
        }
        var info = new org.statecraft.io.results.AnalysisJson.RunInfo("hash", "belief", FILE.toString());
        assertThat(org.statecraft.io.results.AnalysisJson.write(org.statecraft.io.results.AnalysisJson.toJson(
                scenario, two, info))).isEqualTo(org.statecraft.io.results.AnalysisJson.write(
                org.statecraft.io.results.AnalysisJson.toJson(scenario, one, info)));
    }
}
