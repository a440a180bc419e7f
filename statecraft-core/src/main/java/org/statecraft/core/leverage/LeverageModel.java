package org.statecraft.core.leverage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.statecraft.core.influence.FriedkinJohnsen;
import org.statecraft.core.scenario.Constituency;
import org.statecraft.core.scenario.ConstituencyRole;
import org.statecraft.core.scenario.EventCode;
import org.statecraft.core.scenario.HostilityHarm;
import org.statecraft.core.scenario.InfluenceNetwork;
import org.statecraft.core.scenario.Lever;
import org.statecraft.core.scenario.Policy;
import org.statecraft.core.scenario.Rule;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.core.scenario.ScenarioChecks;
import org.statecraft.core.scenario.Trigger;

/**
 * The leverage engine: a scenario compiled to index arrays, simulated one day at a time. Immutable and
 * thread-safe; {@link #simulate} is a pure function of (policy, parameters, random stream).
 *
 * <p>One day t (equations and sources in {@code docs/models/leverage.md}):
 * <ol>
 *   <li>clashes with probability 1 − exp(−(ε₀ + Σ ε_l)) over levers in use yesterday; attacks
 *       N_t ~ Poisson(λ₀(1 − e z) + E_t), E_{t+1} = e^{−δ}(E_t + α N_t) (a Hawkes process);</li>
 *   <li>policy rules fire in order (a lever in use is extended, not doubled); rules whose time ran out
 *       lift their lever;</li>
 *   <li>harms accrue: H_{l,c} · min(1, (τ+1)/R_l) · (1 + a_{l,c} τ); the owner's own cost
 *       O_l += Σ_{c of owner} w_{o,c} h/B_c; a lever whose O_l ≥ Θ_l is lifted;</li>
 *   <li>every {@code stepDays}, stances move by Friedkin–Johnsen, with the owner's prejudice replaced by a
 *       lever's network stance while it is in use; the loss of support relative to the baseline trajectory
 *       becomes harm ρ_{k,c}(x^base_k − x_k) on the constituencies third parties control;</li>
 *   <li>the target's expected pressure Π̂ = Σ_l cr_l π_l + π_net is set against its resolve K: it
 *       concedes z = min(κ, z_r (Π̂/K)^{1/γ}) if that exceeds what it already gave; once z reaches
 *       min(κ, z_r) the coercer releases its levers (if the policy says so); once pressure has been gone for
 *       a grace period the concession is withdrawn with hazard b per day, and the coercer re-applies what it
 *       released (snapback);</li>
 *   <li>events carry CAMEO codes and Goldstein values.</li>
 * </ol>
 * Cost per run-day: O(harm entries + rules + members²/stepDays).
 */
public final class LeverageModel {
    private static final int NO_END = Integer.MAX_VALUE;
    private static final byte SUSPENDED_USE = 1;
    private static final byte SUSPENDED_THREAT = 2;

    private final Scenario scenario;
    private final ParameterSpace space;
    private final CredibilityRule credibilityRule;
    private final int horizon;
    private final int nC;
    private final int nL;
    private final int nM;
    private final String coercerId;
    private final String targetId;
    // constituencies
    private final int[] baselineIdx;
    private final boolean[] collateral;
    private final boolean[] ofTarget;
    private final int[] targetWeightIdx; // -1 = weight 0
    // levers
    private final boolean[] ownedByCoercer;
    private final int[] rampUp;
    private final int[][] harmConstituency;
    private final int[][] harmPerDayIdx;
    private final int[][] harmAccumIdx;
    private final boolean[][] harmOnOwner;
    private final int[][] harmOwnerWeightIdx;
    private final int[] toleranceIdx;
    private final int[] clashIdx;
    private final int[] networkStanceIdx;
    private final int[] networkMember;
    private final int[] threatWeightIdx;
    private final EventCode[] useEvent;
    private final EventCode[] liftEvent;
    private final EventCode[] threatEvent;
    private final String[] leverOwner;
    private final String[] leverTarget;
    private final String[] leverIds;
    // policies
    private final CompiledRule[][] rules;
    private final boolean[] releaseOnConcession;
    private final int maxWindow;
    // demand
    private final int kIdx;
    private final int capacityIdx;
    private final double releaseLevel;
    private final int gammaIdx;
    private final int lookaheadIdx;
    private final int backslideIdx;
    private final int graceDays;
    private final EventCode concessionEvent;
    // attacks and clashes
    private final boolean hasAttacks;
    private final int attackBaseIdx;
    private final int attackSuppressionIdx;
    private final int attackExcitationIdx;
    private final int attackDecayIdx;
    private final EventCode attackEvent;
    private final String attackProxy;
    private final String attackVictim;
    private final boolean attackOnDyad;
    private final int clashBackgroundIdx;
    private final EventCode clashEvent;
    // network
    private final int stepDays;
    private final double[][] influence;
    private final int[] stanceIdx;
    private final int[] susceptibilityIdx;
    private final String[] memberIds;
    private final int[] hostilityMember;
    private final int[] hostilityConstituency;
    private final int[] hostilityPerDayIdx;

