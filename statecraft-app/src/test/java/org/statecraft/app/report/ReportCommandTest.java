package org.statecraft.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statecraft.app.web.Browser;

class ReportCommandTest {
    @TempDir
    static Path dir;

    static int execute(String... args) {
        return org.statecraft.app.Cli.run(args).exit();
    }

    @BeforeAll
    static void analyse() {
        assertThat(execute("analyze", "--runs", "100", "-q", "--out", dir.resolve("out").toString(),
                "--report", dir.resolve("analyze-report.html").toString())).isZero();
    }

    @Test
    void analyzeWritesASelfContainedReportWithTheDataInlined() throws Exception {
        String html = Files.readString(dir.resolve("analyze-report.html"));
        assertThat(html).contains("id=\"statecraft-data\"", "StatecraftCharts", "echarts", "default-src 'none'")
                .contains("\"bargaining\"", "\"sources\"", "pakistan-taliban-2023");
        // nothing is fetched: no external script, style or image
        assertThat(html).doesNotContainPattern("<script[^>]+src=").doesNotContainPattern("<link[^>]+href=\"(?!data:)");
    }

    /** The JSON inlined in a report's {@code statecraft-data} block. */
    static JsonNode embeddedData(String html) throws Exception {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"statecraft-data\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as("the report has a statecraft-data block").isTrue();
        return new ObjectMapper().readTree(m.group(1));
    }

    @Test
    void reportFromSavedResultsAttachesOptionalSections() throws Exception {
        // a parameter name that appears nowhere in the results, so only the attached file can bring it in
        String parameter = "attachedOnlyParameterQx7";
        String results = Files.readString(dir.resolve("out/results.json"));
        assertThat(results).doesNotContain(parameter);
        Path sens = dir.resolve("sens.json");
        String sensitivity = "{\"output\":\"E[concession]\",\"base\":0.5,\"tornado\":[{\"parameter\":\"" + parameter
                + "\",\"low\":0.7,\"high\":0.3}]}";
        Files.writeString(sens, sensitivity);
        Path out = dir.resolve("r.html");
        assertThat(execute("report", dir.resolve("out/results.json").toString(), "-o", out.toString(),
                "--sensitivity", sens.toString())).isZero();
        JsonNode data = embeddedData(Files.readString(out));
        assertThat(data.path("sensitivity").path("tornado").path(0).path("parameter").asText()).isEqualTo(parameter);
        assertThat(data.path("sensitivity")).isEqualTo(new ObjectMapper().readTree(sensitivity));
        assertThat(data.path("policies").size()).isEqualTo(new ObjectMapper().readTree(results).path("policies").size())
                .isPositive();

        // without --sensitivity the report carries no sensitivity section
        Path bare = dir.resolve("bare.html");
        assertThat(execute("report", dir.resolve("out/results.json").toString(), "-o", bare.toString())).isZero();
        String bareHtml = Files.readString(bare);
        assertThat(embeddedData(bareHtml).has("sensitivity")).isFalse();
        assertThat(bareHtml).doesNotContain(parameter);
    }

    @Test
    void aSeedWrittenAsANumberByAnOlderVersionReachesTheReportAsAString() throws Exception {
        String json = Files.readString(dir.resolve("out/results.json"));
        assertThat(json).contains("\"seed\" : \"20230906\"");
        Path old = dir.resolve("old.json");
        Files.writeString(old, json.replace("\"seed\" : \"20230906\"", "\"seed\" : 12345678901234567"));
        Path out = dir.resolve("old.html");
        assertThat(execute("report", old.toString(), "-o", out.toString())).isZero();
        assertThat(Files.readString(out)).containsPattern("\"seed\"\\s*:\\s*\"12345678901234567\"")
                .doesNotContainPattern("\"seed\"\\s*:\\s*1");
    }

    @Test
    void missingOrForeignResultsAreUsageErrors() throws Exception {
        assertThat(execute("report", dir.resolve("nope.json").toString())).isEqualTo(2);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"hello\": 1}");
        assertThat(execute("report", bad.toString())).isEqualTo(2);
    }

    @Test
    void figuresAreExportedAsSvgAndPngWhenChromiumIsInstalled() throws Exception {
        Browser.requireChromium();
        Path figs = dir.resolve("figs");
        assertThat(execute("report", dir.resolve("out/results.json").toString(), "-o", dir.resolve("f.html").toString(),
                "--figures", figs.toString())).isZero();
        for (String name : new String[] {"pareto", "concession", "tension", "stances", "bargaining"}) {
            assertThat(Files.readString(figs.resolve(name + ".svg"))).startsWith("<svg");
            byte[] png = Files.readAllBytes(figs.resolve(name + ".png"));
            assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        }
    }
}
