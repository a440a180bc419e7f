package org.statecraft.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every JSON document the command line writes names its fields in one style, lower camelCase (docs/cli.md,
 * "JSON field names"): each command that has JSON output is run on the bundled scenario (or the shared sample
 * files where it reads another input) and every field name of the answer is checked. Object keys that are data
 * rather than field names (scenario ids such as {@code close-torkham}, JSON pointers, dates) hold a character no
 * identifier has ('-', '/', ':', '.', a space) or start with a digit, and are not field names; so are the keys of
 * the objects in {@link #DATA_KEYED}. The web API's answers are checked the same way in {@code WebApiTest}.
 */
public class JsonFieldNamesTest {
    static final Pattern CAMEL_CASE = Pattern.compile("[a-z][a-zA-Z0-9]*");
    /** A key that could be a field name: identifier characters only. */
    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    static final String FILE = DefaultScenarioTest.FILE.toString();
    /** Objects whose keys are names read from an input file (DEU III's voting rules), not field names. */
    static final Set<String> DATA_KEYED = Set.of("/byVotingRule");

    @TempDir
    Path tmp;

    /** The field names of {@code node} (at any depth) that are identifiers but not lower camelCase, with their paths. */
    public static List<String> notCamelCase(JsonNode node) {
        Set<String> out = new LinkedHashSet<>();
        walk(node, "", out);
        return List.copyOf(out);
    }

    /** Array elements are one path segment {@code *}, so a field is named once however many elements have it. */
    private static void walk(JsonNode node, String path, Set<String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String key = e.getKey();
                if (!DATA_KEYED.contains(path) && IDENTIFIER.matcher(key).matches()
                        && !CAMEL_CASE.matcher(key).matches()) {
                    out.add(path + "/" + key);
                }
                walk(e.getValue(), path + "/" + key, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/*", out);
            }
        }
    }

    @Test
    void theWalkFindsASnakeCaseFieldAndPassesDataKeys() throws IOException {
        JsonNode n = new ObjectMapper().readTree("{\"runs\": 1, \"byPolicy\": {\"close-torkham\": {\"p_concession\": 1},"
                + " \"/levers/0/harms\": 2, \"2023-09-06\": 3}, \"list\": [{\"Upper\": 0}]}");
        assertThat(notCamelCase(n)).containsExactly("/byPolicy/close-torkham/p_concession", "/list/*/Upper");
    }

    private JsonNode json(String... args) throws IOException {
        Cli r = Cli.run(args);
        assertThat(r.exit()).as("%s: %s", String.join(" ", args), r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    /** Output → its field names that are not camelCase, over the outputs a test has checked. */
    private final Map<String, List<String>> offenders = new LinkedHashMap<>();

    private void assertCamelCase(String what, JsonNode n) {
        assertThat(n.isContainerNode()).as(what).isTrue();
        List<String> bad = notCamelCase(n);
        if (!bad.isEmpty()) {
            offenders.put(what, bad);
        }
    }

    @AfterEach
    void everyOutputChecked() {
        assertThat(offenders).as("JSON field names that are not camelCase").isEmpty();
    }

    @Test
    void theScenarioCommandsWriteCamelCaseJson() throws IOException {
        assertCamelCase("analyze --format json", json("analyze", FILE, "--runs", "40", "--format", "json", "-q"));
        assertCamelCase("analyze --condition --format json", json("analyze", FILE, "--condition", "--runs", "60",
                "--generations", "1", "--format", "json", "-q"));
        Path out = tmp.resolve("out");
        Cli analyze = Cli.run("analyze", FILE, "--runs", "40", "--out", out.toString(), "-q");
        assertThat(analyze.exit()).as(analyze.err()).isZero();
        assertCamelCase("results.json", new ObjectMapper().readTree(Files.readString(out.resolve("results.json"))));
        assertCamelCase("sensitivity --format json", json("sensitivity", FILE, "--samples", "8", "--replicates", "1",
                "--policy", "close-torkham", "--bootstrap", "20", "--format", "json", "-q"));
        assertCamelCase("hindcast --format json", json("hindcast", FILE, "--runs", "40", "--format", "json", "-q"));
        assertCamelCase("hindcast --train-until --format json", json("hindcast", FILE, "--runs", "60",
                "--train-until", "2024-06-30", "--format", "json", "-q"));
        assertCamelCase("cases score --format json", json("cases", "score", FILE, "--runs", "20", "--format", "json",
                "-q"));
        assertCamelCase("forecast SCENARIO --format json", json("forecast", FILE, "--format", "json"));
    }

    @Test
    void theCommandsOnOtherInputsWriteCamelCaseJson() throws IOException {
        assertCamelCase("calibrate --format json", json("calibrate", "--ties", CalibrateCommandTest.TIES,
                "--format", "json"));
        assertCamelCase("forecast KTAB --format json", json("forecast", BargainingCommandsTest.data(
                "ktab/dummyData_3Dim.csv"), "--format", "json"));
        assertCamelCase("forecast BdM EUM --format json", json("forecast", BargainingCommandsTest.data(
                "bdm/eu-emissions.csv"), "--model", "eum", "--format", "json"));
        assertCamelCase("backtest --format json", json("backtest", BargainingCommandsTest.data("deu3/deu3.tsv"),
                "--format", "json"));
        String store = tmp.resolve("store").toString();
        Cli ingest = Cli.run("events", "ingest", "-q", "--store", store,
                EventsCommandTest.shared("data/icews/events.2018.sample.tab").toString());
        assertThat(ingest.exit()).as(ingest.err()).isZero();
        assertCamelCase("events tension --format json", json("events", "tension", "--store", store, "--dyad",
                "USA:PRK", "--format", "json"));
        assertCamelCase("events changes --format json", json("events", "changes", "--store", store, "--dyad",
                "USA:PRK", "--format", "json"));
    }
}
