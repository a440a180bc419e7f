package org.statecraft.core.scenario;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.statecraft.core.numerics.SpecialFunctions;

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

    /** A distribution on a closed interval [min, max]: its support is its range. */
    sealed interface Bounded extends Quantity {
        double min();

        double max();

        @Override
        default double lower() {
            return min();
        }

        @Override
        default double upper() {
            return max();
        }
    }

    /** A distribution on the positive reals: its range is (0, ∞). */
    sealed interface Positive extends Quantity {
        @Override
        default double lower() {
            return 0;
        }

        @Override
        default double upper() {
            return Double.POSITIVE_INFINITY;
        }
    }

    record Uniform(double min, double max, Provenance provenance) implements Bounded {
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
        public String describe() {
            return "uniform(" + fmt(min) + ", " + fmt(max) + ")";
        }
    }

    record Triangular(double min, double mode, double max, Provenance provenance) implements Bounded {
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
    record LogNormal(double median, double gsd, Provenance provenance) implements Positive {
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
        public boolean isUncertain() {
            return gsd > 1;
        }

        @Override
        public String describe() {
            return "lognormal(median " + fmt(median) + ", gsd " + fmt(gsd) + ")";
        }
    }

    /**
     * A lognormal whose parameters are themselves uncertain: a response curve fitted to data, carried into the runs
     * with its estimation error. (μ', σ') are bivariate normal about (μ, σ) with standard errors and correlation
     * from the fit (σ' kept above σ/20), and ln K | μ', σ' ~ N(μ', σ'²). A run draws K from the marginal mixture
     * by one uniform through {@link #quantile}, which is the same as drawing the parameters and then K: the
     * mixture's CDF is integrated once over a deterministic 64 × 32 grid of normal quantiles of the parameters,
     * and inverted on a probit grid.
     */
    record FittedLogNormal(double mu, double sigma, double muSe, double sigmaSe, double correlation,
                           Provenance provenance) implements Positive {
        private static final Map<FittedLogNormal, double[][]> TABLES =
                new ConcurrentHashMap<>();
        private static final int N1 = 64;
        private static final int N2 = 32;
        private static final double Z_MAX = 6;
        private static final int Z_POINTS = 1201;

        public FittedLogNormal {
            if (!(Double.isFinite(mu) && sigma > 0 && Double.isFinite(sigma) && muSe >= 0 && sigmaSe >= 0
                    && Double.isFinite(muSe) && Double.isFinite(sigmaSe) && Math.abs(correlation) <= 1)) {
                throw new IllegalArgumentException("a fitted lognormal needs finite mu, sigma > 0, standard errors >= 0 "
                        + "and a correlation in [-1, 1], was (" + mu + ", " + sigma + ", " + muSe + ", " + sigmaSe
                        + ", " + correlation + ")");
            }
        }

        /** The (μ', σ') grid: weights equal. */
        private double[][] parameters() {
            double[][] ps = new double[N1 * N2][2];
            double r = Math.sqrt(Math.max(0, 1 - correlation * correlation));
            int k = 0;
            for (int i = 0; i < N1; i++) {
                double z1 = SpecialFunctions.normalQuantile((i + 0.5) / N1);
                for (int j = 0; j < N2; j++) {
                    double z2 = SpecialFunctions.normalQuantile((j + 0.5) / N2);
                    ps[k][0] = mu + muSe * z1;
                    ps[k][1] = Math.max(sigma / 20, sigma + sigmaSe * (correlation * z1 + r * z2));
                    k++;
                }
            }
            return ps;
        }

        /** table[0]: ln K at probit z = −6 … 6 (step 0.01); table[1]: {E[K] truncated at the 1−1e-9 quantile}. */
        private double[][] table() {
            return TABLES.computeIfAbsent(this, q -> {
                double[][] ps = q.parameters();
                double spread = 9 * (q.sigma + 3 * q.sigmaSe) + 3 * q.muSe;
                int n = 6001;
                double lo = q.mu - spread;
                double step = 2 * spread / (n - 1);
                double[] cdf = new double[n];
                for (int g = 0; g < n; g++) {
                    double x = lo + g * step;
                    double acc = 0;
                    for (double[] p : ps) {
                        acc += SpecialFunctions.normalCdf((x - p[0]) / p[1]);
                    }
                    cdf[g] = acc / ps.length;
                }
                double[] lnK = new double[Z_POINTS];
                int g = 0;
                for (int t = 0; t < Z_POINTS; t++) {
                    double target = SpecialFunctions.normalCdf(-Z_MAX + t * (2 * Z_MAX / (Z_POINTS - 1)));
                    while (g < n - 2 && cdf[g + 1] < target) {
                        g++;
                    }
                    double c0 = cdf[g];
                    double c1 = cdf[g + 1];
                    double f = c1 > c0 ? Math.min(1, Math.max(0, (target - c0) / (c1 - c0))) : 0;
                    lnK[t] = lo + (g + f) * step;
                }
                double mean = 0;
                for (double[] p : ps) {
                    mean += Math.exp(p[0] + 0.5 * p[1] * p[1]);
                }
                return new double[][] {lnK, {mean / ps.length}};
            });
        }

        @Override
        public double quantile(double u) {
            double p = Math.min(Math.max(u, 1e-15), 1 - 1e-15);
            double z = Math.max(-Z_MAX, Math.min(Z_MAX, SpecialFunctions.normalQuantile(p)));
            double pos = (z + Z_MAX) / (2 * Z_MAX) * (Z_POINTS - 1);
            int i = Math.min((int) pos, Z_POINTS - 2);
            double f = pos - i;
            double[] t = table()[0];
            return Math.exp(t[i] + f * (t[i + 1] - t[i]));
        }

        @Override
        public double mean() {
            return table()[1][0];
        }

        @Override
        public String describe() {
            return "fitted lognormal(mu " + fmt(mu) + " ± " + fmt(muSe) + ", sigma " + fmt(sigma) + " ± " + fmt(sigmaSe)
                    + ", r " + fmt(correlation) + ")";
        }
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
