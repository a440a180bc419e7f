package org.statecraft.core.numerics;

/**
 * A matrix that {@link LinearAlgebra} cannot factor: a pivot (or a Cholesky diagonal) at or below the tolerance.
 * Callers turn it into what it means in their model (a network with no unique equilibrium, a rank-deficient
 * design), so it never reaches a user as is.
 */
public final class SingularMatrixException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    public SingularMatrixException(String message) {
        super(message);
    }
}
