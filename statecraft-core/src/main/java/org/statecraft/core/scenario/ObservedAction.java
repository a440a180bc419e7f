package org.statecraft.core.scenario;

import java.time.LocalDate;
import org.statecraft.core.Checks;

/**
 * A recorded one-off move (an airstrike, a decree) by {@code actor} on {@code date}. With a {@code lever}, the
 * move is that lever's use for {@code days} days, and the hindcast's policy repeats it; without one it is only
 * recorded.
 */
public record ObservedAction(LocalDate date, String actor, String lever, int days, String description, String source) {
    public ObservedAction {
        if (date == null) {
            throw new IllegalArgumentException("an action needs a date");
        }
        Checks.requireId(actor, "action actor");
        if (days < 1) {
            throw new IllegalArgumentException("an action lasts at least 1 day, was " + days);
        }
    }
}
