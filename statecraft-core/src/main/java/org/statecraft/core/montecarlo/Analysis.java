package org.statecraft.core.montecarlo;

import java.util.List;

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
                       org.statecraft.core.leverage.RunOutcome[][] outcomes, double[][] parameters) {

    public PolicySummary policy(String id) {
        return policies.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no policy " + id));
    }

    /** Policies from rank 1 down. */
    public List<PolicySummary> ranked() {
        return policies.stream().sorted(java.util.Comparator.comparingInt(PolicySummary::rank)).toList();
    }
}
