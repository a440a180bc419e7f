package org.statecraft.core.calibration;

/**
 * The assumed constant credible pressure Π (a relative daily loss, the unit of the leverage engine's felt
 * pressure) behind each TIES target-cost category. An assumption, not data: see docs/models/calibration.md.
 * Scaling all three levels by c shifts the fitted μ_K by ln c; changing their log-spacing rescales σ_K.
 */
public record TargetCostPressure(double minor, double major, double severe) {
    /** Minor 2%, major 8%, severe 25% relative daily loss (the documented default). */
    public static final TargetCostPressure DEFAULT = new TargetCostPressure(0.02, 0.08, 0.25);

    public TargetCostPressure {
        if (!(minor > 0 && minor < major && major < severe && Double.isFinite(severe))) {
            throw new IllegalArgumentException("target-cost pressures must satisfy 0 < minor < major < severe, were minor="
                    + minor + ", major=" + major + ", severe=" + severe);
        }
    }

    /** Π for TIES {@code targetcosts} code 1, 2 or 3. */
    public double of(int category) {
        return switch (category) {
            case 1 -> minor;
            case 2 -> major;
            case 3 -> severe;
            default -> throw new IllegalArgumentException("target-cost category must be 1, 2 or 3, was " + category);
        };
    }
}
