package org.statecraft.core.leverage;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.statecraft.core.influence.FriedkinJohnsen;
import org.statecraft.core.numerics.SpecialFunctions;
import org.statecraft.core.scenario.EventCode;
import org.statecraft.core.scenario.Rule;

/**
 * The mutable state of one run, advanced one day at a time by one method per step of the day (the order is
 * {@link #day}'s): {@link #clashesAndAttacks}, {@link #fireRules}, {@link #applyHarms}, {@link #moveStances},
 * {@link #decide}. Equations and sources: {@code docs/models/leverage.md}. A state is reused across runs of
 * one thread ({@link #reset}), so the daily loop allocates nothing. Not thread-safe.
 * Cost per run-day: O(harm entries + rules + offsets + members²/stepDays).
 */
public final class RunState {
    private static final double LN2 = Math.log(2);
    private static final byte SUSPENDED_USE = 1;
    private static final byte SUSPENDED_THREAT = 2;

    private final CompiledScenario m;
    // the harms of all levers in one flat index g: lever l's are hStart[l] … hStart[l + 1] − 1
    private final int[] hStart;
    private final int[] hC;        // the harmed constituency of harm g
    private final int[] hChannel;  // its attribution channel, or −1
    // per-run parameters
    private final double[] baseline;
    private final double[] wTarget;
    private final double[] harmPerDay;
    private final double[] harmAccCap;   // A
    private final double[] harmAccQ;     // e^{−α/A}: s(τ) = 1 + A(1 − q^τ)
    private final double[] harmAdaptR;   // 2^{−1/h}: a(τ) = f + (1 − f) r^τ
    private final double[] harmFloor;
    private final double[] harmOwnerW;   // owner's weight on the harmed constituency (0 if not its own)
    private final double[] harmProvokedW; // weight of the provoking lever's owner on it (set per spell)
    private final double[] harmTargetW;
    private final double[] threatRel;    // w_c·min(1, H/B_c) for a flow, 0 for a stock: pressure at full effect
    private final double[][] stanceShift;
    private final double[][] offsetShare;
    private final double[] tolerance;
    private final double[] toleranceGain;
    private final double[] toleranceScale; // Θ's unit: 1, or the own cost a day at full effect (Θ in days)
    private final double[] recoveryR;      // 2^{−1/h} for the borne cost while not in use; 1 = no recovery
    private final boolean[] neverRecovers; // recoveryR == 1: lifted for its cost, the lever is exhausted
    private final double[] clash;
    private final double[] netStance;
    private final double[] threatW;
    private final double[] attackReduction;
    private final double[] attackRecovery; // 2^{−1/h}
    private final double[] fullTargetPressure;
    private final double[] fullOwnRate;
    private final double[][] influence;
    private final double[] lambda;
    private final double[] prejudice0;
    private final double[] interest;
    private final double[] driftRate;      // 1/τ, 0 = no drift
    private final double[] rho;
    private final double[] clashHarm;
    private double resolve;
    private double capacity;
    private double gamma;
    private double lookahead;
    private double decisionProbability;
    private double backslide;
    private double attackBase;
    private double suppression;
    private double alpha;
    private double decay;
    private double clashBackground;
    private int stepDays;

    // state
    private final boolean[] inUse;
    private final boolean[] threatened;
    private final boolean[] exhausted;
    private final int[] until;
    private final int[] started;
    private final double[] intensity;
    private final int[] provokedBy;
    private final double[] ownCost;
    private final double[] ownRate;
    private final double[] leverPressure;
    private final double[] harmRel;        // today's relative loss of each harm, after caps and offsets
    private final double[] accPow;         // q^τ
    private final double[] adaptPow;       // r^τ
    private final double[] stockAffected;  // persons (units) of a stock each harm has affected so far
    private final double[] degradation;
    private final double[] cRaw;             // per constituency: uncapped sum of today's relative losses
    private final double[] cOffset;
    private final double[] cNet;             // network relative loss (may be negative: support gained)
    private final double[] cScale;
    private final double[] cCap;             // the factor the ±1 cap put on a flow's total
    private final double[] stockLevel;       // share of each stock affected
    private final double[] hostilityRel;
    private final double[] hostilityRaw;  // ρ(x^base − x)/B before the cap: changes only when stances move
    private final double[] cNetRaw;       // their sum per constituency
    private final boolean[] fired;
    private final byte[] suspended;
    private final int[] suspendedUntil;
    private final long[] attackRing;     // attacks through day t at t % (longest window + 1)
    private long attacksThrough;
    private final double[] x;
    private final double[] xBase;
    private final double[] prejudiceNow;
    private final double[] prejudiceBase;
    private final double[] scratch;
    private double excitation;
    private double z;
    private int calmDays;
    private double cachedRate = -1;
    private double lastHazard = Double.NaN;
    private boolean hazardStale = true;    // a lever started or stopped since the clash hazard was summed
    private final int[] degraders;         // this run's levers with an attack reduction, in index order
    private int nDegraders;
    private final int[] gainers;           // this run's levers of the attacks' victim whose tolerance attacks raise
    private final double[] gainPerAttack;  // their gain × Θ's unit, the tolerance one attack adds
    private int nGainers;
    private double clashProbability;
    private double cachedLimit;
    private boolean clashToday;
    private int attacksToday;
    private int metDay;
    private double expected;
    private double concedeThreshold;

    // this run
    private CompiledScenario.CompiledRule[] rules;
    private boolean release;
    private RandomGenerator rng;
    private RunOutcome out;
    private DailySeries daily;
    private EventListener listener;

