package org.statecraft.io.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statecraft.core.sensitivity.LeverageSensitivityModel;
import org.statecraft.core.sensitivity.ScenarioSensitivity;
import org.statecraft.core.sensitivity.SobolDesign;
import org.statecraft.core.sensitivity.SobolIndices;
import org.statecraft.core.sensitivity.SobolResult;

/** The order of factors in every sensitivity writer: total index, largest first, NaN last, ties in factor order. */
class SensitivityReportTest {

    /**
     * Five factors with totals NaN, 0.2, 0.5, 0.2, NaN: every writer lists them c, b, d, a, e (the NaN ones last,
     * each tie in the factors' own order).
     */
    @Test
    void factorsAreSortedByTotalIndexWithNaNLastAndTiesInFactorOrder() throws Exception {
        double[] totals = {Double.NaN, 0.2, 0.5, 0.2, Double.NaN};
        List<ScenarioSensitivity.Factor> factors = new ArrayList<>();
        List<SobolIndices> indices = new ArrayList<>();
        for (int i = 0; i < totals.length; i++) {
            String id = String.valueOf((char) ('a' + i));
            factors.add(new ScenarioSensitivity.Factor(id, "F_" + id, List.of("/x/" + id)));
            indices.add(new SobolIndices(id, totals[i] / 2, 0, 1, totals[i], 0, 1));
        }
        List<SobolResult.Output> outputs = new ArrayList<>();
        for (LeverageSensitivityModel.Measure m : LeverageSensitivityModel.Measure.values()) {
            outputs.add(new SobolResult.Output(LeverageSensitivityModel.outputName("p", m), 0.5, 0.1, indices));
        }
        SobolDesign design = new SobolDesign(8, SobolDesign.Sampling.SOBOL, 1, 100, 0.95);
        SobolResult sobol = new SobolResult(design, factors.stream().map(ScenarioSensitivity.Factor::id).toList(),
                outputs, 56);
        ScenarioSensitivity.Options options = new ScenarioSensitivity.Options(8, 1,
                LeverageSensitivityModel.Grouping.SECTION, 1, List.of("p"), 100);
        ScenarioSensitivity.Result r = new ScenarioSensitivity.Result("s", options, factors, List.of("p"), sobol, 56);
        SensitivityReport.RunInfo info = new SensitivityReport.RunInfo("s.yaml", "h", 1);
        List<String> expected = List.of("c", "b", "d", "a", "e");

        JsonNode json = SensitivityReport.json(r, info);
        assertThat(json.get("results")).hasSize(3);
        for (JsonNode result : json.get("results")) {
            List<String> order = new ArrayList<>();
            result.get("indices").forEach(i -> order.add(i.get("input").asText()));
            assertThat(order).as(result.get("output").asText()).isEqualTo(expected);
        }

        StringWriter csv = new StringWriter();
        SensitivityReport.csv(r, csv);
        List<String> rows = csv.toString().lines().skip(1).toList();
        assertThat(rows).hasSize(15);
        for (int m = 0; m < 3; m++) {
            List<String> order = rows.subList(5 * m, 5 * m + 5).stream().map(l -> l.split(",")[2]).toList();
            assertThat(order).isEqualTo(expected);
        }

        // the table shows the top three: c, b, d
        String text = SensitivityReport.text(r, info, 3);
        assertThat(text).contains("F_c", "F_b", "F_d").doesNotContain("F_a", "F_e");
        assertThat(text.indexOf("F_c")).isLessThan(text.indexOf("F_b"));
        assertThat(text.indexOf("F_b")).isLessThan(text.indexOf("F_d"));
    }
}
