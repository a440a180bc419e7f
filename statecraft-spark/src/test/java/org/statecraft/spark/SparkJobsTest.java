package org.statecraft.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.statecraft.core.leverage.CredibilityRule;
import org.statecraft.core.leverage.LeverageModel;
import org.statecraft.core.montecarlo.Analysis;
import org.statecraft.core.montecarlo.MonteCarlo;
import org.statecraft.core.montecarlo.MonteCarloOptions;
import org.statecraft.core.sensitivity.LeverageSensitivityModel;
import org.statecraft.core.sensitivity.ScenarioSensitivity;
import org.statecraft.io.results.AnalysisJson;

/** The Spark jobs in local[2] mode, against the local runners and an independent computation. One session. */
class SparkJobsTest {
    static final Path ROOT = Path.of(System.getProperty("statecraft.root", ".."));
    static final Path SHARED = Path.of(System.getProperty("statecraft.shared", "../../shared"));
    static SparkSession spark;
    static String yaml;

    @BeforeAll
    static void start() throws IOException {
        spark = SparkSession.builder().master("local[2]").appName("statecraft-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        yaml = Files.readString(ROOT.resolve("scenarios/pakistan-taliban-2023.yaml"), StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    static ModelSource source() {
        return ModelSource.yaml(yaml, "pakistan-taliban-2023.yaml", CredibilityRule.BELIEF);
    }

    @Test
    void monteCarloOnSparkGivesExactlyTheLocalResult() {
        // 300 runs: three chunks of 128, 128 and 44 runs, over 2 partitions
        MonteCarloOptions options = new MonteCarloOptions(300, 42, 2);
        LeverageModel model = source().model();
        Analysis local = MonteCarlo.run(model, options, null);
        Analysis onSpark = SparkMonteCarlo.run(spark, source(), options, 2);
        assertThat(onSpark.parameters()).isDeepEqualTo(local.parameters());
        assertThat(onSpark.robustness()).isDeepEqualTo(local.robustness());
        for (int p = 0; p < model.policyCount(); p++) {
            for (int r = 0; r < 300; r++) {
                assertThat(onSpark.outcomes()[p][r].finalConcession).isEqualTo(local.outcomes()[p][r].finalConcession);
                assertThat(onSpark.outcomes()[p][r].harm).isEqualTo(local.outcomes()[p][r].harm);
            }
            assertThat(onSpark.policies().get(p).daily().pressure()).isEqualTo(local.policies().get(p).daily().pressure());
        }
        AnalysisJson.RunInfo info = new AnalysisJson.RunInfo("h", "belief", "f");
        assertThat(AnalysisJson.write(AnalysisJson.toJson(model.scenario(), onSpark, info)))
                .isEqualTo(AnalysisJson.write(AnalysisJson.toJson(model.scenario(), local, info)));
    }

    @Test
    void sobolOnSparkGivesExactlyTheLocalResult() {
        ScenarioSensitivity.Options options = new ScenarioSensitivity.Options(40, 1,
                LeverageSensitivityModel.Grouping.SECTION, 7, List.of("baseline", "close-torkham"), 100);
        ScenarioSensitivity.Result local = ScenarioSensitivity.run(source().model(), options, 2);
        ScenarioSensitivity.Result onSpark = SparkSensitivity.run(spark, source(), options, 3, 1);
        assertThat(onSpark).isEqualTo(local);
        // not a degenerate comparison: the output varies across the samples and its indices are numbers
        var attacks = onSpark.output("baseline", LeverageSensitivityModel.Measure.ATTACKS);
        assertThat(attacks.variance()).isPositive();
        assertThat(attacks.indices()).isNotEmpty().allSatisfy(i -> assertThat(i.total()).isFinite());
    }

    /** Independent computation: split each line on tabs in plain Java and sum per day. */
    static Map<LocalDate, double[]> byHand(List<Path> files, String a, String b) throws IOException {
        Map<LocalDate, double[]> out = new TreeMap<>();
        for (Path f : files) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                String[] c = line.split("\t", -1);
                if (c.length != 57 && c.length != 58 && c.length != 61) {
                    continue;
                }
                boolean dyad = (c[7].equals(a) && c[17].equals(b)) || (c[7].equals(b) && c[17].equals(a));
                if (dyad) {
                    double[] t = out.computeIfAbsent(LocalDate.parse(c[1], DateTimeFormatter.BASIC_ISO_DATE),
                            d -> new double[2]);
                    t[0]++;
                    t[1] += Double.parseDouble(c[30]);
                }
            }
        }
        return out;
    }

    @Test
    void gdeltDyadAggregationMatchesAnIndependentComputationOnV1AndV2Files() throws IOException {
        List<Path> files = List.of(SHARED.resolve("data/gdelt/mixed-v1-sample-100.tsv"),
                SHARED.resolve("data/gdelt/v2-sample-100.tsv"));
        for (String[] dyad : new String[][] {{"AUS", "NZL"}, {"CHN", "GBR"}, {"USA", "IRN"}, {"USA", "USA"}}) {
            GdeltDyadDailyTotals.Result r = GdeltDyadDailyTotals.daily(spark, files.stream().map(Path::toString).toList(),
                    dyad[0], dyad[1], false);
            Map<LocalDate, double[]> expected = byHand(files, dyad[0], dyad[1]);
            assertThat(expected).isNotEmpty();
            assertThat(r.days()).extracting(GdeltDyadDailyTotals.DayTotal::day).containsExactlyElementsOf(expected.keySet());
            for (GdeltDyadDailyTotals.DayTotal d : r.days()) {
                assertThat(d.events()).isEqualTo((long) expected.get(d.day())[0]);
                assertThat(d.goldsteinSum()).isCloseTo(expected.get(d.day())[1], within(1e-9));
            }
            assertThat(r.lines()).isEqualTo(200);
            assertThat(r.malformed()).isZero();
        }
    }

    @Test
    void malformedLinesAreCountedNotFatal(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.tsv");
        List<String> good = Files.readAllLines(SHARED.resolve("data/gdelt/v2-sample-100.tsv"));
        Files.write(f, List.of(good.get(0), "only\tthree\tcolumns", good.get(1).replaceFirst("\t\\d{8}\t", "\tnotadate\t")));
        GdeltDyadDailyTotals.Result r = GdeltDyadDailyTotals.daily(spark, List.of(f.toString()), "AUS", "NZL", true);
        assertThat(r.lines()).isEqualTo(3);
        assertThat(r.malformed()).isEqualTo(2);
    }
}
