package org.statecraft.core.scenario;

import org.statecraft.core.Checks;

/**
 * "When {@code trigger}, {@code action} lever {@code lever} for {@code durationDays} days." A null
 * duration means until the lever is lifted (for cost or on concession) or the horizon. A lever already in
 * use is extended, not doubled. {@code once}: the rule fires at most once per run.
 */
public record Rule(Trigger trigger, Action action, String lever, Integer durationDays, boolean once) {
    public enum Action {
        USE, THREATEN
    }

    public Rule {
        Checks.requireId(lever, "rule lever");
        if (trigger == null || action == null) {
            throw new IllegalArgumentException("a rule needs a trigger and an action");
        }
        if (durationDays != null && durationDays < 1) {
            throw new IllegalArgumentException("a rule's duration must be >= 1 day, was " + durationDays);
        }
    }
}
