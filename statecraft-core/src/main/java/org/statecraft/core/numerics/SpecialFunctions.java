package org.statecraft.core.numerics;

/**
 * Special functions needed by several engines (the normal distribution for the leverage engine's response
 * curve and sampling, the probit calibration and the record's SMC moves; ln Γ for the Bayesian change-point
 * detector), hand-written to keep the core free of dependencies.
 */
public final class SpecialFunctions {
    private SpecialFunctions() {
    }

    /**
     * Standard normal quantile Φ⁻¹(p), Wichura's algorithm AS 241 (PPND16), relative accuracy about 1e-16.
     * Wichura, M. J. (1988). Algorithm AS 241: The percentage points of the normal distribution.
     * Applied Statistics 37(3), 477–484. O(1).
     */
    public static double normalQuantile(double p) {
        if (!(p > 0 && p < 1)) {
            if (p == 0) {
                return Double.NEGATIVE_INFINITY;
            }
            if (p == 1) {
                return Double.POSITIVE_INFINITY;
            }
            throw new IllegalArgumentException("probability must be in [0, 1], was " + p);
        }
        double q = p - 0.5;
        double r;
        double val;
        if (Math.abs(q) <= 0.425) {
            r = 0.180625 - q * q;
            val = q * (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r
                    + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                    + 133.14166789178437745) * r + 3.387132872796366608)
                    / (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r
                    + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
                    + 42.313330701600911252) * r + 1.0);
            return val;
        }
        r = q < 0 ? p : 1 - p;
        r = Math.sqrt(-Math.log(r));
        if (r <= 5.0) {
            r -= 1.6;
            val = (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r
                    + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r
                    + 4.6303378461565452959) * r + 1.42343711074968357734)
                    / (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r
                    + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r
                    + 2.05319162663775882187) * r + 1.0);
        } else {
            r -= 5.0;
            val = (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r
                    + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r
                    + 5.4637849111641143699) * r + 6.6579046435011037772)
                    / (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r
                    + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
                    + 0.59983220655588793769) * r + 1.0);
        }
        return q < 0 ? -val : val;
    }

    /**
     * Standard normal CDF Φ(x) via the complementary error function (W. J. Cody's rational approximation as
     * given in Numerical Recipes' erfc, fractional error below 1.2e-7). O(1).
     */
    public static double normalCdf(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double ans = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? ans : 2.0 - ans;
    }
    /**
     * erfc(x) to about 1e-15 relative accuracy (for likelihoods, where {@link #normalCdf}'s 1.2e-7 is too
     * coarse in the tails). Uses erfc(x) = Q(1/2, x²), the regularised upper incomplete gamma function:
     * its series for x² &lt; 1.5 and its Lentz continued fraction otherwise (Press et al. 2007, Numerical
     * Recipes 3rd ed., §6.2; Lentz 1976). O(1) (at most a few hundred terms).
     */
    public static double erfcPrecise(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x < 0) {
            return 2.0 - erfcPrecise(-x);
        }
        double z = x * x;
        if (z < 1.5) {
            return 1.0 - lowerGammaHalfSeries(z);
        }
        return Math.exp(logUpperGammaHalfFraction(z));
    }

    /** Φ(x) to about 1e-15 relative accuracy, via {@link #erfcPrecise}. */
    public static double normalCdfPrecise(double x) {
        return 0.5 * erfcPrecise(-x / SQRT2);
    }

    /** ln Φ(x), accurate also far in the lower tail where Φ(x) underflows (x &lt; −38). */
    public static double logNormalCdf(double x) {
        if (x < -5) {
            double t = -x / SQRT2;
            return logUpperGammaHalfFraction(t * t) - LN2;
        }
        return Math.log(normalCdfPrecise(x));
    }

    /** Standard normal density φ(x). */
    public static double normalPdf(double x) {
        return Math.exp(-0.5 * x * x) / SQRT_2PI;
    }

    /** ln φ(x) = −x²/2 − ln √(2π), finite for every finite x. */
    public static double logNormalPdf(double x) {
        return -0.5 * x * x - 0.5 * Math.log(2 * Math.PI);
    }

    /**
     * ln Γ(x) for x &gt; 0 (and by the reflection formula for non-integral x &lt; 1/2), Lanczos approximation
     * with g = 7, n = 9 (relative error below 1e-13). Lanczos, C. (1964). A precision approximation of the
     * gamma function. SIAM J. Numerical Analysis B 1, 86–96; the coefficients are P. Godfrey's for g = 7,
     * n = 9. O(1).
     */
    public static double logGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double xx = x - 1;
        double a = LANCZOS[0];
        double t = xx + 7.5;
        for (int i = 1; i < 9; i++) {
            a += LANCZOS[i] / (xx + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (xx + 0.5) * Math.log(t) - t + Math.log(a);
    }

    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
        771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
        9.9843695780195716e-6, 1.5056327351493116e-7};

    private static final double SQRT2 = Math.sqrt(2.0);
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);
    private static final double LN2 = Math.log(2.0);
    /** ln Γ(1/2) = ln √π. */
    private static final double LN_GAMMA_HALF = 0.5 * Math.log(Math.PI);

    /** P(1/2, z) by its series, z &lt; 1.5. */
    private static double lowerGammaHalfSeries(double z) {
        if (z == 0) {
            return 0;
        }
        double a = 0.5;
        double ap = a;
        double del = 1.0 / a;
        double sum = del;
        for (int n = 0; n < 500; n++) {
            ap += 1;
            del *= z / ap;
            sum += del;
            if (Math.abs(del) < Math.abs(sum) * 1e-17) {
                break;
            }
        }
        return sum * Math.exp(-z + a * Math.log(z) - LN_GAMMA_HALF);
    }

    /** ln Q(1/2, z) by the modified Lentz continued fraction, z ≥ 1.5. */
    private static double logUpperGammaHalfFraction(double z) {
        final double tiny = 1e-300;
        double a = 0.5;
        double b = z + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 1000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < tiny) {
                d = tiny;
            }
            c = b + an / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < 1e-16) {
                break;
            }
        }
        return -z + a * Math.log(z) - LN_GAMMA_HALF + Math.log(h);
    }
}
