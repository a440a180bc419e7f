package org.statecraft.core.scenario;

/**
 * A lever that acts on the attack process (an airstrike degrading the proxy): each day in use it removes
 * {@code reduction} of the proxy's base attack rate, and the degradation recovers with half-life
 * {@code recoveryHalfLifeDays} once the lever stops. The degradation g obeys g ← max(g, reduction) while in
 * use and g ← g·2^{−1/h} each day; the base rate is multiplied by (1 − g).
 */
public record AttackEffect(Quantity reduction, Quantity recoveryHalfLifeDays) {
    public AttackEffect {
        if (reduction.lower() < 0 || reduction.upper() > 1) {
            throw new IllegalArgumentException("attack effect reduction must lie in [0, 1], was "
                    + reduction.describe());
        }
        if (!(recoveryHalfLifeDays.lower() > 0 || recoveryHalfLifeDays instanceof Quantity.LogNormal)) {
            throw new IllegalArgumentException("attack effect recoveryHalfLifeDays must be > 0, was "
                    + recoveryHalfLifeDays.describe());
        }
    }
}