    private record CompiledRule(int kind, int day, int window, int atLeast, boolean use, int lever, int duration,
                                boolean once) {
        static final int DAY = 0;
        static final int ATTACK = 1;
        static final int ATTACK_COUNT = 2;
        static final int CLASH = 3;
    }

    public LeverageModel(Scenario scenario) {
        this(scenario, CredibilityRule.HORIZON);
    }

    public LeverageModel(Scenario scenario, CredibilityRule credibilityRule) {
        var problems = ScenarioChecks.check(scenario);
        if (!problems.isEmpty()) {
            throw new org.statecraft.core.ScenarioException("scenario " + scenario.id() + " is inconsistent: "
                    + problems);
        }
        this.scenario = scenario;
        this.space = new ParameterSpace(scenario);
        this.credibilityRule = credibilityRule;
        this.horizon = scenario.horizonDays();
        List<Constituency> cs = scenario.constituencies();
        List<Lever> ls = scenario.levers();
        InfluenceNetwork net = scenario.network();
        nC = cs.size();
        nL = ls.size();
        nM = net.members().size();
        coercerId = scenario.demand().coercer();
        targetId = scenario.demand().target();
        Map<String, Integer> cIndex = new HashMap<>();
        for (int c = 0; c < nC; c++) {
            cIndex.put(cs.get(c).id(), c);
        }
        Map<String, Integer> lIndex = new HashMap<>();
        for (int l = 0; l < nL; l++) {
            lIndex.put(ls.get(l).id(), l);
        }
        Map<String, Integer> mIndex = new HashMap<>();
        for (int m = 0; m < nM; m++) {
            mIndex.put(net.members().get(m), m);
        }

        baselineIdx = new int[nC];
        collateral = new boolean[nC];
        ofTarget = new boolean[nC];
        targetWeightIdx = new int[nC];
        for (int c = 0; c < nC; c++) {
            Constituency k = cs.get(c);
            baselineIdx[c] = space.indexOf("/constituencies/" + c + "/baseline");
            collateral[c] = k.role() == ConstituencyRole.COLLATERAL;
            ofTarget[c] = k.side().equals(targetId);
            targetWeightIdx[c] = ofTarget[c] ? weightIndex(targetId, k.id()) : -1;
        }

        ownedByCoercer = new boolean[nL];
        rampUp = new int[nL];
        harmConstituency = new int[nL][];
        harmPerDayIdx = new int[nL][];
        harmAccumIdx = new int[nL][];
        harmOnOwner = new boolean[nL][];
        harmOwnerWeightIdx = new int[nL][];
        toleranceIdx = new int[nL];
        clashIdx = new int[nL];
        networkStanceIdx = new int[nL];
        networkMember = new int[nL];
        threatWeightIdx = new int[nL];
        useEvent = new EventCode[nL];
        liftEvent = new EventCode[nL];
        threatEvent = new EventCode[nL];
        leverOwner = new String[nL];
        leverTarget = new String[nL];
        leverIds = new String[nL];
        for (int l = 0; l < nL; l++) {
            Lever lv = ls.get(l);
            String p = "/levers/" + l;
            leverIds[l] = lv.id();
            leverOwner[l] = lv.owner();
            leverTarget[l] = lv.target();
            ownedByCoercer[l] = lv.owner().equals(coercerId);
            rampUp[l] = lv.rampUpDays();
            int n = lv.harms().size();
            harmConstituency[l] = new int[n];
            harmPerDayIdx[l] = new int[n];
            harmAccumIdx[l] = new int[n];
            harmOnOwner[l] = new boolean[n];
            harmOwnerWeightIdx[l] = new int[n];
            for (int h = 0; h < n; h++) {
                int c = cIndex.get(lv.harms().get(h).constituency());
                harmConstituency[l][h] = c;
                harmPerDayIdx[l][h] = space.indexOf(p + "/harms/" + h + "/perDay");
                harmAccumIdx[l][h] = space.indexOf(p + "/harms/" + h + "/accumulation");
                harmOnOwner[l][h] = cs.get(c).side().equals(lv.owner());
                harmOwnerWeightIdx[l][h] = harmOnOwner[l][h] ? weightIndex(lv.owner(), cs.get(c).id()) : -1;
            }
            toleranceIdx[l] = space.indexOf(p + "/tolerance");
            clashIdx[l] = space.indexOf(p + "/clashHazard");
            networkStanceIdx[l] = space.indexOf(p + "/networkStance");
            networkMember[l] = lv.networkStance() == null ? -1 : mIndex.get(lv.owner());
            threatWeightIdx[l] = space.indexOf(p + "/threatWeight");
            useEvent[l] = lv.useEvent();
            liftEvent[l] = lv.liftEvent();
            threatEvent[l] = lv.threatEvent();
        }

        List<Policy> ps = scenario.policies();
        rules = new CompiledRule[ps.size()][];
        releaseOnConcession = new boolean[ps.size()];
        int window = 1;
        for (int p = 0; p < ps.size(); p++) {
            releaseOnConcession[p] = ps.get(p).releaseOnConcession();
            List<CompiledRule> cr = new ArrayList<>();
            for (Rule r : ps.get(p).rules()) {
                int lever = lIndex.get(r.lever());
                int dur = r.durationDays() == null ? NO_END : r.durationDays();
                boolean use = r.action() == Rule.Action.USE;
                Trigger t = r.trigger();
                if (t instanceof Trigger.OnDay d) {
                    cr.add(new CompiledRule(CompiledRule.DAY, d.day(), 0, 0, use, lever, dur, r.once()));
                } else if (t instanceof Trigger.OnAttack) {
                    cr.add(new CompiledRule(CompiledRule.ATTACK, 0, 0, 0, use, lever, dur, r.once()));
                } else if (t instanceof Trigger.AttackCount a) {
                    window = Math.max(window, a.windowDays());
                    cr.add(new CompiledRule(CompiledRule.ATTACK_COUNT, 0, a.windowDays(), a.atLeast(), use, lever,
                            dur, r.once()));
                } else if (t instanceof Trigger.OnClash) {
                    cr.add(new CompiledRule(CompiledRule.CLASH, 0, 0, 0, use, lever, dur, r.once()));
                } else {
                    throw new IllegalStateException("unknown trigger " + t);
                }
            }
            rules[p] = cr.toArray(CompiledRule[]::new);
        }
        maxWindow = window;

        var d = scenario.demand();
        kIdx = space.indexOf("/demand/complianceCost");
        capacityIdx = space.indexOf("/demand/capacity");
        releaseLevel = d.releaseLevel();
        gammaIdx = space.indexOf("/demand/convexity");
        lookaheadIdx = space.indexOf("/demand/lookaheadDays");
        backslideIdx = space.indexOf("/demand/backsliding/hazard");
        graceDays = d.backslideGraceDays();
        concessionEvent = d.concessionEvent();

        var at = scenario.attacks();
        hasAttacks = at != null;
        attackBaseIdx = space.indexOf("/attacks/baseRatePerDay");
        attackSuppressionIdx = space.indexOf("/attacks/suppression");
        attackExcitationIdx = space.indexOf("/attacks/excitation");
        attackDecayIdx = space.indexOf("/attacks/decayPerDay");
        attackEvent = at == null ? null : at.event();
        attackProxy = at == null ? null : at.proxy();
        attackVictim = at == null ? null : at.victim();
        attackOnDyad = at != null && isDyad(at.proxy(), at.victim());
        clashBackgroundIdx = space.indexOf("/clashes/backgroundHazard");
        clashEvent = scenario.clashes() == null ? null : scenario.clashes().event();

        stepDays = (int) Math.round(net.stepDays().mean());
        influence = new double[nM][nM];
        stanceIdx = new int[nM];
        susceptibilityIdx = new int[nM];
        memberIds = net.members().toArray(String[]::new);
        for (int m = 0; m < nM; m++) {
            String id = memberIds[m];
            var row = net.influence().get(id);
            if (row == null) {
                influence[m][m] = 1;
            } else {
                row.forEach((k, v) -> influence[mIndex.get(id)][mIndex.get(k)] = v.mean());
            }
            stanceIdx[m] = space.indexOf("/network/initialStance/" + ScenarioChecks.esc(id));
            susceptibilityIdx[m] = space.indexOf("/network/susceptibility/" + ScenarioChecks.esc(id));
        }
        List<HostilityHarm> hh = net.hostilityHarms();
        hostilityMember = new int[hh.size()];
        hostilityConstituency = new int[hh.size()];
        hostilityPerDayIdx = new int[hh.size()];
        for (int i = 0; i < hh.size(); i++) {
            hostilityMember[i] = mIndex.get(hh.get(i).member());
            hostilityConstituency[i] = cIndex.get(hh.get(i).constituency());
            hostilityPerDayIdx[i] = space.indexOf("/network/hostilityHarms/" + i + "/perDay");
        }
    }

