package org.statecraft.core.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class SpecialFunctionsPreciseTest {

    @Test
    void erfcPreciseMatchesReferenceValuesToNearMachinePrecision() {
        // Reference values: Python 3 math.erfc (glibc libm, ~1 ulp), printed with repr().
        assertThat(SpecialFunctions.erfcPrecise(0.0)).isEqualTo(1.0);
        assertThat(SpecialFunctions.erfcPrecise(0.5)).isCloseTo(0.4795001221869535, Percentage.withPercentage(1e-12));
        assertThat(SpecialFunctions.erfcPrecise(1.0)).isCloseTo(0.15729920705028513, Percentage.withPercentage(1e-12));
        assertThat(SpecialFunctions.erfcPrecise(2.0)).isCloseTo(0.004677734981047265, Percentage.withPercentage(1e-12));
        assertThat(SpecialFunctions.erfcPrecise(3.0)).isCloseTo(2.2090496998585438e-05, Percentage.withPercentage(1e-12));
        assertThat(SpecialFunctions.erfcPrecise(5.0)).isCloseTo(1.5374597944280351e-12, Percentage.withPercentage(1e-11));
        assertThat(SpecialFunctions.erfcPrecise(-1.0)).isCloseTo(2 - 0.15729920705028513, within(1e-15));
    }

    @Test
    void preciseCdfAgreesWithTheFastOneWithinItsStatedError() {
        for (double x = -6; x <= 6; x += 0.01) {
            double fast = SpecialFunctions.normalCdf(x);
            double precise = SpecialFunctions.normalCdfPrecise(x);
            assertThat(Math.abs(fast - precise)).as("x = %f", x).isLessThanOrEqualTo(1.3e-7 * precise + 1e-300);
        }
        // Φ(−10) = 0.5 erfc(10/√2) = 7.619853024160593e-24 (Python 3 math.erfc)
        assertThat(SpecialFunctions.normalCdfPrecise(-10)).isCloseTo(7.619853024160593e-24, Percentage.withPercentage(1e-10));
    }

    @Test
    void logNormalCdfFollowsTheMillsRatioAsymptoteFarInTheTail() {
        // ln Φ(x) ~ −x²/2 − ln(−x) − ln √(2π) + ln(1 − 1/x² + 3/x⁴ − 15/x⁶), x → −∞
        for (double x : new double[] {-20, -40, -100}) {
            double x2 = x * x;
            double asym = -x2 / 2 - Math.log(-x) - 0.5 * Math.log(2 * Math.PI)
                    + Math.log(1 - 1 / x2 + 3 / (x2 * x2) - 15 / (x2 * x2 * x2));
            assertThat(SpecialFunctions.logNormalCdf(x)).isCloseTo(asym, within(1e-6));
        }
        assertThat(SpecialFunctions.logNormalCdf(-4.9)).isCloseTo(Math.log(SpecialFunctions.normalCdfPrecise(-4.9)), within(1e-14));
        assertThat(SpecialFunctions.logNormalCdf(-5.1)).isCloseTo(Math.log(SpecialFunctions.normalCdfPrecise(-5.1)), within(1e-13));
    }
}
