package org.statecraft.core.leverage;

import java.util.Arrays;
import org.statecraft.core.numerics.SpecialFunctions;
import org.statecraft.core.scenario.Quantity;

/**
 * What the target believes about a lever owner's tolerance Θ, having seen the owner bear a cost a: the
 * scenario's tolerance distribution as a common prior, truncated at the cost already paid (a lever that has
 * lasted is more credible, the learning of a war of attrition: Fudenberg &amp; Tirole 1986; Fearon 1994). The
 * expected remaining tolerance is the mean excess e(a) = E[Θ − a | Θ &gt; a].
 *
 * <p>For a lognormal prior LN(μ, σ) the mean excess has a closed form:
 * E[Θ | Θ &gt; a] = e^{μ+σ²/2} Φ(σ − ζ) / Φ(−ζ), ζ = (ln a − μ)/σ, evaluated in logs so it stays finite far in
 * the tail (tabulated in ζ with step 0.005 and interpolated in ln; beyond ζ = 10 the asymptote a·σ/ζ).
 * For any other prior it is computed from {@value #POINTS} equally spaced quantiles (a tabulated
 * mean-residual-life function, exact for the empirical distribution of those quantiles). Beyond the prior's
 * upper bound the belief has no support left: the owner has outlasted everything the target thought possible,
 * and the target then treats the lever as lasting ({@link Double#POSITIVE_INFINITY}). O(1) per query after an
 * O(POINTS) set-up.
 */
public final class ToleranceBelief {
    static final int POINTS = 512;

    private final boolean logNormal;
    private final double mu;
    private final double sigma;
    private final double meanFactor; // e^{μ+σ²/2}
    private final double[] theta;    // sorted quantiles, for the tabulated form
    private final double[] suffixMean;
    private final double[] logRatio; // ln[Φ(σ − ζ)/Φ(−ζ)] on the ζ grid, for the lognormal form
    private final double gridPerLog;  // 1/(σ·step): grid positions per unit of ln a
    private final double gridAtZero;  // the grid position of ln a = 0: (−μ/σ − ζ_min)/step
    private final int lastCell;       // the last grid point's index: ζ = ζ_max

    private static final double Z_MIN = -10;
    private static final double Z_MAX = 10;
    private static final double Z_STEP = 0.005;

    private ToleranceBelief(boolean logNormal, double mu, double sigma, double[] theta, double[] suffixMean) {
        this.logNormal = logNormal;
        this.mu = mu;
        this.sigma = sigma;
        this.meanFactor = Math.exp(mu + 0.5 * sigma * sigma);
        this.theta = theta;
        this.suffixMean = suffixMean;
        this.gridPerLog = logNormal ? 1 / (sigma * Z_STEP) : 0;
        this.gridAtZero = logNormal ? (-mu / sigma - Z_MIN) / Z_STEP : 0;
        this.lastCell = (int) Math.round((Z_MAX - Z_MIN) / Z_STEP);
        if (logNormal) {
            int n = lastCell + 1;
            logRatio = new double[n];
            for (int i = 0; i < n; i++) {
                double zeta = Z_MIN + i * Z_STEP;
                logRatio[i] = SpecialFunctions.logNormalCdf(sigma - zeta) - SpecialFunctions.logNormalCdf(-zeta);
            }
        } else {
            logRatio = null;
        }
    }

    /** The belief whose prior is {@code prior}; null for a lever with no tolerance (never lifted for cost). */
    public static ToleranceBelief of(Quantity prior) {
        if (prior == null) {
            return null;
        }
        if (prior instanceof Quantity.LogNormal ln && ln.isUncertain()) {
            return new ToleranceBelief(true, ln.mu(), ln.sigma(), null, null);
        }
        double[] t = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            t[i] = prior.quantile((i + 0.5) / POINTS);
        }
        Arrays.sort(t);
        double[] suffix = new double[POINTS + 1];
        double sum = 0;
        for (int i = POINTS - 1; i >= 0; i--) {
            sum += t[i];
            suffix[i] = sum / (POINTS - i);
        }
        return new ToleranceBelief(false, 0, 0, t, suffix);
    }

    /** The closed form without tabulation (for tests and documentation): lognormal priors only. */
    public double meanExcessExact(double a) {
        if (!logNormal) {
            throw new IllegalStateException("the closed form is for lognormal priors");
        }
        if (a <= 0) {
            return meanFactor;
        }
        double zeta = (Math.log(a) - mu) / sigma;
        return meanFactor * Math.exp(SpecialFunctions.logNormalCdf(sigma - zeta)
                - SpecialFunctions.logNormalCdf(-zeta)) - a;
    }

    /** e(a) = E[Θ − a | Θ &gt; a] for a cost a ≥ 0 already borne; +∞ once a is past the prior's support. */
    public double meanExcess(double a) {
        if (logNormal) {
            if (a <= 0) {
                return meanFactor;
            }
            // the position on the ζ grid, x = (ζ − ζ_min)/step with ζ = (ln a − μ)/σ, as one multiply-add (two
            // divisions less on the engine's daily path; it differs from the quotients in the last bits only,
            // far below the interpolation's own error)
            double x = Math.log(a) * gridPerLog + gridAtZero;
            if (x < 0) {
                return Math.max(0, meanFactor - a);
            }
            if (x >= lastCell) {
                double zeta = (Math.log(a) - mu) / sigma;
                return a * sigma / zeta; // Mills-ratio asymptote of the lognormal's mean excess
            }
            int i = (int) x;
            double f = x - i;
            double lr = logRatio[i] + f * (logRatio[i + 1] - logRatio[i]);
            return Math.max(0, meanFactor * Math.exp(lr) - a);
        }
        // first quantile strictly above a
        int lo = 0;
        int hi = POINTS;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (theta[mid] > a) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        if (lo == POINTS) {
            return Double.POSITIVE_INFINITY;
        }
        return suffixMean[lo] - Math.max(a, 0);
    }
}
