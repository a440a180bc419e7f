package org.statecraft.core.scenario;

import java.util.List;
import org.statecraft.core.Checks;

/**
 * A group whose welfare a lever touches. {@code side} is the actor it belongs to; {@code baseline} is its
 * normal level in {@code unit}: per day for a {@link ConstituencyKind#FLOW} (USD per day), a level for a
 * {@link ConstituencyKind#STOCK} (persons). A constituency may carry several roles (aid into Afghanistan is
 * both {@code international}, controlled by third parties, and {@code collateral}, borne by civilians).
 */
public record Constituency(String id, String name, String side, List<ConstituencyRole> roles,
                           ConstituencyKind kind, Quantity baseline, String unit, String description) {
    public Constituency {
        Checks.requireId(id, "constituency id");
        Checks.requireId(side, "constituency " + id + " side");
        name = name == null ? id : name;
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("constituency " + id + " needs a role");
        }
        roles = List.copyOf(roles);
        if (roles.stream().distinct().count() != roles.size()) {
            throw new IllegalArgumentException("constituency " + id + " lists a role twice: " + roles);
        }
        kind = kind == null ? ConstituencyKind.FLOW : kind;
        if (baseline == null || !(baseline.lower() > 0 || baseline instanceof Quantity.LogNormal)) {
            throw new IllegalArgumentException("constituency " + id + " needs a baseline > 0"
                    + (baseline == null ? "" : ", was " + baseline.describe()));
        }
        unit = unit == null ? "" : unit;
    }

    /** A flow constituency with one role. */
    public Constituency(String id, String name, String side, ConstituencyRole role, Quantity baseline, String unit,
                        String description) {
        this(id, name, side, role == null ? null : List.of(role), ConstituencyKind.FLOW, baseline, unit,
                description);
    }

    /** The first role listed (the one the scenario names first). */
    public ConstituencyRole role() {
        return roles.get(0);
    }

    public boolean hasRole(ConstituencyRole role) {
        return roles.contains(role);
    }
}
