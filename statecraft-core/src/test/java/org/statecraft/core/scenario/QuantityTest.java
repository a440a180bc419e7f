package org.statecraft.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuantityTest {
    private static double sampleMean(Quantity q) {
        SplittableRandom r = new SplittableRandom(11);
        double s = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            s += q.quantile(r.nextDouble());
        }
        return s / n;
    }

    @Test
    void quantileSamplingReproducesEachDistributionsMean() {
        Quantity[] qs = {new Quantity.Uniform(2, 6, Provenance.NONE), new Quantity.Triangular(1, 2, 6, Provenance.NONE),
            new Quantity.Normal(3, 0.5, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Provenance.NONE),
            new Quantity.LogNormal(0.15, 2.5, Provenance.NONE)};
        for (Quantity q : qs) {
            assertThat(sampleMean(q)).as(q.describe()).isCloseTo(q.mean(), within(0.01 * Math.abs(q.mean()) + 1e-3));
        }
    }

    @Test
    void truncatedNormalStaysInItsBounds() {
        Quantity q = new Quantity.Normal(0, 1, -0.5, 2, Provenance.NONE);
        assertThat(q.quantile(1e-9)).isGreaterThanOrEqualTo(-0.5);
        assertThat(q.quantile(1 - 1e-9)).isLessThanOrEqualTo(2);
    }

    @Test
    void triangularQuantileHitsTheModeAtItsCdf() {
        Quantity.Triangular t = new Quantity.Triangular(0, 1, 4, Provenance.NONE);
        assertThat(t.quantile(0.25)).isCloseTo(1, within(1e-12));
        assertThat(t.quantile(0)).isEqualTo(0);
        assertThat(t.quantile(1)).isEqualTo(4);
    }

    @Test
    void badParametersAreRejectedWithTheValue() {
        assertThatThrownBy(() -> new Quantity.Triangular(3, 1, 2, Provenance.NONE)).hasMessageContaining("3.0");
        assertThatThrownBy(() -> new Quantity.LogNormal(-1, 2, Provenance.NONE)).hasMessageContaining("-1");
    }
}
