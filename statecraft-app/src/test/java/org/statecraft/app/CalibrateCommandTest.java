package org.statecraft.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
        // the scores are those of the constant training rate on the held-out cases (which side wins is not pinned)
        heldOutPositivesOfTheBaseline(j);
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

    /**
     * The baseline forecasts the training rate p for each of the n held-out cases, so with k of them acquiescing its
     * Brier score is (k (1-p)^2 + (n-k) p^2) / n and its log loss -(k ln p + (n-k) ln(1-p)) / n. Solves the first for
     * k, checks that k is a whole number of cases and that the reported log loss is the second; returns k.
     */
    static long heldOutPositivesOfTheBaseline(JsonNode j) {
        JsonNode base = j.path("heldOut").path("baseline");
        int n = j.path("n").path("heldOut").asInt();
        assertThat(base.path("n").asInt()).isEqualTo(n).isPositive();
        assertThat(j.path("heldOut").path("model").path("n").asInt()).isEqualTo(n);
        double p = j.path("heldOut").path("baselineRate").asDouble();
        int training = j.path("n").path("training").asInt();
        // the baseline rate is a share of the training cases
        assertThat(p * training).isCloseTo(Math.rint(p * training), within(1e-9));
        double k = n * (base.path("brier").asDouble() - p * p) / (1 - 2 * p);
        assertThat(k).as("held-out acquiescences implied by the baseline's Brier score").isCloseTo(Math.rint(k), within(1e-6));
        long positives = Math.round(k);
        assertThat(positives).isBetween(0L, (long) n);
        double logLoss = -(positives * Math.log(p) + (n - positives) * Math.log1p(-p)) / n;
        assertThat(base.path("logLoss").asDouble()).isCloseTo(logLoss, within(1e-12));
        return positives;
    }

    @Test
    void heldOutScoresAreTheBrierAndLogLossOfTheForecastsOnTheHeldOutCases() throws IOException {
        // without covariates the model forecasts one probability per target-cost category, the fitted curve at that
        // category's pressure, so its held-out scores are sums over the categories' held-out cases and acquiescences
        Run r = run("calibrate", "--ties", TIES, "--format", "json", "--split", "year", "--covariates", "none");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("n").path("missingCovariate").asInt()).isZero();
        long heldOutPositives = heldOutPositivesOfTheBaseline(j);
        int n = j.path("n").path("heldOut").asInt();
        long trainingPositives = Math.round(j.path("heldOut").path("baselineRate").asDouble() * j.path("n").path("training").asInt());
        JsonNode cats = j.path("acquiescenceByTargetCosts");
        assertThat(cats).hasSize(3);
        int[] cases = new int[3];
        int[] acquiesced = new int[3];
        double[] q = new double[3];
        long allPositives = 0;
        for (int c = 0; c < 3; c++) {
            cases[c] = cats.get(c).path("cases").asInt();
            acquiesced[c] = cats.get(c).path("acquiesced").asInt();
            q[c] = cats.get(c).path("fittedProbabilityAllIndicatorsZero").asDouble();
            assertThat(cats.get(c).path("meanFittedProbability").asDouble()).isCloseTo(q[c], within(1e-12));
            allPositives += acquiesced[c];
        }
        assertThat(trainingPositives + heldOutPositives).as("every acquiescence is a training or a held-out case")
                .isEqualTo(allPositives);
        double brier = j.path("heldOut").path("model").path("brier").asDouble();
        double logLoss = j.path("heldOut").path("model").path("logLoss").asDouble();
        // some split of the n held-out cases (and their acquiescences) over the categories gives both reported scores
        boolean found = false;
        for (int n0 = 0; n0 <= Math.min(n, cases[0]) && !found; n0++) {
            for (int n1 = 0; n1 <= Math.min(n - n0, cases[1]) && !found; n1++) {
                int n2 = n - n0 - n1;
                if (n2 > cases[2]) {
                    continue;
                }
                for (int k0 = 0; k0 <= Math.min(n0, acquiesced[0]) && !found; k0++) {
                    for (int k1 = 0; k1 <= Math.min(n1, acquiesced[1]) && !found; k1++) {
                        long k2 = heldOutPositives - k0 - k1;
                        if (k2 < 0 || k2 > Math.min(n2, acquiesced[2])) {
                            continue;
                        }
                        int[] m = {n0, n1, n2};
                        long[] k = {k0, k1, k2};
                        double b = 0;
                        double l = 0;
                        for (int c = 0; c < 3; c++) {
                            b += k[c] * (1 - q[c]) * (1 - q[c]) + (m[c] - k[c]) * q[c] * q[c];
                            l -= k[c] * Math.log(q[c]) + (m[c] - k[c]) * Math.log1p(-q[c]);
                        }
                        found = Math.abs(b / n - brier) < 1e-12 && Math.abs(l / n - logLoss) < 1e-12;
                    }
                }
            }
        }
        assertThat(found).as("the model's held-out Brier %s and log loss %s are those of the per-category forecasts %s",
                brier, logLoss, java.util.Arrays.toString(q)).isTrue();
        // Brier never exceeds log loss case by case ((1-p)^2 <= 1-p <= -ln p), so neither does their mean
        assertThat(brier).isBetween(0.0, logLoss);
        assertThat(j.path("heldOut").path("model").path("auc").asDouble()).isBetween(0.0, 1.0);
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
