package org.statecraft.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
    static final String FILE = DefaultScenarioTest.FILE.toString();

    @Test
    void jsonHasEveryPolicyWithIdAndADistinctRank() throws Exception {
        Cli r = Cli.run("analyze", FILE, "--runs", "300", "--format", "json", "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        List<String> ids = new ArrayList<>();
        List<Integer> ranks = new ArrayList<>();
        root.get("policies").forEach(p -> {
            ids.add(p.get("id").asText());
            ranks.add(p.get("rank").asInt());
        });
        assertThat(ids).contains("baseline", "close-torkham", "deport-refugees", "stop-lobbying", "contact-opposition",
                "actual-2023", "article-recommendation");
        assertThat(ranks).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        JsonNode first = root.get("policies").get(0);
        for (String field : List.of("concession", "meanConcession", "medianDaysToConcession", "attacks", "collateral",
                "coercerOwnCost", "clash", "harms", "stances", "levers", "concessionCurve", "daily", "paretoEfficient")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(root.get("run").get("runs").asInt()).isEqualTo(300);
        assertThat(root.get("scenario").get("hash").asText()).hasSize(64);
        assertThat(root.get("replay").get(0).get("observedDays").asInt()).isEqualTo(9);
        assertThat(root.get("forecast").get("policies")).hasSize(8);
        assertThat(root.get("observedEvents").size()).isGreaterThanOrEqualTo(9);
        // September 2023 in the tension index: week of 4 Sept holds the clash (190, -10), the closure (163, -8) and
        // the accusation (112, -2): T = 20 / (10 * 3); week of 11 Sept the talks (046, +7), the assurances (030, +4)
        // and the reopening (085, +7): T = -18 / 30. Events with refugees or the TTP are not on the dyad.
        JsonNode tension = root.get("tension");
        assertThat(tension.get("dyad").asText()).isEqualTo("PAK:AFG/TAL");
        assertThat(tension.get("observed").get(0).get("events").asDouble()).isEqualTo(3);
        assertThat(tension.get("observed").get(0).get("index").asDouble()).isCloseTo(20.0 / 30,
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(tension.get("observed").get(1).get("index").asDouble()).isCloseTo(-18.0 / 30,
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(tension.get("policies")).hasSize(8);
    }

    @Test
    void theSeedIsAStringThatJavaScriptCannotRound() throws Exception {
        Cli r = Cli.run("analyze", FILE, "--runs", "20", "--format", "json", "--seed", "12345678901234567", "-q");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode seed = new ObjectMapper().readTree(r.out()).get("run").get("seed");
        assertThat(seed.isTextual()).as(seed.toString()).isTrue();
        assertThat(seed.asText()).isEqualTo("12345678901234567");
        assertThat((double) 12345678901234567L).as("what a double, JavaScript's Number, makes of it")
                .isEqualTo(12345678901234568.0);
    }

    @Test
    void resultsAreIdenticalWhateverTheThreadCount() {
        Cli one = Cli.run("analyze", FILE, "--runs", "300", "--format", "json", "--threads", "1", "--seed", "7");
        Cli two = Cli.run("analyze", FILE, "--runs", "300", "--format", "json", "--threads", "2", "--seed", "7");
        Cli four = Cli.run("analyze", FILE, "--runs", "300", "--format", "json", "--threads", "4", "--seed", "7");
        assertThat(two.out()).isEqualTo(one.out());
        assertThat(four.out()).isEqualTo(one.out());
        Cli other = Cli.run("analyze", FILE, "--runs", "300", "--format", "json", "--seed", "8");
        assertThat(other.out()).isNotEqualTo(one.out());
    }

    @Test
    void tableShowsTheRankingHarmsStancesReplayAndForecast() {
        Cli r = Cli.run("analyze", FILE, "--runs", "300");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Policies, most effective first", "Harm by constituency", "Pakistan side",
                "Third-party stance shifts", "Replay against what happened", "observed 9 days",
                "Bargaining forecast", "Robustness of the ranking");
        assertThat(r.err()).as("no progress bar when stderr is not a terminal").isEmpty();
    }

    @Test
    void csvHasOneRowPerPolicyInRankOrder() throws Exception {
        Cli r = Cli.run("analyze", FILE, "--runs", "200", "--format", "csv");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> policies = org.statecraft.io.scenario.ScenarioReader.read(DefaultScenarioTest.FILE).policies().stream()
                .map(org.statecraft.core.scenario.Policy::id).toList();
        int n = policies.size();
        assertThat(n).isPositive();
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).startsWith("rank,policy,pareto,p_concession");
        assertThat(lines).hasSize(1 + n);
        List<String> csvOrder = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String[] cols = lines[i].split(",", -1);
            assertThat(cols[0]).as("rank of row " + i).isEqualTo(Integer.toString(i));
            csvOrder.add(cols[1]);
        }
        assertThat(csvOrder).containsExactlyInAnyOrderElementsOf(policies);
        // the rows follow the ranks of the same analysis (whichever policy those put first)
        JsonNode json = new ObjectMapper().readTree(Cli.run("analyze", FILE, "--runs", "200", "--format", "json", "-q").out());
        List<String> ranked = new ArrayList<>();
        json.get("policies").forEach(p -> ranked.add(p.get("rank").asInt() + " " + p.get("id").asText()));
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add((i + 1) + " " + csvOrder.get(i));
        }
        assertThat(rows).containsExactlyElementsOf(ranked);
    }

    @Test
    void outWritesJsonCsvRunsAndSummary(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("analyze", FILE, "--runs", "100", "--out", dir.toString());
        assertThat(r.exit()).isZero();
        assertThat(dir.resolve("results.json")).exists();
        assertThat(Files.readAllLines(dir.resolve("runs.csv"))).hasSize(1 + 8 * 100);
        assertThat(Files.readString(dir.resolve("summary.md"))).contains("| rank |", "SHA-256");
        assertThat(Files.readAllLines(dir.resolve("policies.csv"))).hasSize(9);
    }

    @Test
    void theSummarysRerunLineReproducesTheRunsNumbers(@TempDir Path dir) throws Exception {
        for (String credibility : List.of("known", "belief")) {
            Path out = dir.resolve(credibility);
            Cli first = Cli.run("analyze", FILE, "--runs", "60", "--seed", "11", "--credibility", credibility,
                    "--format", "json", "--out", out.toString());
            assertThat(first.exit()).isZero();
            String md = Files.readString(out.resolve("summary.md"));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Rerun: `statecraft ([^`]*)`").matcher(md);
            assertThat(m.find()).as(md).isTrue();
            List<String> args = new ArrayList<>(List.of(m.group(1).split(" ")));
            assertThat(args.contains("--credibility")).as(m.group(1)).isEqualTo(!credibility.equals("belief"));
            args.addAll(List.of("--format", "json"));
            Cli again = Cli.run(args.toArray(String[]::new));
            assertThat(again.exit()).isZero();
            assertThat(again.out()).as(m.group(1)).isEqualTo(first.out());
        }
    }

    @Test
    void userErrorsExitTwoWithALocatedMessageAndNoStackTrace(@TempDir Path dir) throws Exception {
        Cli missing = Cli.run("analyze", dir.resolve("nope.yaml").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.yaml").doesNotContain("Exception", "\tat ");

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(DefaultScenarioTest.FILE).replace("horizonDays: 180", "horizonDays: -3"));
        Cli invalid = Cli.run("analyze", bad.toString());
        assertThat(invalid.exit()).isEqualTo(2);
        int line = Files.readAllLines(bad).indexOf("horizonDays: -3") + 1;
        assertThat(invalid.err()).contains("bad.yaml:" + line + ":14: expected a number >= 1, was -3")
                .doesNotContain("\tat ");

        Cli runs = Cli.run("analyze", FILE, "--runs", "0");
        assertThat(runs.exit()).isEqualTo(2);
        assertThat(runs.err()).contains("--runs");
        Cli format = Cli.run("analyze", FILE, "--format", "xml");
        assertThat(format.exit()).isEqualTo(2);
        assertThat(format.err()).contains("xml");
    }

    @Test
    void tableFitsOneHundredColumnsAndStatesTheAnswerFirst() {
        Cli r = Cli.run("analyze", FILE, "--runs", "100");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
        int answer = lines.indexOf(lines.stream().filter(l -> l.startsWith("Answer: ")).findFirst().orElseThrow());
        assertThat(answer).as("the answer in words on the first screen").isLessThan(10);
        assertThat(answer).isLessThan(lines.indexOf("Policies, most effective first"));
        assertThat(String.join(" ", lines.subList(answer, lines.indexOf("Policies, most effective first"))))
                .contains("moves", "the demand is met in", "It costs");
        // a stacked table still names every policy and every column
        assertThat(r.out()).contains("coll./effect", "P(clash)", "pareto", "withdrawals", "hinges on",
                "article-recommendation", "baseline");
    }

    @Test
    void wideKeepsEveryTableWholeAsTheMarkdownSummaryHasIt(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("analyze", FILE, "--runs", "40", "--seed", "5", "--wide", "--out", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines().filter(l -> l.length() > 100)).as("the full-width layout").isNotEmpty();
        // the same runs in summary.md, rendered as Markdown: turned into the plain layout of before the 100-column
        // default (headings without marks, pipe tables aligned with two spaces), they are the --wide output
        List<String> md = Files.readAllLines(dir.resolve("summary.md"));
        assertThat(nonBlank(r.out().lines().toList())).isEqualTo(nonBlank(plain(md)));
    }

    private static List<String> nonBlank(List<String> lines) {
        return lines.stream().filter(l -> !l.isBlank()).toList();
    }

    /** Markdown of AnalysisText turned into its plain-text layout: marks dropped, pipe tables aligned. */
    private static List<String> plain(List<String> md) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < md.size(); i++) {
            String l = md.get(i);
            if (l.startsWith("Scenario file `")) {
                break;
            }
            if (l.startsWith("|")) {
                List<List<String>> rows = new ArrayList<>();
                List<Boolean> numeric = null;
                for (; i < md.size() && md.get(i).startsWith("|"); i++) {
                    String t = md.get(i);
                    if (t.matches("\\|[ :|-]+")) { // | --- | ---:| : left and right aligned
                        numeric = List.of(t.substring(1).split("\\|")).stream().map(c -> c.endsWith(":")).toList();
                    } else {
                        rows.add(List.of(t.substring(2, t.length() - 2).split(" \\| ", -1)).stream()
                                .map(String::strip).toList());
                    }
                }
                i--;
                int[] w = new int[rows.get(0).size()];
                rows.forEach(row -> {
                    for (int c = 0; c < w.length; c++) {
                        w[c] = Math.max(w[c], row.get(c).length());
                    }
                });
                for (int k = 0; k < rows.size(); k++) {
                    StringBuilder sb = new StringBuilder();
                    for (int c = 0; c < w.length; c++) {
                        String cell = rows.get(k).get(c);
                        String pad = " ".repeat(w[c] - cell.length());
                        sb.append(c > 0 ? "  " : "").append(numeric.get(c) ? pad + cell : cell + pad);
                    }
                    out.add(sb.toString().stripTrailing());
                    if (k == 0) {
                        out.add("-".repeat(java.util.Arrays.stream(w).sum() + 2 * (w.length - 1)));
                    }
                }
                continue;
            }
            out.add(l.replaceFirst("^(# |## |- )", "").replaceFirst("^\\*\\*(.*)\\*\\*$", "$1"));
        }
        return out;
    }

    @Test
    void aResultThatIsNotFiniteIsRefusedWithItsInputsAndNothingIsWritten(@TempDir Path dir) throws Exception {
        String bundled = Files.readString(DefaultScenarioTest.FILE);
        String from = "baseline: {triangular: [1.43e6, 1.96e6, 2.4e6], source: worldbank-sigar-2022";
        assertThat(bundled).contains(from);
        // validates (a positive number), then the harm on pakistani-trade relative to its baseline overflows
        String tiny = "baseline: {value: 1e-320, source: worldbank-sigar-2022";
        String yaml = bundled.replace(from, tiny);
        Path f = dir.resolve("tiny-baseline.yaml");
        Files.writeString(f, yaml);
        assertThat(Cli.run("validate", f.toString()).exit()).isZero();


        Path out = dir.resolve("out");
        Path report = dir.resolve("report.html");
        Cli r = Cli.run("analyze", f.toString(), "--runs", "40", "--quiet", "--out", out.toString(), "--report",
                report.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).as("nothing printed on standard output either").isEmpty();
        assertThat(r.err()).doesNotContain("Exception", "internal error")
                .containsPattern("\n  policy [^:]+: .* \\((Infinity|-Infinity|NaN)\\)")
                .contains("/constituencies/0/baseline", "not finite; nothing written");
        int baselineLine = yaml.lines().toList().indexOf(yaml.lines().filter(l -> l.contains(tiny)).findFirst()
                .orElseThrow()) + 1;
        assertThat(r.err().lines().findFirst().orElseThrow()).as("located at the input that causes it")
                .matches(java.util.regex.Pattern.quote(f.toString()) + ":" + baselineLine + ":\\d+: "
                        + "/constituencies/0/baseline makes these results not finite:");
        assertThat(r.err().lines().skip(1).findFirst().orElseThrow()).as("why, on its own line")
                .matches("  a harm of \\d+ a day over its baseline of 1.0E-320 is not a finite relative loss");
        assertThat(r.err().lines().filter(l -> l.startsWith("  policy ")).count()).as("one line per figure")
                .isBetween(1L, (long) AnalyzeCommand.MAX_NON_FINITE);
        assertThat(out).doesNotExist();
        assertThat(report).doesNotExist();
        for (String format : new String[] {"json", "csv"}) {
            Cli j = Cli.run("analyze", f.toString(), "--runs", "40", "--quiet", "--format", format);
            assertThat(j.exit()).as(j.err()).isEqualTo(2);
            assertThat(j.out()).isEmpty();
        }
    }

    @Test
    void theBundledScenarioHasOnlyFiniteResults() {
        Cli r = Cli.run("analyze", FILE, "--runs", "200", "--quiet", "--format", "csv");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("not finite");
    }
}
