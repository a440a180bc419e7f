package org.statecraft.core.scenario;

import org.statecraft.core.Checks;

/**
 * What the coercer wants of the target, on an issue scale of 0–100, and the target's side of the contest.
 *
 * @param currentPosition    the target's position now (y₀)
 * @param demandedPosition   the position the coercer demands (y*)
 * @param complianceCost     K, the target's cost of delivering the release level, as a daily-equivalent
 *                           pressure: delivering z_r costs K·L, which the target weighs against the pain it
 *                           expects over its look-ahead L by holding out (Fearon 1995's private
 *                           information; its distribution is the response curve, anchored to TIES)
 * @param capacity           κ ∈ [0, 1], the most the target can deliver even if willing ("unwilling or unable")
 * @param releaseLevel       z_r, the concession that meets the demand: the coercer releases its levers there
 * @param convexity          γ ≥ 1, convexity of the cost of conceding more: z costs K·L·(z/z_r)^γ
 * @param lookaheadDays      L, the span over which the target weighs the pain it expects by holding out
 * @param decisionRatePerDay r, the rate at which the target's leadership reconsiders (a Poisson process of
 *                           decision dates); null: every day
 * @param partialLevel       z_p, the smallest concession the target makes at all (a gesture); smaller
 *                           willingness is no concession
 * @param allOrNothing       the demand admits no partial concession (a detainee released): z ∈ {0, 1}
 * @param backslideHazard    daily probability that a concession is withdrawn once the expected pain has
 *                           stayed below {@code backslideBelow}·K·L for {@code backslideGraceDays}
 * @param backslideBelow     the share of K·L under which pressure counts as gone (default 0.25)
 * @param concessionEvent    the event the target emits when it concedes
 */
public record Demand(String issue, String description, String coercer, String target, Quantity currentPosition,
                     Quantity demandedPosition, Quantity complianceCost, Quantity capacity, double releaseLevel,
                     Quantity convexity, Quantity lookaheadDays, Quantity decisionRatePerDay, double partialLevel,
                     boolean allOrNothing, Quantity backslideHazard, int backslideGraceDays, double backslideBelow,
                     EventCode concessionEvent) {
    /** Pressure below this share of K·L counts as gone, for backsliding. */
    public static final double DEFAULT_BACKSLIDE_BELOW = 0.25;
    /** The smallest concession the target makes, when the scenario does not say. */
    public static final double DEFAULT_PARTIAL_LEVEL = 0.1;

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
        if (decisionRatePerDay != null && (decisionRatePerDay.lower() <= 0 || decisionRatePerDay.upper() > 1)) {
            throw new IllegalArgumentException("demand decisionRatePerDay must lie in (0, 1], was "
                    + decisionRatePerDay.describe());
        }
        if (allOrNothing && releaseLevel != 1) {
            throw new IllegalArgumentException("an all-or-nothing demand has releaseLevel 1, was " + releaseLevel);
        }
        Checks.requireInRange(partialLevel, 1e-6, releaseLevel, "demand partialLevel");
        Checks.requireInRange(backslideBelow, 0, 1, "demand backslideBelow");
        Checks.requireNonNegative(backslideGraceDays, "demand backslideGraceDays");
    }

    /** The v1 form: decisions every day, partial level min(0.1, z_r), backsliding below 0.25·K·L. */
    public Demand(String issue, String description, String coercer, String target, Quantity currentPosition,
                  Quantity demandedPosition, Quantity complianceCost, Quantity capacity, double releaseLevel,
                  Quantity convexity, Quantity lookaheadDays, Quantity backslideHazard, int backslideGraceDays,
                  EventCode concessionEvent) {
        this(issue, description, coercer, target, currentPosition, demandedPosition, complianceCost, capacity,
                releaseLevel, convexity, lookaheadDays, null, Math.min(DEFAULT_PARTIAL_LEVEL, releaseLevel), false,
                backslideHazard, backslideGraceDays, DEFAULT_BACKSLIDE_BELOW, concessionEvent);
    }
}