    public RunState(CompiledScenario model) {
        this.m = model;
        int nC = m.nC;
        int nL = m.nL;
        int nM = m.nM;
        baseline = new double[nC];
        wTarget = new double[nC];
        hStart = new int[nL + 1];
        for (int l = 0; l < nL; l++) {
            hStart[l + 1] = hStart[l] + m.harmC[l].length;
        }
        int nH = hStart[nL];
        hC = new int[nH];
        hChannel = new int[nH];
        for (int l = 0; l < nL; l++) {
            for (int h = 0; h < m.harmC[l].length; h++) {
                hC[hStart[l] + h] = m.harmC[l][h];
                hChannel[hStart[l] + h] = m.harmChannel[l][h];
            }
        }
        harmPerDay = new double[nH];
        harmAccCap = new double[nH];
        harmAccQ = new double[nH];
        harmAdaptR = new double[nH];
        harmFloor = new double[nH];
        harmOwnerW = new double[nH];
        harmProvokedW = new double[nH];
        harmTargetW = new double[nH];
        threatRel = new double[nH];
        harmRel = new double[nH];
        accPow = new double[nH];
        adaptPow = new double[nH];
        stockAffected = new double[nH];
        stanceShift = jagged(m.stanceMember);
        offsetShare = jagged(m.offsetC);
        tolerance = new double[nL];
        toleranceGain = new double[nL];
        toleranceScale = new double[nL];
        recoveryR = new double[nL];
        neverRecovers = new boolean[nL];
        clash = new double[nL];
        netStance = new double[nL];
        threatW = new double[nL];
        attackReduction = new double[nL];
        attackRecovery = new double[nL];
        fullTargetPressure = new double[nL];
        fullOwnRate = new double[nL];
        influence = new double[nM][nM];
        lambda = new double[nM];
        prejudice0 = new double[nM];
        interest = new double[nM];
        driftRate = new double[nM];
        rho = new double[m.hostilityMember.length];
        hostilityRel = new double[m.hostilityMember.length];
        hostilityRaw = new double[m.hostilityMember.length];
        clashHarm = new double[m.clashHarmC.length];
        inUse = new boolean[nL];
        threatened = new boolean[nL];
        exhausted = new boolean[nL];
        until = new int[nL];
        started = new int[nL];
        intensity = new double[nL];
        provokedBy = new int[nL];
        ownCost = new double[nL];
        ownRate = new double[nL];
        leverPressure = new double[nL];
        degradation = new double[nL];
        cRaw = new double[nC];
        cOffset = new double[nC];
        cNet = new double[nC];
        cNetRaw = new double[nC];
        cScale = new double[nC];
        cCap = new double[nC];
        stockLevel = new double[nC];
        int maxRules = 0;
        for (CompiledScenario.CompiledRule[] r : m.rules) {
            maxRules = Math.max(maxRules, r.length);
        }
        fired = new boolean[maxRules];
        suspended = new byte[nL];
        suspendedUntil = new int[nL];
        degraders = new int[nL];
        gainers = new int[nL];
        gainPerAttack = new double[nL];
        attackRing = new long[m.maxWindow + 1];
        x = new double[nM];
        xBase = new double[nM];
        prejudiceNow = new double[nM];
        prejudiceBase = new double[nM];
        scratch = new double[nM];
    }

    private static double[][] jagged(int[][] shape) {
        double[][] a = new double[shape.length][];
        for (int i = 0; i < shape.length; i++) {
            a[i] = new double[shape[i].length];
        }
        return a;
    }

    private static double v(double[] values, int idx, double dflt) {
        return idx < 0 ? dflt : values[idx];
    }

    /**
     * Prepares a run of {@code policy} with parameters {@code values}; {@code out} must be fresh. The per-lever and
     * per-member parts are methods of their own: as one 1,800-byte method with nested loops the optimising compiler
     * compiled it four times (three on-stack replacements), 1.5 s of compile time in a 17 s command.
     */
    public void reset(int policy, double[] values, RandomGenerator rng, RunOutcome out, DailySeries daily,
                      EventListener listener) {
        this.rules = m.rules[policy];
        this.release = m.releaseOnConcession[policy];
        this.rng = rng;
        this.out = out;
        this.daily = daily;
        this.listener = listener;
        this.currentValues = values;
        int nC = m.nC;
        int nL = m.nL;
        int nM = m.nM;
        for (int c = 0; c < nC; c++) {
            baseline[c] = values[m.baselineIdx[c]];
            wTarget[c] = m.side[c] == m.target ? v(values, m.weightIdx[m.target][c], 0) : 0;
            stockLevel[c] = 0;
        }
        for (int l = 0; l < nL; l++) {
            resetLever(l, values);
        }
        resolve = values[m.kIdx];
        capacity = values[m.capacityIdx];
        gamma = values[m.gammaIdx];
        lookahead = Math.max(1e-9, values[m.lookaheadIdx]);
        decisionProbability = m.decisionRateIdx < 0 ? 1 : -Math.expm1(-values[m.decisionRateIdx]);
        backslide = values[m.backslideIdx];
        attackBase = m.hasAttacks ? values[m.attackBaseIdx] : 0;
        suppression = m.hasAttacks ? values[m.attackSuppressionIdx] : 0;
        alpha = m.hasAttacks ? values[m.attackExcitationIdx] : 0;
        decay = m.hasAttacks ? Math.exp(-values[m.attackDecayIdx]) : 0;
        clashBackground = v(values, m.clashBackgroundIdx, 0);
        for (int j = 0; j < clashHarm.length; j++) {
            clashHarm[j] = values[m.clashHarmIdx[j]];
        }
        stepDays = m.stepDaysIdx < 0 ? 1 : Math.max(1, (int) Math.round(values[m.stepDaysIdx]));
        for (int i = 0; i < nM; i++) {
            resetMember(i, values);
        }
        for (int i = 0; i < rho.length; i++) {
            rho[i] = values[m.hostilityPerDayIdx[i]];
            hostilityRel[i] = 0;
        }
        networkLosses();
        Arrays.fill(fired, false);
        Arrays.fill(attackRing, 0);
        attacksThrough = 0;
        lastHazard = Double.NaN;
        hazardStale = true;
        // the levers the attack process touches this run: those that degrade the attacker, and the victim's whose
        // tolerance attacks raise (the victim's others would add exactly 0, a finite unit times a zero gain)
        nDegraders = 0;
        nGainers = 0;
        for (int l = 0; l < nL; l++) {
            if (attackReduction[l] > 0) {
                degraders[nDegraders++] = l;
            }
            if (m.owner[l] == m.attackVictim && toleranceGain[l] != 0) {
                gainPerAttack[nGainers] = toleranceGain[l] * toleranceScale[l];
                gainers[nGainers++] = l;
            }
        }
        excitation = 0;
        z = 0;
        calmDays = 0;
        cachedRate = -1;
        clashToday = false;
        attacksToday = 0;
        metDay = -2;
        expected = 0;
        // the least expected pain at which the target makes its smallest concession
        concedeThreshold = m.allOrNothing ? resolve * lookahead
                : resolve * lookahead * Math.pow(m.partialLevel / m.releaseLevel, gamma);
    }

