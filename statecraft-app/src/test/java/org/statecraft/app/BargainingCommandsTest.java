package org.statecraft.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BargainingCommandsTest {
    @TempDir
    Path tmp;

    record Outcome(int code, String out, String err) {
    }

    static Outcome run(String... args) {
        Cli r = Cli.run(args);
        return new Outcome(r.exit(), r.out(), r.err());
    }

    static String data(String rel) {
        return Path.of(System.getProperty("statecraft.shared", "../../shared")).resolve("data").resolve(rel).toString();
    }

    @Test
    void forecastCsvHasTurnActorDimensionPositionWithTurnZeroTheInput() {
        Outcome o = run("forecast", data("ktab/dummyData_3Dim.csv"), "--format", "csv");
        assertThat(o.code()).as(o.err()).isZero();
        List<String> lines = o.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("turn,actor,dimension,position");
        assertThat(lines.get(1)).isEqualTo("0,SActor-00,0,75.7900");
        // KTAB reference log, final state: SActor-00 Pstn1 78.6 (one decimal) at state 10; we print 78.5600.
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("10,SActor-00,0,78.56"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("10,(outcome),2,"));
    }

    @Test
    void eumForecastOnEuEmissionsReportsMedianAndMeanForEveryRound() {
        Outcome o = run("forecast", data("bdm/eu-emissions.csv"), "--model", "eum", "--rounds", "4");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("t0", "t4", "Forecast outcome");
        String median = o.out().lines().filter(l -> l.startsWith("median")).findFirst().orElseThrow();
        String mean = o.out().lines().filter(l -> l.startsWith("weighted mean")).findFirst().orElseThrow();
        assertThat(median.split("\\s+")[1]).isEqualTo("7.000");
        assertThat(mean.split("\\s+")[2]).isEqualTo("7.390");
        assertThat(median.trim().split("\\s+")).hasSize(6); // label + rounds 0..4
    }

    @Test
    void forecastJsonIsIdenticalForSameInputAndAnyThreadCount() {
        Outcome a = run("forecast", data("ktab/dummyData-a040.csv"), "--format", "json", "--threads", "1");
        Outcome b = run("forecast", data("ktab/dummyData-a040.csv"), "--format", "json", "--threads", "2");
        Outcome c = run("forecast", data("ktab/dummyData-a040.csv"), "--format", "json", "--threads", "4");
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(a.out()).contains("\"outcome\"", "\"turns\"").isEqualTo(b.out()).isEqualTo(c.out());
    }

    @Test
    void badFilesGiveFileLineAndExitCode2() throws IOException {
        Path wrongColumns = tmp.resolve("cols.csv");
        Files.writeString(wrongColumns, "S,d,2,1,\nActor,Desc,Cap,P,S,\nA,d,1,50,50,\nB,d,1,50\n");
        Outcome o = run("forecast", wrongColumns.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).startsWith(wrongColumns + ":4: expected 5 columns");

        Path outside = tmp.resolve("range.csv");
        Files.writeString(outside, "S,d,1,1,\nActor,Desc,Cap,P,S,\nA,d,1,101,50,\n");
        o = run("forecast", outside.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).startsWith(outside + ":3:7: position must be in [0, 100]");

        Path saliences = tmp.resolve("sal.csv");
        Files.writeString(saliences, "S,d,1,2,\nActor,Desc,Cap,P,S,P,S\nA,d,1,10,60,20,50\n");
        o = run("forecast", saliences.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).startsWith(saliences + ":3:").contains("sum to 110", "more than 100");

        Path xml = tmp.resolve("opt.xml");
        Files.writeString(xml, """
                <?xml version="1.0"?>
                <Scenario><name>x</name><desc/><prngSeed>1</prngSeed>
                <ModelParameters>
                  <VictoryProbModel>Cubed</VictoryProbModel>
                </ModelParameters>
                <Actors/></Scenario>
                """);
        o = run("forecast", xml.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).startsWith(xml + ":4:").contains("VictoryProbModel 'Cubed'");

        Path bdm = tmp.resolve("bdm.csv");
        Files.writeString(bdm, "Actor,Capability,Position,Salience\nA,1,5,0.5\nB,1,6,250\n");
        o = run("forecast", bdm.toString(), "--model", "eum");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).startsWith(bdm + ":3:").contains("salience");
    }

    @Test
    void unknownModelOrFormatIsAUsageErrorWithExitCode2() {
        Outcome o = run("forecast", data("ktab/SOE-Policy.csv"), "--model", "nash");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("--model", "nash");
        assertThat(run("forecast", data("ktab/SOE-Policy.csv"), "--format", "xls").code()).isEqualTo(2);
        assertThat(run("forecast", tmp.resolve("missing.csv").toString()).code()).isEqualTo(2);
    }

    @Test
    void backtestCsvReportsEveryModelAndBaselineOverallByVotingRuleAndOnTheKtabRunnableSubset() {
        Outcome o = run("backtest", data("deu3/deu3.tsv"), "--format", "csv");
        assertThat(o.code()).as(o.err()).isZero();
        List<String> lines = o.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("model,issues,mae,median_ae,hit10");
        assertThat(lines.subList(1, 9)).extracting(l -> l.split(",")[0]).containsExactly("smp", "smp-ktab", "eum",
                "eum-scholz", "compromise", "weighted-median", "procedural", "reference-point");
        assertThat(lines.get(5)).startsWith("compromise,353,");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("smp/QMV,"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("compromise/Unan,"));
        // KTAB runs 211 of the 353 issues (KtabCompatibility); the procedural model needs a reference point (253).
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("smp-ktab/KTAB-runnable,211,"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("compromise/with a reference point,253,"));
    }

    @Test
    void backtestKtabStrictWithUserCapabilitiesScoresOnlyKtabsIssuesAndSaysWhichWeightsItUsed() throws IOException {
        StringBuilder csv = new StringBuilder("actor,capability\n");
        for (String a : List.of("com", "ep", "at", "be", "bu", "cr", "cy", "cz", "dk", "ee", "fi", "fr", "de", "el", "hu",
                "ie", "it", "lv", "lt", "lu", "mt", "nl", "pl", "pt", "ro", "si", "sk", "es", "se", "uk")) {
            csv.append(a).append(",1\n");
        }
        Path caps = Files.writeString(tmp.resolve("equal.csv"), csv);
        Outcome o = run("backtest", data("deu3/deu3.tsv"), "--ktab-strict", "--capabilities", caps.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("211 issues with an outcome", "only those KTAB runs", "Capability weights: from " + caps,
                "KTAB refuses 142 of 353", "57 'ssSqr must be positive'", "83 'utility values not in valid range'");
        assertThat(o.out().lines().filter(l -> l.startsWith("compromise ")).findFirst().orElseThrow()).contains(" 211 ");
        Outcome row2 = run("backtest", data("deu3/deu3.tsv"), "--capabilities", tmp.resolve("none.csv").toString());
        assertThat(row2.code()).isEqualTo(2);
    }

    @Test
    void forecastKtabStrictRefusesWhatKtabRefusesWithKtabsReason() throws IOException {
        Path ends = Files.writeString(tmp.resolve("ends.csv"), "Actor,Capability,Position,Salience\nA,1,0,0.5\nB,1,100,0.5\nC,2,0,0.9\n");
        Outcome strict = run("forecast", ends.toString(), "--ktab-strict");
        assertThat(strict.code()).isEqualTo(2);
        assertThat(strict.err()).contains("KTAB refuses", "utility values not in valid range");
        Outcome lenient = run("forecast", ends.toString());
        assertThat(lenient.code()).as(lenient.err()).isZero();
        assertThat(lenient.out()).contains("Forecast outcome", "KTAB's outcome");
    }

    @Test
    void eumScholzPresetGivesTheScholzCodesFirstRound() {
        // Example.log of the Scholz-code replication, ROUND 1: Belgium compromises to 8.415932315426764.
        Outcome o = run("forecast", data("bdm/eu-emissions.csv"), "--model", "eum", "--eum-preset", "scholz",
                "--rounds", "1", "--format", "csv");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out().lines()).contains("1,Belgium,0,8.4159");
    }
}
