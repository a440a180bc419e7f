package org.statecraft.core.scenario;

/**
 * How much actor {@code actor}'s leadership feels a relative loss of {@code constituency}, in [-1, 1]
 * (selectorate logic: Bueno de Mesquita et al. 2003). A negative weight means the regime gains from the
 * harm.
 */
public record RegimeWeight(String actor, String constituency, Quantity weight) {
    public RegimeWeight {
        if (weight.lower() < -1 || weight.upper() > 1) {
            throw new IllegalArgumentException("weight of " + actor + " on " + constituency
                    + " must lie in [-1, 1], was " + weight.describe());
        }
    }
}