    /** A run's parameters and fresh state of lever l (its harms, stance effects, offsets, tolerance). */
    private void resetLever(int l, double[] values) {
        int o = m.owner[l];
        fullTargetPressure[l] = 0;
        fullOwnRate[l] = 0;
        for (int h = 0; h < m.harmC[l].length; h++) {
            resetHarm(l, h, o, values);
        }
        for (int j = 0; j < m.stanceMember[l].length; j++) {
            stanceShift[l][j] = values[m.stanceShiftIdx[l][j]];
        }
        for (int j = 0; j < m.offsetC[l].length; j++) {
            offsetShare[l][j] = values[m.offsetShareIdx[l][j]];
        }
        toleranceScale[l] = m.toleranceInDays[l] ? fullOwnRate[l] : 1;
        tolerance[l] = v(values, m.toleranceIdx[l], Double.POSITIVE_INFINITY) * toleranceScale[l];
        if (m.toleranceInDays[l] && fullOwnRate[l] <= 0) {
            tolerance[l] = Double.POSITIVE_INFINITY; // a lever that costs its owner nothing is never lifted for cost
        }
        double recovery = v(values, m.toleranceRecoveryIdx[l], Double.POSITIVE_INFINITY);
        recoveryR[l] = Double.isInfinite(recovery) ? 1 : Math.exp(-LN2 / recovery);
        neverRecovers[l] = recoveryR[l] == 1;
        toleranceGain[l] = v(values, m.toleranceGainIdx[l], 0);
        clash[l] = values[m.clashIdx[l]];
        netStance[l] = v(values, m.networkStanceIdx[l], Double.NaN);
        threatW[l] = values[m.threatWeightIdx[l]];
        attackReduction[l] = v(values, m.attackReductionIdx[l], 0);
        double rec = v(values, m.attackRecoveryIdx[l], Double.POSITIVE_INFINITY);
        attackRecovery[l] = Double.isInfinite(rec) ? 1 : Math.exp(-LN2 / rec);
        inUse[l] = false;
        threatened[l] = false;
        exhausted[l] = false;
        until[l] = 0;
        started[l] = 0;
        intensity[l] = 1;
        provokedBy[l] = -1;
        ownCost[l] = 0;
        ownRate[l] = 0;
        leverPressure[l] = 0;
        degradation[l] = 0;
        suspended[l] = 0;
        suspendedUntil[l] = 0;
    }

    /** A run's parameters and fresh state of harm h of lever l (owner o), with its share of the lever's full effect. */
    private void resetHarm(int l, int h, int o, double[] values) {
        int g = hStart[l] + h;
        int c = hC[g];
        harmPerDay[g] = values[m.harmPerDayIdx[l][h]];
        double a = values[m.harmAccIdx[l][h]];
        double cap = values[m.harmAccCapIdx[l][h]];
        harmAccCap[g] = cap;
        harmAccQ[g] = a > 0 && cap > 0 ? Math.exp(-a / cap) : 1;
        double half = v(values, m.harmHalfLifeIdx[l][h], Double.POSITIVE_INFINITY);
        harmAdaptR[g] = Double.isInfinite(half) ? 1 : Math.exp(-LN2 / half);
        harmFloor[g] = v(values, m.harmFloorIdx[l][h], 0);
        harmOwnerW[g] = m.side[c] == o ? v(values, m.weightIdx[o][c], 0) : 0;
        harmTargetW[g] = wTarget[c];
        stockAffected[g] = 0;
        double rel = Math.min(1, harmPerDay[g] / baseline[c]);
        threatRel[g] = m.stock[c] ? 0 : harmTargetW[g] * rel;
        fullTargetPressure[l] += threatRel[g];
        fullOwnRate[l] += harmOwnerW[g] * rel;
    }

