package org.statecraft.io.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The YAML reading layer's rules (docs/scenario-format.md, "Reading rules and limits"): aliases and merge keys refused
 * where written, YAML 1.2 scalars, limits checked before parsing, control characters named at their own position,
 * messages safe for a terminal, cascades collapsed. Small documents, so the tests do not depend on the scenario's
 * fields.
 */
class ReadingRulesTest {
    @TempDir
    Path tmp;

    static List<LocatedProblem> problems(String yaml) {
        ScenarioValidationException e = catchThrowableOfType(ScenarioValidationException.class,
                () -> ScenarioReader.readString(yaml, "t.yaml"));
        assertThat(e).as("expected the text to be rejected").isNotNull();
        return e.problems();
    }

    @Test
    void anAliasIsRefusedWhereItIsUsedInsteadOfBeingReadAsItsAnchorName() {
        LocatedTree t = LocatedTree.parse("a: &taliban x\nowner: *taliban\n", "t.yaml");
        assertThat(t.root().get("owner").asText()).isNotEqualTo("taliban");
        assertThat(t.findings()).singleElement().satisfies(f -> {
            assertThat(f.pointer()).isEqualTo("/owner");
            assertThat(f.message()).contains("aliases").contains("*taliban");
        });
        assertThat(problems("statecraft: 1\na: &taliban x\nowner: *taliban\n"))
                .anySatisfy(p -> assertThat(p.line() + ":" + p.column() + " " + p.message()).startsWith("3:8 YAML aliases"));
    }

    @Test
    void aMergeKeyIsRefusedAtItsKeyAndItsMappingIsNotReportedAgain() {
        LocatedTree t = LocatedTree.parse("base: &b {p: 1}\nc:\n  <<: *b\n  r: 3\n", "t.yaml");
        assertThat(t.findings()).singleElement().satisfies(f -> {
            assertThat(f.scope()).isEqualTo("/c");
            assertThat(f.message()).contains("merge keys");
        });
        assertThat(t.locateKey("/c/<<")).isEqualTo(new LocatedTree.Position(3, 3));
    }

    @Test
    void numbersFollowYaml12SoNoLeadingZeroIsReadAsOctal() {
        LocatedTree t = LocatedTree.parse("n: 0264\nm: 010\nd: 264\nh: 0x1F\nu: 1_000\nb: yes\nt: true\nf: 1.5e3\n", "t");
        assertThat(t.findings()).extracting(Finding::pointer).containsExactly("/n", "/m");
        assertThat(t.findings().get(0).message()).contains("leading zero").contains("octal");
        assertThat(t.root().get("n").isNumber()).isFalse(); // never 180
        assertThat(t.root().get("m").isNumber()).isFalse(); // never 8
        assertThat(t.root().get("d").intValue()).isEqualTo(264);
        assertThat(t.root().get("h").intValue()).isEqualTo(31);
        assertThat(t.root().get("u").isTextual()).isTrue(); // YAML 1.1's 1000
        assertThat(t.root().get("b").asText()).isEqualTo("yes"); // YAML 1.1's true
        assertThat(t.root().get("t").booleanValue()).isTrue();
        assertThat(t.root().get("f").doubleValue()).isEqualTo(1500.0);
    }

    @Test
    void aControlCharacterIsNamedAtItsOwnPosition() {
        List<LocatedProblem> ps = problems("statecraft: 1\nid: ab\u0007cd\ntitle: x\u001b[31my\n");
        assertThat(ps).extracting(p -> p.line() + ":" + p.column()).containsExactly("2:7", "3:9");
        assertThat(ps.get(0).message()).contains("U+0007 (BEL)");
        assertThat(ps.get(1).message()).contains("U+001B (ESC)");
        assertThat(ps).allSatisfy(p -> assertThat(p.toString()).doesNotContain("\u001b").doesNotContain("\u0007"));
    }

    @Test
    void rawTerminalEscapesInKeysOrValuesAreNeverEchoed() {
        // an escape written as a YAML escape sequence is allowed in the text, and ends up in a key
        ScenarioValidationException e = catchThrowableOfType(ScenarioValidationException.class,
                () -> ScenarioReader.readString("statecraft: 1\n\"\\e[2J\\e[31mevil\": 1\n", "t.yaml"));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).doesNotContain("\u001b").contains("\\u001B");
        assertThat(ReadingRules.printable("a\u202Eb\nc")).isEqualTo("a\\u202Eb\\u000Ac");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws Exception {
        Path big = tmp.resolve("big.yaml");
        byte[] body = ("statecraft: 1\nid: \"" + "a".repeat(20 << 20) + "\"\n").getBytes(StandardCharsets.UTF_8);
        Files.write(big, body);
        ScenarioValidationException e = catchThrowableOfType(ScenarioValidationException.class,
                () -> ScenarioReader.load(big));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).contains(body.length + " bytes").contains("at most " + ReadingRules.MAX_FILE_BYTES);
        });
    }

    @Test
    void aLineOverTheLineLimitIsRefusedAtTheLimitWithoutParsing() {
        String line = "id: " + "a".repeat(ReadingRules.MAX_LINE_CHARS + 10);
        List<LocatedProblem> ps = problems("statecraft: 1\n" + line + "\n");
        assertThat(ps).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(ReadingRules.MAX_LINE_CHARS + 1);
            assertThat(p.message()).contains("longer than " + ReadingRules.MAX_LINE_CHARS);
        });
    }

    @Test
    void referencesToAnIdThatCannotBeReadCollapseIntoTheIdsProblem() {
        List<LocatedProblem> in = List.of(
                new LocatedProblem("f", 3, 9, "/actors/0/id", "expected an id, found a list"),
                new LocatedProblem("f", 9, 3, "/levers/0/owner", "unknown actor 'pakistan'; expected one of [b]"),
                new LocatedProblem("f", 12, 3, "/levers/1/owner", "unknown actor 'pakistan'; expected one of [b]"),
                new LocatedProblem("f", 14, 3, "/x", "unknown policy 'p'; expected one of [q]"));
        List<LocatedProblem> out = Cascades.collapse(in);
        assertThat(out).hasSize(2);
        assertThat(out.get(0).message()).contains("2 references").contains("lines 9, 12");
        assertThat(out.get(1).message()).startsWith("unknown policy"); // no rejected policy id: kept
    }
}
