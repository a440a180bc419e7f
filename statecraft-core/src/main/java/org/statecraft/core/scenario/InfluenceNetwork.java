package org.statecraft.core.scenario;

import java.util.List;
import java.util.Map;

/**
 * Third parties' expressed stances toward the target, x ∈ [−1, 1], moving by Friedkin–Johnsen every
 * {@code stepDays} days: x ← ΛWx + (I − Λ)x̂. {@code influence} is W (row-stochastic, rows and columns in
 * {@code members} order, given by member id), {@code susceptibility} the diagonal of Λ.
 */
public record InfluenceNetwork(List<String> members, Map<String, Quantity> initialStance,
                               Map<String, Quantity> susceptibility, Map<String, Map<String, Double>> influence,
                               int stepDays, List<HostilityHarm> hostilityHarms) {
    public InfluenceNetwork {
        members = List.copyOf(members);
        initialStance = Map.copyOf(initialStance);
        susceptibility = Map.copyOf(susceptibility);
        influence = Map.copyOf(influence);
        hostilityHarms = List.copyOf(hostilityHarms);
        if (stepDays < 1) {
            throw new IllegalArgumentException("network stepDays must be >= 1, was " + stepDays);
        }
    }

    public static InfluenceNetwork empty() {
        return new InfluenceNetwork(List.of(), Map.of(), Map.of(), Map.of(), 1, List.of());
    }
}
