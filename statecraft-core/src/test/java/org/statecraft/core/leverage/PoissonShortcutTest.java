package org.statecraft.core.leverage;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/**
 * The attack count's shortcut ({@link RunState#surelyNone}) answers k = 0 only where inverting the Poisson CDF from
 * the same uniform would: u below the computed e^{−λ}. Checked at random, at the boundary itself and for means so
 * small that 1 − λ rounds to 1.
 */
class PoissonShortcutTest {

    @Property(tries = 20000)
    void saysNoneOnlyWhereTheInversionStopsAtZero(@ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double u,
                                                 @ForAll @DoubleRange(min = -690, max = 6.55) double logMean) {
        double mean = Math.exp(logMean); // 1e-300 … 700, log-uniform
        if (RunState.surelyNone(u, mean)) {
            assertThat(u).isLessThan(Math.exp(-mean));
        }
    }

    @Property(tries = 20000)
    void theBoundaryItselfIsBelowTheExponential(@ForAll @DoubleRange(min = -41, max = 0) double logMean) {
        double mean = Math.exp(logMean); // 1.6e-18 … 1
        double u = 1 - mean - 0x1p-50; // the largest uniform the shortcut accepts, as it computes it
        assertThat(RunState.surelyNone(u, mean)).isTrue();
        assertThat(u).isLessThan(Math.exp(-mean));
        assertThat(RunState.surelyNone(Math.nextUp(Math.exp(-mean)), mean)).isFalse();
    }

    @Test
    void tinyMeansAndTypicalDays() {
        for (double mean : new double[] {Double.MIN_VALUE, 1e-300, 0x1p-60, 0x1p-53, 0x1p-52}) {
            // 1 − λ rounds to 1 (or just below): the margin alone decides, and stays below e^{−λ}
            assertThat(RunState.surelyNone(1 - 0x1p-51, mean)).isFalse();
            assertThat(RunState.surelyNone(1 - 0x1p-49, mean)).isTrue();
            assertThat(1 - 0x1p-49).isLessThan(Math.exp(-mean));
        }
        // a day with a mean of 0.2 attacks: most uniforms need no exponential, those near e^{−0.2} = 0.819 do
        assertThat(RunState.surelyNone(0.5, 0.2)).isTrue();
        assertThat(RunState.surelyNone(0.81, 0.2)).isFalse();
        assertThat(RunState.surelyNone(0.0, 700)).isFalse();
    }
}
