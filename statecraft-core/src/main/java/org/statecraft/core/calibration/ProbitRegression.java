package org.statecraft.core.calibration;

import java.util.Arrays;
import org.statecraft.core.StatecraftException;
import org.statecraft.core.numerics.LinearAlgebra;
import org.statecraft.core.numerics.SingularMatrixException;
import org.statecraft.core.numerics.SpecialFunctions;

/**
 * Maximum-likelihood probit regression, P(y = 1 | x) = Φ(x·β), by Newton–Raphson with step halving on the
 * log-likelihood ℓ(β) = Σ ln Φ(q_i x_i·β), q_i = 2y_i − 1, which is concave (Amemiya 1985, Advanced
 * Econometrics, §9.2). With λ_i = q_i φ(q_i η_i)/Φ(q_i η_i): gradient Σ λ_i x_i, Hessian
 * −Σ λ_i (λ_i + η_i) x_i x_iᵀ. Tails use {@link SpecialFunctions#logNormalCdf}. Standard errors are the
 * square roots of the diagonal of the inverse observed information at the optimum. O(iterations · n p²).
 */
public final class ProbitRegression {
    private static final int MAX_ITERATIONS = 200;

    private ProbitRegression() {
    }

    /**
     * The fitted model.
     *
     * @param coefficients  β
     * @param covariance    inverse observed information at β
     * @param logLikelihood ℓ(β)
     * @param iterations    Newton iterations used
     */
    public record Fit(double[] coefficients, double[][] covariance, double logLikelihood, int iterations) {
        public Fit {
            coefficients = coefficients.clone();
            covariance = Arrays.stream(covariance).map(double[]::clone).toArray(double[][]::new);
        }

        @Override
        public double[] coefficients() {
            return coefficients.clone();
        }

        public double coefficient(int k) {
            return coefficients[k];
        }

        public double covariance(int j, int k) {
            return covariance[j][k];
        }

        public double standardError(int k) {
            return Math.sqrt(covariance[k][k]);
        }

        /** Φ(x·β). */
        public double probability(double[] x) {
            return SpecialFunctions.normalCdfPrecise(dot(coefficients, x));
        }
    }

    /**
     * Fits β to rows {@code x} (include a column of ones for an intercept) and outcomes {@code y}.
     *
     * @throws StatecraftException if the design is rank-deficient or the likelihood has no finite maximum
     *                             (complete separation)
     */
    public static Fit fit(double[][] x, boolean[] y) {
        int n = x.length;
        if (n == 0 || n != y.length) {
            throw new IllegalArgumentException("need as many outcomes as rows and at least one row, had " + n
                    + " rows and " + y.length + " outcomes");
        }
        int p = x[0].length;
        double[] beta = new double[p];
        double ll = logLikelihood(x, y, beta);
        for (int it = 1; it <= MAX_ITERATIONS; it++) {
            double[] grad = new double[p];
            double[][] info = new double[p][p];
            for (int i = 0; i < n; i++) {
                double q = y[i] ? 1 : -1;
                double eta = dot(beta, x[i]);
                double lambda = q * Math.exp(SpecialFunctions.logNormalPdf(q * eta) - SpecialFunctions.logNormalCdf(q * eta));
                double w = lambda * (lambda + eta);
                for (int j = 0; j < p; j++) {
                    grad[j] += lambda * x[i][j];
                    for (int k = 0; k < p; k++) {
                        info[j][k] += w * x[i][j] * x[i][k];
                    }
                }
            }
            // At β = 0 the information is proportional to XᵀX, so a singular matrix there means collinear
            // covariates; later it means the weights vanished as coefficients diverge (separation).
            double[][] cov;
            try {
                cov = invert(info);
            } catch (StatecraftException e) {
                if (it == 1) {
                    throw e;
                }
                break;
            }
            double[] step = new double[p];
            for (int j = 0; j < p; j++) {
                for (int k = 0; k < p; k++) {
                    step[j] += cov[j][k] * grad[k];
                }
            }
            double t = 1;
            double[] next = new double[p];
            double llNext;
            int halvings = 0;
            while (true) {
                for (int j = 0; j < p; j++) {
                    next[j] = beta[j] + t * step[j];
                }
                llNext = logLikelihood(x, y, next);
                if (llNext >= ll - 1e-12 || halvings++ > 50) {
                    break;
                }
                t /= 2;
            }
            double change = 0;
            for (int j = 0; j < p; j++) {
                change = Math.max(change, Math.abs(next[j] - beta[j]));
            }
            beta = next.clone();
            ll = llNext;
            if (Arrays.stream(beta).anyMatch(b -> Math.abs(b) > 1e6)) {
                break;
            }
            if (change < 1e-10) {
                return new Fit(beta, covarianceAt(x, y, beta), ll, it);
            }
        }
        throw new StatecraftException("probit fit did not converge (the outcome is perfectly separated by the"
                + " covariates, or there are too few cases); coefficients reached " + Arrays.toString(beta));
    }

    private static double[][] covarianceAt(double[][] x, boolean[] y, double[] beta) {
        int p = beta.length;
        double[][] info = new double[p][p];
        for (int i = 0; i < x.length; i++) {
            double q = y[i] ? 1 : -1;
            double eta = dot(beta, x[i]);
            double lambda = q * Math.exp(SpecialFunctions.logNormalPdf(q * eta) - SpecialFunctions.logNormalCdf(q * eta));
            double w = lambda * (lambda + eta);
            for (int j = 0; j < p; j++) {
                for (int k = 0; k < p; k++) {
                    info[j][k] += w * x[i][j] * x[i][k];
                }
            }
        }
        return invert(info);
    }

    static double logLikelihood(double[][] x, boolean[] y, double[] beta) {
        double ll = 0;
        for (int i = 0; i < x.length; i++) {
            double eta = dot(beta, x[i]);
            ll += SpecialFunctions.logNormalCdf(y[i] ? eta : -eta);
        }
        return ll;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The inverse of the (symmetric positive-definite) information matrix, by Cholesky decomposition. O(p³). */
    static double[][] invert(double[][] a) {
        try {
            return LinearAlgebra.invertSymmetricPositiveDefinite(a);
        } catch (SingularMatrixException e) {
            throw new StatecraftException("probit design is rank-deficient: a covariate is constant or"
                    + " collinear with the others among the cases used");
        }
    }
}
