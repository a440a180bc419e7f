package org.statecraft.core.scenario;

/**
 * Whether a constituency's baseline is a rate or a level. A {@link #FLOW} (trade per day, revenue per day)
 * loses {@code harm / baseline} of itself on the day of the harm, and recovers when the harm stops. A
 * {@link #STOCK} (persons, a reserve) is depleted: a day's harm is the part of it newly affected, its
 * relative loss is the share affected so far, and that share never exceeds 1.
 */
public enum ConstituencyKind {
    FLOW, STOCK
}
