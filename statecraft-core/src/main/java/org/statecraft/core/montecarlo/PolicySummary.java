package org.statecraft.core.montecarlo;

import java.util.List;
import org.statecraft.core.leverage.DailySeries;

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
 * @param concessionCurve        share of runs that had met the demand by each day
 * @param outcomes               what "concession" means, separately: demand met, partial, standing, ever
 * @param attribution            the target's expected pressure by channel (lever × constituency, network
 *                               member), with shares, and each channel's part of the change in P(demand met)
 * @param forecast               the bargaining forecast on the demand issue over runs (compromise and SMP)
 */
public record PolicySummary(String id, String name, String description, int rank, boolean paretoEfficient,
                            Estimate concession, Estimate meanConcession, double effect, double medianDaysToConcession,
                            Estimate attacks, double attacksAverted, Estimate collateral, double collateralPerEffect,
                            Estimate coercerOwnCost, Estimate clash, List<ConstituencyHarm> harms,
                            List<StanceShift> stances, List<LeverUse> levers, double[] concessionCurve,
                            Daily daily, Outcomes outcomes, List<ChannelShare> attribution, Forecast forecast) {

    /**
     * Outcomes that say what they mean (each a share of runs with its Wilson 95% interval): the demand met
     * (z reached z_r) at some point; a partial concession only (z reached z_p but never z_r); a concession
     * still standing at the horizon (z_H ≥ z_p); the demand still met at the horizon (z_H ≥ z_r); anything
     * ever conceded; and the median day of the first concession and of meeting the demand (NaN if none), the
     * mean number of withdrawals (backsliding).
     */
    public record Outcomes(Estimate metDemand, Estimate partialOnly, Estimate standingAtHorizon,
                           Estimate metAtHorizon, Estimate everConceded, double medianDaysToFirstConcession,
                           double medianDaysToMeetDemand, double meanWithdrawals) {
    }

    /**
     * One channel of the target's felt pressure: {@code kind} "lever" (a lever's harm on one of the target's
     * constituencies, expectation-weighted) or "network" (a member's withdrawn support); {@code meanPressure}
     * is the mean over runs of Σ_t the channel's part of E_t/L (pressure-days), {@code share} its share of all
     * channels' absolute pressure; {@code deltaMetDemand} the change in P(demand met) when the channel alone is
     * removed from this policy (common random numbers on the first {@code ablationRuns} runs; NaN if not run).
     */
    public record ChannelShare(String kind, String lever, String constituency, String member, String label,
                               double meanPressure, double share, double deltaMetDemand, int ablationRuns) {
    }

    /**
     * The bargaining forecast on the demand issue (0–100), per run: the target's position moved by its
     * concession at the horizon, third parties' by their stance shifts; median and 90% interval over runs of
     * the compromise model (every run) and of KTAB's SMP (the first {@code smpRuns} runs).
     * {@code smpNonMonotone}: SMP's median moved against the compromise model's against the baseline policy.
     */
    public record Forecast(double compromiseMedian, double compromiseP05, double compromiseP95, double smpMedian,
                           double smpP05, double smpP95, int smpRuns, boolean smpNonMonotone) {
    }

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
     * aggregates (see {@link SimulatedTension}).
     */
    public record Daily(double[] pressure, double[] concession, double[] attacks, double[] goldstein,
                        double[] events, double[][] stance, DailySeries tension) {
    }
}
