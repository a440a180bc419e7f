package org.statecraft.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statecraft.core.calibration.ResponseCurveFit;
import org.statecraft.io.calibration.ResponseCurveFitFile;

class CalibrateCommandTest {
    static final String TIES = Path.of(System.getProperty("statecraft.shared", "../../shared"),
            "data/ties/TIESv4-1.xls").toString();

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        Cli r = Cli.run(args);
        return new Run(r.exit(), r.out(), r.err());
    }

    @Test
    void jsonReportsHeldOutScoresOfModelAndBaselineAndTheKnownGradient() throws IOException {
        Run r = run("calibrate", "--ties", TIES, "--format", "json");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (String side : new String[] {"model", "baseline"}) {
            JsonNode s = j.path("heldOut").path(side);
            assertThat(s.path("brier").isNumber()).isTrue();
            assertThat(s.path("logLoss").isNumber()).isTrue();
            assertThat(s.path("auc").isNumber()).isTrue();
        }
        assertThat(j.path("heldOut").path("baseline").path("auc").asDouble()).isEqualTo(0.5);
        // the model must beat the constant rate on held-out cases
        assertThat(j.path("heldOut").path("model").path("logLoss").asDouble())
                .isLessThan(j.path("heldOut").path("baseline").path("logLoss").asDouble());
        assertThat(j.path("heldOut").path("model").path("brier").asDouble())
                .isLessThan(j.path("heldOut").path("baseline").path("brier").asDouble());
        // data/README.md: 26.1% (n=380), 43.9% (n=98), 58.6% (n=29)
        JsonNode rates = j.path("acquiescenceByTargetCosts");
        assertThat(rates.get(0).path("cases").asInt()).isEqualTo(380);
        assertThat(rates.get(1).path("cases").asInt()).isEqualTo(98);
        assertThat(rates.get(2).path("cases").asInt()).isEqualTo(29);
        assertThat(rates.get(0).path("rate").asDouble()).isBetween(0.2605, 0.2615);
        assertThat(rates.get(1).path("rate").asDouble()).isBetween(0.4385, 0.4395);
        assertThat(rates.get(2).path("rate").asDouble()).isBetween(0.5855, 0.5865);
        assertThat(j.path("fit").path("resolve").path("sigma").asDouble()).isPositive();
        assertThat(j.path("n").path("training").asInt() + j.path("n").path("heldOut").asInt()
                + j.path("n").path("missingCovariate").asInt()).isEqualTo(507);
        assertThat(j.path("split").asText()).isEqualTo("random(seed=1, training=0.7)");
    }

    @Test
    void tableIsTheDefaultAndOutWritesAFitThatReadsBack(@TempDir Path dir) {
        Path out = dir.resolve("response-curve.yaml");
        Run r = run("calibrate", "--ties", TIES, "--out", out.toString(), "--split", "year", "--covariates", "none");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("held out").contains("baseline").contains("minor").contains("year(training <= 1989)");
        ResponseCurveFit fit = ResponseCurveFitFile.read(out);
        assertThat(fit.split()).isEqualTo("year(training <= 1989)");
        assertThat(fit.logResolveShifts()).isEmpty();
        assertThat(fit.probability(0.25)).isGreaterThan(fit.probability(0.02));
    }

    @Test
    void theSameSeedGivesTheSameReport() throws IOException {
        Run first = run("calibrate", "--ties", TIES, "--format", "json", "--seed", "9");
        Run second = run("calibrate", "--ties", TIES, "--format", "json", "--seed", "9");
        Run other = run("calibrate", "--ties", TIES, "--format", "json", "--seed", "10");
        // both runs succeed with a real report (two crashes would also print the same, empty, output)
        for (Run r : List.of(first, second, other)) {
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(new ObjectMapper().readTree(r.out()).path("heldOut").path("model").path("brier").isNumber()).isTrue();
        }
        assertThat(second.out()).isEqualTo(first.out());
        // and the seed is what they share: another seed draws another random split
        assertThat(other.out()).isNotEqualTo(first.out());
    }

    @Test
    void aMissingFileExitsTwoWithAMessageAndNoStackTrace(@TempDir Path dir) {
        Run r = run("calibrate", "--ties", dir.resolve("missing.xls").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("missing.xls").contains("no such file").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aFileThatIsNotTiesExitsTwo(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.xls");
        Files.writeString(bad, "this is not a workbook");
        Run r = run("calibrate", "--ties", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.xls").contains("Excel 97-2003").doesNotContain("\tat ");
    }

    @Test
    void badOptionsExitTwo() {
        assertThat(run("calibrate").code()).isEqualTo(2);
        Run pressure = run("calibrate", "--ties", TIES, "--pressure", "minor=0.5");
        assertThat(pressure.code()).isEqualTo(2);
        assertThat(pressure.err()).contains("0 < minor < major < severe");
        Run unknown = run("calibrate", "--ties", TIES, "--pressure", "extreme=0.9");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown target-cost category 'extreme'");
        Run cov = run("calibrate", "--ties", TIES, "--covariates", "gdp");
        assertThat(cov.code()).isEqualTo(2);
        assertThat(cov.err()).contains("unknown covariate 'gdp'");
    }
}
