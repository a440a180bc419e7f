package org.statecraft.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.statecraft.core.montecarlo.MonteCarloOptions;
import org.statecraft.core.record.Conditioning;
import org.statecraft.core.record.Hindcast;
import org.statecraft.core.record.OutOfSample;
import org.statecraft.core.record.Scorecard;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.io.scenario.ScenarioReader;

/**
 * The scorecards quoted in the README and docs/models/hindcast.md are what the scoring computes, whatever they
 * show: this keeps the docs honest, not the model's answer (nothing here says the model should win). On a
 * mismatch the message carries the block to paste.
 */
class RecordDocsTest {
    private static final Path ROOT = Path.of(System.getProperty("statecraft.root", "."));
    private static final int RUNS = 2000;

    private static Scenario bundled() throws Exception {
        return ScenarioReader.read(ROOT.resolve("scenarios/pakistan-taliban-2023.yaml"));
    }

    private static List<String> block(Path file, String marker) throws Exception {
        List<String> lines = Files.readAllLines(file);
        int a = lines.indexOf("<!-- " + marker + " -->");
        int b = lines.indexOf("<!-- /" + marker + " -->");
        assertThat(a).as("%s has a block <!-- %s -->", file, marker).isNotNegative();
        assertThat(b).isGreaterThan(a);
        return lines.subList(a + 1, b).stream().filter(l -> l.startsWith("| ") && !l.startsWith("| outcomes")
                && !l.startsWith("|---")).toList();
    }

    private static String n3(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    static List<String> hindcastRows(Scorecard c) {
        List<String> out = new ArrayList<>();
        for (Scorecard.Summary s : c.summaries()) {
            out.add("| " + s.kind().label() + " | " + s.rule() + " | " + s.n() + " | " + n3(s.model()) + " | "
                    + n3(s.baseline()) + " | " + (s.withBaseline() == 0 ? "–" : s.modelWins() + "/" + s.withBaseline())
                    + " |");
        }
        return out;
    }

    @Test
    void theQuotedHindcastScorecardIsTheComputedOne() throws Exception {
        Scorecard c = Scorecard.of(Hindcast.simulate(bundled(), null, RUNS, MonteCarloOptions.DEFAULT_SEED, 2));
        List<String> expected = hindcastRows(c);
        String paste = String.join("\n", expected);
        assertThat(block(ROOT.resolve("README.md"), "hindcast-scorecard")).as("README.md; paste:\n" + paste)
                .isEqualTo(expected);
        assertThat(block(ROOT.resolve("docs/models/hindcast.md"), "hindcast-scorecard"))
                .as("docs/models/hindcast.md; paste:\n" + paste).isEqualTo(expected);
    }

    @Test
    void theQuotedOutOfSampleForecastIsTheComputedOne() throws Exception {
        OutOfSample o = OutOfSample.of(bundled(), LocalDate.of(2024, 12, 31), null, RUNS, MonteCarloOptions.DEFAULT_SEED,
                2, Conditioning.Bandwidths.DEFAULT, Conditioning.SMC_GENERATIONS);
        List<String> expected = new ArrayList<>();
        for (Scorecard.Summary s : o.posterior().summaries()) {
            Scorecard.Summary p = o.prior().summaries().stream().filter(x -> x.kind() == s.kind()
                    && x.rule().equals(s.rule())).findFirst().orElseThrow();
            expected.add("| " + s.kind().label() + " | " + s.rule() + " | " + s.n() + " | " + n3(s.model()) + " | "
                    + n3(p.model()) + " | " + n3(s.baseline()) + " |");
        }
        expected.add(String.format(Locale.ROOT, "| effective sample size | | | %.1f | %d | |", o.ess(), RUNS));
        expected.add(String.format(Locale.ROOT, "| importance weights alone: ESS | | | %.1f | | |",
                o.population().essByStage().get(0)));
        assertThat(block(ROOT.resolve("docs/models/hindcast.md"), "out-of-sample"))
                .as("docs/models/hindcast.md; paste:\n" + String.join("\n", expected)).isEqualTo(expected);
    }
}