    /** A run's parameters and starting stances of network member i (its row of W normalised). */
    private void resetMember(int i, double[] values) {
        int nM = m.nM;
        double sum = 0;
        for (int k = 0; k < nM; k++) {
            influence[i][k] = v(values, m.influenceIdx[i][k], 0);
            sum += influence[i][k];
        }
        for (int k = 0; k < nM; k++) {
            influence[i][k] /= sum;
        }
        prejudice0[i] = values[m.stanceIdx[i]];
        lambda[i] = values[m.susceptibilityIdx[i]];
        interest[i] = v(values, m.interestIdx[i], prejudice0[i]);
        double tau = v(values, m.driftIdx[i], Double.POSITIVE_INFINITY);
        driftRate[i] = Double.isInfinite(tau) ? 0 : 1 / tau;
        x[i] = prejudice0[i];
        xBase[i] = prejudice0[i];
    }

    /** Simulates the whole horizon and closes the outcome. */
    public void run() {
        for (int t = 0; t < m.horizon; t++) {
            day(t);
        }
        finish();
    }

    /**
     * Simulates day by day until the demand is first met, or to the horizon, and says whether it was met; the
     * outcome is not closed ({@link #finish}), and the days after the first meeting are not simulated. For a
     * caller that reads only {@link RunOutcome#conceded()}: the day it is first met is set once and never
     * undone, so the answer is {@link #run}'s.
     */
    public boolean runUntilMet() {
        for (int t = 0; t < m.horizon; t++) {
            day(t);
            if (out.concessionDay >= 0) {
                return true;
            }
        }
        return false;
    }

    /** One day: the steps in their documented order. */
    public void day(int t) {
        clashesAndAttacks(t);
        fireRules(t);
        applyHarms(t);
        moveStances(t);
        decide(t);
        record(t);
    }

    /** Step 1: a clash with probability 1 − e^{−(ε₀ + Σ ε_l)}; attacks N_t ~ Poisson(λ_t) (Hawkes). */
    void clashesAndAttacks(int t) {
        double hazard = lastHazard;
        if (hazardStale) { // the hazard changes only when a lever starts or stops
            hazardStale = false;
            hazard = clashBackground;
            for (int l = 0; l < m.nL; l++) {
                if (inUse[l]) {
                    hazard += clash[l];
                }
            }
            if (hazard != lastHazard) {
                lastHazard = hazard;
                clashProbability = -Math.expm1(-hazard);
            }
        }
        double clashDraw = rng.nextDouble();
        clashToday = hazard > 0 && clashDraw < clashProbability;
        if (clashToday) {
            out.clashes++;
            emit(t, m.target, m.coercer, m.clashEvent, "clash", true);
        }
        attacksToday = 0;
        if (m.hasAttacks) {
            double remaining = 1;
            // only levers with a reduction ever degrade the attacker: the others would multiply by exactly 1
            final int[] degraders = this.degraders;
            for (int j = 0; j < nDegraders; j++) {
                int l = degraders[j];
                if (inUse[l]) {
                    degradation[l] = Math.max(degradation[l], attackReduction[l]);
                } else if (degradation[l] > 0) {
                    degradation[l] *= attackRecovery[l];
                }
                remaining *= 1 - degradation[l];
            }
            double rate = attackBase * (1 - suppression * z) * remaining + excitation;
            attacksToday = poisson(rate);
            excitation = decay * (excitation + alpha * attacksToday);
            out.attacks += attacksToday;
            for (int a = 0; a < attacksToday; a++) {
                emit(t, m.attackProxy, m.attackVictim, m.attackEvent, "attack", m.attackOnDyad);
            }
            if (attacksToday > 0) {
                for (int j = 0; j < nGainers; j++) {
                    tolerance[gainers[j]] += gainPerAttack[j] * attacksToday;
                }
            }
        }
        attacksThrough += attacksToday;
        attackRing[t % attackRing.length] = attacksThrough;
    }

    /** Step 2: the policy's rules, then the scenario's responses, in order; expired levers lifted. */
    void fireRules(int t) {
        boolean met = z >= m.releaseLevel - 1e-12;
        for (int r = 0; r < rules.length; r++) {
            CompiledScenario.CompiledRule rule = rules[r];
            if ((rule.once() && fired[r]) || t < rule.fromDay()) {
                continue;
            }
            boolean fire = switch (rule.kind()) {
                case CompiledScenario.CompiledRule.DAY -> t == rule.day() || (!rule.once() && t > rule.day());
                case CompiledScenario.CompiledRule.ATTACK -> attacksToday > 0;
                case CompiledScenario.CompiledRule.ATTACK_COUNT -> windowSum(t, rule.window()) >= rule.atLeast();
                case CompiledScenario.CompiledRule.CLASH -> clashToday;
                case CompiledScenario.CompiledRule.LEVER_USE -> inUse[rule.triggerLever()]
                        && started[rule.triggerLever()] == t - 1;
                case CompiledScenario.CompiledRule.CONCESSION -> metDay == t - 1;
                default -> false;
            };
            boolean blocked = !rule.response() && release && met
                    && (rule.action() == Rule.Action.USE || rule.action() == Rule.Action.THREATEN);
            if (!fire || blocked) {
                continue;
            }
            fired[r] = true;
            int l = rule.lever();
            switch (rule.action()) {
                case STOP -> lift(l, t, LiftReason.RULE);
                case EASE -> intensity[l] = rule.level();
                case USE -> {
                    if (exhausted[l]) {
                        continue;
                    }
                    int end = rule.duration() == CompiledScenario.NO_END ? CompiledScenario.NO_END
                            : t + rule.duration();
                    if (inUse[l]) {
                        until[l] = Math.max(until[l], end);
                    } else {
                        start(l, t, end, rule.kind() == CompiledScenario.CompiledRule.LEVER_USE
                                ? rule.triggerLever() : -1);
                    }
                }
                case THREATEN -> {
                    if (!exhausted[l] && !inUse[l] && !threatened[l]) {
                        threatened[l] = true;
                        until[l] = rule.duration() == CompiledScenario.NO_END ? CompiledScenario.NO_END
                                : t + rule.duration();
                        emit(t, m.owner[l], m.leverTarget[l], m.threatEvent[l], m.leverIds[l], m.onDyad[l]);
                    }
                }
                default -> throw new IllegalStateException("unknown action " + rule.action());
            }
        }
        for (int l = 0; l < m.nL; l++) {
            if ((inUse[l] || threatened[l]) && until[l] <= t) {
                lift(l, t, LiftReason.EXPIRED);
            }
        }
    }

