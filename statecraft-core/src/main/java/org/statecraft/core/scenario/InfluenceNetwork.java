package org.statecraft.core.scenario;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Third parties' expressed stances toward the target, x ∈ [−1, 1], moving by Friedkin–Johnsen every
 * {@code stepDays} days (drawn per run, rounded, at least 1): x ← ΛWx + (I − Λ)x̂(t). {@code influence} is W
 * (rows and columns by member id; each row's drawn weights are normalised to sum to 1), {@code susceptibility}
 * the diagonal of Λ. A member's prejudice x̂_k drifts toward its own interest ι_k with time constant τ_k
 * ({@code interest}, {@code driftDays}; absent: no drift): x̂_k(t) = ι_k + (x̂_k(0) − ι_k)e^{−t/τ_k}, and moves
 * with the stance effects of levers in use. Hostility (support lost against the no-lever trajectory) becomes
 * harm on the constituencies members control ({@code hostilityHarms}); the coercer's own cover is not such a
 * channel but a harm of its own lever.
 */
public record InfluenceNetwork(List<String> members, Map<String, Quantity> initialStance,
                               Map<String, Quantity> susceptibility, Map<String, Map<String, Quantity>> influence,
                               Quantity stepDays, Map<String, Quantity> interest, Map<String, Quantity> driftDays,
                               List<HostilityHarm> hostilityHarms) {
    public InfluenceNetwork {
        members = List.copyOf(members);
        initialStance = Map.copyOf(initialStance);
        susceptibility = Map.copyOf(susceptibility);
        influence = influence.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> Map.copyOf(e.getValue())));
        interest = interest == null ? Map.of() : Map.copyOf(interest);
        driftDays = driftDays == null ? Map.of() : Map.copyOf(driftDays);
        hostilityHarms = List.copyOf(hostilityHarms);
        stepDays = stepDays == null ? Quantity.of(1) : stepDays;
        if (stepDays.lower() < 1) {
            throw new IllegalArgumentException("network stepDays must be >= 1, was " + stepDays.describe());
        }
    }

    /** Fixed weights and step. */
    public static InfluenceNetwork fixed(List<String> members, Map<String, Quantity> initialStance,
                                         Map<String, Quantity> susceptibility, Map<String, Map<String, Double>> influence,
                                         int stepDays, List<HostilityHarm> hostilityHarms) {
        Map<String, Map<String, Quantity>> w = influence.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, e -> e.getValue().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        c -> Quantity.of(c.getValue())))));
        return new InfluenceNetwork(members, initialStance, susceptibility, w, Quantity.of(stepDays), Map.of(),
                Map.of(), hostilityHarms);
    }

    public static InfluenceNetwork empty() {
        return new InfluenceNetwork(List.of(), Map.of(), Map.of(), Map.of(), Quantity.of(1), Map.of(), Map.of(),
                List.of());
    }
}
