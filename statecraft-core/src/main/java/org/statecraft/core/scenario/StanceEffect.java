package org.statecraft.core.scenario;

import org.statecraft.core.Checks;

/**
 * While a lever is in use, network member {@code member}'s prejudice toward the target moves by
 * {@code shift} (clamped to [−1, 1]): a negative shift is support withdrawn, a positive one backlash in the
 * target's favour (third parties rallying to a regime that is struck).
 */
public record StanceEffect(String member, Quantity shift) {
    public StanceEffect {
        Checks.requireId(member, "stance effect member");
        if (shift.lower() < -2 || shift.upper() > 2) {
            throw new IllegalArgumentException("stance effect on " + member + ": shift must lie in [-2, 2], was "
                    + shift.describe());
        }
    }
}
