package org.statecraft.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A lognormal with uncertain parameters: its marginal quantile against its definition. */
class FittedLogNormalTest {
    @Test
    void withoutEstimationErrorItIsThePlainLognormal() {
        Quantity.FittedLogNormal f = new Quantity.FittedLogNormal(-1.7, 2.0, 0, 0, 0, Provenance.NONE);
        Quantity.LogNormal ln = new Quantity.LogNormal(Math.exp(-1.7), Math.exp(2.0), Provenance.NONE);
        for (double u : new double[] {0.01, 0.1, 0.5, 0.9, 0.99}) {
            assertThat(Math.log(f.quantile(u))).isCloseTo(Math.log(ln.quantile(u)), within(1e-3));
        }
    }

    @Test
    void itsQuantilesAreThoseOfDrawingTheParametersThenTheValue() {
        double mu = -1.73;
        double sigma = 2.0;
        double seMu = 0.25;
        double seSigma = 0.46;
        double r = -0.6;
        Quantity.FittedLogNormal f = new Quantity.FittedLogNormal(mu, sigma, seMu, seSigma, r, Provenance.NONE);
        SplittableRandom rng = new SplittableRandom(5);
        int n = 400_000;
        double[] q = {f.quantile(0.05), f.quantile(0.5), f.quantile(0.95)};
        int[] below = new int[3];
        for (int i = 0; i < n; i++) {
            double z1 = gauss(rng);
            double z2 = gauss(rng);
            double m = mu + seMu * z1;
            double s = Math.max(sigma / 20, sigma + seSigma * (r * z1 + Math.sqrt(1 - r * r) * z2));
            double k = Math.exp(m + s * gauss(rng));
            for (int j = 0; j < 3; j++) {
                below[j] += k <= q[j] ? 1 : 0;
            }
        }
        assertThat(below[0] / (double) n).isCloseTo(0.05, within(0.003));
        assertThat(below[1] / (double) n).isCloseTo(0.5, within(0.004));
        assertThat(below[2] / (double) n).isCloseTo(0.95, within(0.003));
        // the estimation error widens the distribution beyond the point estimate's
        Quantity.LogNormal point = new Quantity.LogNormal(Math.exp(mu), Math.exp(sigma), Provenance.NONE);
        assertThat(f.quantile(0.95)).isGreaterThan(point.quantile(0.95));
        assertThat(f.quantile(0.05)).isLessThan(point.quantile(0.05));
    }

    private static double gauss(SplittableRandom rng) {
        return org.statecraft.core.numerics.SpecialFunctions.normalQuantile(rng.nextDouble(1e-300, 1));
    }
}
