package org.statecraft.io.bargaining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.statecraft.core.bargaining.Backtest;
import org.statecraft.core.bargaining.CompromiseModel;
import org.statecraft.core.bargaining.ExpectedUtilityModel;
import org.statecraft.core.bargaining.KtabCompatibility;
import org.statecraft.core.bargaining.SpatialModelOfPolitics;
import org.statecraft.core.bargaining.WeightedMedianModel;

class DeuBacktestTest {
    static List<Backtest.Case> cases() {
        return DeuReader.read(BargainingReadersTest.data("deu3/deu3.tsv")).stream()
                .filter(i -> i.outcome().isPresent()).map(DeuIssue::toCase).toList();
    }

    @Test
    void compromiseBaselineOnDeuIiiHasMeanAbsoluteErrorOfAbout23AndAboutAThirdWithinTenPoints() {
        // docs/models/compromise.md, "DEU III backtest": the compromise baseline on DEU III (capabilities from row 2 scaled to max 1)
        // gives a mean absolute error of about 23 points and about a third of forecasts within 10 points; the
        // weighted median puts more forecasts within 10 points but has a larger mean error.
        Backtest.Report r = new Backtest(List.of(Backtest.Forecaster.of(new CompromiseModel()),
                Backtest.Forecaster.of(new WeightedMedianModel())), 2).run(cases());
        Backtest.Summary compromise = r.overall().get(0);
        Backtest.Summary median = r.overall().get(1);
        assertThat(compromise.issues()).isEqualTo(353);
        assertThat(compromise.mae()).isCloseTo(23, within(1.0));
        assertThat(compromise.hit10()).isCloseTo(1.0 / 3, within(0.05));
        assertThat(median.hit10()).isGreaterThan(compromise.hit10());
        assertThat(median.mae()).isGreaterThan(compromise.mae());
    }

    @Test
    void backtestOfAllModelsIsIdenticalForOneAndTwoThreads() {
        List<Backtest.Case> cases = cases();
        List<Backtest.Forecaster> f = List.of(Backtest.Forecaster.of(new SpatialModelOfPolitics()),
                Backtest.Forecaster.of(new ExpectedUtilityModel()), Backtest.Forecaster.referencePoint());
        assertThat(new Backtest(f, 2).run(cases)).isEqualTo(new Backtest(f, 1).run(cases));
    }

    @Test
    void ktabRunsTwoHundredElevenIssuesAndRefusesTheRestForItsThreeReasons() {
        // KTAB's smpc on the same file runs 211 issues: 2 have fewer than 3 actors, 57 an actor with zero salience
        // ("ssSqr must be positive"), 83 only positions 0 and 100 ("utility values not in valid range").
        java.util.Map<String, Long> reasons = cases().stream()
                .map(c -> KtabCompatibility.refusal(c.problem()).map(r -> r.replaceFirst("\\s*[:(].*", "")).orElse("runs"))
                .collect(java.util.stream.Collectors.groupingBy(r -> r, java.util.stream.Collectors.counting()));
        assertThat(reasons).containsEntry("runs", 211L).containsEntry("KTAB needs at least 3 actors", 2L)
                .containsEntry("ssSqr must be positive", 57L).containsEntry("utility values not in valid range", 83L);
    }

    @Test
    void userCapabilitiesReplaceRowTwoAndScaleToAMaximumOfOne(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        String header = "\"isnr\"\t\"counvte\"\t\"proc\"\t\"prname\"\t\"pcom\"\t\"pde\"\t\"scom\"\t\"sde\"\t\"rp\"\t\"out\"\n";
        String text = header + "\t\t\t\t\"4.1\"\t\"4.1\"\t\t\t\t\n" + "\"i1\"\t\"QMV\"\t\"COD\"\t\"x\"\t100\t0\t50\t50\t0\t40\n";
        assertThat(DeuReader.parse(text, "t.tsv").get(0).problem().capability(1)).isEqualTo(1.0);
        DeuIssue mine = DeuReader.parse(text, "t.tsv", Map.of("com", 3.0, "de", 1.5)).get(0);
        assertThat(mine.problem().capability(0)).isEqualTo(1.0);
        assertThat(mine.problem().capability(1)).isEqualTo(0.5);
        assertThatThrownBy(() -> DeuReader.parse(text, "t.tsv", Map.of("com", 1.0))).hasMessageContaining("'de'");
        Path csv = Files.writeString(tmp.resolve("c.csv"), "actor,capability\ncom,3\nde,1.5\n");
        assertThat(DeuReader.readCapabilities(csv)).containsEntry("com", 3.0).containsEntry("de", 1.5);
        Path bad = Files.writeString(tmp.resolve("b.csv"), "actor,capability\ncom,x\n");
        assertThatThrownBy(() -> DeuReader.readCapabilities(bad)).isInstanceOfSatisfying(
                org.statecraft.core.DataFormatException.class, e -> assertThat(e.located()).startsWith(bad + ":2:"));
    }
}
