package org.statecraft.core.scenario;

/**
 * Armed clashes between coercer and target: each day one happens with probability
 * 1 − exp(−(background + Σ ε_l over levers in use)).
 */
public record ClashProcess(Quantity backgroundHazard, EventCode event) {
    public ClashProcess {
        if (backgroundHazard.lower() < 0 || backgroundHazard.upper() > 1) {
            throw new IllegalArgumentException("clash backgroundHazard must lie in [0, 1]");
        }
    }
}