    private int weightIndex(String actor, String constituency) {
        return space.indexOf("/weights/" + ScenarioChecks.esc(actor) + "/" + ScenarioChecks.esc(constituency));
    }

    private boolean isDyad(String a, String b) {
        return (a.equals(coercerId) && b.equals(targetId)) || (a.equals(targetId) && b.equals(coercerId));
    }

    public Scenario scenario() {
        return scenario;
    }

    public ParameterSpace parameterSpace() {
        return space;
    }

    public CredibilityRule credibilityRule() {
        return credibilityRule;
    }

    public int horizon() {
        return horizon;
    }

    public int policyCount() {
        return rules.length;
    }

    /** A per-day accumulator sized for this model (horizon days, network members). */
    public DailySeries newDailySeries() {
        return new DailySeries(horizon, nM);
    }

    public RunOutcome newOutcome() {
        return new RunOutcome(nC, nL, nM);
    }

    private static double v(double[] values, int idx, double dflt) {
        return idx < 0 ? dflt : values[idx];
    }

    /** Simulates one run; see {@link #simulate(int, double[], RandomGenerator, RunOutcome, DailySeries, EventListener)}. */
    public RunOutcome simulate(int policy, double[] values, RandomGenerator rng) {
        RunOutcome out = newOutcome();
        simulate(policy, values, rng, out, null, null);
        return out;
    }

