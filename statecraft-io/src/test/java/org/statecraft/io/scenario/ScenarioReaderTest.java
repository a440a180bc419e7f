package org.statecraft.io.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statecraft.core.scenario.ActorKind;
import org.statecraft.core.scenario.ConstituencyRole;
import org.statecraft.core.scenario.EventCode;
import org.statecraft.core.scenario.Lever;
import org.statecraft.core.scenario.Policy;
import org.statecraft.core.scenario.Provenance;
import org.statecraft.core.scenario.Quantity;
import org.statecraft.core.scenario.Rule;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.core.scenario.Trigger;

class ScenarioReaderTest {
    static final String VALID = resource("border-pressure.yaml");
    static final String FILE = "test.yaml";

    static String resource(String name) {
        try (InputStream in = ScenarioReaderTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<LocatedProblem> problems(String yaml) {
        ScenarioValidationException e = catchThrowableOfType(ScenarioValidationException.class,
                () -> ScenarioReader.readString(yaml, FILE));
        assertThat(e).as("expected the scenario to be rejected").isNotNull();
        return e.problems();
    }

    /** The valid scenario with the first occurrence of {@code from} replaced by {@code to}. */
    static String with(String from, String to) {
        assertThat(VALID).contains(from);
        return VALID.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    /** 1-based line of the first occurrence of {@code needle} in {@code text}. */
    static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        assertThat(at).as(needle).isNotNegative();
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** 1-based column of the first occurrence of {@code needle}. */
    static int columnOf(String text, String needle) {
        int at = text.indexOf(needle);
        return at - text.lastIndexOf('\n', at - 1);
    }

    static LocatedProblem only(List<LocatedProblem> ps) {
        assertThat(ps).hasSize(1);
        return ps.get(0);
    }

    @Test
    void aValidFileLoadsToTheExpectedRecords() {
        Scenario s = ScenarioReader.readString(VALID, FILE);
        assertThat(s.id()).isEqualTo("border-pressure");
        assertThat(s.start()).isEqualTo(LocalDate.of(2023, 9, 6));
        assertThat(s.horizonDays()).isEqualTo(120);
        assertThat(s.sources()).hasSize(2);
        assertThat(s.actors()).extracting(a -> a.kind())
                .containsExactly(ActorKind.STATE, ActorKind.REGIME, ActorKind.ARMED_GROUP, ActorKind.STATE);
        assertThat(s.actor("proxy").orElseThrow().capability()).isEqualTo(Quantity.of(1));
        assertThat(s.actor("regime").orElseThrow().stance().positionWhenHostile())
                .isEqualTo(new Quantity.Uniform(30, 50, Provenance.assumption("isolation pushes it toward the demand")));
        assertThat(s.actor("patron").orElseThrow().capability())
                .isEqualTo(new Quantity.LogNormal(2, 1.5, Provenance.assumption("uncertain engagement")));
        assertThat(s.constituency("customs").orElseThrow().baseline())
                .isEqualTo(new Quantity.Normal(100000, 20000, 10000, 200000, Provenance.source("report-a")));
        assertThat(s.constituency("traders").orElseThrow().role()).isEqualTo(ConstituencyRole.COLLATERAL);
        assertThat(s.weights()).hasSize(5);
        assertThat(s.weights().get(2).constituency()).isEqualTo("refugees");
        assertThat(s.weights().get(2).weight().lower()).isEqualTo(-0.2);

        assertThat(s.demand().releaseLevel()).isEqualTo(0.6);
        assertThat(s.demand().backslideGraceDays()).isEqualTo(30);
        // GDELT's Goldstein value for 087 (de-escalate militarily) is 9.0
        assertThat(s.demand().concessionEvent()).isEqualTo(new EventCode("087", 9.0));

        Lever close = s.lever("close-border").orElseThrow();
        assertThat(close.harms()).hasSize(3);
        assertThat(close.harms().get(0).perDay()).isEqualTo(new Quantity.Uniform(800000, 1500000,
                Provenance.source("report-a")));
        assertThat(close.harms().get(1).accumulation()).isEqualTo(Quantity.of(0));
        assertThat(close.useEvent()).isEqualTo(new EventCode("1312", -5.8));
        assertThat(close.threatEvent()).isEqualTo(new EventCode("163", -8.0));
        Lever expel = s.lever("expel-refugees").orElseThrow();
        assertThat(expel.tolerance()).as("absent tolerance: never lifted for cost").isNull();
        assertThat(expel.liftEvent()).as("explicit Goldstein value overrides the table").isEqualTo(new EventCode("081", 4));
        assertThat(expel.threatEvent()).isNull();
        assertThat(s.lever("stop-lobbying").orElseThrow().harms()).isEmpty();

        Policy baseline = s.policy("baseline").orElseThrow();
        assertThat(baseline.rules()).isEmpty();
        assertThat(baseline.releaseOnConcession()).isTrue();
        Policy squeeze = s.policy("squeeze").orElseThrow();
        assertThat(squeeze.releaseOnConcession()).isFalse();
        assertThat(squeeze.rules()).containsExactly(
                new Rule(new Trigger.OnDay(0), Rule.Action.USE, "close-border", null, true),
                new Rule(new Trigger.AttackCount(30, 5), Rule.Action.USE, "stop-lobbying", null, true),
                new Rule(new Trigger.OnClash(), Rule.Action.THREATEN, "close-border", 7, false));
        assertThat(s.policy("tit-for-tat").orElseThrow().rules())
                .containsExactly(new Rule(new Trigger.OnAttack(), Rule.Action.USE, "expel-refugees", 30, false));

        assertThat(s.attacks().proxy()).isEqualTo("proxy");
        assertThat(s.attacks().event()).isEqualTo(new EventCode("183", -10));
        assertThat(s.clashes().event().cameo()).isEqualTo("190");
        assertThat(s.network().members()).containsExactly("coercer", "patron");
        assertThat(s.network().influence().get("patron")).containsEntry("coercer", new Quantity.Fixed(0.4, Provenance.source("report-a")));
        assertThat(s.network().hostilityHarms()).hasSize(1);
        assertThat(s.observedEvents()).hasSize(1);
        assertThat(s.observedSpells().get(0).days()).isEqualTo(9);
    }

    @Test
    void absentOptionalPartsTakeTheirDefaults() {
        String minimal = """
                statecraft: 1
                id: minimal
                start: 2024-01-01
                horizonDays: 10
                actors: [{id: a}, {id: b}]
                constituencies:
                  - {id: c, side: b, role: collateral, baseline: 1}
                demand:
                  coercer: a
                  target: b
                  currentPosition: 0
                  demandedPosition: 100
                  complianceCost: 1
                  capacity: 1
                  releaseLevel: 1
                  convexity: 1
                  lookaheadDays: 30
                  backsliding: {hazard: 0}
                  concessionEvent: "087"
                levers: []
                policies: [{id: baseline}]
                """;
        Scenario s = ScenarioReader.readString(minimal, FILE);
        assertThat(s.attacks()).isNull();
        assertThat(s.clashes()).isNull();
        assertThat(s.network().members()).isEmpty();
        assertThat(s.weights()).isEmpty();
        assertThat(s.sources()).isEmpty();
        assertThat(s.demand().backslideGraceDays()).isZero();
    }

    @Test
    void aTypoInAKeyIsReportedAtTheKeyWithAHint() {
        String yaml = with("perDay: {triangular", "perday: {triangular");
        LocatedProblem p = only(problems(yaml));
        assertThat(p.line()).isEqualTo(lineOf(yaml, "perday:"));
        assertThat(p.column()).isEqualTo(columnOf(yaml, "perday:"));
        assertThat(p.message()).contains("unknown field 'perday'").contains("did you mean 'perDay'?");
        assertThat(p.toString()).startsWith(FILE + ":" + p.line() + ":" + p.column() + ": ");
    }

    @Test
    void anUnknownIdIsReportedAtTheReferenceWithTheKnownIds() {
        String yaml = with("constituency: refugees", "constituency: refugess");
        LocatedProblem p = only(problems(yaml));
        assertThat(p.line()).isEqualTo(lineOf(yaml, "refugess"));
        assertThat(p.column()).isEqualTo(columnOf(yaml, "refugess"));
        assertThat(p.pointer()).isEqualTo("/levers/1/harms/0/constituency");
        assertThat(p.message()).contains("unknown constituency 'refugess'").contains("refugees");
    }

    @Test
    void aWeightOutOfRangeIsReportedAtTheWeight() {
        String yaml = with("customs: {uniform: [0.6, 0.9]", "customs: {uniform: [0.6, 1.4]");
        LocatedProblem p = only(problems(yaml));
        assertThat(p.line()).isEqualTo(lineOf(yaml, "customs: {uniform: [0.6, 1.4]"));
        assertThat(p.column()).isEqualTo(columnOf(yaml, "{uniform: [0.6, 1.4]"));
        assertThat(p.message()).contains("[-1, 1]").contains("1.4");

        String bare = with("customs: {uniform: [0.6, 0.9], assumption: \"customs revenue pays the fighters\"}",
                "customs: -3");
        LocatedProblem q = only(problems(bare));
        assertThat(q.line()).isEqualTo(lineOf(bare, "customs: -3"));
        assertThat(q.message()).contains(">= -1").contains("-3");
    }

    @Test
    void influenceRowsMustSumToOne() {
        String yaml = with("coercer: {value: 0.4, source: report-a}}", "coercer: {value: 0.3, source: report-a}}");
        LocatedProblem p = only(problems(yaml));
        assertThat(p.pointer()).isEqualTo("/network/influence/patron");
        assertThat(p.line()).isEqualTo(lineOf(yaml, "patron: {patron: {value: 0.6"));
        assertThat(p.message()).contains("must sum to 1");
    }

    @Test
    void aWrongTypeSaysWhatWasExpected() {
        String yaml = with("rampUpDays: 14", "rampUpDays: two weeks");
        LocatedProblem p = only(problems(yaml));
        assertThat(p.line()).isEqualTo(lineOf(yaml, "rampUpDays: two weeks"));
        assertThat(p.column()).isEqualTo(columnOf(yaml, "rampUpDays: two weeks") + "rampUpDays: ".length());
        assertThat(p.message()).contains("expected an integer").contains("'two weeks'");
    }

    @Test
    void aMissingFieldIsReportedAtItsMapping() {
        String yaml = with("    owner: coercer\n    target: regime\n    harms:\n      - constituency: refugees",
                "    target: regime\n    harms:\n      - constituency: refugees");
        LocatedProblem p = only(problems(yaml));
        assertThat(p.message()).isEqualTo("missing required field 'owner'");
        assertThat(p.line()).isEqualTo(lineOf(yaml, "- id: expel-refugees"));
        assertThat(p.column()).isEqualTo(columnOf(yaml, "id: expel-refugees"));
    }

    @Test
    void unknownAndBadCameoCodesAreReported() {
        String unknown = with("concessionEvent: \"087\"", "concessionEvent: \"999\"");
        assertThat(only(problems(unknown)).message()).contains("unknown CAMEO code '999'");
        String unquoted = with("event: \"183\"", "event: 183");
        LocatedProblem p = only(problems(unquoted));
        assertThat(p.line()).isEqualTo(lineOf(unquoted, "event: 183"));
        assertThat(p.message()).contains("in quotes");
    }

    @Test
    void distributionsAreCheckedForTheirOwnShape() {
        String yaml = with("{triangular: [2000, 5000, 9000]", "{triangular: [9000, 5000, 2000]");
        LocatedProblem p = only(problems(yaml));
        assertThat(p.pointer()).isEqualTo("/levers/1/harms/0/perDay/triangular");
        assertThat(p.message()).contains("min <= mode <= max");
        String two = with("salience: {uniform: [0.6, 0.9]", "salience: {uniform: [0.6, 0.9], value: 0.7");
        assertThat(only(problems(two)).message()).contains("exactly one of value, uniform");
    }

    @Test
    void nonFiniteNumbersAreReportedOnce() {
        String huge = with("baseline: {value: 1700000", "baseline: {value: 1e400");
        LocatedProblem p = only(problems(huge));
        assertThat(p.column()).isEqualTo(columnOf(huge, "1e400"));
        assertThat(p.message()).isEqualTo("expected a finite number, was 1e400 (out of range)");
        // Jackson's YAML parser stops at .nan and .inf, so they come as syntax errors, still located
        String nan = with("releaseLevel: 0.6", "releaseLevel: .nan");
        LocatedProblem q = only(problems(nan));
        assertThat(q.line()).isEqualTo(lineOf(nan, ".nan"));
        assertThat(q.message()).contains("expected a finite number, was '.nan'");
    }

    @Test
    void aSyntaxErrorIsReportedWithItsPosition() {
        String yaml = with("    rampUpDays: 7\n", "    rampUpDays: [7\n");
        LocatedProblem p = problems(yaml).get(0);
        assertThat(p.message()).startsWith("YAML syntax error");
        assertThat(p.line()).isGreaterThanOrEqualTo(lineOf(yaml, "rampUpDays: [7"));
        assertThat(p.message()).doesNotContain("\n");
    }

    @Test
    void duplicateKeysAreReported() {
        String yaml = with("horizonDays: 120\n", "horizonDays: 120\nhorizonDays: 90\n");
        LocatedProblem p = only(problems(yaml));
        assertThat(p.line()).isEqualTo(lineOf(yaml, "horizonDays: 90"));
        assertThat(p.message()).contains("duplicate key 'horizonDays'");
    }

    @Test
    void aMissingVersionAndAnEmptyFileAreReported() {
        assertThat(only(problems(VALID.replace("statecraft: 1\n", ""))).message())
                .contains("missing required field 'statecraft'");
        assertThat(only(problems(with("statecraft: 1", "statecraft: 2"))).message()).contains("expected 1");
        assertThat(only(problems("")).message()).contains("empty");
        assertThat(only(problems("# only a comment\n")).message()).contains("empty");
        assertThat(only(problems("- a\n- b\n")).message()).contains("expected a mapping").contains("found a list");
    }

    @Test
    void manyErrorsInOneFileAreAllReportedInFileOrder() {
        String yaml = VALID
                .replace("horizonDays: 120", "horizonDays: -5")
                .replace("kind: armed-group", "kind: militia")
                .replace("side: coercer", "side: coercr")
                .replace("coercer-traders: {uniform: [0.1, 0.3]", "coercer-traders: {uniform: [0.1, 1.3]")
                .replace("releaseLevel: 0.6", "releaseLevel: 1.6")
                .replace("perDay: {uniform: [50000, 90000], source: report-a}",
                        "perDay: {uniform: [50000, 90000], source: report-z}")
                .replace("    rampUpDays: 14", "    rampupDays: 14")
                .replace("use: stop-lobbying", "use: stop-lobbyng")
                .replace("coercer: {value: 0.4, source: report-a}}", "coercer: {value: 0.6, source: report-a}}")
                .replace("cameo: \"190\"", "cameo: \"1999\"");
        List<LocatedProblem> ps = problems(yaml);
        assertThat(ps).extracting(LocatedProblem::line).isSorted();
        assertThat(ps).extracting(LocatedProblem::line).containsExactly(
                lineOf(yaml, "horizonDays: -5"),
                lineOf(yaml, "kind: militia"),
                lineOf(yaml, "side: coercr"),
                lineOf(yaml, "coercer-traders: {uniform: [0.1, 1.3]"),
                lineOf(yaml, "releaseLevel: 1.6"),
                lineOf(yaml, "report-z"),
                lineOf(yaml, "rampupDays"),
                lineOf(yaml, "stop-lobbyng"),
                lineOf(yaml, "coercer: {value: 0.6, source: report-a}}"),
                lineOf(yaml, "\"1999\""));
        ScenarioValidationException e = catchThrowableOfType(ScenarioValidationException.class,
                () -> ScenarioReader.readString(yaml, FILE));
        assertThat(e.getMessage().lines()).hasSize(ps.size() + 1);
        assertThat(e.getMessage()).endsWith(FILE + ": " + ps.size() + " problems");
    }

    @Test
    void aMissingFileIsAnInputError() {
        assertThatThrownBy(() -> ScenarioReader.read(java.nio.file.Path.of("no/such/file.yaml")))
                .isInstanceOf(org.statecraft.core.DataFormatException.class)
                .hasMessageContaining("no such file");
    }

    @Test
    void theHashIsTheSha256OfTheBytes() {
        // SHA-256("abc") from FIPS 180-2, appendix B.1
        assertThat(ScenarioFiles.hash("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ScenarioReader.loadString(VALID, FILE).sha256())
                .isEqualTo(ScenarioFiles.hash(VALID.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void strictModeReportsUndocumentedNumbersAndAssumptionsOnFixedValues() {
        String yaml = with("capability: {value: 1, source: report-a}", "capability: 1")
                .replace("initialStance:\n    coercer: {value: 0.2, source: report-a}",
                        "initialStance:\n    coercer: {value: 0.2, assumption: \"a guess\"}");
        LoadedScenario loaded = ScenarioReader.loadString(yaml, FILE);
        List<LocatedProblem> strict = loaded.strictProblems();
        assertThat(strict).hasSize(2);
        assertThat(strict.get(0).line()).isEqualTo(lineOf(yaml, "capability: 1"));
        assertThat(strict.get(0).message()).contains("neither a source nor an assumption");
        assertThat(strict.get(1).line()).isEqualTo(lineOf(yaml, "a guess"));
        assertThat(strict.get(1).message()).contains("an assumption should come with a range");
        assertThat(ScenarioReader.loadString(VALID, FILE).strictProblems())
                .as("the test scenario documents every number it writes, except those on the proxy").isEmpty();
    }
}
