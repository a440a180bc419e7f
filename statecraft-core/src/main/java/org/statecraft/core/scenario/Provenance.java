package org.statecraft.core.scenario;

/**
 * Where a number comes from: the id of an entry in the scenario's source list, an explicit assumption
 * (with the reasoning behind its range), or both. {@link #NONE} marks a number that carries neither.
 */
public record Provenance(String source, String assumption) {
    public static final Provenance NONE = new Provenance(null, null);

    public static Provenance source(String id) {
        return new Provenance(id, null);
    }

    public static Provenance assumption(String text) {
        return new Provenance(null, text);
    }

    public boolean isSourced() {
        return source != null && !source.isBlank();
    }

    public boolean isAssumption() {
        return assumption != null && !assumption.isBlank();
    }

    public boolean isDocumented() {
        return isSourced() || isAssumption();
    }
}
