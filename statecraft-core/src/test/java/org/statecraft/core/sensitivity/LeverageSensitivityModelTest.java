package org.statecraft.core.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.statecraft.core.leverage.TestScenarios.baseline;
import static org.statecraft.core.leverage.TestScenarios.tri;
import static org.statecraft.core.leverage.TestScenarios.twoSided;
import static org.statecraft.core.leverage.TestScenarios.useOnDay;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.statecraft.core.leverage.LeverageModel;
import org.statecraft.core.leverage.TestScenarios;
import org.statecraft.core.scenario.Scenario;

class LeverageSensitivityModelTest {

    /**
     * Squeeze pressure 0.3/day against resolve K·0.6² (γ = 2): the target concedes iff K is below about 0.3 (the felt pressure, after ramp-up and credibility, is about 0.108),
     * so P(concession) of the squeeze policy depends on K alone; the three actors' capabilities are uncertain
     * but the leverage engine never reads them.
     */
    static LeverageModel oneInputMatters() {
        Scenario s = twoSided(30, 0, 1, 0, Double.NaN, 1, 1, 2, List.of(baseline(), useOnDay("squeeze", 0, null)), 0);
        return new LeverageModel(TestScenarios.withUncertainty(s, tri(0.1, 0.3, 0.6), tri(1, 2, 3)));
    }

    @Test
    void onlyTheResolveHasNonZeroIndicesWhenOnlyItMatters() {
        LeverageSensitivityModel m = new LeverageSensitivityModel(oneInputMatters(), 2, 7);
        assertThat(m.inputs()).containsExactly("/actors/0/capability", "/actors/1/capability",
                "/actors/2/capability", "/demand/complianceCost");
        SobolResult r = SaltelliSobolAnalysis.analyse(m, SobolDesign.of(256, 11), 1);
        SobolResult.Output squeeze = r.output("squeeze/concession");
        assertThat(squeeze.variance()).isGreaterThan(0.05);
        SobolIndices k = squeeze.of("/demand/complianceCost");
        assertThat(k.total()).isCloseTo(1.0, within(0.05));
        assertThat(k.first()).isCloseTo(1.0, within(0.15));
        for (String cap : List.of("/actors/0/capability", "/actors/1/capability", "/actors/2/capability")) {
            // f(A) and f(A_B^(cap)) are identical row by row, so the estimators give exactly zero
            assertThat(squeeze.of(cap).total()).isEqualTo(0.0);
            assertThat(squeeze.of(cap).first()).isEqualTo(0.0);
        }
        // the baseline never concedes: a zero-variance output has undefined (NaN) indices
        assertThat(r.output("baseline/concession").of("/demand/complianceCost").total()).isNaN();
    }

    @Test
    void groupedAnalysisPutsTheResolveInItsOwnGroupAndCapabilitiesTogether() {
        LeverageSensitivityModel m = new LeverageSensitivityModel(oneInputMatters(), 1, 7);
        List<InputGroup> byEntity = m.groups(LeverageSensitivityModel.Grouping.LEVER);
        assertThat(byEntity).extracting(InputGroup::name)
                .containsExactly("/actors/0", "/actors/1", "/actors/2", "/demand/complianceCost");
        List<InputGroup> bySection = m.groups(LeverageSensitivityModel.Grouping.SECTION);
        assertThat(bySection).extracting(InputGroup::name).containsExactly("/actors", "/demand");
        SobolResult r = SaltelliSobolAnalysis.analyse(m, bySection, SobolDesign.of(128, 3), 1);
        assertThat(r.evaluations()).isEqualTo(128L * 4);
        assertThat(r.output("squeeze/concession").of("/actors").total()).isEqualTo(0.0);
        assertThat(r.output("squeeze/concession").of("/demand").total()).isCloseTo(1.0, within(0.05));
    }

    @Test
    void resultDoesNotDependOnTheThreadCount() {
        LeverageSensitivityModel m = new LeverageSensitivityModel(oneInputMatters(), 3, 5);
        SobolDesign design = new SobolDesign(64, SobolDesign.Sampling.SOBOL, 9, 200, 0.95);
        SobolResult one = SaltelliSobolAnalysis.analyse(m, design, 1);
        SobolResult three = SaltelliSobolAnalysis.analyse(m, design, 3);
        assertThat(three).isEqualTo(one);
    }

    @Test
    void rowBlocksLaidEndToEndGiveTheSameAnalysis() {
        LeverageSensitivityModel m = new LeverageSensitivityModel(oneInputMatters(), 1, 5);
        SobolDesign design = new SobolDesign(100, SobolDesign.Sampling.RANDOM, 4, 50, 0.9);
        List<InputGroup> groups = m.groups(LeverageSensitivityModel.Grouping.NONE);
        double[][] y = new double[groups.size() + 2][100 * m.outputs().size()];
        for (int from = 0; from < 100; from += 37) {
            int to = Math.min(100, from + 37);
            double[][] block = SaltelliSobolAnalysis.evaluateRows(m, groups, design, from, to);
            for (int r = 0; r < y.length; r++) {
                System.arraycopy(block[r], 0, y[r], from * m.outputs().size(), block[r].length);
            }
        }
        SobolResult pieced = SaltelliSobolAnalysis.estimate(design, m.inputs(), m.outputs(), y, 2);
        assertThat(pieced).isEqualTo(SaltelliSobolAnalysis.analyse(m, design, 2));
    }
}
