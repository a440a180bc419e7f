package org.statecraft.core.calibration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.statecraft.core.StatecraftException;

/**
 * Fits the leverage engine's response curve to sanctions outcomes. Each usable TIES case (imposed, resolved,
 * target costs coded) is a constant credible pressure Π = {@link TargetCostPressure#of(int)} of its
 * target-cost category and a binary outcome, acquiescence (final outcome 6 or 7) or not. With resolve
 * ln K ~ N(μ + Σ δ_c x_c, σ²) and concession iff Π ≥ K, P(acquiesce) = Φ((ln Π − μ − Σ δ_c x_c)/σ), a probit
 * in ln Π: η = β₀ + β₁ ln Π + Σ θ_c x_c with σ = 1/β₁, μ = −β₀/β₁, δ_c = −θ_c/β₁ (standard errors by the delta
 * method). The fit uses the training side of the split; the held-out side is scored against a baseline that
 * forecasts the training acquiescence rate for every case. O(n) per probit iteration.
 */
public final class ResponseCurveCalibration {
    private static final String[] CATEGORY_NAMES = {"minor", "major", "severe"};

    private ResponseCurveCalibration() {
    }

    public static CalibrationReport calibrate(List<SanctionEpisode> episodes, TargetCostPressure pressure,
                                              List<Covariate> covariates, CalibrationSplit split, String source) {
        int notImposed = 0;
        int unresolved = 0;
        int noCosts = 0;
        int missingCov = 0;
        int[] catCases = new int[3];
        int[] catAcq = new int[3];
        List<SanctionEpisode> train = new ArrayList<>();
        List<SanctionEpisode> test = new ArrayList<>();
        for (SanctionEpisode e : episodes) {
            if (!e.imposed()) {
                notImposed++;
                continue;
            }
            if (!e.imposedAndResolved()) {
                unresolved++;
                continue;
            }
            if (!e.usableForCalibration()) {
                noCosts++;
                continue;
            }
            catCases[e.targetCosts() - 1]++;
            if (e.acquiesced()) {
                catAcq[e.targetCosts() - 1]++;
            }
            if (covariates.stream().anyMatch(c -> c.value(e) < 0)) {
                missingCov++;
                continue;
            }
            (split.inTraining(e) ? train : test).add(e);
        }
        if (train.size() < covariates.size() + 3) {
            throw new StatecraftException("only " + train.size() + " training cases under " + split.describe()
                    + "; need more to fit " + (covariates.size() + 2) + " coefficients");
        }
        if (test.isEmpty()) {
            throw new StatecraftException("no held-out cases under " + split.describe());
        }

        double[][] xTrain = design(train, pressure, covariates);
        boolean[] yTrain = outcomes(train);
        ProbitRegression.Fit probit = ProbitRegression.fit(xTrain, yTrain);
        double b0 = probit.coefficient(0);
        double b1 = probit.coefficient(1);
        if (!(b1 > 0)) {
            throw new StatecraftException("in the training cases acquiescence does not rise with target costs (probit"
                    + " slope on ln pressure = " + b1 + "); the lognormal-resolve curve cannot be fitted");
        }
        double sigma = 1 / b1;
        double mu = -b0 / b1;
        double v00 = probit.covariance(0, 0);
        double v11 = probit.covariance(1, 1);
        double v01 = probit.covariance(0, 1);
        double muSe = Math.sqrt(v00 / (b1 * b1) + b0 * b0 * v11 / Math.pow(b1, 4) - 2 * b0 * v01 / Math.pow(b1, 3));
        double sigmaSe = Math.sqrt(v11) / (b1 * b1);
        Map<String, Double> shifts = new LinkedHashMap<>();
        List<CalibrationReport.Coefficient> coefs = new ArrayList<>();
        coefs.add(new CalibrationReport.Coefficient("intercept", b0, probit.standardError(0)));
        coefs.add(new CalibrationReport.Coefficient("lnPressure", b1, probit.standardError(1)));
        for (int c = 0; c < covariates.size(); c++) {
            double theta = probit.coefficient(2 + c);
            shifts.put(covariates.get(c).key(), -theta / b1);
            coefs.add(new CalibrationReport.Coefficient(covariates.get(c).key(), theta, probit.standardError(2 + c)));
        }
        // cov(mu, sigma) by the delta method: mu = -b0/b1, sigma = 1/b1
        double muSigmaCov = v01 / Math.pow(b1, 3) - b0 * v11 / Math.pow(b1, 4);
        ResponseCurveFit fit = new ResponseCurveFit(mu, sigma, muSe, sigmaSe, shifts, pressure, train.size(),
                split.describe(), source, muSigmaCov / (muSe * sigmaSe));

        double rate = 0;
        for (boolean y : yTrain) {
            rate += y ? 1 : 0;
        }
        rate /= yTrain.length;
        double[][] xTest = design(test, pressure, covariates);
        boolean[] yTest = outcomes(test);
        double[] pModel = new double[test.size()];
        double[] pBase = new double[test.size()];
        for (int i = 0; i < pModel.length; i++) {
            pModel[i] = probit.probability(xTest[i]);
            pBase[i] = rate;
        }
        double[] pTrain = new double[train.size()];
        for (int i = 0; i < pTrain.length; i++) {
            pTrain[i] = probit.probability(xTrain[i]);
        }
        double[] fittedSum = new double[3];
        int[] fittedN = new int[3];
        for (int i = 0; i < pTrain.length; i++) {
            fittedSum[train.get(i).targetCosts() - 1] += pTrain[i];
            fittedN[train.get(i).targetCosts() - 1]++;
        }
        for (int i = 0; i < pModel.length; i++) {
            fittedSum[test.get(i).targetCosts() - 1] += pModel[i];
            fittedN[test.get(i).targetCosts() - 1]++;
        }
        List<CalibrationReport.CategoryRate> rates = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            rates.add(new CalibrationReport.CategoryRate(k + 1, CATEGORY_NAMES[k], pressure.of(k + 1), catCases[k], catAcq[k],
                    fittedN[k] == 0 ? Double.NaN : fittedSum[k] / fittedN[k]));
        }
        return new CalibrationReport(fit, coefs, probit.logLikelihood(), rate,
                ForecastScores.of(pModel, yTest), ForecastScores.of(pBase, yTest), ForecastScores.of(pTrain, yTrain),
                rates, new CalibrationReport.CaseCounts(episodes.size(), notImposed, unresolved, noCosts, missingCov,
                        train.size(), test.size()));
    }

    private static double[][] design(List<SanctionEpisode> cases, TargetCostPressure pressure, List<Covariate> covariates) {
        double[][] x = new double[cases.size()][2 + covariates.size()];
        for (int i = 0; i < x.length; i++) {
            SanctionEpisode e = cases.get(i);
            x[i][0] = 1;
            x[i][1] = Math.log(pressure.of(e.targetCosts()));
            for (int c = 0; c < covariates.size(); c++) {
                x[i][2 + c] = covariates.get(c).value(e);
            }
        }
        return x;
    }

    private static boolean[] outcomes(List<SanctionEpisode> cases) {
        boolean[] y = new boolean[cases.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = cases.get(i).acquiesced();
        }
        return y;
    }
}
