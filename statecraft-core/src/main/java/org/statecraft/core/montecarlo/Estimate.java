package org.statecraft.core.montecarlo;

/** A point estimate with a 95% interval. */
public record Estimate(double value, double lower, double upper) {

    /**
     * Wilson score interval for a proportion (Wilson 1927), z = 1.96. Better coverage than the normal
     * approximation near 0 and 1, where concession probabilities often lie.
     */
    public static Estimate proportion(long successes, long n) {
        if (n == 0) {
            return new Estimate(Double.NaN, Double.NaN, Double.NaN);
        }
        double z = 1.959963984540054;
        double p = (double) successes / n;
        double z2 = z * z;
        double centre = (p + z2 / (2.0 * n)) / (1 + z2 / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new Estimate(p, successes == 0 ? 0 : Math.max(0, centre - half),
                successes == n ? 1 : Math.min(1, centre + half));
    }

    /** Mean with a normal-approximation 95% interval of the mean (values summed in the order given). */
    public static Estimate mean(double[] xs) {
        int n = xs.length;
        if (n == 0) {
            return new Estimate(Double.NaN, Double.NaN, Double.NaN);
        }
        double sum = 0;
        for (double x : xs) {
            sum += x;
        }
        double mean = sum / n;
        double ss = 0;
        for (double x : xs) {
            ss += (x - mean) * (x - mean);
        }
        double se = n > 1 ? Math.sqrt(ss / (n - 1) / n) : 0;
        return new Estimate(mean, mean - 1.959963984540054 * se, mean + 1.959963984540054 * se);
    }
}
