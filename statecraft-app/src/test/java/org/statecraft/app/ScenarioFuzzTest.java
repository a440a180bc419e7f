package org.statecraft.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our own fuzzer over scenario files (issue 12): the bundled scenario, read from disk, mutated by a seeded generator
 * that knows nothing of the scenario's fields (lines deleted, duplicated, swapped, re-indented or cut; characters,
 * control characters, quotes, YAML indicators, aliases and anchors inserted; a scalar replaced by another type or an
 * extreme number), each mutant driven through the CLI: {@code validate}, and {@code analyze --runs 20} when it
 * validates. Every case must end within a bound, with exit 0 or 2, never a stack trace, and with located messages
 * ({@code file:line:column: ...}) when it exits 2.
 */
class ScenarioFuzzTest {
    static final int CASES = 200;
    static final long SEED = 20231206L;
    static final Duration BOUND = Duration.ofSeconds(60);
    private static final Pattern LOCATED = Pattern.compile("(?m)^\\S*mutant\\.yaml:\\d+:\\d+: \\S.*$");
    private static final Pattern SCALAR = Pattern.compile(":[ ]+([^\\s#\\[{][^#\\n]*?)\\s*$", Pattern.MULTILINE);
    private static final String[] INSERTS = {"\u0000", "\u0007", "\u001b[31m", "\u0085", "\u202e", "\uFEFF", "\t",
        "\"", "'", ":", ": ", "- ", "#", "*", "&a ", "*a", "!!str ", "[", "]", "{", "}", ",", "|", ">", "%", "@", "`",
        "\\", "\r", "\n", "\n  ", "<<: *a\n", "?"};
    private static final String[] VALUES = {"[1, 2]", "{a: 1}", "null", "~", "\"\"", "yes", "0264", "010", "-1", "0",
        "1e300", "-1e300", "1e-320", "2147483647", "2147483645", "9223372036854775808", "1e400", ".nan", ".inf",
        "99999999999999999999999999999999", "0x7FFFFFFF", "1_000", "abc", "*missing", "&x 1", "\"\\e[2J\""};

    @TempDir
    Path tmp;

    @Test
    void everyMutantIsAnalysedOrRefusedWithALocatedMessageNeverAStackTraceOrAHang() throws Exception {
        String original = Files.readString(DefaultScenarioTest.FILE, StandardCharsets.UTF_8);
        SplittableRandom random = new SplittableRandom(SEED);
        Path file = tmp.resolve("mutant.yaml");
        int refused = 0;
        int analysed = 0;
        for (int i = 0; i < CASES; i++) {
            String mutant = mutate(original, random);
            Files.writeString(file, mutant, StandardCharsets.UTF_8);
            String what = "case " + i + " (seed " + SEED + ")";
            Cli v = assertTimeoutPreemptively(BOUND, () -> Cli.run("validate", file.toString()), what + ": validate");
            check(v, what + ": validate");
            if (v.exit() == 2) {
                refused++;
                continue;
            }
            Cli a = assertTimeoutPreemptively(BOUND, () -> Cli.run("analyze", file.toString(), "--runs", "20", "-q",
                    "--format", "json"), what + ": analyze");
            check(a, what + ": analyze");
            analysed++;
        }
        // the generator must exercise both outcomes, or it tests nothing
        assertThat(refused).isGreaterThan(CASES / 4);
        assertThat(analysed).isGreaterThan(0);
    }

    private static void check(Cli r, String what) {
        String all = r.out() + r.err();
        assertThat(r.exit()).as(what + "\n" + r.err()).isIn(0, 2);
        assertThat(all).as(what).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("internal error")
                .doesNotContain("\u001b");
        if (r.exit() == 2) {
            assertThat(LOCATED.matcher(r.err()).find()).as(what + ": a located message\n" + r.err()).isTrue();
        }
    }

    /** One to three mutations of the text. */
    static String mutate(String text, SplittableRandom r) {
        String t = text;
        int n = 1 + r.nextInt(3);
        for (int k = 0; k < n; k++) {
            t = once(t, r);
        }
        return t;
    }

    private static String once(String text, SplittableRandom r) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int at = r.nextInt(lines.size());
        switch (r.nextInt(8)) {
            case 0 -> lines.remove(at);
            case 1 -> lines.add(at, lines.get(at));
            case 2 -> {
                int other = r.nextInt(lines.size());
                String a = lines.get(at);
                lines.set(at, lines.get(other));
                lines.set(other, a);
            }
            case 3 -> lines.set(at, (r.nextBoolean() ? "  " : "") + lines.get(at).replaceFirst("^ {1,2}", r.nextBoolean()
                    ? "" : " "));
            case 4 -> {
                return text.substring(0, r.nextInt(text.length()));
            }
            case 5 -> {
                int pos = r.nextInt(text.length() + 1);
                return text.substring(0, pos) + INSERTS[r.nextInt(INSERTS.length)] + text.substring(pos);
            }
            default -> {
                // a scalar value (after "key: ") replaced by another type or an extreme number
                Matcher m = SCALAR.matcher(text);
                List<int[]> spans = new ArrayList<>();
                while (m.find()) {
                    spans.add(new int[] {m.start(1), m.end(1)});
                }
                if (spans.isEmpty()) {
                    return text;
                }
                int[] s = spans.get(r.nextInt(spans.size()));
                return text.substring(0, s[0]) + VALUES[r.nextInt(VALUES.length)] + text.substring(s[1]);
            }
        }
        return String.join("\n", lines);
    }
}
