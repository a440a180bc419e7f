package org.statecraft.core.calibration;

import java.util.List;

/**
 * What a calibration of the response curve found: the fit, the probit coefficients behind it, held-out
 * scores beside a constant-rate baseline, the raw acquiescence gradient, and which cases were left out.
 *
 * @param fit                   the response curve (μ_K, σ_K, shifts)
 * @param coefficients          probit coefficients (intercept, ln Π, covariates) with standard errors
 * @param logLikelihood         training log-likelihood of the model
 * @param baselineRate          the training acquiescence rate, the baseline's constant forecast
 * @param heldOutModel          the model's scores on the held-out cases
 * @param heldOutBaseline       the baseline's scores on the held-out cases
 * @param trainingModel         the model's scores on the training cases (in-sample, for comparison)
 * @param byTargetCosts         acquiescence by target-cost category over all usable cases
 * @param cases                 how many cases the file had and why some were left out
 */
public record CalibrationReport(ResponseCurveFit fit, List<Coefficient> coefficients, double logLikelihood,
                                double baselineRate, ForecastScores heldOutModel, ForecastScores heldOutBaseline,
                                ForecastScores trainingModel, List<CategoryRate> byTargetCosts, CaseCounts cases) {

    public CalibrationReport {
        coefficients = List.copyOf(coefficients);
        byTargetCosts = List.copyOf(byTargetCosts);
    }

    /** A probit coefficient on the Φ(η) scale. */
    public record Coefficient(String name, double estimate, double standardError) {
    }

    /**
     * Acquiescence after imposition in one target-cost category: observed over all usable cases, and the
     * model's mean fitted probability over those of them that have every covariate.
     */
    public record CategoryRate(int category, String name, double pressure, int cases, int acquiesced,
                               double meanFitted) {
        public double rate() {
            return cases == 0 ? Double.NaN : (double) acquiesced / cases;
        }
    }

    /**
     * Case accounting.
     *
     * @param total             rows in the data set
     * @param notImposed        threat-only cases (imposition = 0)
     * @param unresolved        imposed cases with no final outcome (ongoing or uncoded)
     * @param noTargetCosts     imposed and resolved but {@code targetcosts} missing
     * @param missingCovariate  usable otherwise but missing a covariate the model uses
     * @param training          cases used to fit
     * @param heldOut           cases used to score
     */
    public record CaseCounts(int total, int notImposed, int unresolved, int noTargetCosts, int missingCovariate,
                             int training, int heldOut) {
    }
}
