package org.statecraft.core.leverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.statecraft.core.ScenarioException;
import org.statecraft.core.scenario.AttackProcess;
import org.statecraft.core.scenario.ClashProcess;
import org.statecraft.core.scenario.Constituency;
import org.statecraft.core.scenario.ConstituencyKind;
import org.statecraft.core.scenario.ConstituencyRole;
import org.statecraft.core.scenario.Demand;
import org.statecraft.core.scenario.EventCode;
import org.statecraft.core.scenario.Harm;
import org.statecraft.core.scenario.HostilityHarm;
import org.statecraft.core.scenario.InfluenceNetwork;
import org.statecraft.core.scenario.Lever;
import org.statecraft.core.scenario.Policy;
import org.statecraft.core.scenario.RegimeWeight;
import org.statecraft.core.scenario.Rule;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.core.scenario.ScenarioChecks;
import org.statecraft.core.scenario.Trigger;

/**
 * A scenario compiled for the engine: every id resolved to an index and every number to a typed handle into
 * the run's parameter vector ({@link ParameterSpace#require}: a path the scenario lacks fails here, at
 * compile time, instead of falling back to a default). Immutable and thread-safe; one per analysis.
 * {@link RunState} reads it. The engine never looks at an id again after this point, so renaming every id
 * changes no number.
 */
public final class CompiledScenario {
    /** A channel of the target's felt pressure, for attribution: a lever's harm on one constituency, or a member. */
    public record Channel(Kind kind, String lever, String constituency, String member) {
        public enum Kind { LEVER, NETWORK }

        /** "lever → constituency" or "member (network)". */
        public String label() {
            return kind == Kind.LEVER ? lever + " → " + constituency : member + " (network)";
        }
    }

    static final int NO_END = Integer.MAX_VALUE;

    /** A rule ready for the daily loop. {@code response}: from the scenario's responses (every policy). */
    record CompiledRule(int kind, int day, int window, int atLeast, Rule.Action action, int lever, int duration,
                        boolean once, double level, int triggerLever, boolean response, int fromDay) {
        static final int DAY = 0;
        static final int ATTACK = 1;
        static final int ATTACK_COUNT = 2;
        static final int CLASH = 3;
        static final int LEVER_USE = 4;
        static final int CONCESSION = 5;
    }

    final Scenario scenario;
    final ParameterSpace space;
    final CredibilityRule credibility;
    final int horizon;
    final int nA;
    final int nC;
    final int nL;
    final int nM;
    final int coercer;
    final int target;
    final String[] actorIds;

    // constituencies
    final int[] baselineIdx;
    final boolean[] stock;
    final boolean[] collateral;
    final int[] side;
    /** weightIdx[actor][constituency]: the handle of w_{a,c}, or -1 (weight 0). */
    final int[][] weightIdx;

    // levers
    final String[] leverIds;
    final int[] owner;
    final int[] leverTarget;
    final int[] rampUp;
    final int[][] harmC;
    final int[][] harmPerDayIdx;
    final int[][] harmAccIdx;
    final int[][] harmAccCapIdx;
    final int[][] harmHalfLifeIdx;
    final int[][] harmFloorIdx;
    final int[][] harmChannel;
    final int[] toleranceIdx;
    final int[] toleranceGainIdx;
    /** Θ in days of the lever's own cost at full effect (scaled per run), not in weighted relative-loss-days. */
    final boolean[] toleranceInDays;
    final int[] toleranceRecoveryIdx;
    final ToleranceBelief[] belief;
    final int[] clashIdx;
    final int[] networkStanceIdx;
    final int[] networkMember;
    final int[][] stanceMember;
    final int[][] stanceShiftIdx;
    final int[][] offsetC;
    final int[][] offsetShareIdx;
    final int[] attackReductionIdx;
    final int[] attackRecoveryIdx;
    final int[] threatWeightIdx;
    final EventCode[] useEvent;
    final EventCode[] liftEvent;
    final EventCode[] threatEvent;
    final boolean[] onDyad;

    // policies: each policy's rules followed by the scenario's responses
    final CompiledRule[][] rules;
    final boolean[] releaseOnConcession;
    final int maxWindow;

