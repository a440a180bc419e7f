package org.statecraft.core.tension;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChangeDetectorsTest {
    /** Gaussian noise (seeded) with the mean moving from 0 to {@code shift} at index {@code at}. */
    private static double[] shifted(long seed, int n, int at, double shift) {
        Random rnd = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian() + (i >= at ? shift : 0);
        }
        return x;
    }

    @Test
    void cusumAlarmsSoonAfterAnUpwardShiftOfTwoSigma() {
        for (long seed = 1; seed <= 20; seed++) {
            List<ChangePoint> cps = CusumDetector.defaults().detect(shifted(seed, 120, 60, 2.0));
            ChangePoint first = cps.stream().filter(c -> c.index() >= 60).findFirst().orElseThrow();
            assertThat(first.direction()).isEqualTo(ChangePoint.Direction.UP);
            // textbook ARL for a 2σ shift with k = 0.5, h = 5 is about 4
            assertThat(first.index()).isBetween(60, 72);
        }
    }

    @Test
    void cusumRarelyAlarmsOnAStableSeries() {
        int alarms = 0;
        for (long seed = 1; seed <= 20; seed++) {
            alarms += CusumDetector.defaults().detect(shifted(seed, 100, 100, 0)).size();
        }
        // in-control ARL ≈ 465 at k = 0.5, h = 5 (μ0 estimated from 14 points shortens it); 2000 points
        assertThat(alarms).isLessThan(30);
    }

    @Test
    void bocpdPlacesAMeanShiftWithinTwoObservations() {
        for (long seed = 1; seed <= 20; seed++) {
            List<ChangePoint> cps = BayesianChangePoint.defaults().detect(shifted(seed, 100, 50, 3.0));
            assertThat(cps).anySatisfy(c -> {
                assertThat(c.index()).isBetween(48, 52);
                assertThat(c.direction()).isEqualTo(ChangePoint.Direction.UP);
            });
        }
    }

    @Test
    void bocpdRunLengthPosteriorIsAProbabilityDistribution() {
        double[][] post = BayesianChangePoint.defaults().runLengthPosterior(shifted(3, 40, 20, 2));
        for (double[] p : post) {
            assertThat(java.util.Arrays.stream(p).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        }
    }
}
