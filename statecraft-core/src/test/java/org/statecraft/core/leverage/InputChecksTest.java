package org.statecraft.core.leverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statecraft.core.montecarlo.Analysis;
import org.statecraft.core.montecarlo.FiniteResults;
import org.statecraft.core.montecarlo.MonteCarlo;
import org.statecraft.core.montecarlo.MonteCarloOptions;
import org.statecraft.core.montecarlo.PolicySummary;
import org.statecraft.core.montecarlo.RankingRobustness;
import org.statecraft.core.scenario.Constituency;
import org.statecraft.core.scenario.Problem;
import org.statecraft.core.scenario.Quantity;
import org.statecraft.core.scenario.RegimeWeight;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.core.scenario.ScenarioChecks;

/** The core halves of two input checks: weights the engine never reads, and results that are not finite. */
class InputChecksTest {
    @Test
    void aWeightOnAnotherSidesConstituencyIsAWarningAtItsPointer() {
        Scenario s = new Kit().build();
        assertThat(ScenarioChecks.warnings(s)).isEmpty();
        List<RegimeWeight> ws = new ArrayList<>(s.weights());
        ws.add(new RegimeWeight("c", "t-trade", Quantity.of(0.4)));
        List<Problem> w = ScenarioChecks.warnings(s.withWeights(ws));
        assertThat(w).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/weights/c/t-trade");
            assertThat(p.message()).contains("ignored").contains("'t'");
        });
    }

    @Test
    void aHostilityHarmOnAStockIsAWarningAtItsPointer() {
        Scenario s = new Kit().build();
        org.statecraft.core.scenario.InfluenceNetwork n = s.network();
        List<org.statecraft.core.scenario.HostilityHarm> hs = new ArrayList<>(n.hostilityHarms());
        hs.add(new org.statecraft.core.scenario.HostilityHarm("a", "t-people", Quantity.of(5)));
        Scenario withStock = s.withNetwork(new org.statecraft.core.scenario.InfluenceNetwork(n.members(),
                n.initialStance(), n.susceptibility(), n.influence(), n.stepDays(), n.interest(), n.driftDays(), hs));
        List<Problem> w = ScenarioChecks.warnings(withStock);
        assertThat(w).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/network/hostilityHarms/" + (hs.size() - 1) + "/constituency");
            assertThat(p.message()).contains("ignored").contains("'t-people'").contains("stock");
        });
    }

    @Test
    void aCleanAnalysisHasNoNonFiniteFigureAndATinyBaselineIsNamed() {
        Scenario s = new Kit().build();
        Analysis a = MonteCarlo.run(s, new MonteCarloOptions(60, 3, 1), null);
        assertThat(FiniteResults.check(s, a)).isEmpty();
        List<Constituency> cs = new ArrayList<>();
        for (Constituency c : s.constituencies()) {
            cs.add(c.id().equals("t-trade") ? new Constituency(c.id(), c.name(), c.side(), c.roles(), c.kind(),
                    Quantity.of(1e-320), c.unit(), c.description()) : c);
        }
        Scenario tiny = new Scenario(s.id(), s.title(), null, s.start(), s.horizonDays(), s.sources(), s.actors(), cs,
                s.weights(), s.demand(), s.levers(), s.policies(), s.responses(), s.attacks(), s.clashes(), s.network(),
                s.observed());
        Analysis t = MonteCarlo.run(tiny, new MonteCarloOptions(60, 3, 1), null);
        List<FiniteResults.NonFinite> bad = FiniteResults.check(tiny, t);
        int at = indexOf(s, "t-trade");
        // t-trade is harmed by levers of the policies: its relative loss overflows, and each figure it feeds
        // names it first, as the cause, with the harm and the baseline
        assertThat(bad).isNotEmpty().allSatisfy(b -> assertThat(Double.isFinite(b.value())).isFalse());
        assertThat(bad).filteredOn(b -> b.inputs().contains("/constituencies/" + at + "/baseline"))
                .isNotEmpty()
                .allSatisfy(b -> {
                    assertThat(b.inputs().get(0)).isEqualTo("/constituencies/" + at + "/baseline");
                    assertThat(b.message()).contains("caused by /constituencies/" + at + "/baseline: a harm of ")
                            .contains("over its baseline of 1.0E-320 is not a finite relative loss");
                });
    }

    @Test
    void everyKindOfReportedFigureIsCheckedAtItsInputs() {
        Scenario s = new Kit().build();
        Analysis a = MonteCarlo.run(s, new MonteCarloOptions(60, 3, 1), null);
        assertThat(FiniteResults.check(s, a)).isEmpty();
        PolicySummary p = a.policies().get(0);
        assertThat(p.stances()).isNotEmpty();
        assertThat(p.forecast()).isNotNull();
        assertThat(a.derived().robustness().pairs()).isNotEmpty();
        assertThat(a.derived().bargaining().error()).isNull();

        PolicySummary.StanceShift st = p.stances().get(0);
        List<PolicySummary.StanceShift> stances = new ArrayList<>(p.stances());
        stances.set(0, new PolicySummary.StanceShift(st.member(), st.initial(), st.baselineFinal(), st.finalStance(),
                Double.NaN, st.shiftP05(), st.shiftP95(), st.peakWithdrawal()));
        PolicySummary.Forecast f = p.forecast();
        PolicySummary.Forecast nanForecast = new PolicySummary.Forecast(Double.POSITIVE_INFINITY, f.compromiseP05(),
                f.compromiseP95(), f.smpMedian(), f.smpP05(), f.smpP95(), f.smpRuns(), f.smpNonMonotone());
        List<PolicySummary> ps = new ArrayList<>(a.policies());
        ps.set(0, with(p, stances, nanForecast));
        RankingRobustness.Pair pair = a.derived().robustness().pairs().get(0);
        List<RankingRobustness.Pair> pairs = new ArrayList<>(a.derived().robustness().pairs());
        pairs.set(0, new RankingRobustness.Pair(pair.policy(), pair.over(), pair.kind(), Double.NaN, pair.hingesOn()));
        Analysis.Bargaining b = a.derived().bargaining();
        Analysis.Derived d = new Analysis.Derived(new RankingRobustness(pairs), a.derived().replays(),
                a.derived().tension(), new Analysis.Bargaining(b.issue(), b.actors(), b.capability(), b.turns(),
                Double.NaN, b.converged(), null));
        Analysis broken = new Analysis(a.scenarioId(), a.seed(), a.runs(), a.horizonDays(), a.baselinePolicy(),
                a.constituencies(), a.members(), a.levers(), ps, a.robustness(), a.outcomes(), a.parameters(), d);

        List<FiniteResults.NonFinite> bad = FiniteResults.check(s, broken);
        assertThat(bad).extracting(FiniteResults.NonFinite::figure).containsExactlyInAnyOrder(
                "stance of " + st.member() + " (shift)", "bargaining forecast (compromise, median)",
                "robustness over " + pair.over() + " (" + pair.kind() + ")", "bargaining reference outcome");
        assertThat(bad).filteredOn(x -> x.figure().startsWith("stance of")).singleElement()
                .satisfies(x -> assertThat(x.inputs()).startsWith("/network/initialStance/" + st.member()));
        assertThat(bad).filteredOn(x -> x.figure().startsWith("bargaining")).allSatisfy(x ->
                assertThat(x.inputs()).anyMatch(in -> in.matches("/actors/\\d+/stance/position")));
        assertThat(bad).filteredOn(x -> x.figure().equals("bargaining reference outcome")).singleElement()
                .satisfies(x -> assertThat(x.message()).startsWith("bargaining reference outcome is not finite"));
    }

    private static PolicySummary with(PolicySummary p, List<PolicySummary.StanceShift> stances,
                                      PolicySummary.Forecast forecast) {
        return new PolicySummary(p.id(), p.name(), p.description(), p.rank(), p.paretoEfficient(), p.concession(),
                p.meanConcession(), p.effect(), p.medianDaysToConcession(), p.attacks(), p.attacksAverted(),
                p.collateral(), p.collateralPerEffect(), p.coercerOwnCost(), p.clash(), p.harms(), stances, p.levers(),
                p.concessionCurve(), p.daily(), p.outcomes(), p.attribution(), forecast);
    }

    private static int indexOf(Scenario s, String constituency) {
        for (int i = 0; i < s.constituencies().size(); i++) {
            if (s.constituencies().get(i).id().equals(constituency)) {
                return i;
            }
        }
        throw new AssertionError("no constituency " + constituency);
    }
}