    // demand
    final int kIdx;
    final int capacityIdx;
    final double releaseLevel;
    final double partialLevel;
    final boolean allOrNothing;
    final int gammaIdx;
    final int lookaheadIdx;
    final int decisionRateIdx;
    final int backslideIdx;
    final int graceDays;
    final double backslideBelow;
    final EventCode concessionEvent;

    // attacks and clashes
    final boolean hasAttacks;
    final int attackBaseIdx;
    final int attackSuppressionIdx;
    final int attackExcitationIdx;
    final int attackDecayIdx;
    final int attackProxy;
    final int attackVictim;
    final EventCode attackEvent;
    final boolean attackOnDyad;
    final int clashBackgroundIdx;
    final EventCode clashEvent;
    final int[] clashHarmC;
    final int[] clashHarmIdx;

    // network
    final String[] memberIds;
    final int[][] influenceIdx;
    final int stepDaysIdx;
    final int[] stanceIdx;
    final int[] susceptibilityIdx;
    final int[] interestIdx;
    final int[] driftIdx;
    final int[] hostilityMember;
    final int[] hostilityC;
    final int[] hostilityPerDayIdx;
    final int[] memberChannel;

    final List<Channel> channels;

    public CompiledScenario(Scenario scenario, CredibilityRule credibility) {
        var problems = ScenarioChecks.check(scenario);
        if (!problems.isEmpty()) {
            throw new ScenarioException("scenario " + scenario.id() + " is inconsistent: " + problems);
        }
        this.scenario = scenario;
        this.space = new ParameterSpace(scenario);
        this.credibility = credibility;
        this.horizon = scenario.horizonDays();
        Demand d = scenario.demand();
        Map<String, Integer> aIndex = index(scenario.actors().stream().map(a -> a.id()).toList());
        actorIds = scenario.actors().stream().map(a -> a.id()).toArray(String[]::new);
        nA = actorIds.length;
        coercer = aIndex.get(d.coercer());
        target = aIndex.get(d.target());
        List<Constituency> cs = scenario.constituencies();
        List<Lever> ls = scenario.levers();
        InfluenceNetwork net = scenario.network();
        nC = cs.size();
        nL = ls.size();
        nM = net.members().size();
        Map<String, Integer> cIndex = index(cs.stream().map(Constituency::id).toList());
        Map<String, Integer> lIndex = index(ls.stream().map(Lever::id).toList());
        Map<String, Integer> mIndex = index(net.members());

        baselineIdx = new int[nC];
        stock = new boolean[nC];
        collateral = new boolean[nC];
        side = new int[nC];
        for (int c = 0; c < nC; c++) {
            Constituency k = cs.get(c);
            baselineIdx[c] = space.require("/constituencies/" + c + "/baseline");
            stock[c] = k.kind() == ConstituencyKind.STOCK;
            collateral[c] = k.hasRole(ConstituencyRole.COLLATERAL);
            side[c] = aIndex.get(k.side());
        }
        weightIdx = new int[nA][nC];
        for (int[] row : weightIdx) {
            Arrays.fill(row, -1);
        }
        for (RegimeWeight w : scenario.weights()) {
            weightIdx[aIndex.get(w.actor())][cIndex.get(w.constituency())] = space.require("/weights/"
                    + ScenarioChecks.esc(w.actor()) + "/" + ScenarioChecks.esc(w.constituency()));
        }

        List<Channel> chans = new ArrayList<>();
        leverIds = ls.stream().map(Lever::id).toArray(String[]::new);
        owner = new int[nL];
        leverTarget = new int[nL];
        rampUp = new int[nL];
        harmC = new int[nL][];
        harmPerDayIdx = new int[nL][];
        harmAccIdx = new int[nL][];
        harmAccCapIdx = new int[nL][];
        harmHalfLifeIdx = new int[nL][];
        harmFloorIdx = new int[nL][];
        harmChannel = new int[nL][];
        toleranceIdx = new int[nL];
        toleranceGainIdx = new int[nL];
        toleranceInDays = new boolean[nL];
        toleranceRecoveryIdx = new int[nL];
        belief = new ToleranceBelief[nL];
        clashIdx = new int[nL];
        networkStanceIdx = new int[nL];
        networkMember = new int[nL];
        stanceMember = new int[nL][];
        stanceShiftIdx = new int[nL][];
        offsetC = new int[nL][];
        offsetShareIdx = new int[nL][];
        attackReductionIdx = new int[nL];
        attackRecoveryIdx = new int[nL];
        threatWeightIdx = new int[nL];
        useEvent = new EventCode[nL];
        liftEvent = new EventCode[nL];
        threatEvent = new EventCode[nL];
        onDyad = new boolean[nL];
        for (int l = 0; l < nL; l++) {
            Lever lv = ls.get(l);
            String p = "/levers/" + l;
            owner[l] = aIndex.get(lv.owner());
            leverTarget[l] = aIndex.get(lv.target());
            rampUp[l] = lv.rampUpDays();
            int n = lv.harms().size();
            harmC[l] = new int[n];
            harmPerDayIdx[l] = new int[n];
            harmAccIdx[l] = new int[n];
            harmAccCapIdx[l] = new int[n];
            harmHalfLifeIdx[l] = new int[n];
            harmFloorIdx[l] = new int[n];
            harmChannel[l] = new int[n];
            for (int h = 0; h < n; h++) {
                Harm hm = lv.harms().get(h);
                String hp = p + "/harms/" + h;
                int c = cIndex.get(hm.constituency());
                harmC[l][h] = c;
                harmPerDayIdx[l][h] = space.require(hp + "/perDay");
                harmAccIdx[l][h] = space.require(hp + "/accumulation");
                harmAccCapIdx[l][h] = space.require(hp + "/accumulationCap");
                harmHalfLifeIdx[l][h] = space.requireIf(hm.halfLifeDays() != null, hp + "/halfLifeDays");
                harmFloorIdx[l][h] = space.requireIf(hm.floor() != null, hp + "/floor");
                if (side[c] == target && weightIdx[target][c] >= 0) {
                    harmChannel[l][h] = chans.size();
                    chans.add(new Channel(Channel.Kind.LEVER, lv.id(), hm.constituency(), null));
                } else {
                    harmChannel[l][h] = -1;
                }
            }
            toleranceInDays[l] = lv.toleranceInDays();
            toleranceIdx[l] = space.requireIf(lv.tolerance() != null, p + (lv.toleranceInDays() ? "/toleranceDays"
                    : "/tolerance"));
            toleranceRecoveryIdx[l] = space.requireIf(lv.toleranceRecoveryDays() != null,
                    p + "/toleranceRecoveryDays");
            toleranceGainIdx[l] = space.requireIf(lv.toleranceGainPerAttack() != null, p + "/toleranceGainPerAttack");
            belief[l] = ToleranceBelief.of(lv.tolerance());
            clashIdx[l] = space.require(p + "/clashHazard");
            networkStanceIdx[l] = space.requireIf(lv.networkStance() != null, p + "/networkStance");
            networkMember[l] = lv.networkStance() == null ? -1 : mIndex.get(lv.owner());
            int ns = lv.stanceEffects().size();
            stanceMember[l] = new int[ns];
            stanceShiftIdx[l] = new int[ns];
            for (int j = 0; j < ns; j++) {
                stanceMember[l][j] = mIndex.get(lv.stanceEffects().get(j).member());
                stanceShiftIdx[l][j] = space.require(p + "/stanceEffects/" + j + "/shift");
            }
            int no = lv.offsets().size();
            offsetC[l] = new int[no];
            offsetShareIdx[l] = new int[no];
            for (int j = 0; j < no; j++) {
                offsetC[l][j] = cIndex.get(lv.offsets().get(j).constituency());
                offsetShareIdx[l][j] = space.require(p + "/offsets/" + j + "/share");
            }
            boolean ae = lv.attackEffect() != null;
            attackReductionIdx[l] = space.requireIf(ae, p + "/attackEffect/reduction");
            attackRecoveryIdx[l] = space.requireIf(ae, p + "/attackEffect/recoveryHalfLifeDays");
            threatWeightIdx[l] = space.require(p + "/threatWeight");
            useEvent[l] = lv.useEvent();
            liftEvent[l] = lv.liftEvent();
            threatEvent[l] = lv.threatEvent();
            onDyad[l] = isDyad(owner[l], leverTarget[l]);
        }

        List<Policy> ps = scenario.policies();
        rules = new CompiledRule[ps.size()][];
        releaseOnConcession = new boolean[ps.size()];
        int[] window = {1};
        List<CompiledRule> responses = new ArrayList<>();
        for (Rule r : scenario.responses()) {
            responses.add(compile(r, lIndex, true, window));
        }
        for (int p = 0; p < ps.size(); p++) {
            releaseOnConcession[p] = ps.get(p).releaseOnConcession();
            List<CompiledRule> cr = new ArrayList<>();
            for (Rule r : ps.get(p).rules()) {
                cr.add(compile(r, lIndex, false, window));
            }
            cr.addAll(responses);
            rules[p] = cr.toArray(CompiledRule[]::new);
        }
        maxWindow = window[0];

        kIdx = space.require("/demand/complianceCost");
        capacityIdx = space.require("/demand/capacity");
        releaseLevel = d.releaseLevel();
        partialLevel = d.partialLevel();
        allOrNothing = d.allOrNothing();
        gammaIdx = space.require("/demand/convexity");
        lookaheadIdx = space.require("/demand/lookaheadDays");
        decisionRateIdx = space.requireIf(d.decisionRatePerDay() != null, "/demand/decisionRatePerDay");
        backslideIdx = space.require("/demand/backsliding/hazard");
        graceDays = d.backslideGraceDays();
        backslideBelow = d.backslideBelow();
        concessionEvent = d.concessionEvent();

        AttackProcess at = scenario.attacks();
        hasAttacks = at != null;
        attackBaseIdx = space.requireIf(hasAttacks, "/attacks/baseRatePerDay");
        attackSuppressionIdx = space.requireIf(hasAttacks, "/attacks/suppression");
        attackExcitationIdx = space.requireIf(hasAttacks, "/attacks/excitation");
        attackDecayIdx = space.requireIf(hasAttacks, "/attacks/decayPerDay");
        attackProxy = hasAttacks ? aIndex.get(at.proxy()) : -1;
        attackVictim = hasAttacks ? aIndex.get(at.victim()) : -1;
        attackEvent = hasAttacks ? at.event() : null;
        attackOnDyad = hasAttacks && isDyad(attackProxy, attackVictim);
        ClashProcess cl = scenario.clashes();
        clashBackgroundIdx = space.requireIf(cl != null, "/clashes/backgroundHazard");
        clashEvent = cl == null ? null : cl.event();
        int nCh = cl == null ? 0 : cl.harms().size();
        clashHarmC = new int[nCh];
        clashHarmIdx = new int[nCh];
        for (int j = 0; j < nCh; j++) {
            clashHarmC[j] = cIndex.get(cl.harms().get(j).constituency());
            clashHarmIdx[j] = space.require("/clashes/harms/" + j + "/perClash");
        }

        memberIds = net.members().toArray(String[]::new);
        influenceIdx = new int[nM][nM];
        stanceIdx = new int[nM];
        susceptibilityIdx = new int[nM];
        interestIdx = new int[nM];
        driftIdx = new int[nM];
        for (int m = 0; m < nM; m++) {
            String id = ScenarioChecks.esc(memberIds[m]);
            var row = net.influence().get(memberIds[m]);
            for (int k = 0; k < nM; k++) {
                influenceIdx[m][k] = space.requireIf(row.containsKey(memberIds[k]), "/network/influence/" + id + "/"
                        + ScenarioChecks.esc(memberIds[k]));
            }
            stanceIdx[m] = space.require("/network/initialStance/" + id);
            susceptibilityIdx[m] = space.require("/network/susceptibility/" + id);
            interestIdx[m] = space.requireIf(net.interest().containsKey(memberIds[m]), "/network/interest/" + id);
            driftIdx[m] = space.requireIf(net.driftDays().containsKey(memberIds[m]), "/network/driftDays/" + id);
        }
        stepDaysIdx = nM == 0 ? -1 : space.require("/network/stepDays");
        List<HostilityHarm> hh = net.hostilityHarms();
        hostilityMember = new int[hh.size()];
        hostilityC = new int[hh.size()];
        hostilityPerDayIdx = new int[hh.size()];
        memberChannel = new int[nM];
        Arrays.fill(memberChannel, -1);
        for (int i = 0; i < hh.size(); i++) {
            int m = mIndex.get(hh.get(i).member());
            hostilityMember[i] = m;
            hostilityC[i] = cIndex.get(hh.get(i).constituency());
            hostilityPerDayIdx[i] = space.require("/network/hostilityHarms/" + i + "/perDay");
            if (memberChannel[m] < 0 && side[hostilityC[i]] == target) {
                memberChannel[m] = chans.size();
                chans.add(new Channel(Channel.Kind.NETWORK, null, null, memberIds[m]));
            }
        }
        channels = List.copyOf(chans);
    }

