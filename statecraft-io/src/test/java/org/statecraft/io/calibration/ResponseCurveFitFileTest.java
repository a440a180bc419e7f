package org.statecraft.io.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statecraft.core.DataFormatException;
import org.statecraft.core.calibration.ResponseCurveFit;
import org.statecraft.core.calibration.TargetCostPressure;

class ResponseCurveFitFileTest {
    static final ResponseCurveFit FIT = new ResponseCurveFit(-2.25, 1.4, 0.3, 0.35, Map.of("institution", 0.12),
            TargetCostPressure.DEFAULT, 355, "random(seed=1, training=0.7)", "TIES v4.1");

    @Test
    void yamlAndJsonRoundTrip(@TempDir Path dir) throws IOException {
        for (String name : new String[] {"fit.yaml", "fit.json"}) {
            Path f = dir.resolve(name);
            ResponseCurveFitFile.write(FIT, f);
            assertThat(Files.readString(f)).contains("statecraft-response-curve/1");
            assertThat(ResponseCurveFitFile.read(f)).isEqualTo(FIT);
        }
    }

    @Test
    void aWrongDocumentIsRejectedWithTheExpectedForm(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("fit.yaml");
        Files.writeString(f, "format: statecraft-response-curve/1\nresolve: {distribution: lognormal, mu: -2, sigma: -1}\n"
                + "pressureByTargetCosts: {minor: 0.02, major: 0.08, severe: 0.25}\n");
        assertThatThrownBy(() -> ResponseCurveFitFile.read(f)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("sigma must be > 0");
        Files.writeString(f, "format: something-else\n");
        assertThatThrownBy(() -> ResponseCurveFitFile.read(f)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("expected format: statecraft-response-curve/1");
    }
}
