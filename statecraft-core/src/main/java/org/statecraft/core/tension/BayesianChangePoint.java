package org.statecraft.core.tension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.statecraft.core.Checks;
import org.statecraft.core.numerics.SpecialFunctions;

/**
 * Bayesian online change-point detection (Adams &amp; MacKay 2007, "Bayesian Online Changepoint Detection",
 * arXiv:0710.3742) with Gaussian observations of unknown mean and variance (Normal-Gamma conjugate prior,
 * Student-t predictive; Murphy 2007, "Conjugate Bayesian analysis of the Gaussian distribution") and a
 * constant hazard H = 1/λ.
 *
 * <p>The series is first standardised (z-scores over the whole series) unless {@code standardise} is false,
 * so the default prior (μ<sub>0</sub> = 0, κ<sub>0</sub> = 1, α<sub>0</sub> = 1, β<sub>0</sub> = 1) fits any
 * scale. The run-length posterior P(r<sub>t</sub> | x<sub>1..t</sub>) is updated by the message-passing
 * recursion of the paper (r<sub>t</sub> counts the observations in the current segment). A change is reported
 * at s &gt; 0 when the most probable run length places the start of the current
 * segment at s after at least {@code confirm} observations of it, i.e. at the first t with
 * argmax<sub>r</sub> P(r<sub>t</sub> = r) = t − s + 1 ≥ confirm and s after the last reported change; its score is that posterior probability,
 * its direction the sign of the difference between the new segment's mean and the previous one's.
 * O(T²) time and O(T) memory for T observations (the full run-length distribution is kept).
 *
 * @param hazardLambda expected run length λ between changes, &gt; 1
 * @param mu0 prior mean
 * @param kappa0 prior pseudo-observations for the mean, &gt; 0
 * @param alpha0 prior shape of the precision, &gt; 0
 * @param beta0 prior rate of the precision, &gt; 0
 * @param confirm observations in the new segment before a change is reported, ≥ 1
 * @param standardise whether to z-score the series first
 */
public record BayesianChangePoint(double hazardLambda, double mu0, double kappa0, double alpha0, double beta0,
        int confirm, boolean standardise) {
    public BayesianChangePoint {
        if (!(hazardLambda > 1) || !Double.isFinite(hazardLambda)) {
            throw new IllegalArgumentException("BOCPD hazard lambda must be > 1, was " + hazardLambda);
        }
        Checks.requireFinite(mu0, "BOCPD mu0");
        Checks.requirePositive(kappa0, "BOCPD kappa0");
        Checks.requirePositive(alpha0, "BOCPD alpha0");
        Checks.requirePositive(beta0, "BOCPD beta0");
        if (confirm < 1) {
            throw new IllegalArgumentException("BOCPD confirm must be >= 1, was " + confirm);
        }
    }

    /** λ = 50, prior (0, 1, 1, 1) on the standardised series, confirm = 3. */
    public static BayesianChangePoint defaults() {
        return new BayesianChangePoint(50, 0, 1, 1, 1, 3, true);
    }

    public BayesianChangePoint withHazardLambda(double lambda) {
        return new BayesianChangePoint(lambda, mu0, kappa0, alpha0, beta0, confirm, standardise);
    }

    /** The posterior probability of each run length after each observation: {@code result[t][r]}, r ≤ t + 1. */
    public double[][] runLengthPosterior(double[] series) {
        double[] x = prepare(series);
        int n = x.length;
        double hazard = 1.0 / hazardLambda;
        double[][] out = new double[n][];
        double[] p = {1.0};
        double[] mu = {mu0};
        double[] kappa = {kappa0};
        double[] alpha = {alpha0};
        double[] beta = {beta0};
        for (int t = 0; t < n; t++) {
            int m = p.length;
            double[] np = new double[m + 1];
            double cp = 0;
            for (int r = 0; r < m; r++) {
                double pred = studentT(x[t], mu[r], kappa[r], alpha[r], beta[r]);
                double w = p[r] * pred;
                np[r + 1] = w * (1 - hazard);
                cp += w * hazard;
            }
            np[0] = cp;
            double z = 0;
            for (double v : np) {
                z += v;
            }
            if (!(z > 0) || !Double.isFinite(z)) {
                // every run length found x[t] impossibly unlikely: start afresh
                Arrays.fill(np, 0);
                np[0] = 1;
                z = 1;
            }
            for (int r = 0; r <= m; r++) {
                np[r] /= z;
            }
            double[] nmu = new double[m + 1];
            double[] nkappa = new double[m + 1];
            double[] nalpha = new double[m + 1];
            double[] nbeta = new double[m + 1];
            nmu[0] = mu0;
            nkappa[0] = kappa0;
            nalpha[0] = alpha0;
            nbeta[0] = beta0;
            for (int r = 0; r < m; r++) {
                nmu[r + 1] = (kappa[r] * mu[r] + x[t]) / (kappa[r] + 1);
                nkappa[r + 1] = kappa[r] + 1;
                nalpha[r + 1] = alpha[r] + 0.5;
                nbeta[r + 1] = beta[r] + kappa[r] * (x[t] - mu[r]) * (x[t] - mu[r]) / (2 * (kappa[r] + 1));
            }
            p = np;
            mu = nmu;
            kappa = nkappa;
            alpha = nalpha;
            beta = nbeta;
            out[t] = np.clone();
        }
        return out;
    }

    public List<ChangePoint> detect(double[] series) {
        List<ChangePoint> out = new ArrayList<>();
        double[][] post = runLengthPosterior(series);
        int lastStart = 0;
        for (int t = 0; t < post.length; t++) {
            int map = argmax(post[t]);
            int start = t - map + 1;
            if (map >= confirm && start > lastStart) {
                double before = CusumDetector.mean(slice(series, lastStart, start), start - lastStart);
                double after = CusumDetector.mean(slice(series, start, t + 1), t + 1 - start);
                out.add(new ChangePoint(start, after >= before ? ChangePoint.Direction.UP : ChangePoint.Direction.DOWN,
                        post[t][map]));
                lastStart = start;
            }
        }
        return out;
    }

    private double[] prepare(double[] series) {
        double[] x = series.clone();
        if (standardise && x.length > 1) {
            double mean = CusumDetector.mean(x, x.length);
            double sd = CusumDetector.sd(x, x.length, mean);
            if (!(sd > 0)) {
                sd = 1;
            }
            for (int i = 0; i < x.length; i++) {
                x[i] = (x[i] - mean) / sd;
            }
        }
        return x;
    }

    private static double[] slice(double[] x, int from, int to) {
        return Arrays.copyOfRange(x, from, to);
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Student-t predictive density of the Normal-Gamma posterior (Murphy 2007, eq. 110). */
    static double studentT(double x, double mu, double kappa, double alpha, double beta) {
        double nu = 2 * alpha;
        double scale2 = beta * (kappa + 1) / (alpha * kappa);
        double d = (x - mu) * (x - mu) / (nu * scale2);
        double logPdf = SpecialFunctions.logGamma((nu + 1) / 2) - SpecialFunctions.logGamma(nu / 2)
                - 0.5 * Math.log(nu * Math.PI * scale2) - (nu + 1) / 2 * Math.log1p(d);
        return Math.exp(logPdf);
    }
}