    private CompiledRule compile(Rule r, Map<String, Integer> lIndex, boolean response, int[] window) {
        int lever = lIndex.get(r.lever());
        int dur = r.durationDays() == null ? NO_END : r.durationDays();
        double level = r.level() == null ? 1 : r.level();
        Trigger t = r.trigger();
        int from = 0;
        if (t instanceof Trigger.From f) {
            from = f.day();
            t = f.trigger();
        }
        if (t instanceof Trigger.OnDay d) {
            return new CompiledRule(CompiledRule.DAY, d.day(), 0, 0, r.action(), lever, dur, r.once(), level, -1,
                    response, from);
        } else if (t instanceof Trigger.OnAttack) {
            return new CompiledRule(CompiledRule.ATTACK, 0, 0, 0, r.action(), lever, dur, r.once(), level, -1,
                    response, from);
        } else if (t instanceof Trigger.AttackCount a) {
            window[0] = Math.max(window[0], a.windowDays());
            return new CompiledRule(CompiledRule.ATTACK_COUNT, 0, a.windowDays(), a.atLeast(), r.action(), lever,
                    dur, r.once(), level, -1, response, from);
        } else if (t instanceof Trigger.OnClash) {
            return new CompiledRule(CompiledRule.CLASH, 0, 0, 0, r.action(), lever, dur, r.once(), level, -1,
                    response, from);
        } else if (t instanceof Trigger.OnLeverUse u) {
            return new CompiledRule(CompiledRule.LEVER_USE, 0, 0, 0, r.action(), lever, dur, r.once(), level,
                    lIndex.get(u.lever()), response, from);
        } else if (t instanceof Trigger.OnConcession) {
            return new CompiledRule(CompiledRule.CONCESSION, 0, 0, 0, r.action(), lever, dur, r.once(), level, -1,
                    response, from);
        }
        throw new IllegalStateException("unknown trigger " + t);
    }

