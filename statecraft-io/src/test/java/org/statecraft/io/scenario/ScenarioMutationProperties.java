package org.statecraft.io.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.statecraft.core.scenario.Scenario;

/**
 * Mutates a valid scenario file in many small ways (what an editing analyst does by accident) and shows that
 * loading either succeeds or fails with a {@link ScenarioValidationException} whose every problem is located
 * inside the file and says something: never another exception, never an unlocated or empty message.
 */
class ScenarioMutationProperties {
    private static final String VALID = ScenarioReaderTest.VALID;

    /** Ids written in the test scenario, for reference changes. */
    private static final List<String> IDS = List.of("coercer", "regime", "proxy", "patron", "traders", "customs",
            "refugees", "coercer-traders", "aid", "close-border", "expel-refugees", "stop-lobbying", "baseline",
            "squeeze", "report-a", "report-b", "patron-credit", "airstrike", "retaliate", "graduated");

    enum Kind {
        DELETE_LINE, DUPLICATE_LINE, SWAP_LINES, INDENT, REPLACE_SCALAR, INSERT_CHARS, TRUNCATE, RENAME_KEY,
        CHANGE_ID_REF
    }

    /** One edit: {@code a} and {@code b} pick places, {@code text} is what goes in. */
    record Mutation(Kind kind, int a, int b, String text) {
        String apply(String yaml) {
            List<String> lines = new ArrayList<>(List.of(yaml.split("\n", -1)));
            int n = lines.size();
            switch (kind) {
                case DELETE_LINE -> lines.remove(a % n);
                case DUPLICATE_LINE -> lines.add(a % n, lines.get(a % n));
                case SWAP_LINES -> {
                    String x = lines.get(a % n);
                    lines.set(a % n, lines.get(b % n));
                    lines.set(b % n, x);
                }
                case INDENT -> {
                    String line = lines.get(a % n);
                    int delta = b % 9 - 4;
                    lines.set(a % n, delta >= 0 ? " ".repeat(delta) + line
                            : line.substring(Math.min(-delta, leadingSpaces(line))));
                }
                case REPLACE_SCALAR -> {
                    return replaceNth(yaml, SCALAR, a, text);
                }
                case INSERT_CHARS -> {
                    int at = a % (yaml.length() + 1);
                    return yaml.substring(0, at) + text + yaml.substring(at);
                }
                case TRUNCATE -> {
                    return yaml.substring(0, a % (yaml.length() + 1));
                }
                case RENAME_KEY -> {
                    return replaceNth(yaml, KEY, a, renamed(nth(yaml, KEY, a), b, text));
                }
                default -> {
                    String id = IDS.get(a % IDS.size());
                    String replacement = b % 3 == 0 ? text : IDS.get(b % IDS.size());
                    return replaceNth(yaml, Pattern.compile("(?<=[\\s\\[{:,])" + Pattern.quote(id) + "(?=[\\s,}\\]:]|$)"),
                            b, replacement);
                }
            }
            return String.join("\n", lines);
        }

        private static int leadingSpaces(String line) {
            int i = 0;
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            return i;
        }

        private static String renamed(String key, int how, String text) {
            if (key == null || key.isEmpty()) {
                return text;
            }
            return switch (how % 4) {
                case 0 -> key.toLowerCase(java.util.Locale.ROOT);
                case 1 -> key.substring(0, key.length() - 1);
                case 2 -> key + "s";
                default -> text.isBlank() ? key + "x" : text.replaceAll("[:\\s]", "");
            };
        }
    }

    /** A scalar value: after "key: " or inside a flow list or mapping. */
    private static final Pattern SCALAR = Pattern.compile("(?<=: |\\[|, )[^\\s{\\[#,\\]}][^,}\\]\\n#]*");
    /** A mapping key. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9-]*(?=:( |$))", Pattern.MULTILINE);

    private static String nth(String text, Pattern p, int index) {
        List<int[]> spans = spans(text, p);
        if (spans.isEmpty()) {
            return null;
        }
        int[] s = spans.get(Math.floorMod(index, spans.size()));
        return text.substring(s[0], s[1]);
    }

    private static String replaceNth(String text, Pattern p, int index, String replacement) {
        List<int[]> spans = spans(text, p);
        if (spans.isEmpty()) {
            return text;
        }
        int[] s = spans.get(Math.floorMod(index, spans.size()));
        return text.substring(0, s[0]) + replacement + text.substring(s[1]);
    }

    private static List<int[]> spans(String text, Pattern p) {
        List<int[]> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(new int[] {m.start(), m.end()});
        }
        return out;
    }

    @Provide
    Arbitrary<String> replacements() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().ofMinLength(0).ofMaxLength(12)
                        .withChars("abcXYZ019 -_.:{}[]#&*!|>'\"%@`,?~\\\t")),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().map(String::valueOf)),
                net.jqwik.api.Tuple.of(2, Arbitraries.doubles().map(String::valueOf)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(-1000, -1).map(String::valueOf)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of("1e400", "-1e400", "99999999999999999999999", ".nan", ".NaN",
                        ".inf", "-.inf", "", "~", "null", "true", "[]", "{}", "0", "-0.0", "0x1F", "1_000",
                        "2023-02-30", "\"190\"", "'", "\"", "{value: }", "[1, 2, 3]", "&a", "*a", "!!binary x",
                        "? complex", "\u00e9\u6f22", "\u0000")));
    }

    @Provide
    Arbitrary<Mutation> mutation() {
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 100_000),
                Arbitraries.integers().between(0, 100_000), replacements()).as(Mutation::new);
    }

    @Property(tries = 2000)
    void loadingAMutatedFileSucceedsOrReportsLocatedProblems(
            @ForAll("mutationList") List<Mutation> mutations) {
        loadsOrReportsLocatedProblems(VALID, mutations);
    }

    /** The same over the test scenario with the leverage engine v2 fields (responses, offsets, ease rules...). */
    @Property(tries = 1000)
    void loadingAMutatedV2FileSucceedsOrReportsLocatedProblems(
            @ForAll("mutationList") List<Mutation> mutations) {
        loadsOrReportsLocatedProblems(ScenarioFormatV2Test.V2, mutations);
    }

    private static void loadsOrReportsLocatedProblems(String valid, List<Mutation> mutations) {
        String yaml = valid;
        for (Mutation m : mutations) {
            yaml = m.apply(yaml);
        }
        long lines = yaml.lines().count() + 1;
        try {
            Scenario s = ScenarioReader.readString(yaml, "mutated.yaml");
            assertThat(s).isNotNull();
            Statistics.collect("loads");
        } catch (ScenarioValidationException e) {
            Statistics.collect(e.problems().get(0).message().startsWith("YAML syntax") ? "syntax error" : "rejected");
            assertThat(e.problems()).isNotEmpty();
            for (LocatedProblem p : e.problems()) {
                assertThat(p.file()).isEqualTo("mutated.yaml");
                assertThat(p.line()).isBetween(1, (int) lines + 1);
                assertThat(p.column()).isGreaterThanOrEqualTo(1);
                assertThat(p.message()).isNotBlank().doesNotContain("\n");
            }
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutationList() {
        return mutation().list().ofMinSize(1).ofMaxSize(3);
    }
}
