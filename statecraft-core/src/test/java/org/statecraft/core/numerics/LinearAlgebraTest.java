package org.statecraft.core.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LinearAlgebraTest {
    /** The n × n Hilbert matrix, h_ij = 1/(i + j + 1): symmetric positive definite, condition number ≈ 4.8e5 at n = 5. */
    private static double[][] hilbert(int n) {
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] = 1.0 / (i + j + 1);
            }
        }
        return h;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    @Test
    void aTimesItsInverseIsTheIdentity() {
        double[][] h = hilbert(5);
        double[][] product = multiply(h, LinearAlgebra.invertSymmetricPositiveDefinite(h));
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                assertThat(product[i][j]).as("(A A⁻¹)[%d][%d]", i, j).isCloseTo(i == j ? 1 : 0, within(1e-9));
            }
        }
    }

    @Test
    void theInverseOfATwoByTwoMatchesTheClosedForm() {
        // [[a, b], [b, d]]⁻¹ = [[d, −b], [−b, a]] / (ad − b²) = [[3, −2], [−2, 4]] / 8
        double[][] inv = LinearAlgebra.invertSymmetricPositiveDefinite(new double[][] {{4, 2}, {2, 3}});
        assertThat(inv[0]).containsExactly(new double[] {3 / 8.0, -2 / 8.0}, within(1e-15));
        assertThat(inv[1]).containsExactly(new double[] {-2 / 8.0, 4 / 8.0}, within(1e-15));
        // the integer inverse of the Hilbert matrix: (H₃⁻¹)₀₀ = 9, (H₃⁻¹)₁₂ = −180, (H₃⁻¹)₂₂ = 180
        double[][] h3 = LinearAlgebra.invertSymmetricPositiveDefinite(hilbert(3));
        assertThat(h3[0][0]).isCloseTo(9, within(1e-9));
        assertThat(h3[1][2]).isCloseTo(-180, within(1e-9));
        assertThat(h3[2][2]).isCloseTo(180, within(1e-9));
    }

    @Test
    void solveNeedsPivotingAndLeavesItsArgumentsAlone() {
        // 0·x + 2y + z = 7, x + y + z = 6, 2x + y = 4 → (x, y, z) = (1, 2, 3); the zero first pivot needs a swap
        double[][] a = {{0, 2, 1}, {1, 1, 1}, {2, 1, 0}};
        double[] b = {7, 6, 4};
        double[] x = LinearAlgebra.solve(a, b);
        assertThat(x).containsExactly(new double[] {1, 2, 3}, within(1e-12));
        assertThat(a[0]).containsExactly(0, 2, 1);
        assertThat(b).containsExactly(7, 6, 4);
        double[][] h = hilbert(5);
        double[] ones = {1, 1, 1, 1, 1};
        double[] hx = new double[5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                hx[i] += h[i][j];
            }
        }
        assertThat(LinearAlgebra.solve(h, hx)).containsExactly(ones, within(1e-9));
    }

    @Test
    void singularMatricesAreRefused() {
        assertThatThrownBy(() -> LinearAlgebra.solve(new double[][] {{1, 2}, {2, 4}}, new double[] {1, 2}))
                .isInstanceOf(SingularMatrixException.class);
        assertThatThrownBy(() -> LinearAlgebra.invertSymmetricPositiveDefinite(new double[][] {{1, 2}, {2, 4}}))
                .isInstanceOf(SingularMatrixException.class);
        // symmetric but indefinite (eigenvalues 3 and −1)
        assertThatThrownBy(() -> LinearAlgebra.invertSymmetricPositiveDefinite(new double[][] {{1, 2}, {2, 1}}))
                .isInstanceOf(SingularMatrixException.class);
        assertThatThrownBy(() -> LinearAlgebra.solve(new double[][] {{1, 2}}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
