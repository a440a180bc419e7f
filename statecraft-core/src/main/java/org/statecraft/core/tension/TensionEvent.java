package org.statecraft.core.tension;

import java.time.LocalDate;
import java.util.Objects;
import org.statecraft.core.Checks;

/**
 * One dyadic event as the tension index sees it, whether read from GDELT/ICEWS/ACLED or simulated.
 *
 * <p>Actors are written {@code CTRY} or {@code CTRY/GRP}: a CAMEO country code (PAK, AFG) and optionally a
 * CAMEO known-group code (TAL for the Taliban), see {@link ActorSpec}. An actor may be {@code null} or empty
 * when the source names none. {@code goldstein} is on the Goldstein (1992) scale, −10 (most conflictual) to
 * +10 (most cooperative); {@code quadClass} is GDELT's: 1 verbal cooperation, 2 material cooperation,
 * 3 verbal conflict, 4 material conflict.
 */
public record TensionEvent(LocalDate date, String sourceActor, String targetActor, String cameo, double goldstein,
        int quadClass) {
    public TensionEvent {
        Objects.requireNonNull(date, "date");
        Checks.requireInRange(goldstein, -10.0, 10.0, "goldstein");
        if (quadClass < 1 || quadClass > 4) {
            throw new IllegalArgumentException("quadClass must be 1..4, was " + quadClass);
        }
    }

    /** The Goldstein value in millionths, the fixed point in which the index sums (exactly). */
    public long goldsteinMicros() {
        return TensionIndex.micros(goldstein);
    }
}
