package org.statecraft.core.scenario;

/**
 * A lever's daily harm on one constituency, in the constituency's unit. On day τ of use the harm is
 * {@code perDay × intensity × min(1, (τ+1)/rampUp) × s(τ) × a(τ)} with
 * <ul>
 *   <li>accumulation that saturates, s(τ) = 1 + A(1 − e^{−ατ/A}): slope α at the start (perishables spoiling,
 *       savings running out), never more than 1 + A ({@code accumulationCap}, A; default 1);</li>
 *   <li>adaptation, a(τ) = f + (1 − f)·2^{−τ/h}: the harmed side substitutes (trade diverts to other routes)
 *       with half-life h ({@code halfLifeDays}) down to the floor f ({@code floor}); none when h is absent.</li>
 * </ul>
 * The sum over levers of a flow constituency's relative loss is capped at 1 (at most the whole baseline).
 */
public record Harm(String constituency, Quantity perDay, Quantity accumulation, Quantity accumulationCap,
                   Quantity halfLifeDays, Quantity floor) {
    public Harm {
        accumulation = accumulation == null ? Quantity.of(0) : accumulation;
        accumulationCap = accumulationCap == null ? Quantity.of(1) : accumulationCap;
        if (perDay.lower() < 0) {
            throw new IllegalArgumentException("harm on " + constituency + ": perDay must be >= 0 (relief is an "
                    + "offset), was " + perDay.describe());
        }
        if (accumulation.lower() < 0 || accumulationCap.lower() < 0) {
            throw new IllegalArgumentException("harm on " + constituency + ": accumulation and accumulationCap must "
                    + "be >= 0");
        }
        if (halfLifeDays != null && !(halfLifeDays.lower() > 0 || halfLifeDays instanceof Quantity.LogNormal)) {
            throw new IllegalArgumentException("harm on " + constituency + ": halfLifeDays must be > 0, was "
                    + halfLifeDays.describe());
        }
        if (floor != null && (floor.lower() < 0 || floor.upper() > 1)) {
            throw new IllegalArgumentException("harm on " + constituency + ": floor must lie in [0, 1], was "
                    + floor.describe());
        }
        if (floor != null && halfLifeDays == null) {
            throw new IllegalArgumentException("harm on " + constituency + ": a floor needs a halfLifeDays");
        }
    }

    public Harm(String constituency, Quantity perDay, Quantity accumulation) {
        this(constituency, perDay, accumulation, null, null, null);
    }
}
