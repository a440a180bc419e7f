package org.statecraft.core.scenario;

import org.statecraft.core.random.SpecialFunctions;

/**
 * A scenario number: a fixed value or a probability distribution, with its provenance. Distributions are
 * pure maths (after Hipparchus): a run draws {@code u ~ U(0,1)} and maps it through {@link #quantile},
 * which lets Monte Carlo and Sobol designs drive the same inputs.
 */
public sealed interface Quantity {

    /** The value at cumulative probability {@code u} in (0, 1). */
    double quantile(double u);

    double mean();

    /** Lowest possible value (may be -∞). */
    double lower();

    /** Highest possible value (may be +∞). */
    double upper();

    Provenance provenance();

    /** True when the quantity varies between runs. */
    default boolean isUncertain() {
        return true;
    }

    /** A short human form such as {@code triangular(1, 2, 4)}. */
    String describe();

    static Quantity of(double value) {
        return new Fixed(value, Provenance.NONE);
    }

    record Fixed(double value, Provenance provenance) implements Quantity {
        public Fixed {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("value must be finite, was " + value);
            }
        }

        @Override
        public double quantile(double u) {
            return value;
        }

        @Override
        public double mean() {
            return value;
        }

        @Override
        public double lower() {
            return value;
        }

        @Override
        public double upper() {
            return value;
        }

        @Override
        public boolean isUncertain() {
            return false;
        }

        @Override
        public String describe() {
            return fmt(value);
        }
    }

    record Uniform(double min, double max, Provenance provenance) implements Quantity {
        public Uniform {
            if (!(Double.isFinite(min) && Double.isFinite(max) && min <= max)) {
                throw new IllegalArgumentException("uniform needs finite min <= max, was [" + min + ", " + max + "]");
            }
        }

        @Override
        public double quantile(double u) {
            return min + u * (max - min);
        }

        @Override
        public double mean() {
            return 0.5 * (min + max);
        }

        @Override
        public double lower() {
            return min;
        }

        @Override
        public double upper() {
            return max;
        }

        @Override
        public String describe() {
            return "uniform(" + fmt(min) + ", " + fmt(max) + ")";
        }
    }

    record Triangular(double min, double mode, double max, Provenance provenance) implements Quantity {
        public Triangular {
            if (!(Double.isFinite(min) && Double.isFinite(max) && min <= mode && mode <= max && min < max)) {
                throw new IllegalArgumentException(
                        "triangular needs min <= mode <= max and min < max, was (" + min + ", " + mode + ", " + max + ")");
            }
        }

        @Override
        public double quantile(double u) {
            double f = (mode - min) / (max - min);
            if (u < f) {
                return min + Math.sqrt(u * (max - min) * (mode - min));
            }
            return max - Math.sqrt((1 - u) * (max - min) * (max - mode));
        }

        @Override
        public double mean() {
            return (min + mode + max) / 3.0;
        }

        @Override
        public double lower() {
            return min;
        }

        @Override
        public double upper() {
            return max;
        }

        @Override
        public String describe() {
            return "triangular(" + fmt(min) + ", " + fmt(mode) + ", " + fmt(max) + ")";
        }
    }

    /**
     * Normal distribution, optionally truncated to [lower, upper] (truncation by quantile mapping, so the
     * draw stays a monotone function of u).
     */
    record Normal(double mean, double sd, double lower, double upper, Provenance provenance) implements Quantity {
        public Normal {
            if (!(Double.isFinite(mean) && sd > 0 && Double.isFinite(sd))) {
                throw new IllegalArgumentException("normal needs a finite mean and sd > 0, was (" + mean + ", " + sd + ")");
            }
            if (!(lower < upper)) {
                throw new IllegalArgumentException("normal truncation needs lower < upper, was [" + lower + ", " + upper + "]");
            }
        }

        @Override
        public double quantile(double u) {
            double lo = Double.isInfinite(lower) ? 0 : SpecialFunctions.normalCdf((lower - mean) / sd);
            double hi = Double.isInfinite(upper) ? 1 : SpecialFunctions.normalCdf((upper - mean) / sd);
            double p = lo + u * (hi - lo);
            p = Math.min(Math.max(p, 1e-15), 1 - 1e-15);
            double x = mean + sd * SpecialFunctions.normalQuantile(p);
            return Math.min(Math.max(x, lower), upper);
        }

        @Override
        public String describe() {
            String t = Double.isInfinite(lower) && Double.isInfinite(upper) ? ""
                    : ", truncated to [" + fmt(lower) + ", " + fmt(upper) + "]";
            return "normal(" + fmt(mean) + ", " + fmt(sd) + t + ")";
        }
    }

    /** Lognormal given by its median and geometric standard deviation (σ = ln gsd). */
    record LogNormal(double median, double gsd, Provenance provenance) implements Quantity {
        public LogNormal {
            if (!(median > 0 && Double.isFinite(median) && gsd >= 1 && Double.isFinite(gsd))) {
                throw new IllegalArgumentException("lognormal needs median > 0 and gsd >= 1, was (" + median + ", " + gsd + ")");
            }
        }

        public double mu() {
            return Math.log(median);
        }

        public double sigma() {
            return Math.log(gsd);
        }

        @Override
        public double quantile(double u) {
            if (gsd == 1) {
                return median;
            }
            double p = Math.min(Math.max(u, 1e-15), 1 - 1e-15);
            return Math.exp(mu() + sigma() * SpecialFunctions.normalQuantile(p));
        }

        @Override
        public double mean() {
            return Math.exp(mu() + 0.5 * sigma() * sigma());
        }

        @Override
        public double lower() {
            return 0;
        }

        @Override
        public double upper() {
            return Double.POSITIVE_INFINITY;
        }

        @Override
        public boolean isUncertain() {
            return gsd > 1;
        }

        @Override
        public String describe() {
            return "lognormal(median " + fmt(median) + ", gsd " + fmt(gsd) + ")";
        }
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
