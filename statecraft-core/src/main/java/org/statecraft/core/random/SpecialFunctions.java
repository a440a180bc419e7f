package org.statecraft.core.random;

/**
 * Normal distribution functions needed by the engines, hand-written to keep the core free of dependencies.
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
}