    private void start(int l, int t, int end, int provoker) {
        inUse[l] = true;
        hazardStale = true;
        threatened[l] = false;
        until[l] = end;
        started[l] = t;
        intensity[l] = 1;
        provokedBy[l] = provoker;
        int po = provoker < 0 ? -1 : m.owner[provoker];
        for (int g = hStart[l]; g < hStart[l + 1]; g++) {
            accPow[g] = 1;
            adaptPow[g] = 1;
            int c = hC[g];
            harmProvokedW[g] = po >= 0 && m.side[c] == po ? weight(po, c) : 0;
        }
        if (out.firstUse[l] < 0) {
            out.firstUse[l] = t;
        }
        emit(t, m.owner[l], m.leverTarget[l], m.useEvent[l], m.leverIds[l], m.onDyad[l]);
    }

    private double weight(int actor, int c) {
        int idx = m.weightIdx[actor][c];
        return idx < 0 ? 0 : currentValues[idx];
    }

    private double[] currentValues;

    /**
     * Step 3: harms. Each harm in use contributes H·intensity·ramp·s(τ)·a(τ) in its unit; a flow's relative
     * losses are summed with the network's, capped at 1 (and floored at −1), then multiplied by the offsets in
     * force; a stock is depleted (never below 0). Owners bear their own cost; a lever whose owner's cost passes
     * Θ is lifted. Three methods, one per pass (the levers' harms, the constituencies' totals, the levers'
     * pressures and costs): as one, the optimising compiler spent 0.6–0.8 s compiling it.
     */
    void applyHarms(int t) {
        boolean anyInUse = leverHarms(t);
        constituencyTotals();
        for (int l = 0; l < m.nL; l++) {
            leverPressure[l] = 0;
            ownRate[l] = 0;
        }
        if (anyInUse) {
            leverPressures(t);
        }
    }

    /** Step 3, first pass: today's raw amount of each harm in use and each constituency's raw sum and offsets. */
    private boolean leverHarms(int t) {
        final int nC = m.nC;
        final int nL = m.nL;
        final boolean[] stock = m.stock;
        for (int c = 0; c < nC; c++) {
            cRaw[c] = 0;
            cOffset[c] = 1;
            cNet[c] = cNetRaw[c];
        }
        boolean anyInUse = false;
        for (int l = 0; l < nL; l++) {
            if (!inUse[l]) {
                if (recoveryR[l] != 1 && ownCost[l] > 0) {
                    ownCost[l] *= recoveryR[l];
                }
                continue;
            }
            anyInUse = true;
            int tau = t - started[l];
            // min(1, (τ + 1)/R) without the division once ramped up (the quotient is then ≥ 1: the same value)
            int rampDays = m.rampUp[l];
            double ramp = (tau + 1 >= rampDays ? 1.0 : (tau + 1.0) / rampDays) * intensity[l];
            for (int g = hStart[l], end = hStart[l + 1]; g < end; g++) {
                int c = hC[g];
                double acc = 1;
                double q = harmAccQ[g];
                if (q != 1) {
                    acc = 1 + harmAccCap[g] * (1 - accPow[g]);
                    accPow[g] *= q;
                }
                double adapt = 1;
                double r = harmAdaptR[g];
                if (r != 1) {
                    double f = harmFloor[g];
                    adapt = f + (1 - f) * adaptPow[g];
                    adaptPow[g] *= r;
                }
                double amount = harmPerDay[g] * ramp * acc * adapt;
                // a stock's harm in units for now, a flow's as a share of its baseline: the relative loss once
                // scaled below (one division a harm-day, where dividing again there gave the same quotient)
                double raw = stock[c] ? amount : amount / baseline[c];
                harmRel[g] = raw;
                cRaw[c] += raw;
            }
            int[] oc = m.offsetC[l];
            if (oc.length > 0) {
                double[] share = offsetShare[l];
                for (int j = 0; j < oc.length; j++) {
                    cOffset[oc[j]] *= 1 - share[j] * intensity[l];
                }
            }
        }
        return anyInUse;
    }

