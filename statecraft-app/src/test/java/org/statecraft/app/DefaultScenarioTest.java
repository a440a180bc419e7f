package org.statecraft.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.statecraft.core.montecarlo.Analysis;
import org.statecraft.core.montecarlo.MonteCarlo;
import org.statecraft.core.montecarlo.MonteCarloOptions;
import org.statecraft.core.montecarlo.PolicySummary;
import org.statecraft.core.scenario.Provenance;
import org.statecraft.core.scenario.Quantity;
import org.statecraft.core.scenario.RegimeWeight;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.io.scenario.LoadedScenario;
import org.statecraft.io.scenario.ScenarioReader;

/**
 * The bundled Pakistan–Taliban 2023 scenario against what happened in September 2023 and against what the
 * article argues — and proof that the article's ranking follows from the scenario's numbers.
 */
class DefaultScenarioTest {
    static final Path FILE = Path.of(System.getProperty("statecraft.root", "."), "scenarios",
            "pakistan-taliban-2023.yaml");
    static final List<String> INEFFECTIVE = List.of("close-torkham", "deport-refugees");
    static final List<String> EFFECTIVE = List.of("stop-lobbying", "contact-opposition");

    static Scenario scenario;
    static Analysis analysis;

    @BeforeAll
    static void analyse() {
        scenario = ScenarioReader.read(FILE);
        analysis = MonteCarlo.run(scenario, new MonteCarloOptions(2000, MonteCarloOptions.DEFAULT_SEED, 2), null);
    }

    @Test
    void everyNumberCarriesASourceOrAnAssumptionWithARange() {
        LoadedScenario loaded = ScenarioReader.load(FILE);
        assertThat(loaded.strictProblems()).isEmpty();
        // and every source the numbers cite exists (checked by the reader), and each lever of the article is there
        assertThat(scenario.levers().stream().map(l -> l.id()).toList())
                .containsExactly("close-torkham", "deport-refugees", "stop-lobbying", "contact-opposition");
        assertThat(scenario.policies().stream().map(p -> p.id()).toList()).contains("baseline", "close-torkham",
                "deport-refugees", "stop-lobbying", "contact-opposition", "actual-2023", "article-recommendation");
    }

    @Test
    void theLeversTheArticleCallsIneffectiveComeOutLessEffectiveAndCostlierPerUnitOfEffect() {
        for (String weak : INEFFECTIVE) {
            for (String strong : EFFECTIVE) {
                PolicySummary w = analysis.policy(weak);
                PolicySummary s = analysis.policy(strong);
                assertThat(w.meanConcession().value()).as(weak + " vs " + strong)
                        .isLessThan(s.meanConcession().value());
                assertThat(w.rank()).isGreaterThan(s.rank());
                assertThat(w.collateralPerEffect()).as(weak + " collateral per effect vs " + strong)
                        .isGreaterThan(s.collateralPerEffect());
                // and the difference is not a coin toss across the scenario's uncertainty
                int iw = analysis.policies().indexOf(w);
                int is = analysis.policies().indexOf(s);
                assertThat(analysis.robustness()[is][iw]).as(strong + " over " + weak).isGreaterThan(0.6);
            }
        }
        // the closure hurts merchants on both sides; deportation hurts refugees
        assertThat(harm(analysis.policy("close-torkham"), "afghan-trade")).isGreaterThan(1e6);
        assertThat(harm(analysis.policy("close-torkham"), "pakistani-trade")).isGreaterThan(1e6);
        assertThat(harm(analysis.policy("deport-refugees"), "afghan-refugees")).isGreaterThan(1e4);
    }

    @Test
    void theRankingFlipsWhenTheTalibanWeighTradeHeavilyAndFeelRefugeesHarm() {
        // The article's argument rests on the Taliban caring little for merchants and customs and welcoming the
        // expulsion of refugees, and on caring about standing and security. Reverse those assumptions.
        List<RegimeWeight> weights = new ArrayList<>();
        for (RegimeWeight w : scenario.weights()) {
            double v = switch (w.actor() + "/" + w.constituency()) {
                case "taliban/afghan-trade", "taliban/taliban-customs" -> 0.95;
                case "taliban/afghan-refugees" -> 0.9;
                case "taliban/taliban-security", "taliban/taliban-standing", "taliban/afghan-aid" -> 0.05;
                default -> Double.NaN;
            };
            weights.add(Double.isNaN(v) ? w
                    : new RegimeWeight(w.actor(), w.constituency(), new Quantity.Fixed(v, Provenance.assumption("test"))));
        }
        Analysis flipped = MonteCarlo.run(scenario.withWeights(weights),
                new MonteCarloOptions(2000, MonteCarloOptions.DEFAULT_SEED, 2), null);
        for (String strong : EFFECTIVE) {
            assertThat(flipped.policy("close-torkham").meanConcession().value()).as("close-torkham vs " + strong)
                    .isGreaterThan(flipped.policy(strong).meanConcession().value());
            assertThat(flipped.policy("close-torkham").rank()).isLessThan(flipped.policy(strong).rank());
        }
        // deportation now presses the regime: a positive effect with a finite cost per unit of it
        assertThat(flipped.policy("deport-refugees").effect()).isPositive();
        assertThat(flipped.policy("deport-refugees").collateralPerEffect()).isFinite();
        assertThat(analysis.policy("deport-refugees").effect()).isLessThan(flipped.policy("deport-refugees").effect());
    }

    @Test
    void replayingSeptember2023PakistanLiftsTheClosureUnderItsOwnLosses() {
        PolicySummary.LeverUse torkham = lever(analysis.policy("actual-2023"), "close-torkham");
        // Pakistan lifts the closure itself in most runs, and the observed nine days lie well inside the
        // simulated distribution of closure lengths.
        assertThat(torkham.liftedForOwnCost()).isGreaterThan(0.6);
        assertThat(torkham.spellP05()).isLessThan(9);
        assertThat(torkham.spellP95()).isGreaterThan(9);
        assertThat(torkham.spellMedian()).isBetween(5.0, 13.0);
        long observed = scenario.observedSpells().get(0).days();
        assertThat(observed).isEqualTo(9);

        // It is the traders' and the treasury's losses that end it: if Pakistan's government did not feel them,
        // it would never lift the closure for cost.
        List<RegimeWeight> numb = new ArrayList<>();
        for (RegimeWeight w : scenario.weights()) {
            boolean tradeSide = w.actor().equals("pakistan")
                    && (w.constituency().equals("pakistani-trade") || w.constituency().equals("pakistani-duties"));
            numb.add(tradeSide ? new RegimeWeight("pakistan", w.constituency(), Quantity.of(0)) : w);
        }
        Analysis numbAnalysis = MonteCarlo.run(scenario.withWeights(numb), new MonteCarloOptions(500, 1, 2), null);
        PolicySummary.LeverUse endless = lever(numbAnalysis.policy("actual-2023"), "close-torkham");
        assertThat(endless.liftedForOwnCost()).isZero();
        assertThat(endless.meanDaysInUse()).isGreaterThan(torkham.meanDaysInUse() * 3);
    }

    private static double harm(PolicySummary p, String constituency) {
        return p.harms().stream().filter(h -> h.constituency().equals(constituency)).findFirst().orElseThrow().mean();
    }

    private static PolicySummary.LeverUse lever(PolicySummary p, String id) {
        return p.levers().stream().filter(l -> l.lever().equals(id)).findFirst().orElseThrow();
    }
}
