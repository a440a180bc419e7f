package org.statecraft.core.leverage;

import java.io.Serializable;
import java.util.Arrays;

/**
 * What one run of one policy produced. Arrays are indexed like the scenario's constituencies, levers and
 * network members, and like {@link CompiledScenario#channels()} for the pressure attribution. Mutable only
 * while the engine fills it; treat as read-only afterwards.
 */
public final class RunOutcome implements Serializable {
    private static final long serialVersionUID = 2L;

    /** First day the concession reached the release level z_r (the demand met), or -1. */
    public int concessionDay = -1;
    /** First day the target conceded anything (at least the partial level z_p), or -1. */
    public int firstConcessionDay = -1;
    /** Concession level z at the horizon, in [0, 1]; z ≥ z_p means a concession still standing. */
    public double finalConcession;
    /** Highest concession level reached. */
    public double peakConcession;
    /** Times a concession was withdrawn (backsliding). */
    public int withdrawals;
    public int attacks;
    public int clashes;
    /** Harm summed over days, per constituency, in the constituency's unit (after caps and offsets). */
    public final double[] harm;
    /**
     * Relative loss per constituency: for a flow, summed over days (relative-loss-days); for a stock, the
     * share affected by the horizon (at most 1).
     */
    public final double[] relativeHarm;
    /** The coercer's own cost: Σ over its levers of the weighted relative loss of its own constituencies. */
    public double coercerOwnCost;
    /** Own cost accumulated by each lever's owner on account of that lever (its harms and those it provoked). */
    public final double[] leverOwnCost;
    /** Days each lever was in use (applied, not merely threatened). */
    public final int[] daysInUse;
    /** First day each lever was applied, or -1. */
    public final int[] firstUse;
    /** Length of each lever's first spell of use (censored at the horizon), or -1 if never used. */
    public final int[] firstSpell;
    /** Why each lever's first spell ended. */
    public final LiftReason[] firstSpellEnd;
    /** Expressed stances at the horizon, and under the no-lever trajectory. */
    public final double[] stance;
    public final double[] baselineStance;
    /** Deepest withdrawal of support over the horizon, max_t (x^base_k(t) − x_k(t)), at least 0. */
    public final double[] peakWithdrawal;
    /**
     * The target's expected pressure per channel, summed over days: Σ_t of each channel's share of E_t / L
     * (see {@code docs/models/leverage.md}); the channels sum to Σ_t E_t / L.
     */
    public final double[] channelPressure;

    public RunOutcome(int constituencies, int levers, int members, int channels) {
        harm = new double[constituencies];
        relativeHarm = new double[constituencies];
        leverOwnCost = new double[levers];
        daysInUse = new int[levers];
        firstUse = new int[levers];
        firstSpell = new int[levers];
        firstSpellEnd = new LiftReason[levers];
        stance = new double[members];
        baselineStance = new double[members];
        peakWithdrawal = new double[members];
        channelPressure = new double[channels];
        Arrays.fill(firstUse, -1);
        Arrays.fill(firstSpell, -1);
        Arrays.fill(firstSpellEnd, LiftReason.NONE);
    }

    /** The demand was met at some point. */
    public boolean conceded() {
        return concessionDay >= 0;
    }

    /** The target conceded something at some point. */
    public boolean everConceded() {
        return firstConcessionDay >= 0;
    }
}