    private static Map<String, Integer> index(List<String> ids) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            m.put(ids.get(i), i);
        }
        return m;
    }

    private boolean isDyad(int a, int b) {
        return (a == coercer && b == target) || (a == target && b == coercer);
    }

    public Scenario scenario() {
        return scenario;
    }

    public ParameterSpace parameterSpace() {
        return space;
    }

    public CredibilityRule credibility() {
        return credibility;
    }

    public int horizon() {
        return horizon;
    }

    public int policyCount() {
        return rules.length;
    }

    /** The target's pressure channels, in the order of {@link RunOutcome#channelPressure}. */
    public List<Channel> channels() {
        return channels;
    }

    /**
     * The parameter handles whose values carry channel {@code ch}: setting them to 0 removes the channel alone
     * (a lever's harm on one constituency; a member's hostility harms on the target's side).
     */
    public int[] channelInputs(int ch) {
        Channel c = channels.get(ch);
        List<Integer> idx = new ArrayList<>();
        for (int l = 0; l < nL; l++) {
            for (int h = 0; h < harmChannel[l].length; h++) {
                if (harmChannel[l][h] == ch) {
                    idx.add(harmPerDayIdx[l][h]);
                }
            }
        }
        if (c.kind() == Channel.Kind.NETWORK) {
            for (int i = 0; i < hostilityMember.length; i++) {
                if (memberIds[hostilityMember[i]].equals(c.member()) && side[hostilityC[i]] == target) {
                    idx.add(hostilityPerDayIdx[i]);
                }
            }
        }
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }

    public String[] leverIds() {
        return leverIds.clone();
    }

    public String[] memberIds() {
        return memberIds.clone();
    }

    String actorId(int a) {
        return actorIds[a];
    }
}
