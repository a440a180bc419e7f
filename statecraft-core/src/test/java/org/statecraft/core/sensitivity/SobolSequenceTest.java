package org.statecraft.core.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SobolSequenceTest {

    @Test
    void firstPointsMatchTheClassicalGrayCodeSequence() {
        // Reference: Bratley & Fox (1988) / Joe & Kuo's sobol.cc output for dimensions 1-3 (points 1..4):
        // (0.5,0.5,0.5), (0.75,0.25,0.25), (0.25,0.75,0.75), (0.375,0.375,0.625)
        SobolSequence s = SobolSequence.of(3);
        double eps = 1e-15;
        assertThat(s.point(1)).containsExactly(new double[] {0.5, 0.5, 0.5}, within(eps));
        assertThat(s.point(2)).containsExactly(new double[] {0.75, 0.25, 0.25}, within(eps));
        assertThat(s.point(3)).containsExactly(new double[] {0.25, 0.75, 0.75}, within(eps));
        assertThat(s.point(4)).containsExactly(new double[] {0.375, 0.375, 0.625}, within(eps));
    }

    @Test
    void everyCoordinateOfTheFirst2PowMPointsHitsEachDyadicIntervalOnce() {
        // (0, m, 1)-net property of each one-dimensional projection, in all 1000 dimensions.
        int m = 10;
        int n = 1 << m;
        SobolSequence s = SobolSequence.of(SobolSequence.MAX_DIMENSION);
        boolean[][] hit = new boolean[s.dimension()][n];
        double[] x = new double[s.dimension()];
        for (int i = 0; i < n; i++) {
            s.point(i, x, 0);
            for (int k = 0; k < s.dimension(); k++) {
                int cell = (int) (x[k] * n);
                assertThat(hit[k][cell]).as("dimension %d, cell %d hit twice", k + 1, cell).isFalse();
                hit[k][cell] = true;
            }
        }
    }

    @Test
    void firstTwoDimensionsFormA0m2Net() {
        // Dimensions 1 and 2 of Sobol's sequence form a (0, m, 2)-net in base 2: with 2^12 points every
        // 2^-6 x 2^-6 box holds exactly one point (Niederreiter 1992, ch. 4).
        int n = 1 << 12;
        SobolSequence s = SobolSequence.of(6);
        int[][] boxes12 = new int[64][64];
        for (int i = 0; i < n; i++) {
            double[] x = s.point(i);
            boxes12[(int) (x[0] * 64)][(int) (x[1] * 64)]++;
        }
        for (int[] row : boxes12) {
            assertThat(row).containsOnly(1);
        }
    }

    @Test
    void digitalShiftKeepsEachCoordinateStratifiedAndInsideTheOpenCube() {
        int n = 256;
        SobolSequence s = SobolSequence.shifted(new long[] {0x123456789abcdefL, -1L, 42L});
        boolean[][] hit = new boolean[3][n];
        for (int i = 0; i < n; i++) {
            double[] x = s.point(i);
            for (int k = 0; k < 3; k++) {
                assertThat(x[k]).isStrictlyBetween(0.0, 1.0);
                int cell = (int) (x[k] * n);
                assertThat(hit[k][cell]).isFalse();
                hit[k][cell] = true;
            }
        }
    }

    @Test
    void rejectsDimensionsOutsideTheTable() {
        assertThatThrownBy(() -> SobolSequence.of(0)).hasMessageContaining("was 0");
        assertThatThrownBy(() -> SobolSequence.of(1001)).hasMessageContaining("was 1001");
    }
}
