package org.statecraft.core.bargaining;

/**
 * How an actor of weight w turns a utility difference Δ = u(a) − u(b) into a vote for a over b (KTAB's
 * {@code VotingRule}; Wise, Lester et al., KTAB SMP documentation, KAPSARC 2015–2017). O(1).
 */
public enum VotingRule {
    /** w·clip(Δ/1e-8, ±1): all-or-nothing. */
    BINARY,
    /** w(0.8Δ + 0.2·binary). */
    PROP_BIN,
    /** wΔ, KTAB's default. */
    PROPORTIONAL,
    /** w(0.5Δ + 0.5Δ³). */
    PROP_CBC,
    /** wΔ³. */
    CUBIC,
    /** Prospect-theory asymmetry: wΔ for losses, ⅔wΔ for gains. */
    ASYM_PROSP;

    public double vote(double w, double delta) {
        switch (this) {
            case BINARY:
                return w * binary(delta);
            case PROP_BIN:
                return w * (0.8 * delta + 0.2 * binary(delta));
            case PROPORTIONAL:
                return w * delta;
            case PROP_CBC:
                return w * (0.5 * delta + 0.5 * delta * delta * delta);
            case CUBIC:
                return w * delta * delta * delta;
            case ASYM_PROSP:
                return delta < 0 ? w * delta : (2.0 / 3.0) * w * delta;
            default:
                throw new AssertionError(this);
        }
    }

    private static double binary(double delta) {
        return Math.max(-1, Math.min(1, delta / 1e-8));
    }
}
