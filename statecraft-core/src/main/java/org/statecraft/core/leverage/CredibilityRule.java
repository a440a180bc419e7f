package org.statecraft.core.leverage;

/**
 * How the target expects a lever's remaining duration D, which weighs the lever's pressure over its
 * look-ahead L by min(L, D).
 */
public enum CredibilityRule {
    /**
     * The default: the target does not know the owner's tolerance Θ. It holds the scenario's tolerance
     * distribution as a prior, truncated at the cost the owner has already borne ({@link ToleranceBelief}),
     * so D = e(O) / ō: the mean excess of the prior at the owner's accumulated cost O, over its current daily
     * own cost ō. A lever that has lasted is more credible when the prior's mean excess grows (heavy tails).
     */
    BELIEF,
    /**
     * The target knows the drawn Θ: D = (Θ − O) / ō (the v1 engine's HORIZON rule). For comparison: it gives
     * the target information no real target has.
     */
    KNOWN
}
