package org.statecraft.core.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpecialFunctionsTest {
    @Test
    void normalQuantileMatchesR() {
        // reference values: R 4.3, qnorm(p) printed with digits = 17
        assertThat(SpecialFunctions.normalQuantile(0.975)).isCloseTo(1.959963984540054, within(1e-14));
        assertThat(SpecialFunctions.normalQuantile(0.5)).isCloseTo(0.0, within(1e-15));
        assertThat(SpecialFunctions.normalQuantile(0.01)).isCloseTo(-2.3263478740408408, within(1e-13));
        assertThat(SpecialFunctions.normalQuantile(1e-10)).isCloseTo(-6.3613409024040557, within(1e-10));
    }

    @Test
    void normalCdfInvertsTheQuantile() {
        for (double p = 0.001; p < 1; p += 0.0137) {
            assertThat(SpecialFunctions.normalCdf(SpecialFunctions.normalQuantile(p))).isCloseTo(p, within(2e-7));
        }
    }
}
