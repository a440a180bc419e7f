package org.statecraft.core.leverage;

import java.util.List;
import java.util.random.RandomGenerator;
import org.statecraft.core.scenario.Scenario;

/**
 * The leverage engine v2: a two-sided contest of attrition, simulated one day at a time. The scenario is
 * compiled once ({@link CompiledScenario}: indices and typed parameter handles); each run is a
 * {@link RunState} advanced by one method per step of the day. Immutable and thread-safe; {@link #simulate}
 * is a pure function of (policy, parameters, random stream). Equations, sources and assumptions:
 * {@code docs/models/leverage.md}.
 *
 * <p>One day t: (1) clashes and attacks (a Hawkes process degraded by levers that act on it); (2) the
 * policy's rules and the scenario's responses fire (use, threaten, ease, stop); (3) harms accrue in honest
 * units (flows capped at their baseline, stocks depleted, accumulation saturating, adaptation with a
 * half-life, offsets by third parties), owners pay their own cost and lift a lever past their tolerance;
 * (4) third-party stances move by Friedkin–Johnsen with drifting prejudices; (5) the target weighs the pain
 * it expects over its look-ahead, each lever by how long it believes the lever will last (its prior about
 * the owner's tolerance, truncated at the cost already paid), against its cost of conceding, and concedes on
 * decision days, so concession is a hazard over time. Cost per run-day: O(harm entries + rules +
 * members²/stepDays).
 */
public final class LeverageModel {
    private final CompiledScenario compiled;

    public LeverageModel(Scenario scenario) {
        this(scenario, CredibilityRule.BELIEF);
    }

    public LeverageModel(Scenario scenario, CredibilityRule credibilityRule) {
        this.compiled = new CompiledScenario(scenario, credibilityRule);
    }

    public CompiledScenario compiled() {
        return compiled;
    }

    public Scenario scenario() {
        return compiled.scenario();
    }

    public ParameterSpace parameterSpace() {
        return compiled.parameterSpace();
    }

    public CredibilityRule credibilityRule() {
        return compiled.credibility();
    }

    public int horizon() {
        return compiled.horizon();
    }

    public int policyCount() {
        return compiled.policyCount();
    }

    /** The target's pressure channels, as {@link RunOutcome#channelPressure} indexes them. */
    public List<CompiledScenario.Channel> channels() {
        return compiled.channels();
    }

    /** A per-day accumulator sized for this model (horizon days, network members). */
    public DailySeries newDailySeries() {
        return new DailySeries(compiled.horizon(), compiled.nM);
    }

    public RunOutcome newOutcome() {
        return new RunOutcome(compiled.nC, compiled.nL, compiled.nM, compiled.channels().size());
    }

    /** A reusable run state (one per thread). */
    public RunState newState() {
        return new RunState(compiled);
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
        simulate(newState(), policy, values, rng, out, daily, listener);
    }

    /** As {@link #simulate(int, double[], RandomGenerator, RunOutcome, DailySeries, EventListener)}, reusing {@code state}. */
    public void simulate(RunState state, int policy, double[] values, RandomGenerator rng, RunOutcome out,
                         DailySeries daily, EventListener listener) {
        state.reset(policy, values, rng, out, daily, listener);
        state.run();
    }

    /**
     * Whether policy {@code policy} meets the demand within the horizon, with parameters {@code values} and stream
     * {@code rng}: what {@link RunOutcome#conceded()} says after {@link #simulate(RunState, int, double[],
     * RandomGenerator, RunOutcome, DailySeries, EventListener) simulate}, without simulating the days after the
     * demand is first met ({@code out} and {@code daily} are then incomplete: scratch for a caller that needs only
     * the answer).
     */
    public boolean meetsDemand(RunState state, int policy, double[] values, RandomGenerator rng, RunOutcome out,
                               DailySeries daily) {
        state.reset(policy, values, rng, out, daily, null);
        return state.runUntilMet();
    }

    public String[] leverIds() {
        return compiled.leverIds();
    }

    public String[] memberIds() {
        return compiled.memberIds();
    }
}
