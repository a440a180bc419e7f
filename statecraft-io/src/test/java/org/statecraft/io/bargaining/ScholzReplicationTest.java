package org.statecraft.io.bargaining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.statecraft.core.bargaining.BargainingProblem;
import org.statecraft.core.bargaining.EumParameters;
import org.statecraft.core.bargaining.ExpectedUtilityModel;
import org.statecraft.core.bargaining.ForecastResult;

/**
 * The {@link EumParameters#SCHOLZ_CODE} preset against the Scholz-code replication, round by round, on the four
 * BdM example files. Expected values: {@code scholz-code-rounds.txt} beside this class, whose header says how they
 * were generated (dmasad/bdm-scholz-expected-utility-model at d7c7bbab2b714f8bd196e71db38b0f30a3c15bfd, which
 * reproduces its published Example.log byte for byte).
 */
class ScholzReplicationTest {
    /** Rounds 0..10 of one file: positions in the file's units, and the weighted mean. */
    record Expected(List<double[]> positions, List<Double> mean) {
    }

    static Map<String, Expected> reference() throws IOException {
        Map<String, Expected> m = new LinkedHashMap<>();
        try (InputStream in = ScholzReplicationTest.class.getResourceAsStream("scholz-code-rounds.txt")) {
            Expected current = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.isBlank() || line.startsWith("median0")) {
                    continue;
                }
                if (line.startsWith("file ")) {
                    current = new Expected(new ArrayList<>(), new ArrayList<>());
                    m.put(line.substring(5).trim(), current);
                    continue;
                }
                String[] halves = line.split("\\|");
                String[] f = halves[0].trim().split("\\s+");
                double[] x = new double[f.length - 1];
                for (int i = 1; i < f.length; i++) {
                    x[i - 1] = Double.parseDouble(f[i]);
                }
                current.positions().add(x);
                current.mean().add(Double.parseDouble(halves[1].trim().split("\\s+")[1]));
            }
        }
        return m;
    }

    @Test
    void scholzCodePresetReproducesTheReplicationRoundByRoundOnAllFourBdmFiles() throws IOException {
        Map<String, Expected> ref = reference();
        assertThat(ref.keySet()).containsExactly("eu-emissions", "oil-price", "china", "honduras-nicaragua");
        ExpectedUtilityModel model = new ExpectedUtilityModel(EumParameters.SCHOLZ_CODE);
        int moved = 0;
        for (Map.Entry<String, Expected> e : ref.entrySet()) {
            BargainingProblem p = BdmCsvReader.read(BargainingReadersTest.data("bdm/" + e.getKey() + ".csv"));
            ForecastResult r = model.forecast(p);
            Expected want = e.getValue();
            assertThat(r.states()).hasSize(want.positions().size());
            double span = p.scaleMax() - p.scaleMin();
            for (int t = 0; t < want.positions().size(); t++) {
                double[] x = want.positions().get(t);
                for (int i = 0; i < x.length; i++) {
                    double actual = p.toFileScale(r.states().get(t)[i][0]);
                    assertThat(actual).as("%s round %d actor %s", e.getKey(), t, p.actors().get(i))
                            .isCloseTo(x[i], within(1e-9 * span));
                    if (t > 0 && x[i] != want.positions().get(t - 1)[i]) {
                        moved++;
                    }
                }
                assertThat(p.toFileScale(r.statistics().get("weighted mean").get(t)[0]))
                        .as("%s round %d mean", e.getKey(), t).isCloseTo(want.mean().get(t), within(1e-9 * span));
            }
        }
        assertThat(moved).as("moves checked").isGreaterThan(50);
    }

    @Test
    void euEmissionsRoundOneBelgiumCompromisesTo8416UnderThePresetAndElsewhereByDefault() {
        // Example.log, ROUND 1: "Belgium compromises with France ... new_pos = 8.415932315426764".
        BargainingProblem p = BdmCsvReader.read(BargainingReadersTest.data("bdm/eu-emissions.csv"));
        double scholz = 100 * new ExpectedUtilityModel(EumParameters.SCHOLZ_CODE.withRounds(1)).forecast(p).states().get(1)[1][0];
        double published = 100 * new ExpectedUtilityModel(EumParameters.DEFAULTS.withRounds(1)).forecast(p).states().get(1)[1][0];
        assertThat(scholz).isCloseTo(8.415932315426764, within(1e-9));
        assertThat(published).isNotCloseTo(8.415932315426764, within(0.01));
    }
}