    /**
     * Simulates policy {@code policy} over the horizon with parameters {@code values} (from
     * {@link ParameterSpace}) and the random stream {@code rng}, filling {@code out} (which must be fresh).
     * {@code daily} (optional) receives per-day sums; {@code listener} (optional) every event.
     */
    public void simulate(int policy, double[] values, RandomGenerator rng, RunOutcome out, DailySeries daily,
                         EventListener listener) {
        final int H = horizon;
        final CompiledRule[] rs = rules[policy];
        final boolean release = releaseOnConcession[policy];

        // ---- per-run parameters
        final double[] baseline = new double[nC];
        final double[] wTarget = new double[nC];
        for (int c = 0; c < nC; c++) {
            baseline[c] = values[baselineIdx[c]];
            wTarget[c] = v(values, targetWeightIdx[c], 0);
        }
        final double resolve = values[kIdx];
        final double capacity = values[capacityIdx];
        final double gamma = values[gammaIdx];
        final double lookahead = Math.max(1e-9, values[lookaheadIdx]);
        final double backslide = v(values, backslideIdx, 0);
        final double zGoal = Math.min(capacity, releaseLevel) - 1e-12;
        final double invGamma = 1.0 / gamma;
        final double releaseLevel = this.releaseLevel;

        final double[] tolerance = new double[nL];
        final double[] clash = new double[nL];
        final double[] netStance = new double[nL];
        final double[] threatW = new double[nL];
        final double[] fullTargetPressure = new double[nL];
        final double[] fullOwnCost = new double[nL];
        final double[][] harmPerDay = new double[nL][];
        final double[][] harmAccum = new double[nL][];
        final double[][] harmOwnWeight = new double[nL][];
        for (int l = 0; l < nL; l++) {
            int n = harmConstituency[l].length;
            harmPerDay[l] = new double[n];
            harmAccum[l] = new double[n];
            harmOwnWeight[l] = new double[n];
            for (int h = 0; h < n; h++) {
                harmPerDay[l][h] = values[harmPerDayIdx[l][h]];
                harmAccum[l][h] = v(values, harmAccumIdx[l][h], 0);
                harmOwnWeight[l][h] = harmOnOwner[l][h] ? v(values, harmOwnerWeightIdx[l][h], 0) : 0;
            }
        }
        for (int l = 0; l < nL; l++) {
            tolerance[l] = v(values, toleranceIdx[l], Double.POSITIVE_INFINITY);
            clash[l] = v(values, clashIdx[l], 0);
            netStance[l] = v(values, networkStanceIdx[l], Double.NaN);
            threatW[l] = v(values, threatWeightIdx[l], 0);
            for (int h = 0; h < harmConstituency[l].length; h++) {
                int c = harmConstituency[l][h];
                double rel = values[harmPerDayIdx[l][h]] / baseline[c];
                fullTargetPressure[l] += wTarget[c] * rel;
                if (harmOnOwner[l][h]) {
                    fullOwnCost[l] += v(values, harmOwnerWeightIdx[l][h], 0) * rel;
                }
            }
        }
        final double attackBase = hasAttacks ? values[attackBaseIdx] : 0;
        final double suppression = hasAttacks ? values[attackSuppressionIdx] : 0;
        final double alpha = hasAttacks ? values[attackExcitationIdx] : 0;
        final double decay = hasAttacks ? Math.exp(-values[attackDecayIdx]) : 0;
        final double clashBackground = v(values, clashBackgroundIdx, 0);

        final double[] x = new double[nM];
        final double[] xBase = new double[nM];
        final double[] prejudice = new double[nM];
        final double[] prejudiceNow = new double[nM];
        final double[] lambda = new double[nM];
        final double[] scratch = new double[nM];
        for (int m = 0; m < nM; m++) {
            prejudice[m] = v(values, stanceIdx[m], 0);
            lambda[m] = v(values, susceptibilityIdx[m], 0);
            x[m] = prejudice[m];
            xBase[m] = prejudice[m];
        }
        final int nH = hostilityMember.length;
        final double[] rho = new double[nH];
        for (int i = 0; i < nH; i++) {
            rho[i] = values[hostilityPerDayIdx[i]];
        }

        // ---- state
        final boolean[] inUse = new boolean[nL];
        final boolean[] threatened = new boolean[nL];
        final boolean[] exhausted = new boolean[nL];
        final int[] until = new int[nL];
        final int[] started = new int[nL];
        final double[] ownCost = new double[nL];
        final double[] ownDaily = new double[nL];
        final double[] leverPressure = new double[nL];
        final boolean[] fired = new boolean[rs.length];
        final byte[] suspended = new byte[nL];
        final int[] suspendedUntil = new int[nL];
        final int[] attackRing = new int[maxWindow];
        double excitation = 0;
        double z = 0;
        int calmDays = 0;
        double cachedHazard = -1;
        double clashProbability = 0;
        double concedeAbove = 0; // expected pressure above which the target concedes more than z: K (z / z_r)^γ
        boolean clashYesterday = false;
        boolean anyNetworkLever = false;
        for (int l = 0; l < nL; l++) {
            anyNetworkLever |= networkMember[l] >= 0;
        }

        for (int t = 0; t < H; t++) {
            // 1. clashes (hazard from levers in use yesterday) and attacks
            double hazard = clashBackground;
            for (int l = 0; l < nL; l++) {
                if (inUse[l]) {
                    hazard += clash[l];
                }
            }
            if (hazard != cachedHazard) {
                cachedHazard = hazard;
                clashProbability = -Math.expm1(-hazard);
            }
            boolean clashToday = hazard > 0 && rng.nextDouble() < clashProbability;
            if (clashToday) {
                out.clashes++;
                emit(t, targetId, coercerId, clashEvent, "clash", daily, listener, true);
            }
            int attacks = 0;
            if (hasAttacks) {
                double rate = attackBase * (1 - suppression * z) + excitation;
                attacks = poisson(rng, rate);
                excitation = decay * (excitation + alpha * attacks);
                out.attacks += attacks;
                if (daily != null) {
                    daily.attacks[t] += attacks;
                }
                for (int a = 0; a < attacks; a++) {
                    emit(t, attackProxy, attackVictim, attackEvent, "attack", daily, listener, attackOnDyad);
                }
            }
            attackRing[t % maxWindow] = attacks;

            // 2. rules
            boolean conceded = z >= zGoal;
            for (int r = 0; r < rs.length; r++) {
                CompiledRule rule = rs[r];
                if (rule.once() && fired[r]) {
                    continue;
                }
                boolean fire;
                switch (rule.kind()) {
                    case CompiledRule.DAY -> fire = t == rule.day() || (!rule.once() && t > rule.day());
                    case CompiledRule.ATTACK -> fire = attacks > 0;
                    case CompiledRule.ATTACK_COUNT -> fire = windowSum(attackRing, t, rule.window()) >= rule.atLeast();
                    case CompiledRule.CLASH -> fire = clashToday || clashYesterday;
                    default -> fire = false;
                }
                if (!fire || (release && conceded)) {
                    continue;
                }
                fired[r] = true;
                int l = rule.lever();
                if (exhausted[l]) {
                    continue;
                }
                int end = rule.duration() == NO_END ? NO_END : t + rule.duration();
                if (rule.use()) {
                    if (inUse[l]) {
                        until[l] = Math.max(until[l], end);
                    } else {
                        inUse[l] = true;
                        threatened[l] = false;
                        until[l] = end;
                        started[l] = t;
                        if (out.firstUse[l] < 0) {
                            out.firstUse[l] = t;
                        }
                        emit(t, leverOwner[l], leverTarget[l], useEvent[l], leverIds[l], daily, listener,
                                isDyad(leverOwner[l], leverTarget[l]));
                    }
                } else if (!inUse[l] && !threatened[l]) {
                    threatened[l] = true;
                    until[l] = end;
                    if (threatEvent[l] != null) {
                        emit(t, leverOwner[l], leverTarget[l], threatEvent[l], leverIds[l], daily, listener,
                                isDyad(leverOwner[l], leverTarget[l]));
                    }
                }
            }
            clashYesterday = clashToday;
            for (int l = 0; l < nL; l++) {
                if ((inUse[l] || threatened[l]) && until[l] <= t) {
                    lift(l, t, LiftReason.EXPIRED, inUse, threatened, started, out, daily, listener);
                }
            }

            // 3. harms, own cost, backing down
            for (int l = 0; l < nL; l++) {
                leverPressure[l] = 0;
                ownDaily[l] = 0;
                if (!inUse[l]) {
                    continue;
                }
                int tau = t - started[l];
                double ramp = Math.min(1.0, (tau + 1.0) / rampUp[l]);
                double pressure = 0;
                double own = 0;
                int[] hc = harmConstituency[l];
                double[] perDay = harmPerDay[l];
                double[] accum = harmAccum[l];
                double[] ownWeight = harmOwnWeight[l];
                for (int h = 0; h < hc.length; h++) {
                    int c = hc[h];
                    double harm = perDay[h] * ramp * (1 + accum[h] * tau);
                    double rel = harm / baseline[c];
                    out.harm[c] += harm;
                    out.relativeHarm[c] += rel;
                    pressure += wTarget[c] * rel;
                    own += ownWeight[h] * rel;
                }
                out.daysInUse[l]++;
                leverPressure[l] = pressure;
                ownDaily[l] = own;
                ownCost[l] += own;
                if (ownedByCoercer[l]) {
                    out.coercerOwnCost += own;
                }
                if (ownCost[l] >= tolerance[l]) {
                    lift(l, t, LiftReason.OWN_COST, inUse, threatened, started, out, daily, listener);
                    exhausted[l] = true;
                }
            }

            // 4. stances (Friedkin–Johnsen) and the harm that lost support does
            double netPressure = 0;
            if (nM > 0) {
                if (t > 0 && t % stepDays == 0) {
                    System.arraycopy(prejudice, 0, prejudiceNow, 0, nM);
                    if (anyNetworkLever) {
                        for (int l = 0; l < nL; l++) {
                            if (inUse[l] && networkMember[l] >= 0) {
                                prejudiceNow[networkMember[l]] = netStance[l];
                            }
                        }
                    }
                    FriedkinJohnsen.step(influence, lambda, x, prejudiceNow, scratch);
                    System.arraycopy(scratch, 0, x, 0, nM);
                    FriedkinJohnsen.step(influence, lambda, xBase, prejudice, scratch);
                    System.arraycopy(scratch, 0, xBase, 0, nM);
                    for (int m = 0; m < nM; m++) {
                        out.peakWithdrawal[m] = Math.max(out.peakWithdrawal[m], xBase[m] - x[m]);
                    }
                }
                for (int i = 0; i < nH; i++) {
                    int m = hostilityMember[i];
                    double lost = xBase[m] - x[m];
                    if (lost != 0) {
                        int c = hostilityConstituency[i];
                        double harm = rho[i] * lost;
                        double rel = harm / baseline[c];
                        out.harm[c] += harm;
                        out.relativeHarm[c] += rel;
                        netPressure += wTarget[c] * rel;
                    }
                }
            }

            // 5. expected pressure and the target's response
            double expected = netPressure;
            for (int l = 0; l < nL; l++) {
                if (inUse[l]) {
                    expected += credibility(tolerance[l], ownCost[l], ownDaily[l], lookahead) * leverPressure[l];
                } else if (threatened[l]) {
                    expected += threatW[l] * fullTargetPressure[l]
                            * credibility(tolerance[l], 0, fullOwnCost[l], lookahead);
                }
            }
            double willing = expected <= concedeAbove ? 0
                    : resolve <= 0 ? Math.min(capacity, 1)
                    : Math.min(Math.min(capacity, 1), releaseLevel * Math.pow(expected / resolve, invGamma));
            if (willing > z) {
                z = willing;
                concedeAbove = resolve * Math.pow(z / releaseLevel, gamma);
                out.peakConcession = Math.max(out.peakConcession, z);
                if (z >= zGoal && out.concessionDay < 0) {
                    out.concessionDay = t;
                }
                if (z >= zGoal) {
                    emit(t, targetId, coercerId, concessionEvent, "concession", daily, listener, true);
                    if (release) {
                        for (int l = 0; l < nL; l++) {
                            if (inUse[l] || threatened[l]) {
                                suspended[l] = inUse[l] ? SUSPENDED_USE : SUSPENDED_THREAT;
                                suspendedUntil[l] = until[l] == NO_END ? NO_END : until[l] - t;
                                lift(l, t, LiftReason.CONCESSION, inUse, threatened, started, out, daily, listener);
                            }
                        }
                    }
                }
            }
            if (expected <= 1e-12) {
                calmDays++;
                if (z > 0 && calmDays > graceDays && backslide > 0 && rng.nextDouble() < backslide) {
                    z = 0;
                    concedeAbove = 0;
                    // snapback: the coercer resumes what it released on concession, for what was left of it
                    for (int l = 0; l < nL; l++) {
                        if (suspended[l] != 0 && !exhausted[l]) {
                            until[l] = suspendedUntil[l] == NO_END ? NO_END : t + suspendedUntil[l];
                            if (suspended[l] == SUSPENDED_USE) {
                                inUse[l] = true;
                                started[l] = t;
                                emit(t, leverOwner[l], leverTarget[l], useEvent[l], leverIds[l], daily, listener,
                                        isDyad(leverOwner[l], leverTarget[l]));
                            } else {
                                threatened[l] = true;
                            }
                        }
                        suspended[l] = 0;
                    }
                }
            } else {
                calmDays = 0;
            }
            if (daily != null) {
                daily.pressure[t] += expected;
                daily.concession[t] += z;
                if (daily.stance.length == nM) {
                    for (int m = 0; m < nM; m++) {
                        daily.stance[m][t] += x[m];
                    }
                }
            }
        }
        for (int l = 0; l < nL; l++) {
            if (inUse[l] && out.firstSpell[l] < 0) {
                out.firstSpell[l] = H - started[l];
            }
        }
        out.finalConcession = z;
        System.arraycopy(x, 0, out.stance, 0, nM);
        System.arraycopy(xBase, 0, out.baselineStance, 0, nM);
        if (daily != null) {
            daily.runs++;
        }
    }