    /**
     * Step 3, second pass: each constituency's capped total and the scale it puts on its harms, the network's
     * relative losses under the cap, and a clash's harms.
     */
    private void constituencyTotals() {
        final int nC = m.nC;
        final boolean[] stock = m.stock;
        final int[] hostC = m.hostilityC;
        final double[] harm = out.harm;
        final double[] relativeHarm = out.relativeHarm;
        // a constituency no lever and no network member touches today keeps its totals (the general case below
        // adds signed zeros to them): only its scale is set, so most constituencies of a policy cost two stores
        for (int c = 0; c < nC; c++) {
            double raw = cRaw[c];
            if (stock[c]) {
                double available = baseline[c] * (1 - stockLevel[c]);
                if (raw == 0 && available >= 0) {
                    cScale[c] = 0;
                    continue;
                }
                double want = raw * cOffset[c];
                double got = Math.min(want, available);
                cScale[c] = raw > 0 ? got / raw : 0;
                stockLevel[c] += got / baseline[c];
                harm[c] += got;
                relativeHarm[c] = stockLevel[c];
            } else {
                double net = cNet[c];
                if (raw == 0 && net == 0) {
                    cScale[c] = 0;
                    cCap[c] = 1;
                    continue;
                }
                double lever = raw * cOffset[c];
                double total = lever + net;
                double capped = Math.max(-1, Math.min(1, total));
                double s = total != 0 && capped != total ? capped / total : 1;
                cScale[c] = raw > 0 ? s * cOffset[c] : 0;
                cCap[c] = s;
                cNet[c] = net * s;
                harm[c] += capped * baseline[c];
                relativeHarm[c] += capped;
            }
        }
        for (int i = 0; i < hostilityRel.length; i++) {
            int c = hostC[i];
            hostilityRel[i] = stock[c] ? 0 : hostilityRaw[i] * cCap[c];
        }
        if (clashToday) {
            for (int j = 0; j < clashHarm.length; j++) {
                int c = m.clashHarmC[j];
                double amount = stock[c] ? Math.min(clashHarm[j], baseline[c] * (1 - stockLevel[c]))
                        : Math.min(clashHarm[j], baseline[c]);
                harm[c] += amount;
                if (stock[c]) {
                    stockLevel[c] += amount / baseline[c];
                    relativeHarm[c] = stockLevel[c];
                } else {
                    relativeHarm[c] += amount / baseline[c];
                }
            }
        }
    }

    /**
     * Step 3, third pass (pressures and own rates start the pass at 0): each lever's pressure on the target and
     * cost to its owner; lifted past Θ.
     */
    private void leverPressures(int t) {
        final int nL = m.nL;
        final boolean[] stock = m.stock;
        final int[] daysInUse = out.daysInUse;
        for (int l = 0; l < nL; l++) {
            if (!inUse[l]) {
                continue;
            }
            double pressure = 0;
            double own = 0;
            int provoker = provokedBy[l];
            for (int g = hStart[l], end = hStart[l + 1]; g < end; g++) {
                int c = hC[g];
                double rel;
                if (stock[c]) {
                    double newly = harmRel[g] * cScale[c];
                    stockAffected[g] += newly;
                    rel = stockAffected[g] / baseline[c];
                } else {
                    rel = harmRel[g] * cScale[c];
                }
                harmRel[g] = rel;
                pressure += harmTargetW[g] * rel;
                own += harmOwnerW[g] * rel;
                if (provoker >= 0 && harmProvokedW[g] != 0) {
                    double provoked = harmProvokedW[g] * rel;
                    ownRate[provoker] += provoked;
                }
            }
            leverPressure[l] = pressure;
            ownRate[l] += own;
            daysInUse[l]++;
        }
        for (int l = 0; l < nL; l++) {
            if (!inUse[l] || ownRate[l] == 0) {
                continue;
            }
            ownCost[l] += ownRate[l];
            out.leverOwnCost[l] += ownRate[l];
            if (m.owner[l] == m.coercer) {
                out.coercerOwnCost += ownRate[l];
            }
            if (ownCost[l] >= tolerance[l]) {
                lift(l, t, LiftReason.OWN_COST);
                // with recovery the owner may use it again once the borne cost has faded; without, never (a flag
                // set once a run: as a comparison here, the first runs' profile saw one outcome, and the optimising
                // compiler's code for this pass was thrown away and compiled again when a run showed the other)
                exhausted[l] = neverRecovers[l];
            }
        }
    }

    /** The network's relative losses before the cap, from today's stances (they move only in step 4). */
    private void networkLosses() {
        for (int c = 0; c < m.nC; c++) {
            cNetRaw[c] = 0;
        }
        for (int i = 0; i < rho.length; i++) {
            int c = m.hostilityC[i];
            int mem = m.hostilityMember[i];
            hostilityRaw[i] = rho[i] * (xBase[mem] - x[mem]) / baseline[c];
            cNetRaw[c] += hostilityRaw[i];
        }
    }

    /**
     * Step 4: every stepDays days, Friedkin–Johnsen x ← ΛWx + (I − Λ)x̂(t), with each prejudice drifting toward
     * its member's interest and moved by the stance effects of levers in use (the owner's replaced by a lever's
     * network stance); the no-lever trajectory x^base moves with the drift alone.
     */
    void moveStances(int t) {
        int nM = m.nM;
        if (nM == 0 || t == 0 || t % stepDays != 0) {
            return;
        }
        for (int k = 0; k < nM; k++) {
            double p = driftRate[k] == 0 ? prejudice0[k]
                    : interest[k] + (prejudice0[k] - interest[k]) * Math.exp(-t * driftRate[k]);
            prejudiceBase[k] = p;
            prejudiceNow[k] = p;
        }
        for (int l = 0; l < m.nL; l++) {
            if (!inUse[l]) {
                continue;
            }
            if (m.networkMember[l] >= 0) {
                prejudiceNow[m.networkMember[l]] = netStance[l];
            }
            for (int j = 0; j < m.stanceMember[l].length; j++) {
                int k = m.stanceMember[l][j];
                prejudiceNow[k] = Math.max(-1, Math.min(1, prejudiceNow[k] + stanceShift[l][j] * intensity[l]));
            }
        }
        FriedkinJohnsen.step(influence, lambda, x, prejudiceNow, scratch);
        System.arraycopy(scratch, 0, x, 0, nM);
        FriedkinJohnsen.step(influence, lambda, xBase, prejudiceBase, scratch);
        System.arraycopy(scratch, 0, xBase, 0, nM);
        networkLosses();
        for (int k = 0; k < nM; k++) {
            out.peakWithdrawal[k] = Math.max(out.peakWithdrawal[k], xBase[k] - x[k]);
        }
    }

