package org.statecraft.core.montecarlo;

import java.util.Comparator;
import java.util.List;
import org.statecraft.core.leverage.RunOutcome;
import org.statecraft.core.tension.TensionPoint;

/**
 * The result of a Monte Carlo analysis of every policy of a scenario.
 *
 * @param policies   in the scenario's order (each carries its rank)
 * @param robustness for each ordered pair (a, b), the share of runs in which a conceded more than b (ties half)
 * @param outcomes   per-run outcomes, {@code outcomes[policy][run]}, for per-run exports
 * @param parameters per-run parameter values, {@code parameters[run]}, indexed like
 *                   {@link org.statecraft.core.leverage.ParameterSpace#inputs()} (shared by all policies)
 */
public record Analysis(String scenarioId, long seed, int runs, int horizonDays, String baselinePolicy,
                       List<String> constituencies, List<String> members, List<String> levers,
                       List<PolicySummary> policies, double[][] robustness,
                       RunOutcome[][] outcomes, double[][] parameters, Derived derived) {

    /**
     * The results derived from the runs, computed once in core ({@link MonteCarlo}) so that every writer — text,
     * JSON, CSV, the report, the web app, the Spark job — formats the same numbers: the robustness of every
     * ordered pair with the inputs it hinges on, the replay of observed spells, and the weekly tension index
     * observed and simulated on the coercer–target dyad.
     */
    public record Derived(RankingRobustness robustness, List<Replay> replays, Tension tension,
                          Bargaining bargaining) {
    }

    /**
     * KTAB's SMP on the demand issue at the scenario's positions (every quantity at its mean), turn by turn, on
     * the 0–100 scale: the reference the per-run forecasts of each policy move from; {@code error} when no
     * actor has a stance on the issue.
     */
    public record Bargaining(String issue, List<String> actors, double[] capability, List<double[]> turns,
                             double outcome, boolean converged, String error) {
    }

    /**
     * The tension index by week on {@code dyad}: observed (the scenario's events) and simulated per policy (in
     * the scenario's policy order, sums over all runs); {@code error} instead when the scenario has no dyad.
     */
    public record Tension(String dyad, String error, List<TensionPoint> observed,
                          List<List<TensionPoint>> simulated) {
    }

    /** A copy with the derived results. */
    public Analysis withDerived(Derived d) {
        return new Analysis(scenarioId, seed, runs, horizonDays, baselinePolicy, constituencies, members, levers,
                policies, robustness, outcomes, parameters, d);
    }

    public PolicySummary policy(String id) {
        return policies.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no policy " + id));
    }

    /** Policies from rank 1 down. */
    public List<PolicySummary> ranked() {
        return policies.stream().sorted(Comparator.comparingInt(PolicySummary::rank)).toList();
    }
}
