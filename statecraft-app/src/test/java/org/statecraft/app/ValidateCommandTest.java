package org.statecraft.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateCommandTest {
    static final String SCENARIO = """
            statecraft: 1
            id: two-actors
            start: 2024-01-01
            horizonDays: 30
            sources:
              - {id: s1, citation: "A source."}
            actors:
              - {id: a, capability: {value: 2, source: s1}}
              - {id: b}
            constituencies:
              - {id: c, side: b, role: collateral, baseline: {value: 100, source: s1}}
            weights:
              b: {c: {uniform: [0.1, 0.3], assumption: "a guess with a range"}}
            demand:
              coercer: a
              target: b
              currentPosition: {value: 0, source: s1}
              demandedPosition: {value: 100, source: s1}
              complianceCost: {value: 1, source: s1}
              capacity: {value: 1, source: s1}
              releaseLevel: 1
              convexity: {value: 1, source: s1}
              lookaheadDays: {value: 30, source: s1}
              backsliding: {hazard: {value: 0, source: s1}}
              concessionEvent: "087"
            levers:
              - id: l
                owner: a
                target: b
                harms: [{constituency: c, perDay: {value: 10, source: s1}}]
                rampUpDays: 1
                events: {use: "1312", lift: "085"}
            policies:
              - id: baseline
              - id: press
                rules: [{when: {day: 0}, use: l}]
            """;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine cl = StatecraftCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void aValidFileIsOkWithItsCounts(@TempDir Path dir) throws IOException {
        Path f = write(dir, "ok.yaml", SCENARIO);
        assertThat(run("validate", f.toString())).isZero();
        assertThat(out.toString()).isEqualTo(f + ": ok (2 actors, 1 lever, 2 policies)" + System.lineSeparator());
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void everyProblemOfEveryFileIsPrintedAndTheExitCodeIsTwo(@TempDir Path dir) throws IOException {
        Path good = write(dir, "good.yaml", SCENARIO);
        Path bad = write(dir, "bad.yaml", SCENARIO.replace("perDay:", "perday:").replace("use: l}", "use: m}"));
        assertThat(run("validate", good.toString(), bad.toString())).isEqualTo(2);
        assertThat(out.toString()).contains(good + ": ok");
        String[] lines = err.toString().split("\\R");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith(bad + ":30:31:").contains("unknown field 'perday'; did you mean 'perDay'?");
        assertThat(lines[1]).startsWith(bad + ":36:").contains("unknown lever 'm'");
        assertThat(lines[2]).isEqualTo(bad + ": 2 problems");
    }

    @Test
    void aMissingFileIsReportedWithoutAStackTrace(@TempDir Path dir) {
        assertThat(run("validate", dir.resolve("none.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("none.yaml: no such file").doesNotContain("Exception");
    }

    @Test
    void strictModeReportsUndocumentedNumbersAndFixedAssumptions(@TempDir Path dir) throws IOException {
        Path f = write(dir, "loose.yaml", SCENARIO
                .replace("{id: a, capability: {value: 2, source: s1}}", "{id: a, capability: 2}")
                .replace("perDay: {value: 10, source: s1}", "perDay: {value: 10, assumption: \"a guess\"}"));
        assertThat(run("validate", f.toString())).isZero();
        assertThat(run("validate", "--strict", f.toString())).isEqualTo(2);
        String[] lines = err.toString().split("\\R");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith(f + ":8:").contains("neither a source nor an assumption");
        assertThat(lines[1]).startsWith(f + ":30:").contains("an assumption should come with a range");
        assertThat(lines[2]).isEqualTo(f + ": 2 problems in strict mode");
    }

    static final Path ROOT = Path.of(System.getProperty("statecraft.root", ".."));

    @Test
    void aWeightOnTheOtherSidesConstituencyIsALocatedWarningAndAProblemUnderStrict(@TempDir Path dir)
            throws IOException {
        String bundled = Files.readString(ROOT.resolve("scenarios/pakistan-taliban-2023.yaml"));
        String anchor = "  pakistan:\n    pakistani-trade:";
        assertThat(bundled).contains(anchor);
        String added = "    afghan-trade: {triangular: [0.1, 0.2, 0.3], source: article, assumption: \"Pakistan cares "
                + "for Afghan merchants\"}";
        String yaml = bundled.replace(anchor, "  pakistan:\n" + added + "\n    pakistani-trade:");
        int line = java.util.Arrays.asList(yaml.split("\n", -1)).indexOf(added) + 1;
        Path f = write(dir, "other-side.yaml", yaml);

        assertThat(run("validate", f.toString())).isZero();
        assertThat(out.toString()).startsWith(f + ": ok (");
        String[] warnings = err.toString().split("\\R");
        assertThat(warnings).hasSize(1);
        assertThat(warnings[0]).startsWith(f + ":" + line + ":").contains(": warning: ")
                .contains("'pakistan'", "'afghan-trade'", "ignored", "side of 'taliban'");

        err.getBuffer().setLength(0);
        assertThat(run("validate", "--strict", f.toString())).isEqualTo(2);
        String[] lines = err.toString().split("\\R");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith(f + ":" + line + ":").doesNotContain("warning:")
                .contains("'pakistan'", "'afghan-trade'", "ignored");
        assertThat(lines[1]).isEqualTo(f + ": 1 problem in strict mode");

        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        assertThat(run("validate", "--strict", ROOT.resolve("scenarios/pakistan-taliban-2023.yaml").toString()))
                .as("the bundled scenario as shipped: %s", err).isZero();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void everyBundledScenarioAndCaseValidatesStrictlyWithoutWarnings() throws IOException {
        java.util.List<String> files = new java.util.ArrayList<>();
        for (Path d : new Path[] {ROOT.resolve("scenarios"), ROOT.resolve("scenarios/cases")}) {
            try (var s = Files.list(d)) {
                s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(p -> files.add(p.toString()));
            }
        }
        assertThat(files).hasSizeGreaterThan(1);
        files.add(0, "validate");
        assertThat(run(files.toArray(String[]::new))).as(err.toString()).isZero();
        assertThat(err.toString()).isEmpty();
        files.add(1, "--strict");
        assertThat(run(files.toArray(String[]::new))).as(err.toString()).isZero();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void schemaPrintsTheBundledJsonSchema() throws IOException {
        assertThat(run("schema")).isZero();
        JsonNode schema = new ObjectMapper().readTree(out.toString());
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.at("/properties/levers/items/properties/harms/items/properties/perDay/description").asText())
                .isNotBlank();
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("validate")).isEqualTo(2);
        assertThat(err.toString()).contains("FILE");
    }
}
