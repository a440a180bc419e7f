package org.statecraft.core.numerics;

/**
 * Dense linear algebra for the small systems the engines meet (a Friedkin–Johnsen network of a few actors, a
 * probit design of a few covariates): a general solve and the inverse of a symmetric positive-definite matrix.
 * Matrices are {@code double[row][column]}; arguments are never modified. Golub, G. H. &amp; Van Loan, C. F.
 * (2013). Matrix Computations, 4th ed., §3.4 (pivoting) and §4.2 (Cholesky).
 */
public final class LinearAlgebra {
    /** The absolute pivot below which {@link #solve} calls a matrix singular. */
    public static final double PIVOT_TOLERANCE = 1e-12;

    private LinearAlgebra() {
    }

    /**
     * x with A x = b, by Gauss–Jordan elimination with partial pivoting on the augmented matrix [A | b]. O(n³).
     *
     * @throws SingularMatrixException if a pivot is below {@link #PIVOT_TOLERANCE} in absolute value
     */
    public static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        if (a.length != n) {
            throw new IllegalArgumentException("A has " + a.length + " rows but b has " + n + " entries");
        }
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("A must be square, row " + i + " has " + a[i].length
                        + " columns for " + n + " rows");
            }
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
                    p = r;
                }
            }
            if (Math.abs(m[p][c]) < PIVOT_TOLERANCE) {
                throw new SingularMatrixException("singular matrix: pivot " + m[p][c] + " in column " + c);
            }
            double[] t = m[p];
            m[p] = m[c];
            m[c] = t;
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = m[r][c] / m[c][c];
                    if (f != 0) {
                        for (int k = c; k <= n; k++) {
                            m[r][k] -= f * m[c][k];
                        }
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = m[i][n] / m[i][i];
        }
        return x;
    }

    /**
     * A⁻¹ for a symmetric positive-definite A, by its Cholesky factor L (A = L Lᵀ), then A⁻¹ = (L⁻¹)ᵀ L⁻¹. Only
     * the lower triangle of A is read. O(n³).
     *
     * @throws SingularMatrixException if a diagonal entry of the factor before its square root is not above
     *                                 1e-12 · max(1, |a_ii|) (A singular, or not positive definite)
     */
    public static double[][] invertSymmetricPositiveDefinite(double[][] a) {
        int p = a.length;
        double[][] l = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 1e-12 * Math.max(1, Math.abs(a[i][i])))) {
                        throw new SingularMatrixException("matrix is not positive definite: Cholesky diagonal "
                                + s + " at row " + i);
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        // inverse of L, then (L⁻¹)ᵀ L⁻¹
        double[][] li = new double[p][p];
        for (int i = 0; i < p; i++) {
            li[i][i] = 1 / l[i][i];
            for (int j = 0; j < i; j++) {
                double s = 0;
                for (int k = j; k < i; k++) {
                    s -= l[i][k] * li[k][j];
                }
                li[i][j] = s / l[i][i];
            }
        }
        double[][] inv = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int k = Math.max(i, j); k < p; k++) {
                    s += li[k][i] * li[k][j];
                }
                inv[i][j] = s;
            }
        }
        return inv;
    }
}
