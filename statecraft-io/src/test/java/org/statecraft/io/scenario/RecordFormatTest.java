package org.statecraft.io.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statecraft.core.scenario.Observed;
import org.statecraft.core.scenario.ObservedConcession;
import org.statecraft.core.scenario.ObservedCount;
import org.statecraft.core.scenario.Scenario;

/** The record (observed): read into its records, and every bad record a located error. */
class RecordFormatTest {
    private static final Path BUNDLED = Path.of(System.getProperty("statecraft.root", ".."), "scenarios",
            "pakistan-taliban-2023.yaml");

    private static String bundled() throws Exception {
        return Files.readString(BUNDLED);
    }

    private static List<LocatedProblem> problems(String yaml) {
        ScenarioValidationException e = catchThrowableOfType(ScenarioValidationException.class,
                () -> ScenarioReader.readString(yaml, "bad.yaml"));
        assertThat(e).as("expected the scenario to be rejected").isNotNull();
        return e.problems();
    }

    private static String replace(String yaml, String from, String to) {
        assertThat(yaml).contains(from);
        return yaml.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    @Test
    void theBundledRecordReadsIntoItsParts() throws Exception {
        Scenario s = ScenarioReader.readString(bundled(), "bundled.yaml");
        Observed o = s.observed();
        assertThat(o.until()).isEqualTo(LocalDate.of(2026, 2, 16));
        assertThat(o.spells()).anySatisfy(sp -> {
            assertThat(sp.from()).isEqualTo(LocalDate.of(2025, 10, 12));
            assertThat(sp.open()).isTrue();
            assertThat(sp.days()).isEqualTo(127);
        });
        assertThat(o.counts()).anySatisfy(c -> {
            assertThat(c.series()).isEqualTo(ObservedCount.Series.HARM);
            assertThat(c.constituency()).isEqualTo("afghan-refugees");
        });
        assertThat(o.concessions()).extracting(ObservedConcession::on)
                .contains(ObservedConcession.On.DEMAND, ObservedConcession.On.OTHER);
        assertThat(o.stances()).isNotEmpty();
        assertThat(o.concessionBaseRate().mean()).isEqualTo(0.326);
    }

    @Test
    void aSpellThatEndsBeforeItStartsIsLocated() throws Exception {
        String yaml = replace(bundled(), "from: 2025-02-21, to: 2025-03-19", "from: 2025-02-21, to: 2025-01-19");
        assertThat(problems(yaml)).anySatisfy(p -> {
            assertThat(p.pointer()).isEqualTo("/observed/spells/5/to");
            assertThat(p.message()).contains("ends before it starts");
            assertThat(p.line()).isEqualTo(ScenarioReaderTest.lineOf(yaml, "to: 2025-01-19"));
        });
    }

    @Test
    void anActionByAnUnknownActorIsLocated() throws Exception {
        String yaml = replace(bundled(), "{date: 2024-03-18, actor: pakistan, description: \"Strikes in Khost", "{date: 2024-03-18, actor: pakistn, description: \"Strikes in Khost");
        assertThat(problems(yaml)).anySatisfy(p -> {
            assertThat(p.pointer()).isEqualTo("/observed/actions/0/actor");
            assertThat(p.message()).contains("unknown actor 'pakistn'");
        });
    }

    @Test
    void aCountForAPeriodOutsideTheScenarioIsLocated() throws Exception {
        String yaml = replace(bundled(), "from: 2025-01-01, to: 2025-12-31, value: 1063",
                "from: 2026-01-01, to: 2026-12-31, value: 1063");
        assertThat(problems(yaml)).anySatisfy(p -> {
            assertThat(p.pointer()).isEqualTo("/observed/counts/6/to");
            assertThat(p.message()).contains("outside the scenario");
        });
    }

    @Test
    void aStanceMoveOfANonMemberAndAConcessionByAThirdPartyAreLocated() throws Exception {
        String yaml = replace(bundled(), "member: gcc, direction: toward", "member: russia, direction: toward");
        yaml = replace(yaml, "{date: 2023-09-15, actor: taliban, on: demand", "{date: 2023-09-15, actor: us, on: demand");
        List<LocatedProblem> ps = problems(yaml);
        assertThat(ps).anySatisfy(p -> assertThat(p.pointer()).isEqualTo("/observed/stances/3/member"));
        assertThat(ps).anySatisfy(p -> {
            assertThat(p.pointer()).isEqualTo("/observed/concessions/0/actor");
            assertThat(p.message()).contains("only the demand's target");
        });
    }

    @Test
    void aSpellWithBothAnEndAndAnInForceDateIsLocated() throws Exception {
        String yaml = replace(bundled(), "from: 2024-01-13, inForceOn: 2024-01-17",
                "from: 2024-01-13, to: 2024-01-18, inForceOn: 2024-01-17");
        assertThat(problems(yaml)).anySatisfy(p -> {
            assertThat(p.pointer()).isEqualTo("/observed/spells/4/inForceOn");
            assertThat(p.message()).contains("not both");
        });
    }
}
