package org.statecraft.core.bargaining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectedUtilityModelTest {
    /**
     * shared/data/bdm/eu-emissions.csv (jmckib/bdm-scholz-expected-utility-model): capability, position,
     * salience 0–1 of ten EU states on car emissions, positions 4–10 on a 0–100 scale.
     */
    static BargainingProblem euEmissions() {
        String[] names = {"Netherlands", "Belgium", "Luxembourg", "Germany", "France", "Italy", "UK", "Ireland", "Denmark", "Greece"};
        double[] cap = {0.08, 0.08, 0.03, 0.16, 0.16, 0.16, 0.16, 0.05, 0.05, 0.08};
        double[] pos = {4, 7, 4, 4, 10, 10, 10, 7, 4, 7};
        double[] sal = {0.8, 0.4, 0.2, 0.8, 0.6, 0.6, 0.9, 0.1, 1.0, 0.7};
        double[][] p = new double[10][1];
        double[][] s = new double[10][1];
        for (int i = 0; i < 10; i++) {
            p[i][0] = pos[i] / 100;
            s[i][0] = sal[i];
        }
        return new BargainingProblem("eu-emissions", List.of(names), List.of("issue"), cap, p, s);
    }

    @Test
    void euEmissionsRoundZeroHasMedianSevenAndWeightedMean7390() {
        // docs/models/eum.md, Validation: "Round 0 of bdm/eu-emissions.csv: median 7.0, capability × salience
        // weighted mean 7.390".
        ForecastResult r = new ExpectedUtilityModel().forecast(euEmissions());
        assertThat(100 * r.statistics().get("median").get(0)[0]).isCloseTo(7.0, within(1e-9));
        assertThat(100 * r.statistics().get("weighted mean").get(0)[0]).isCloseTo(7.390, within(0.0005));
    }

    @Test
    void everyRoundIsReportedWithPositionsMedianAndMean() {
        ForecastResult r = new ExpectedUtilityModel(EumParameters.DEFAULTS.withRounds(6)).forecast(euEmissions());
        assertThat(r.states()).hasSize(7);
        assertThat(r.statistics().get("median")).hasSize(7);
        assertThat(r.statistics().get("weighted mean")).hasSize(7);
        for (double[][] state : r.states()) {
            for (double[] actor : state) {
                assertThat(actor[0]).isBetween(0.04, 0.10); // offers never leave the range of positions
            }
        }
        assertThat(r.outcome()[0]).isEqualTo(r.statistics().get("median").get(6)[0]);
    }

    @Test
    void scholzGlobalDenominatorIsAnOptionAndSameInputGivesIdenticalOutput() {
        EumParameters scholz = new EumParameters(5, EumParameters.Denominator.SCHOLZ_GLOBAL, 1, 1, true);
        ForecastResult a = new ExpectedUtilityModel(scholz).forecast(euEmissions());
        ForecastResult b = new ExpectedUtilityModel(scholz).forecast(euEmissions());
        for (int t = 0; t < a.states().size(); t++) {
            assertThat(a.states().get(t)).isDeepEqualTo(b.states().get(t));
        }
        // and the option matters: the pairwise denominator, all else equal, moves the positions
        EumParameters pairwise = new EumParameters(5, EumParameters.Denominator.PAIRWISE, 1, 1, true);
        assertThat(firstDifference(pairwise, scholz, euEmissions())).as("first round the denominators differ")
                .isNotNegative();
    }

    static BargainingProblem problem(double[] c, double[] x, double[] s, String... names) {
        double[][] p = new double[x.length][1];
        double[][] sal = new double[x.length][1];
        for (int i = 0; i < x.length; i++) {
            p[i][0] = x[i];
            sal[i][0] = s[i];
        }
        return new BargainingProblem("t", List.of(names), List.of("issue"), c, p, sal);
    }

    /** The first round (0..) at which two runs' positions differ, or -1. */
    static int firstDifference(EumParameters a, EumParameters b, BargainingProblem p) {
        ForecastResult ra = new ExpectedUtilityModel(a).forecast(p);
        ForecastResult rb = new ExpectedUtilityModel(b).forecast(p);
        for (int t = 0; t < ra.states().size(); t++) {
            if (!java.util.Arrays.deepEquals(ra.states().get(t), rb.states().get(t))) {
                return t;
            }
        }
        return -1;
    }

    /** Honduras–Nicaragua (shared/data/bdm/honduras-nicaragua.csv, dmasad/BDM_DecisionModel_Replication), 0–100. */
    static BargainingProblem honduras() {
        return problem(new double[] {0.0001958, 0.0001515, 0.0001189, 0.2550486, 0.0005362},
                new double[] {0.01, 0, 0.005, 0.005, 0.005}, new double[] {1, 1, 0.3, 0.1, 0.3},
                "Nicaragua", "Honduras", "Costa Rica", "United States", "Dominican Republic");
    }

    @Test
    void riskPerspectiveDecidesBelgiumsFirstMoveOnEuEmissions() {
        // Example.log (Scholz code): Belgium compromises to 8.416 in round 1; with E_ji under j's own exponent the
        // same round gives another position.
        EumParameters receiver = EumParameters.SCHOLZ_CODE.withRounds(1);
        EumParameters own = receiver.withRiskPerspective(EumParameters.RiskPerspective.OWN);
        double a = 100 * new ExpectedUtilityModel(receiver).forecast(euEmissions()).states().get(1)[1][0];
        double b = 100 * new ExpectedUtilityModel(own).forecast(euEmissions()).states().get(1)[1][0];
        assertThat(a).isCloseTo(8.415932315426764, within(1e-9));
        assertThat(b).isNotCloseTo(a, within(0.01));
        assertThat(firstDifference(EumParameters.DEFAULTS, EumParameters.DEFAULTS
                .withRiskPerspective(EumParameters.RiskPerspective.RECEIVER), euEmissions())).isEqualTo(1);
    }

    @Test
    void capitulationOptionLetsTheSmallActorsGiveInOnlyWhenAllowed() {
        // Under the Scholz code no actor ever capitulates (its test eu_ji < abs(eu_ji) is never true).
        assertThat(firstDifference(EumParameters.SCHOLZ_CODE, EumParameters.SCHOLZ_CODE.withCapitulation(true), honduras()))
                .isEqualTo(1);
        ForecastResult never = new ExpectedUtilityModel(EumParameters.SCHOLZ_CODE).forecast(honduras());
        ForecastResult allowed = new ExpectedUtilityModel(EumParameters.SCHOLZ_CODE.withCapitulation(true)).forecast(honduras());
        assertThat(never.outcome()[0]).isNotEqualTo(allowed.outcome()[0]);
        // round 1 is the first that differs: Costa Rica and the Dominican Republic (actors 2 and 4) capitulate to
        // Honduras's position 0 when allowed and hold at 0.005 when not; Nicaragua, Honduras and the United States
        // move as they would without the option
        double[][] n1 = never.states().get(1);
        double[][] a1 = allowed.states().get(1);
        for (int i : new int[] {2, 4}) {
            assertThat(n1[i][0]).as("actor %d", i).isEqualTo(0.005);
            assertThat(a1[i][0]).as("actor %d", i).isEqualTo(0.0);
        }
        for (int i : new int[] {0, 1, 3}) {
            assertThat(a1[i][0]).as("actor %d", i).isEqualTo(n1[i][0]);
        }
    }

    @Test
    void compromiseRankingSendsBelgiumToTheNetherlandsInRoundFourOnlyUnderScholzsRule() {
        // Example.log ROUND 4: "Belgium compromises with Netherlands ... new_pos = 4.800881140632622"; with the
        // nearest compromise rule rounds 1–3 are unchanged and round 4 differs.
        EumParameters nearest = EumParameters.SCHOLZ_CODE.withCompromiseRanking(EumParameters.CompromiseRanking.NEAREST);
        assertThat(firstDifference(EumParameters.SCHOLZ_CODE, nearest, euEmissions())).isEqualTo(4);
        assertThat(100 * new ExpectedUtilityModel(EumParameters.SCHOLZ_CODE).forecast(euEmissions()).states().get(4)[1][0])
                .isCloseTo(4.800881140632622, within(1e-9));
    }

    @Test
    void rangeOptionChangesDistancesOnceThePositionsNarrowOrAtOnceForTheWholeScale() {
        // eu-emissions keeps its range 4–10 for two rounds, so INITIAL and CURRENT agree until round 3.
        assertThat(firstDifference(EumParameters.DEFAULTS, EumParameters.DEFAULTS.withRange(EumParameters.Range.INITIAL),
                euEmissions())).isEqualTo(3);
        assertThat(firstDifference(EumParameters.DEFAULTS, EumParameters.DEFAULTS.withRange(EumParameters.Range.SCALE),
                euEmissions())).isEqualTo(1);
    }

    @Test
    void denominatorAndRiskPassChangeTheFirstRound() {
        assertThat(firstDifference(EumParameters.DEFAULTS,
                EumParameters.DEFAULTS.withDenominator(EumParameters.Denominator.SCHOLZ_GLOBAL), euEmissions())).isEqualTo(1);
        assertThat(firstDifference(EumParameters.SCHOLZ_CODE, EumParameters.SCHOLZ_CODE.withRiskFromNeutralPass(false),
                euEmissions())).isEqualTo(1);
    }

    @Test
    void medianRulesAgreeInOneDimensionBecauseEveryLargestMarginIsWonByAWeightedMedian() {
        // For a fixed rival b, Σ_k w_k(|x_k − b| − |x_k − a|) is largest where Σ_k w_k|x_k − a| is smallest, at a
        // weighted median; so LARGEST_MARGIN picks a Condorcet winner whenever one is unique.
        for (BargainingProblem p : List.of(euEmissions(), honduras())) {
            assertThat(firstDifference(EumParameters.DEFAULTS, EumParameters.DEFAULTS.withMedian(EumParameters.Median.LARGEST_MARGIN), p))
                    .isEqualTo(-1);
            ForecastResult a = new ExpectedUtilityModel(EumParameters.DEFAULTS).forecast(p);
            ForecastResult b = new ExpectedUtilityModel(EumParameters.DEFAULTS.withMedian(EumParameters.Median.LARGEST_MARGIN)).forecast(p);
            assertThat(b.outcome()).isEqualTo(a.outcome());
        }
    }

    @Test
    void equidistantOffersGoToTheLowerPositionWhateverTheRoundingOrTheActorOrder() {
        // A at 0.07 between identical rivals at 0.04 and 0.10: |0.10 − 0.07| and |0.04 − 0.07| differ only by rounding.
        // With the tolerance the tie goes to the lower position in either actor order; with tolerance 0 rounding
        // decides, and picks 0.10.
        BargainingProblem bc = problem(new double[] {1, 1, 0.05}, new double[] {0.04, 0.10, 0.07}, new double[] {0.3, 0.3, 0.2}, "B", "C", "A");
        BargainingProblem cb = problem(new double[] {1, 1, 0.05}, new double[] {0.10, 0.04, 0.07}, new double[] {0.3, 0.3, 0.2}, "C", "B", "A");
        EumParameters one = EumParameters.DEFAULTS.withRounds(1);
        assertThat(new ExpectedUtilityModel(one).forecast(bc).states().get(1)[2][0]).isEqualTo(0.04);
        assertThat(new ExpectedUtilityModel(one).forecast(cb).states().get(1)[2][0]).isEqualTo(0.04);
        assertThat(new ExpectedUtilityModel(one.withTolerance(0)).forecast(bc).states().get(1)[2][0]).isEqualTo(0.10);
        assertThat(new ExpectedUtilityModel(one.withTolerance(0)).forecast(cb).states().get(1)[2][0]).isEqualTo(0.10);
    }

    @Test
    void aRivalAtTheSamePositionMakesNoOfferSoTheRealCompromiseIsTaken() {
        // A and B share 0.3; C at 0.8 offers each a compromise. A same-position "offer" (E = ±1e-16 from rounding)
        // would otherwise count as a conflict at distance 0 and pre-empt it.
        BargainingProblem p = problem(new double[] {1, 1, 0.2}, new double[] {0.3, 0.3, 0.8}, new double[] {0.2, 0.2, 0.9}, "A", "B", "C");
        double[][] next = new ExpectedUtilityModel(EumParameters.DEFAULTS.withRounds(1)).forecast(p).states().get(1);
        assertThat(next[0][0]).isStrictlyBetween(0.3, 0.8);
        assertThat(next[1][0]).isEqualTo(next[0][0]);
    }

    @Test
    void rejectsNegativeRounds() {
        assertThatThrownBy(() -> EumParameters.DEFAULTS.withRounds(-1)).hasMessageContaining("-1");
    }
}