    /**
     * Step 5: the target's expected pain of holding out over its look-ahead L,
     * E = Σ_{l in use} π_l·min(L, D_l) + Σ_{l threatened} θ_l·π̄_l·min(L, D̄_l) + π_net·L, against the cost of
     * conceding z, K·L·(z/z_r)^γ. On a decision day (probability 1 − e^{−r}) it concedes the most it is willing
     * to, z* = min(κ, z_r(E/KL)^{1/γ}), if z* ≥ z_p and z* > z. Backsliding once E has stayed below b·K·L.
     */
    void decide(int t) {
        double L = lookahead;
        double e = 0;
        int nCh = out.channelPressure.length;
        for (int l = 0; l < m.nL; l++) {
            double weightDays;
            double pressure;
            if (inUse[l]) {
                pressure = leverPressure[l];
                if (pressure == 0) {
                    continue;
                }
                weightDays = Math.min(L, expectedDuration(l, ownCost[l], ownRate[l]));
                if (nCh > 0) {
                    double share = weightDays / L;
                    double[] channelPressure = out.channelPressure;
                    for (int g = hStart[l], end = hStart[l + 1]; g < end; g++) {
                        int ch = hChannel[g];
                        if (ch >= 0) {
                            channelPressure[ch] += harmTargetW[g] * harmRel[g] * share;
                        }
                    }
                }
            } else if (threatened[l] && threatW[l] > 0) {
                pressure = threatW[l] * fullTargetPressure[l];
                if (pressure == 0) {
                    continue;
                }
                weightDays = Math.min(L, expectedDuration(l, 0, fullOwnRate[l]));
                double share = threatW[l] * weightDays / L;
                for (int g = hStart[l], end = hStart[l + 1]; g < end; g++) {
                    int ch = hChannel[g];
                    int c = hC[g];
                    if (ch >= 0 && !m.stock[c]) {
                        out.channelPressure[ch] += threatRel[g] * share;
                    }
                }
            } else {
                continue;
            }
            e += pressure * weightDays;
        }
        for (int i = 0; i < rho.length; i++) {
            int c = m.hostilityC[i];
            double p = wTarget[c] * hostilityRel[i];
            if (p != 0) {
                e += p * L;
                int ch = m.memberChannel[m.hostilityMember[i]];
                if (ch >= 0) {
                    out.channelPressure[ch] += p;
                }
            }
        }
        expected = e;
        // one uniform for the decision (when the demand has a rate: a property of the scenario, not of a run) and
        // one for the backsliding every day, whatever the state and whatever the run's hazard (0 included), so runs
        // that share a stream stay aligned (common random numbers across policies and inputs)
        boolean decisionDay = m.decisionRateIdx < 0 || rng.nextDouble() < decisionProbability;
        double backslideDraw = rng.nextDouble();
        // willing ≤ κ: nothing to decide unless a decision day could raise the concession (saves the power)
        if (decisionDay && e >= concedeThreshold && e > 0 && capacity > 0 && capacity > z + 1e-12) {
            double willing;
            if (m.allOrNothing) {
                willing = capacity >= 1 - 1e-12 ? 1 : 0;
            } else {
                willing = resolve <= 0 ? capacity
                        : Math.min(capacity, m.releaseLevel * Math.pow(e / (resolve * L), 1 / gamma));
            }
            if (willing >= m.partialLevel - 1e-12 && willing > z + 1e-12 && decisionDay) {
                concede(t, willing);
            }
        }
        if (e < m.backslideBelow * resolve * L) {
            calmDays++;
            if (z > 0 && calmDays > m.graceDays && backslideDraw < backslide) {
                withdraw(t);
            }
        } else {
            calmDays = 0;
        }
    }

    /** D: the days the target expects lever l still to last, given the cost its owner has borne. */
    private double expectedDuration(int l, double borne, double rate) {
        if (rate <= 0 || Double.isInfinite(tolerance[l])) {
            return Double.POSITIVE_INFINITY;
        }
        double remaining = m.credibility == CredibilityRule.KNOWN || m.belief[l] == null
                ? Math.max(0, tolerance[l] - borne)
                : toleranceScale[l] * m.belief[l].meanExcess(borne / toleranceScale[l]);
        return remaining / rate;
    }

    private void concede(int t, double level) {
        z = level;
        out.peakConcession = Math.max(out.peakConcession, z);
        if (out.firstConcessionDay < 0) {
            out.firstConcessionDay = t;
        }
        emit(t, m.target, m.coercer, m.concessionEvent, "concession", true);
        if (z >= m.releaseLevel - 1e-12) {
            if (out.concessionDay < 0) {
                out.concessionDay = t;
            }
            metDay = t;
            if (release) {
                for (int l = 0; l < m.nL; l++) {
                    if ((inUse[l] || threatened[l]) && m.owner[l] == m.coercer) {
                        suspended[l] = inUse[l] ? SUSPENDED_USE : SUSPENDED_THREAT;
                        suspendedUntil[l] = until[l] == CompiledScenario.NO_END ? CompiledScenario.NO_END
                                : until[l] - t;
                        lift(l, t, LiftReason.CONCESSION);
                    }
                }
            }
        }
    }

