package org.statecraft.core.scenario;

import java.time.LocalDate;
import org.statecraft.core.Checks;

/**
 * A third party's recorded move on {@code date}: toward the demand's target (recognition, an ambassador accepted)
 * or away from it (sanctions, aid cut). {@code member} is a member of the influence network.
 */
public record StanceMove(LocalDate date, String member, Direction direction, String description, String source) {
    public enum Direction {
        TOWARD, AWAY;

        /** +1 toward the target, −1 away. */
        public int sign() {
            return this == TOWARD ? 1 : -1;
        }
    }

    public StanceMove {
        if (date == null || direction == null) {
            throw new IllegalArgumentException("a stance move needs a date and a direction");
        }
        Checks.requireId(member, "stance move member");
    }
}
