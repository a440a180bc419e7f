package org.statecraft.core.scenario;

import java.util.Locale;
import org.statecraft.core.Checks;

/**
 * "When {@code trigger}, {@code action} lever {@code lever} for {@code durationDays} days." A null
 * duration means until the lever is lifted (for cost, on concession, by a stop rule) or the horizon. A lever
 * already in use is extended, not doubled. {@code once}: the rule fires at most once per run.
 * {@link Action#EASE} sets the lever's intensity (the factor on its harms) to {@code level} ∈ (0, 1]: a
 * closure eased in steps; {@link Action#STOP} lifts it.
 */
public record Rule(Trigger trigger, Action action, String lever, Integer durationDays, boolean once, Double level) {
    public enum Action {
        USE, THREATEN, STOP, EASE
    }

    public Rule {
        Checks.requireId(lever, "rule lever");
        if (trigger == null || action == null) {
            throw new IllegalArgumentException("a rule needs a trigger and an action");
        }
        if (durationDays != null && durationDays < 1) {
            throw new IllegalArgumentException("a rule's duration must be >= 1 day, was " + durationDays);
        }
        if ((action == Action.EASE) != (level != null)) {
            throw new IllegalArgumentException("an ease rule needs a level, and only an ease rule has one");
        }
        if (level != null && !(level > 0 && level <= 1)) {
            throw new IllegalArgumentException("an ease rule's level must lie in (0, 1], was " + level);
        }
        if (durationDays != null && (action == Action.STOP || action == Action.EASE)) {
            throw new IllegalArgumentException("a " + action.name().toLowerCase(Locale.ROOT)
                    + " rule takes no days");
        }
    }

    public Rule(Trigger trigger, Action action, String lever, Integer durationDays, boolean once) {
        this(trigger, action, lever, durationDays, once, null);
    }
}
