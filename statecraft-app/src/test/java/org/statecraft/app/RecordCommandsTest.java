package org.statecraft.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record's commands from the outside: output shape, exit codes, located errors (not the model's answers). */
class RecordCommandsTest {
    static final String FILE = DefaultScenarioTest.FILE.toString();

    @Test
    void hindcastPrintsTheScorecardAndItsJsonCarriesEveryOutcome() throws Exception {
        Cli table = Cli.run("hindcast", FILE, "--runs", "200", "-q");
        assertThat(table.exit()).isZero();
        assertThat(table.out()).contains("Answer: The model").contains("What was replayed:")
                .contains("Spell durations").contains("Concession by date").contains("Counts per period");
        assertThat(table.out().lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
        Cli json = Cli.run("hindcast", FILE, "--runs", "200", "--format", "json", "-q");
        JsonNode n = new ObjectMapper().readTree(json.out());
        assertThat(n.path("items").size()).isGreaterThan(20);
        assertThat(n.path("summaries").size()).isPositive();
        assertThat(n.path("seed").isTextual()).isTrue();
        assertThat(n.path("items").get(0).path("predictiveQuantiles0to1by40").size()).isEqualTo(41);
    }

    @Test
    void aDateOutsideTheRecordIsAUsageError() {
        Cli before = Cli.run("hindcast", FILE, "--runs", "10", "--until", "2020-01-01", "-q");
        assertThat(before.exit()).isEqualTo(2);
        assertThat(before.err()).contains("before the scenario's start");
        Cli after = Cli.run("analyze", FILE, "--condition", "--runs", "10", "--until", "2030-01-01", "-q");
        assertThat(after.exit()).isEqualTo(2);
        assertThat(after.err()).contains("past the record's end");
        Cli alone = Cli.run("analyze", FILE, "--runs", "10", "--until", "2024-01-01", "-q");
        assertThat(alone.exit()).isEqualTo(2);
        assertThat(alone.err()).contains("--until needs --condition");
    }

    @Test
    void aScenarioWithoutARecordWindowIsRefusedWithTheReason(@TempDir Path dir) throws Exception {
        String yaml = Files.readString(Path.of(FILE));
        // without until, a record reaching past the horizon is a located error at each item that does
        Path past = dir.resolve("past.yaml");
        Files.writeString(past, yaml.replace("  until: 2026-02-16\n", ""));
        Cli located = Cli.run("hindcast", past.toString(), "--runs", "10", "-q");
        assertThat(located.exit()).isEqualTo(2);
        assertThat(located.err()).contains("past.yaml:").contains("the spell starts after the horizon's end");
        // with no record at all there is nothing to score, and the message says what to add
        Path none = dir.resolve("none.yaml");
        Files.writeString(none, yaml.substring(0, yaml.indexOf("\nobserved:\n") + 1));
        Cli r = Cli.run("hindcast", none.toString(), "--runs", "10", "-q");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no record window").contains("observed/until");
    }

    @Test
    void theConditionedAnalysisFitsOneHundredColumnsAndReportsItsEffectiveSampleSize() throws Exception {
        Cli r = Cli.run("analyze", FILE, "--condition", "--runs", "300", "--generations", "2", "-q");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Effective sample size").contains("Prior against posterior");
        assertThat(r.out().lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
        Cli json = Cli.run("analyze", FILE, "--condition", "--runs", "300", "--generations", "0", "--format", "json",
                "-q");
        JsonNode n = new ObjectMapper().readTree(json.out());
        assertThat(n.path("effectiveSampleSize").asDouble()).isBetween(1.0, 300.0);
        assertThat(n.path("ranking").size()).isEqualTo(8);
        assertThat(n.path("posteriors").size()).isGreaterThan(50);
    }

    @Test
    void casesScoreRefusesACaseThatDepartsFromTheSharedPrior(@TempDir Path dir) throws Exception {
        Path cases = Files.createDirectories(dir.resolve("cases"));
        Path root = Path.of(System.getProperty("statecraft.root", "."));
        Path src = root.resolve("scenarios/cases/pakistan-afghanistan-sehwan-2017.yaml");
        Path tuned = cases.resolve("tuned.yaml");
        Files.writeString(tuned, Files.readString(src).replace("convexity: {triangular: [1.0, 1.5, 2.5]",
                "convexity: {triangular: [1.0, 2.0, 2.5]"));
        Cli r = Cli.run("cases", "score", tuned.toString(), "--runs", "50", "-q");
        assertThat(r.out() + r.err()).contains("departs from the case prior").contains("demand/convexity");
        Cli ok = Cli.run("cases", "score", src.toString(), "--runs", "100", "-q");
        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).contains("pakistan-afghanistan-sehwan-2017").contains("Pooled over every case");
        assertThat(ok.out().lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
    }
}
