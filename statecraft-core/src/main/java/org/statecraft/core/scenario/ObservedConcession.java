package org.statecraft.core.scenario;

import java.time.LocalDate;
import org.statecraft.core.Checks;

/**
 * What the target conceded on {@code date}: on the demand ({@link On#DEMAND}, with an {@link Extent}: partial means
 * at least the demand's partial level, full means the release level), or on another issue ({@link On#OTHER}: a
 * relocated post, recorded but not a concession on the demand).
 */
public record ObservedConcession(LocalDate date, String actor, On on, Extent extent, String description,
                                 String source) {
    public enum On {
        DEMAND, OTHER
    }

    public enum Extent {
        PARTIAL, FULL
    }

    public ObservedConcession {
        if (date == null || on == null) {
            throw new IllegalArgumentException("a concession needs a date and what it was on");
        }
        Checks.requireId(actor, "concession actor");
        if (on == On.DEMAND && extent == null) {
            throw new IllegalArgumentException("a concession on the demand needs an extent (partial or full)");
        }
        if (on == On.OTHER && extent != null) {
            throw new IllegalArgumentException("a concession on another issue has no extent on the demand");
        }
    }
}
