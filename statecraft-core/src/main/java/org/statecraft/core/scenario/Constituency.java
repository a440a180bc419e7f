package org.statecraft.core.scenario;

import org.statecraft.core.Checks;

/**
 * A group whose welfare a lever touches. {@code side} is the actor it belongs to; {@code baseline} is its
 * normal daily level in {@code unit} (USD per day, persons, index points): a day's harm h is a relative
 * loss h / baseline, and harms summed over days are reported in {@code unit}.
 */
public record Constituency(String id, String name, String side, ConstituencyRole role, Quantity baseline,
                           String unit, String description) {
    public Constituency {
        Checks.requireId(id, "constituency id");
        Checks.requireId(side, "constituency " + id + " side");
        name = name == null ? id : name;
        if (role == null) {
            throw new IllegalArgumentException("constituency " + id + " needs a role");
        }
        if (baseline == null || !(baseline.lower() > 0 || baseline instanceof Quantity.LogNormal)) {
            throw new IllegalArgumentException("constituency " + id + " needs a baseline > 0"
                    + (baseline == null ? "" : ", was " + baseline.describe()));
        }
        unit = unit == null ? "" : unit;
    }
}
