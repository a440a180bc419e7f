package org.statecraft.core.scenario;

import org.statecraft.core.Checks;

/**
 * What the coercer wants of the target, on an issue scale of 0–100.
 *
 * @param currentPosition  the target's position now (y₀)
 * @param demandedPosition the position the coercer demands (y*)
 * @param complianceCost   the target's resolve K: the credible daily pressure, in relative-loss units, it
 *                         would bear rather than deliver the release level (Fearon 1995's private
 *                         information; its distribution is the response curve)
 * @param capacity         κ ∈ [0, 1], the most the target can deliver even if willing ("unwilling or unable")
 * @param releaseLevel     z_r, the concession at which the coercer releases its levers
 * @param convexity        γ ≥ 1, convexity of the cost of conceding more
 * @param lookaheadDays    L, the span over which the target weighs a lever's expected duration (credibility)
 * @param backslideHazard  daily probability that a concession is withdrawn once pressure has been gone for
 *                         {@code backslideGraceDays}
 * @param concessionEvent  the event the target emits when it concedes
 */
public record Demand(String issue, String description, String coercer, String target, Quantity currentPosition,
                     Quantity demandedPosition, Quantity complianceCost, Quantity capacity, double releaseLevel,
                     Quantity convexity, Quantity lookaheadDays, Quantity backslideHazard, int backslideGraceDays,
                     EventCode concessionEvent) {
    public Demand {
        Checks.requireId(coercer, "demand coercer");
        Checks.requireId(target, "demand target");
        if (coercer.equals(target)) {
            throw new IllegalArgumentException("the coercer and the target must differ, both were " + coercer);
        }
        Checks.requireInRange(releaseLevel, 1e-6, 1, "demand releaseLevel");
        if (capacity.lower() < 0 || capacity.upper() > 1) {
            throw new IllegalArgumentException("demand capacity must lie in [0, 1], was " + capacity.describe());
        }
        if (complianceCost.lower() < 0) {
            throw new IllegalArgumentException("demand complianceCost must be >= 0, was " + complianceCost.describe());
        }
        if (convexity.lower() < 1) {
            throw new IllegalArgumentException("demand convexity must be >= 1, was " + convexity.describe());
        }
        Checks.requireNonNegative(backslideGraceDays, "demand backslideGraceDays");
    }
}
