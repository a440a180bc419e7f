package org.statecraft.io.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.statecraft.core.montecarlo.Analysis;
import org.statecraft.core.montecarlo.MonteCarlo;
import org.statecraft.core.montecarlo.MonteCarloOptions;
import org.statecraft.io.scenario.ScenarioReader;

/** The CSV exports read back by an RFC 4180 parser, headers included, when ids hold commas and quotes. */
class AnalysisCsvTest {
    private static final Path BUNDLED = Path.of(System.getProperty("statecraft.root", ".."), "scenarios",
            "pakistan-taliban-2023.yaml");
    /** Ids the schema allows (no white space) that CSV must quote. */
    private static final String CONSTITUENCY = "pk,\"duties\"";
    private static final String LEVER = "close,\"torkham\"";

    private static Analysis analysis;

    @BeforeAll
    static void run() throws Exception {
        String yaml = Files.readString(BUNDLED);
        yaml = rename(yaml, "pakistani-duties", CONSTITUENCY);
        yaml = rename(yaml, "close-torkham", LEVER);
        analysis = MonteCarlo.run(ScenarioReader.readString(yaml, "renamed.yaml"),
                new MonteCarloOptions(8, MonteCarloOptions.DEFAULT_SEED, 1), null);
    }

    /** Every use of {@code id} as a whole word, as a single-quoted YAML scalar. */
    private static String rename(String yaml, String id, String to) {
        Matcher m = Pattern.compile("(?<![\\w-])" + Pattern.quote(id) + "(?![\\w-])").matcher(yaml);
        assertThat(m.find()).isTrue();
        return m.replaceAll(Matcher.quoteReplacement("'" + to.replace("'", "''") + "'"));
    }

    /** A record split per RFC 4180 (quoted fields, "" for a quote); records here hold no line breaks. */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.length() == 0) {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                assertThat(ch).as("a bare quote inside an unquoted field of %s", line).isNotEqualTo('"');
                cell.append(ch);
            }
        }
        assertThat(quoted).as("an unclosed quote in %s", line).isFalse();
        cells.add(cell.toString());
        return cells;
    }

    private static List<List<String>> records(String csv) {
        return csv.lines().map(AnalysisCsvTest::split).toList();
    }

    @Test
    void runsHeaderNamesIdsWithCommasAndQuotesAndMatchesEveryRowsWidth() {
        assertThat(analysis.constituencies()).contains(CONSTITUENCY);
        assertThat(analysis.levers()).contains(LEVER);
        StringWriter w = new StringWriter();
        AnalysisCsv.runs(analysis, w);
        List<List<String>> records = records(w.toString());
        List<String> header = records.get(0);
        List<String> expected = new ArrayList<>(List.of("policy", "run", "concession_day", "final_concession",
                "attacks", "clashes", "coercer_own_cost"));
        analysis.constituencies().forEach(c -> expected.add("harm_" + c));
        analysis.levers().forEach(l -> expected.add("spell_" + l));
        assertThat(header).containsExactlyElementsOf(expected).contains("harm_" + CONSTITUENCY, "spell_" + LEVER);
        assertThat(records).hasSize(1 + analysis.policies().size() * analysis.runs());
        assertThat(records).allSatisfy(r -> assertThat(r).hasSameSizeAs(header));
        assertThat(records.stream().skip(1).map(r -> r.get(0)).distinct())
                .containsExactlyInAnyOrderElementsOf(analysis.policies().stream().map(p -> p.id()).toList());
    }

    @Test
    void policiesHeaderMatchesEveryRowsWidthAndPolicyIdsReadBack() {
        StringWriter w = new StringWriter();
        AnalysisCsv.policies(analysis, w);
        List<List<String>> records = records(w.toString());
        List<String> header = records.get(0);
        assertThat(header).startsWith("rank", "policy", "pareto");
        assertThat(records).hasSize(1 + analysis.policies().size());
        assertThat(records).allSatisfy(r -> assertThat(r).hasSameSizeAs(header));
        assertThat(records.stream().skip(1).map(r -> r.get(1)))
                .containsExactlyInAnyOrderElementsOf(analysis.policies().stream().map(p -> p.id()).toList())
                .contains(LEVER);
    }

    @Test
    void headerCellsAreQuotedExactlyAsDataCellsAre() {
        assertThat(AnalysisCsv.header(List.of("a", "b,c", "d\"e")))
                .isEqualTo("a," + AnalysisCsv.quote("b,c") + "," + AnalysisCsv.quote("d\"e") + "\n")
                .isEqualTo("a,\"b,c\",\"d\"\"e\"\n");
        assertThat(split("a,\"b,c\",\"d\"\"e\"")).containsExactly("a", "b,c", "d\"e");
    }
}
