package org.statecraft.core.scenario;

import java.util.List;
import org.statecraft.core.Checks;

/**
 * An instrument of pressure. A lever is data: the engine knows it only through these fields.
 *
 * @param tolerance     Θ, the owner's own-cost tolerance in weighted relative-loss-days; when the owner's
 *                      accumulated own cost from this lever passes it, the owner lifts the lever. Null means
 *                      the owner never lifts it for cost.
 * @param clashHazard   daily probability contribution ε to an armed clash while the lever is in use
 * @param networkStance while in use, the owner's expressed stance toward the target in the influence
 *                      network becomes this value (null: no network effect)
 * @param threatWeight  when only threatened, the share of its pressure the target expects (Schelling's
 *                      threat versus use)
 * @param useEvent      event emitted when the lever is applied; {@code liftEvent} when it is lifted;
 *                      {@code threatEvent} when it is threatened (may be null)
 */
public record Lever(String id, String name, String description, String owner, String target, List<Harm> harms,
                    int rampUpDays, Quantity tolerance, Quantity clashHazard, Quantity networkStance,
                    Quantity threatWeight, EventCode useEvent, EventCode liftEvent, EventCode threatEvent) {
    public Lever {
        Checks.requireId(id, "lever id");
        Checks.requireId(owner, "lever " + id + " owner");
        Checks.requireId(target, "lever " + id + " target");
        name = name == null ? id : name;
        harms = List.copyOf(harms);
        if (rampUpDays < 1) {
            throw new IllegalArgumentException("lever " + id + " rampUpDays must be >= 1, was " + rampUpDays);
        }
        clashHazard = clashHazard == null ? Quantity.of(0) : clashHazard;
        threatWeight = threatWeight == null ? Quantity.of(0) : threatWeight;
        if (clashHazard.lower() < 0 || clashHazard.upper() > 1) {
            throw new IllegalArgumentException("lever " + id + " clashHazard must lie in [0, 1]");
        }
        if (networkStance != null && (networkStance.lower() < -1 || networkStance.upper() > 1)) {
            throw new IllegalArgumentException("lever " + id + " networkStance must lie in [-1, 1]");
        }
    }
}