    /** The concession is withdrawn; the coercer re-applies what it released on it (snapback). */
    private void withdraw(int t) {
        z = 0;
        out.withdrawals++;
        for (int l = 0; l < m.nL; l++) {
            if (suspended[l] != 0 && !exhausted[l]) {
                int end = suspendedUntil[l] == CompiledScenario.NO_END ? CompiledScenario.NO_END
                        : t + suspendedUntil[l];
                if (suspended[l] == SUSPENDED_USE) {
                    start(l, t, end, -1);
                } else {
                    threatened[l] = true;
                    until[l] = end;
                }
            }
            suspended[l] = 0;
        }
    }

    private void record(int t) {
        if (daily == null) {
            return;
        }
        daily.pressure[t] += expected / lookahead;
        daily.concession[t] += z;
        daily.attacks[t] += attacksToday;
        if (daily.stance.length == m.nM) {
            for (int k = 0; k < m.nM; k++) {
                daily.stance[k][t] += x[k];
            }
        }
    }

    /** Whether lever {@code l} is in force (applied) at the end of the last simulated day. */
    public boolean inUse(int l) {
        return inUse[l];
    }

    /** The target's concession level z at the end of the last simulated day. */
    public double concession() {
        return z;
    }

    /** Member {@code k}'s expressed stance toward the target at the end of the last simulated day. */
    public double stance(int k) {
        return x[k];
    }

    /** Attacks on the last simulated day. */
    public int attacksToday() {
        return attacksToday;
    }

    /** Closes the outcome at the horizon. */
    public void finish() {
        for (int l = 0; l < m.nL; l++) {
            if (inUse[l] && out.firstSpell[l] < 0) {
                out.firstSpell[l] = m.horizon - started[l];
            }
        }
        out.finalConcession = z;
        System.arraycopy(x, 0, out.stance, 0, m.nM);
        System.arraycopy(xBase, 0, out.baselineStance, 0, m.nM);
        if (daily != null) {
            daily.runs++;
        }
    }

    /**
     * Lifts lever l on day t. A rule's stop and an expired term act in step 2, before the day's harms, so the
     * lever was in force on days started … t − 1; the owner's cost (step 3) and a concession (step 5) lift it
     * after it has acted on day t. The first spell's length counts the days it was in force either way.
     */
    private void lift(int l, int t, LiftReason why) {
        if (inUse[l]) {
            inUse[l] = false;
            hazardStale = true;
            if (out.firstSpell[l] < 0) {
                boolean beforeHarms = why == LiftReason.RULE || why == LiftReason.EXPIRED;
                out.firstSpell[l] = t - started[l] + (beforeHarms ? 0 : 1);
                out.firstSpellEnd[l] = why;
            }
            emit(t, m.owner[l], m.leverTarget[l], m.liftEvent[l], m.leverIds[l], m.onDyad[l]);
        }
        threatened[l] = false;
    }

    private void emit(int day, int source, int target, EventCode code, String what, boolean dyad) {
        if (code == null) {
            return;
        }
        if (daily != null && dyad) {
            daily.goldstein[day] += code.goldstein();
            daily.events[day] += 1;
            daily.tension(day, code);
        }
        if (listener != null) {
            listener.onEvent(day, m.actorId(source), m.actorId(target), code, what);
        }
    }

    /** Attacks over the last {@code window} days through day t (fewer days at the start). */
    private long windowSum(int t, int window) {
        long through = attackRing[t % attackRing.length];
        return t < window ? through : through - attackRing[(t - window) % attackRing.length];
    }

    /**
     * Whether inversion from uniform u would stop at k = 0 for a Poisson mean λ &gt; 0, decided without
     * e^{−λ}: since e^{−λ} &gt; 1 − λ, a u at or below 1 − λ, less 2^{−50} for the rounding of both sides (Math.exp
     * is within an ulp), is below the computed e^{−λ}. Exact: the answer is the inversion's.
     */
    static boolean surelyNone(double u, double mean) {
        return u <= 1 - mean - 0x1p-50;
    }

    /**
     * Poisson variate by inversion of the CDF from one uniform, so a run consumes exactly one uniform a day for
     * its attacks whatever the rate (streams stay aligned across policies: common random numbers). Means of
     * 700 and more, where e^{−λ} underflows, use the normal approximation with continuity correction. A zero
     * that {@link #surelyNone} can tell is returned without computing e^{−λ} (the same zero).
     */
    private int poisson(double mean) {
        double u = rng.nextDouble();
        if (mean <= 0) {
            return 0;
        }
        if (surelyNone(u, mean)) { // most days: no exponential
            return 0;
        }
        if (mean >= 700) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * SpecialFunctions.normalQuantile(
                    Math.min(Math.max(u, 1e-12), 1 - 1e-12))));
        }
        if (mean != cachedRate) {
            cachedRate = mean;
            cachedLimit = Math.exp(-mean);
        }
        double p = cachedLimit;
        double f = p;
        int k = 0;
        while (u > f && p > 0) {
            k++;
            p *= mean / k;
            f += p;
        }
        return k;
    }
}
