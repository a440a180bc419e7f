package org.statecraft.core.bargaining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpatialModelOfPoliticsTest {

    /**
     * KTAB's {@code examples/smp/doc/dummyData_3Dim.csv} (MIT), copied here so that core tests need no reader:
     * capability, then (position, salience) on three dimensions, 0–100.
     */
    static final double[][] DUMMY_3DIM = {
            {102.543, 75.79, 49.53, 6.37, 5.91, 70.45, 28.15},
            {53.393, 82.72, 30.33, 73.50, 21.22, 64.00, 24.79},
            {129.643, 82.45, 48.47, 90.89, 13.55, 0.07, 34.62},
            {75.920, 62.52, 20.76, 50.82, 39.24, 62.33, 22.21},
            {63.224, 82.34, 40.96, 45.77, 25.43, 73.31, 22.59},
            {120.048, 84.48, 22.92, 33.70, 39.35, 88.11, 15.42},
            {54.178, 70.96, 31.75, 33.46, 27.93, 90.36, 26.03}};

    static BargainingProblem dummy3Dim() {
        int n = DUMMY_3DIM.length;
        double[] cap = new double[n];
        double[][] pos = new double[n][3];
        double[][] sal = new double[n][3];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("SActor-0" + i);
            cap[i] = DUMMY_3DIM[i][0];
            for (int d = 0; d < 3; d++) {
                pos[i][d] = DUMMY_3DIM[i][1 + 2 * d] / 100;
                sal[i][d] = DUMMY_3DIM[i][2 + 2 * d] / 100;
            }
        }
        return new BargainingProblem("DummyData_3Dim", names, List.of("Pstn1", "Pstn2", "Pstn3"), cap, pos, sal);
    }

    static Path shared() {
        return Path.of(System.getProperty("statecraft.shared", "../../shared"));
    }

    @Test
    void reproducesKtabReferenceRunOfDummyData3DimToOneTenthAtAllElevenStates() throws IOException {
        // Expected positions: shared/data/ktab/dummyData_3Dim.expected-positions.txt, the per-state history
        // printed at the end of KTAB's reference log (dummyData_3Dim.ktab-reference-log.txt, "History of actor
        // positions over time"), one decimal.
        List<String> lines = Files.readAllLines(shared().resolve("data/ktab/dummyData_3Dim.expected-positions.txt"));
        SpatialModelOfPolitics.Run run = new SpatialModelOfPolitics().run(dummy3Dim());
        assertThat(run.states()).hasSize(11);
        assertThat(run.converged()).isTrue();
        int checked = 0;
        for (String line : lines) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            int actor = Integer.parseInt(f[0]);
            int dim = Integer.parseInt(f[1]);
            for (int t = 0; t < 11; t++) {
                double expected = Double.parseDouble(f[2 + t]);
                double actual = 100 * run.states().get(t)[actor][dim];
                assertThat(actual).as("actor %d dim %d state %d", actor, dim, t).isCloseTo(expected, within(0.1));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(7 * 3 * 11);
    }

    @Test
    void turnZeroRiskAttitudesAndBestTargetsMatchKtabLog() {
        // dummyData_3Dim.ktab-reference-log.txt, "Inferred risk attitudes" and the "In turn 0 actor i has most
        // advantageous target j worth v" / "Est by i of prob P that [i> j]" lines of iteration 1.
        SpatialModelOfPolitics.TurnDetail t0 = new SpatialModelOfPolitics().firstTurn(dummy3Dim());
        double[] risk = {-0.500, -0.459, -0.499, -0.274, 1.000, -0.232, -0.430};
        assertThat(t0.riskAttitudes()).containsExactly(risk, within(0.0006));
        int[] target = {6, 0, 6, 0, 0, 1, 1};
        double[] worth = {0.0947, 0.2810, 0.4711, 0.2839, 0.0116, 0.2986, 0.0286};
        double[] prob = {0.7643, 0.7964, 0.8334, 0.8056, 0.5836, 0.8510, 0.3970};
        for (int i = 0; i < 7; i++) {
            SpatialModelOfPolitics.Challenge c = t0.challenges().get(i);
            assertThat(c.target()).as("target of %d", i).isEqualTo(target[i]);
            assertThat(c.value()).as("value of %d", i).isCloseTo(worth[i], within(0.00051));
            assertThat(c.probability()).as("P of %d", i).isCloseTo(prob[i], within(0.00006));
        }
    }

    @Test
    void sameInputGivesIdenticalRunsForOneTwoAndFourThreads() {
        // 40 actors crosses the parallel threshold; the challenge step is parallel over initiators.
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(42);
        int n = 40;
        double[] cap = new double[n];
        double[][] pos = new double[n][2];
        double[][] sal = new double[n][2];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("a" + i);
            cap[i] = 1 + rnd.nextDouble() * 99;
            for (int d = 0; d < 2; d++) {
                pos[i][d] = Math.round(rnd.nextDouble() * 100) / 100.0;
                sal[i][d] = 0.5 * rnd.nextDouble();
            }
        }
        BargainingProblem p = new BargainingProblem("random", names, List.of("x", "y"), cap, pos, sal);
        SpatialModelOfPolitics.Run one = new SpatialModelOfPolitics(SmpParameters.DEFAULTS, 1).run(p);
        for (int threads : new int[] {1, 2, 4}) {
            SpatialModelOfPolitics.Run other = new SpatialModelOfPolitics(SmpParameters.DEFAULTS, threads).run(p);
            assertThat(other.states()).hasSameSizeAs(one.states());
            for (int t = 0; t < one.states().size(); t++) {
                assertThat(other.states().get(t)).as("state %d with %d threads", t, threads).isDeepEqualTo(one.states().get(t));
            }
            assertThat(other.outcome()).containsExactly(one.outcome());
        }
    }

    @Test
    void otherVotingRulesVictoryLawsAndMarkovPceRunAndStayInRange() {
        for (VotingRule rule : VotingRule.values()) {
            for (VictoryLaw law : VictoryLaw.values()) {
                for (PceModel pce : PceModel.values()) {
                    SmpParameters params = new SmpParameters(rule, law, pce, 20, 0.02);
                    SpatialModelOfPolitics.Run run = new SpatialModelOfPolitics(params, 1).run(dummy3Dim());
                    for (double[][] state : run.states()) {
                        for (double[] actor : state) {
                            for (double v : actor) {
                                assertThat(v).as("%s %s %s", rule, law, pce).isBetween(0.0, 1.0);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void forecastOutcomeOfOneDimensionIsInsideTheRangeOfPositions() {
        BargainingProblem p = dummy3Dim().dimension(0);
        double out = new SpatialModelOfPolitics().forecastOutcome(p);
        assertThat(out).isBetween(0.6252, 0.8448);
    }

    @Test
    void ktabOutcomeIsThePceOverUniquePositionsAndAppearsInTheForecastStatistics() {
        SpatialModelOfPolitics smp = new SpatialModelOfPolitics();
        BargainingProblem p = dummy3Dim();
        ForecastResult r = smp.forecast(p);
        List<double[]> ktab = r.statistics().get(SpatialModelOfPolitics.KTAB_EXPECTED);
        assertThat(ktab).hasSize(r.states().size());
        assertThat(ktab.get(ktab.size() - 1)).isEqualTo(smp.ktabOutcome(p, r.finalState()));
        // Actors 0 and 1 moved onto one position: KTAB counts it once, so the outcome is the PCE over two options;
        // with actor 2 alone elsewhere, the outcome lies between the two positions.
        double[][] two = {{0.2, 0.5, 0.5}, {0.2, 0.5, 0.5}, {0.8, 0.5, 0.5}, {0.2, 0.5, 0.5}, {0.8, 0.5, 0.5},
                {0.2, 0.5, 0.5}, {0.8, 0.5, 0.5}};
        double[] out = smp.ktabOutcome(p, two);
        assertThat(out[0]).isStrictlyBetween(0.2, 0.8);
        assertThat(out[1]).isCloseTo(0.5, within(1e-12));
        // Everyone at one position: that position, whatever the weights.
        double[][] one = new double[7][];
        for (int i = 0; i < 7; i++) {
            one[i] = new double[] {0.3, 0.6, 0.9};
        }
        assertThat(smp.ktabOutcome(p, one)).containsExactly(new double[] {0.3, 0.6, 0.9}, within(1e-12));
    }
}
