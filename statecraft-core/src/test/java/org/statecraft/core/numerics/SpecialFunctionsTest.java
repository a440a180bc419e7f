package org.statecraft.core.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
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

    @Test
    void logGammaMatchesKnownValues() {
        // Γ(5) = 24, Γ(0.5) = √π
        assertThat(SpecialFunctions.logGamma(5)).isCloseTo(Math.log(24), Offset.offset(1e-12));
        assertThat(SpecialFunctions.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), Offset.offset(1e-12));
    }

    @Test
    void logGammaOfAnIntegerIsTheLogFactorial() {
        // closed form: Γ(n) = (n − 1)!
        double logFactorial = 0;
        for (int n = 1; n <= 30; n++) {
            assertThat(SpecialFunctions.logGamma(n)).as("ln Γ(%d)", n)
                    .isCloseTo(logFactorial, within(1e-12 * Math.max(1, logFactorial)));
            logFactorial += Math.log(n);
        }
    }

    @Test
    void logGammaOfHalfIntegersAndTheReflectionFormula() {
        // closed forms: Γ(3/2) = √π / 2, Γ(7/2) = 15 √π / 8, |Γ(−1/2)| = 2 √π
        double lnSqrtPi = 0.5 * Math.log(Math.PI);
        assertThat(SpecialFunctions.logGamma(1.5)).isCloseTo(lnSqrtPi - Math.log(2), within(1e-13));
        assertThat(SpecialFunctions.logGamma(3.5)).isCloseTo(lnSqrtPi + Math.log(15.0 / 8), within(1e-13));
        assertThat(SpecialFunctions.logGamma(-0.5)).isCloseTo(lnSqrtPi + Math.log(2), within(1e-13));
        // Python 3.11 math.lgamma: lgamma(0.1) = 2.2527126517342055, lgamma(100.5) = 361.4355404677776
        assertThat(SpecialFunctions.logGamma(0.1)).isCloseTo(2.2527126517342055, within(1e-12));
        assertThat(SpecialFunctions.logGamma(100.5)).isCloseTo(361.4355404677776, within(1e-10));
    }

    @Test
    void logNormalPdfIsTheLogOfTheDensity() {
        // closed form: φ(0) = 1/√(2π)
        assertThat(SpecialFunctions.logNormalPdf(0)).isCloseTo(-0.5 * Math.log(2 * Math.PI), within(1e-15));
        for (double x = -8; x <= 8; x += 0.37) {
            assertThat(SpecialFunctions.logNormalPdf(x)).isCloseTo(Math.log(SpecialFunctions.normalPdf(x)),
                    within(1e-12));
        }
        assertThat(SpecialFunctions.logNormalPdf(60)).isEqualTo(-1800 - 0.5 * Math.log(2 * Math.PI));
    }
}
