package org.statecraft.core.leverage;

/**
 * What one run of one policy produced. Arrays are indexed like the scenario's constituencies, levers and
 * network members. Mutable only while the engine fills it; treat as read-only afterwards.
 */
public final class RunOutcome implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** First day the target delivered the release level (or its capacity, if lower), or -1. */
    public int concessionDay = -1;
    /** Concession level z at the horizon, in [0, 1]. */
    public double finalConcession;
    /** Highest concession level reached. */
    public double peakConcession;
    public int attacks;
    public int clashes;
    /** Harm summed over days, per constituency, in the constituency's unit. */
    public final double[] harm;
    /** Relative loss summed over days (harm / baseline), per constituency. */
    public final double[] relativeHarm;
    /** The coercer's own cost: Σ over its levers of the weighted relative loss of its own constituencies. */
    public double coercerOwnCost;
    /** Days each lever was in use (applied, not merely threatened). */
    public final int[] daysInUse;
    /** First day each lever was applied, or -1. */
    public final int[] firstUse;
    /** Length of each lever's first spell of use (censored at the horizon), or -1 if never used. */
    public final int[] firstSpell;
    /** Why each lever's first spell ended. */
    public final LiftReason[] firstSpellEnd;
    /** Expressed stances at the horizon, and under the baseline trajectory (no lever network effects). */
    public final double[] stance;
    public final double[] baselineStance;
    /** Deepest withdrawal of support over the horizon, max_t (x^base_k(t) − x_k(t)), at least 0. */
    public final double[] peakWithdrawal;

    public RunOutcome(int constituencies, int levers, int members) {
        harm = new double[constituencies];
        relativeHarm = new double[constituencies];
        daysInUse = new int[levers];
        firstUse = new int[levers];
        firstSpell = new int[levers];
        firstSpellEnd = new LiftReason[levers];
        stance = new double[members];
        baselineStance = new double[members];
        peakWithdrawal = new double[members];
        java.util.Arrays.fill(firstUse, -1);
        java.util.Arrays.fill(firstSpell, -1);
        java.util.Arrays.fill(firstSpellEnd, LiftReason.NONE);
    }

    public boolean conceded() {
        return concessionDay >= 0;
    }
}
