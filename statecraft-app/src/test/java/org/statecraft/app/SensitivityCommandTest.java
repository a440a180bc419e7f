package org.statecraft.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statecraft.core.calibration.ResponseCurveFit;
import org.statecraft.core.calibration.TargetCostPressure;
import org.statecraft.io.calibration.ResponseCurveFitFile;

class SensitivityCommandTest {
    static final String SCENARIO = Path.of(System.getProperty("statecraft.root", ".."), "scenarios",
            "pakistan-taliban-2023.yaml").toString();

    static CalibrateCommandTest.Run run(String... args) {
        return CalibrateCommandTest.run(args);
    }

    @Test
    void jsonHasIndicesForEveryFactorOfEachChosenPolicyAndOutput() throws IOException {
        var r = run("sensitivity", SCENARIO, "--samples", "8", "--replicates", "1", "--policy", "close-torkham",
                "--group-by", "section", "--bootstrap", "50", "--format", "json", "-q", "--threads", "2");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("run").path("groupBy").asText()).isEqualTo("section");
        int factors = j.path("factors").size();
        assertThat(factors).isBetween(5, 10);
        assertThat(j.path("run").path("designRows").asLong()).isEqualTo(8L * (factors + 2));
        assertThat(j.path("results")).hasSize(3);
        for (JsonNode res : j.path("results")) {
            assertThat(res.path("policy").asText()).isEqualTo("close-torkham");
            assertThat(res.path("indices")).hasSize(factors);
        }
        assertThat(j.path("results").get(2).path("output").asText()).isEqualTo("attacks");
        List<String> factorOrder = new ArrayList<>();
        j.path("factors").forEach(f -> factorOrder.add(f.path("id").asText()));
        boolean anyIndex = false;
        for (JsonNode res : j.path("results")) {
            assertSortedByTotalIndex(res, factorOrder);
            anyIndex |= res.path("indices").get(0).path("total").isNumber();
        }
        assertThat(anyIndex).as("some output varies, so the order is tested on real indices").isTrue();
    }

    /**
     * A result's indices are every factor once, sorted by total index, largest first, with ties (and the all-NaN
     * indices of an output constant over the design, written as null) in the order of the factors.
     */
    static void assertSortedByTotalIndex(JsonNode res, List<String> factorOrder) {
        JsonNode indices = res.path("indices");
        List<String> inputs = new ArrayList<>();
        indices.forEach(i -> inputs.add(i.path("input").asText()));
        assertThat(inputs).as(res.path("output").asText()).containsExactlyInAnyOrderElementsOf(factorOrder);
        boolean nullSeen = false;
        for (int i = 1; i < indices.size(); i++) {
            JsonNode a = indices.get(i - 1);
            JsonNode b = indices.get(i);
            String where = res.path("output").asText() + " " + a.path("input").asText() + " / " + b.path("input").asText();
            if (a.path("total").isNull()) {
                nullSeen = true;
            }
            if (nullSeen || b.path("total").isNull()) {
                assertThat(b.path("total").isNull()).as(where + ": a missing index comes after every index").isTrue();
            } else {
                assertThat(b.path("total").asDouble()).as(where).isLessThanOrEqualTo(a.path("total").asDouble());
            }
            boolean tie = a.path("total").isNull() == b.path("total").isNull()
                    && (a.path("total").isNull() || a.path("total").asDouble() == b.path("total").asDouble());
            if (tie) {
                assertThat(factorOrder.indexOf(b.path("input").asText())).as(where + ": ties keep the factor order")
                        .isGreaterThan(factorOrder.indexOf(a.path("input").asText()));
            }
        }
    }

    @Test
    void ungroupedCsvNamesInputsByJsonPointerAndTheResultDoesNotDependOnThreads() {
        String[] args = {"sensitivity", SCENARIO, "--samples", "4", "--replicates", "1", "--policy", "baseline",
            "--group-by", "none", "--bootstrap", "20", "--format", "csv", "-q", "--threads"};
        var one = run(concat(args, "1"));
        var two = run(concat(args, "2"));
        assertThat(one.code()).as(one.err()).isEqualTo(0);
        assertThat(two.out()).isEqualTo(one.out());
        String[] lines = one.out().split("\n");
        assertThat(lines[0]).isEqualTo("policy,output,input,label,inputs,S1,S1_lower,S1_upper,ST,ST_lower,ST_upper");
        assertThat(one.out()).contains("baseline,attacks,/weights/taliban/afghan-trade,weight of afghan-trade for taliban,1,");
        assertThat(one.out()).contains("/attacks/baseRatePerDay");
    }

    @Test
    void tableShowsTopFactorsSortedByTotalIndex() throws IOException {
        String[] args = {"sensitivity", SCENARIO, "--samples", "8", "--replicates", "1", "--policy", "baseline",
            "--bootstrap", "0", "-q"};
        var r = run(concat(concat(args, "--top"), "2"));
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        var json = run(concat(concat(args, "--format"), "json"));
        assertThat(json.code()).as(json.err()).isEqualTo(0);
        JsonNode j = new ObjectMapper().readTree(json.out());
        JsonNode attacks = j.path("results").get(2);
        assertThat(attacks.path("output").asText()).isEqualTo("attacks");
        List<String> factorOrder = new ArrayList<>();
        j.path("factors").forEach(f -> factorOrder.add(f.path("id").asText()));
        assertSortedByTotalIndex(attacks, factorOrder);
        // the table's rows for expected attacks are the first two factors of the same run, by total index
        String out = r.out();
        assertThat(out).contains("policy baseline, expected attacks").contains("(top 2 of " + factorOrder.size() + " factors");
        String section = out.substring(out.indexOf("policy baseline, expected attacks"));
        List<String> rows = section.lines().dropWhile(l -> !l.startsWith("-----")).skip(1)
                .takeWhile(l -> !l.trim().startsWith("(top")).toList();
        assertThat(rows).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonNode idx = attacks.path("indices").get(i);
            assertThat(rows.get(i)).startsWith(idx.path("label").asText() + " ")
                    .contains(String.format(java.util.Locale.ROOT, "%.2f", idx.path("total").asDouble()));
        }
    }

    @Test
    void badFlagsExitWithUsageError() {
        assertThat(run("sensitivity", SCENARIO, "--group-by", "everything").code()).isEqualTo(2);
        assertThat(run("sensitivity", SCENARIO, "--samples", "1", "-q").code()).isEqualTo(2);
        assertThat(run("sensitivity", SCENARIO, "--replicates", "0", "-q").code()).isEqualTo(2);
        assertThat(run("sensitivity", SCENARIO, "--threads", "0", "-q").code()).isEqualTo(2);
        assertThat(run("sensitivity", SCENARIO, "--samples", "many").code()).isEqualTo(2);
        var noPolicy = run("sensitivity", SCENARIO, "--policy", "invade", "-q");
        assertThat(noPolicy.code()).isEqualTo(2);
        assertThat(noPolicy.err()).contains("no policy 'invade'").contains("close-torkham");
        assertThat(run("sensitivity", "no-such-file.yaml", "-q").code()).isEqualTo(2);
    }

    @Test
    void analyzeRecordsTheResponseCurveAndNamesWhatRankingsHingeOn(@TempDir Path dir) throws IOException {
        ResponseCurveFit fit = new ResponseCurveFit(-2.0, 1.2, 0.3, 0.3, Map.of(), TargetCostPressure.DEFAULT, 100,
                "test split", "test fit");
        Path file = dir.resolve("curve.json");
        ResponseCurveFitFile.write(fit, file);
        var r = run("analyze", SCENARIO, "--runs", "256", "--format", "json", "-q", "--response-curve",
                file.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        JsonNode j = new ObjectMapper().readTree(r.out());
        JsonNode rc = j.path("run").path("responseCurve");
        assertThat(rc.path("from").asText()).isEqualTo("calibration");
        assertThat(rc.path("file").asText()).isEqualTo(file.toString());
        assertThat(rc.path("mu").asDouble()).isEqualTo(-2.0);
        assertThat(rc.path("sigma").asDouble()).isEqualTo(1.2);
        JsonNode rob = j.path("robustness");
        assertThat(rob.size()).isGreaterThan(0);
        assertThat(rob.get(0).has("hingesOn")).isTrue();
        boolean anyHinge = false;
        for (JsonNode e : rob) {
            for (JsonNode h : e.path("hingesOn")) {
                anyHinge = true;
                assertThat(h.path("input").asText()).startsWith("/");
                assertThat(Math.abs(h.path("spearman").asDouble())).isBetween(0.1, 1.0);
            }
        }
        assertThat(anyHinge).isTrue();

        var plain = run("analyze", SCENARIO, "--runs", "256", "--format", "json", "-q");
        JsonNode p = new ObjectMapper().readTree(plain.out());
        assertThat(p.path("run").path("responseCurve").path("from").asText()).isEqualTo("scenario");
        // a different resolve distribution changes the answer
        assertThat(((ObjectNode) p.path("policies").get(0)).toString())
                .isNotEqualTo(j.path("policies").get(0).toString());

        var table = run("analyze", SCENARIO, "--runs", "256", "-q");
        assertThat(table.out()).contains("hinges on");
        var missing = run("analyze", SCENARIO, "--response-curve", dir.resolve("missing.json").toString(), "-q");
        assertThat(missing.code()).as("a missing file is a usage error, not an internal one").isEqualTo(2);
        assertThat(missing.err()).contains("missing.json").contains("no such file").doesNotContain("\tat ", "Exception");
    }

    private static String[] concat(String[] a, String b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }
}
