package org.statecraft.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.statecraft.core.record.CasePrior;
import org.statecraft.io.scenario.ScenarioReader;

/** Every field of the case prior's table (docs/models/case-prior.md) is checked: each bundled case conforms, and a
 * case changed in any one of them is named at that field. */
class CasePriorTest {
    private static final Path CASES = Path.of(System.getProperty("statecraft.root", "."), "scenarios", "cases");

    private static List<Path> cases() throws Exception {
        try (Stream<Path> files = Files.list(CASES)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everyBundledCaseConforms() throws Exception {
        List<Path> files = cases();
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        for (Path f : files) {
            assertThat(CasePrior.deviations(ScenarioReader.read(f))).as(f.getFileName().toString()).isEmpty();
        }
    }

    @Test
    void aCaseThatDepartsInAnyOneFieldIsNamedThere() throws Exception {
        String yaml = Files.readString(CASES.resolve("qatar-boycott-2017.yaml"));
        // each change, the text it makes and what the deviation must name
        String[][] changes = {
                {"convexity: {triangular: [1.0, 1.5, 2.5]", "convexity: {triangular: [1.0, 2.0, 2.5]", "demand/convexity"},
                {"lookaheadDays: {triangular: [14, 30, 60]", "lookaheadDays: {triangular: [14, 45, 60]",
                        "demand/lookaheadDays"},
                {"graceDays: 30", "graceDays: 20", "demand/backsliding is graceDays 20"},
                {"below: 0.25}", "below: 0.3}", "below 0.3"},
                {"halfLifeDays: {triangular: [30, 90, 240]", "halfLifeDays: {triangular: [30, 90, 200]",
                        "/halfLifeDays is"},
        };
        for (String[] c : changes) {
            assertThat(yaml).as(c[0]).contains(c[0]);
            String changed = yaml.replaceFirst(java.util.regex.Pattern.quote(c[0]),
                    java.util.regex.Matcher.quoteReplacement(c[1]));
            List<String> d = CasePrior.deviations(ScenarioReader.readString(changed, "changed.yaml"));
            assertThat(d).as(c[1]).singleElement().asString().contains(c[2]);
        }
    }
}