    private double credibility(double tolerance, double spent, double daily, double lookahead) {
        if (Double.isInfinite(tolerance) || daily <= 0) {
            return 1;
        }
        return switch (credibilityRule) {
            case LINEAR -> Math.max(0, 1 - spent / tolerance);
            case HORIZON -> Math.max(0, Math.min(1, (tolerance - spent) / daily / lookahead));
        };
    }

    private void lift(int l, int t, LiftReason why, boolean[] inUse, boolean[] threatened, int[] started,
                      RunOutcome out, DailySeries daily, EventListener listener) {
        if (inUse[l]) {
            inUse[l] = false;
            if (out.firstSpell[l] < 0) {
                out.firstSpell[l] = t - started[l] + 1;
                out.firstSpellEnd[l] = why;
            }
            emit(t, leverOwner[l], leverTarget[l], liftEvent[l], leverIds[l], daily, listener,
                    isDyad(leverOwner[l], leverTarget[l]));
        }
        threatened[l] = false;
    }

    private void emit(int day, String source, String target, EventCode code, String what, DailySeries daily,
                      EventListener listener, boolean onDyad) {
        if (code == null) {
            return;
        }
        if (daily != null && onDyad) {
            daily.goldstein[day] += code.goldstein();
            daily.events[day] += 1;
            daily.tension(day, code);
        }
        if (listener != null) {
            listener.onEvent(day, source, target, code, what);
        }
    }

    private static int windowSum(int[] ring, int t, int window) {
        int s = 0;
        int n = Math.min(window, t + 1);
        for (int k = 0; k < n; k++) {
            s += ring[(t - k) % ring.length];
        }
        return s;
    }

    /**
     * Poisson variate: Knuth's multiplication method for small means, a normal approximation with continuity
     * correction beyond 30 (attack rates per day are small; the approximation is documented).
     */
    static int poisson(RandomGenerator rng, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean < 30) {
            double limit = Math.exp(-mean);
            double p = rng.nextDouble();
            int k = 0;
            while (p > limit) {
                p *= rng.nextDouble();
                k++;
            }
            return k;
        }
        return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * rng.nextGaussian()));
    }

    public String[] leverIds() {
        return leverIds.clone();
    }

    public String[] memberIds() {
        return memberIds.clone();
    }
}
