package org.statecraft.core.tension;

import java.util.Locale;
import java.util.Objects;

/**
 * One side of a dyad: a CAMEO country code, optionally narrowed to a CAMEO known-group code. {@code AFG}
 * matches every Afghan actor (state, Taliban, civilians); {@code AFG/TAL} only actors whose known group is
 * TAL (GDELT codes the Taliban as {@code AFGINSTAL}: country AFG, known group TAL).
 */
public record ActorSpec(String country, String group) {
    public ActorSpec {
        if (country == null || !country.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("actor country must be a 3-letter CAMEO code such as PAK, was '"
                    + country + "'");
        }
        if (group != null && !group.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("actor group must be a 3-letter CAMEO group code such as TAL, was '"
                    + group + "'");
        }
    }

    /** Parses {@code CTRY} or {@code CTRY/GRP} (case-insensitive). */
    public static ActorSpec parse(String text) {
        Objects.requireNonNull(text, "actor");
        String t = text.trim().toUpperCase(Locale.ROOT);
        int slash = t.indexOf('/');
        return slash < 0 ? new ActorSpec(t, null) : new ActorSpec(t.substring(0, slash), t.substring(slash + 1));
    }

    /** Whether an actor written {@code CTRY} or {@code CTRY/GRP} is this side. */
    public boolean matches(String actor) {
        if (actor == null || actor.length() < 3 || !actor.startsWith(country)) {
            return false;
        }
        if (actor.length() > 3 && actor.charAt(3) != '/') {
            return false;
        }
        if (group == null) {
            return true;
        }
        return actor.length() == 7 && actor.regionMatches(4, group, 0, 3);
    }

    @Override
    public String toString() {
        return group == null ? country : country + "/" + group;
    }
}
