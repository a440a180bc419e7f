package org.statecraft.core.leverage;

/**
 * How the target discounts a lever whose owner is paying for it.
 */
public enum CredibilityRule {
    /**
     * cr = min(1, R / L): R = (Θ − O) / ō is the number of days the owner can keep the lever at its current
     * daily own cost ō before reaching its tolerance Θ, L the target's look-ahead. The default: the target
     * weighs the pressure it expects to bear over the next L days.
     */
    HORIZON,
    /** cr = max(0, 1 − O/Θ), the baseline formulation of {@code models/leverage.md}. */
    LINEAR
}
