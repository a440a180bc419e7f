package org.statecraft.core.montecarlo;

import java.util.List;

/**
 * Everything a policy produced over the Monte Carlo runs. Field meanings and units: {@code docs/cli.md}.
 *
 * @param rank                   1 = most effective (by expected concession, ties by fewer attacks)
 * @param paretoEfficient        no other policy is at least as effective with at most as much collateral harm,
 *                               and strictly better on one of the two
 * @param concession             P(the target delivers the release level by the horizon), Wilson 95% interval
 * @param meanConcession         E[z_H], the expected degree of concession at the horizon (0–1): effectiveness
 * @param effect                 meanConcession minus the baseline policy's
 * @param medianDaysToConcession median day of concession among runs that conceded (NaN if none did)
 * @param attacks                expected attacks over the horizon
 * @param attacksAverted         expected attacks under the baseline policy minus under this one
 * @param collateral             expected collateral harm: relative-loss-days summed over collateral constituencies
 * @param collateralPerEffect    collateral / effect; +∞ when the policy has no positive effect
 * @param coercerOwnCost         expected own cost to the coercer (weighted relative-loss-days)
 * @param clash                  P(at least one armed clash), Wilson 95% interval
 * @param concessionCurve        share of runs that had conceded by each day
 */
public record PolicySummary(String id, String name, String description, int rank, boolean paretoEfficient,
                            Estimate concession, Estimate meanConcession, double effect, double medianDaysToConcession,
                            Estimate attacks, double attacksAverted, Estimate collateral, double collateralPerEffect,
                            Estimate coercerOwnCost, Estimate clash, List<ConstituencyHarm> harms,
                            List<StanceShift> stances, List<LeverUse> levers, double[] concessionCurve,
                            Daily daily) {

    /**
     * Harm on one constituency, summed over the horizon, in its unit (mean and 5–95% range over runs), and
     * as relative-loss-days.
     */
    public record ConstituencyHarm(String constituency, String side, String role, String unit, double mean,
                                   double p05, double p95, double meanRelative) {
    }

    /**
     * A network member's expressed stance toward the target (−1 hostile … 1 supportive): where it started,
     * where it ends under the baseline trajectory and under this policy, and the shift this policy causes
     * (mean and 5–95% range over runs), and the deepest withdrawal of support at any time (mean over runs of
     * max_t (x^base(t) − x(t)), at least 0: levers are often released before the horizon).
     */
    public record StanceShift(String member, double initial, double baselineFinal, double finalStance, double shift,
                              double shiftP05, double shiftP95, double peakWithdrawal) {
    }

    /**
     * A lever's use under this policy: share of runs that used it, mean days in use, share of runs in which its
     * owner lifted it under its own cost, and the length of its first spell of use (quantiles over runs that
     * used it; censored at the horizon).
     */
    public record LeverUse(String lever, double used, double meanDaysInUse, double liftedForOwnCost,
                           double spellP05, double spellP25, double spellMedian, double spellP75, double spellP95,
                           double[] spellHistogram) {
    }

    /**
     * Means over runs, per day: expected pressure, concession level, attacks, coercer–target events, and each
     * network member's expressed stance ({@code stance[member][day]}, members in the network's order); and
     * {@code tension}, the coercer–target events summed over all runs in the integer form the tension index
     * aggregates (see {@link org.statecraft.core.tension.SimulatedTension}).
     */
    public record Daily(double[] pressure, double[] concession, double[] attacks, double[] goldstein,
                        double[] events, double[][] stance, org.statecraft.core.leverage.DailySeries tension) {
    }
}
