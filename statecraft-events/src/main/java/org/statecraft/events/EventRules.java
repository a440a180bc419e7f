package org.statecraft.events;

import java.time.LocalDate;
import org.statecraft.io.cameo.CameoCodebook;

/**
 * The checks every reader applies to the fields all formats share, in one place.
 *
 * <ul>
 *   <li>An event code is two to four ASCII digits under a CAMEO root 01–20 (CAMEO 1.1b3: roots are two digits,
 *       codes add up to two more). {@code +10}, {@code 1e1} and digits of other scripts (Arabic-Indic {@code ١٠}),
 *       which Java's number parsing would take, are not codes.</li>
 *   <li>An event's year is {@value #FIRST_YEAR}–{@value #LAST_YEAR}: the data sets begin in 1979 (GDELT's backfile),
 *       1995 (ICEWS) and 1997 (ACLED); a year 0 or 9999 is a damaged field, not an event.</li>
 * </ul>
 */
public final class EventRules {
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2100;

    private EventRules() {
    }

    /** The QuadClass of a CAMEO event code's root (1–4), or 0 when the text is not a CAMEO event code. */
    public static int quadClassOfCode(String code) {
        if (code == null || code.length() < 2 || code.length() > 4) {
            return 0;
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
        }
        return CameoCodebook.quadClassOfRoot(code.substring(0, 2));
    }

    /** True for a day an event can have happened on (see the class comment). */
    public static boolean plausible(LocalDate date) {
        return date != null && date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR;
    }
}
