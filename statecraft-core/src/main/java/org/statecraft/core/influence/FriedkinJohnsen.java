package org.statecraft.core.influence;

import org.statecraft.core.numerics.LinearAlgebra;
import org.statecraft.core.numerics.SingularMatrixException;

/**
 * Friedkin–Johnsen opinion dynamics: x(t+1) = Λ W x(t) + (I − Λ) u, with W row-stochastic influence weights,
 * Λ = diag(λ) susceptibilities in [0, 1] and u the prejudices (innate stances).
 * Friedkin, N. E. &amp; Johnsen, E. C. (1990). Social influence and opinions. J. Math. Sociology 15(3–4),
 * 193–206; (1999) Social influence networks and opinion change. Advances in Group Processes 16, 1–29.
 * When ρ(ΛW) &lt; 1 the stances converge to x* = (I − ΛW)⁻¹ (I − Λ) u.
 */
public final class FriedkinJohnsen {
    private FriedkinJohnsen() {
    }

    /**
     * One step, O(n²): {@code out = Λ W x + (I − Λ) u}. {@code out} must not alias {@code x}.
     */
    public static void step(double[][] w, double[] lambda, double[] x, double[] u, double[] out) {
        int n = x.length;
        for (int i = 0; i < n; i++) {
            double s = 0;
            double[] row = w[i];
            for (int j = 0; j < n; j++) {
                s += row[j] * x[j];
            }
            out[i] = lambda[i] * s + (1 - lambda[i]) * u[i];
        }
    }

    /**
     * The equilibrium x* = (I − ΛW)⁻¹ (I − Λ) u, by {@link LinearAlgebra#solve} (Gauss–Jordan
     * elimination with partial pivoting), O(n³).
     *
     * @throws IllegalArgumentException if I − ΛW is singular (e.g. every member fully susceptible in a
     *                                  closed group, where the limit depends on the start)
     */
    public static double[] equilibrium(double[][] w, double[] lambda, double[] u) {
        int n = u.length;
        double[][] a = new double[n][n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = (i == j ? 1 : 0) - lambda[i] * w[i][j];
            }
            b[i] = (1 - lambda[i]) * u[i];
        }
        try {
            return LinearAlgebra.solve(a, b);
        } catch (SingularMatrixException e) {
            throw new IllegalArgumentException("I - ΛW is singular: the network has no unique equilibrium");
        }
    }
}
