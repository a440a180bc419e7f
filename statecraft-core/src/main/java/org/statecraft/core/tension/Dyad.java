package org.statecraft.core.tension;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A pair of sides. Directed: source is {@code a} and target is {@code b}. Undirected: either way round.
 *
 * @param a the first side
 * @param b the second side
 * @param directed whether only events from {@code a} to {@code b} count
 */
public record Dyad(ActorSpec a, ActorSpec b, boolean directed) {
    public Dyad {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
    }

    /**
     * Parses {@code A:B}, where each side is a CAMEO spec ({@code PAK}, {@code AFG/TAL}) or the name of an alias
     * in {@code aliases} (for example {@code taliban → AFG/TAL}); alias names are case-insensitive.
     */
    public static Dyad parse(String text, Map<String, ActorSpec> aliases, boolean directed) {
        Objects.requireNonNull(text, "dyad");
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1 || text.indexOf(':', colon + 1) >= 0) {
            throw new IllegalArgumentException("dyad must be written A:B (for example PAK:AFG), was '" + text + "'");
        }
        return new Dyad(side(text.substring(0, colon), aliases), side(text.substring(colon + 1), aliases), directed);
    }

    private static ActorSpec side(String s, Map<String, ActorSpec> aliases) {
        ActorSpec alias = aliases.get(s.trim().toLowerCase(Locale.ROOT));
        return alias != null ? alias : ActorSpec.parse(s);
    }

    /** Whether the event is between the two sides (in the right direction when directed). */
    public boolean matches(String source, String target) {
        if (a.matches(source) && b.matches(target)) {
            return true;
        }
        return !directed && b.matches(source) && a.matches(target);
    }

    public boolean matches(TensionEvent e) {
        return matches(e.sourceActor(), e.targetActor());
    }

    @Override
    public String toString() {
        return a + (directed ? "->" : ":") + b;
    }
}
