package org.statecraft.core.scenario;

import java.util.List;
import org.statecraft.core.Checks;

/**
 * An instrument of pressure, owned by any actor: the coercer's closure, the target's retaliation, a third
 * party's credit line. A lever is data: the engine knows it only through these fields, as effect kinds.
 *
 * @param harms                  daily harm per constituency (see {@link Harm})
 * @param tolerance              Θ, the owner's own-cost tolerance in weighted relative-loss-days; when the
 *                               owner's accumulated cost from this lever (its own harms on the owner's
 *                               constituencies, plus the harm of levers others started in response to it)
 *                               passes Θ, the owner lifts the lever. Null: never lifted for cost. The
 *                               distribution is also the target's prior belief about Θ
 * @param toleranceInDays        Θ is given in days of the lever's own cost at full effect (the owner's weighted
 *                               relative loss per day of its harms, before accumulation and adaptation): a
 *                               unit that carries from case to case, so cases can share one prior
 * @param toleranceRecoveryDays  while the lever is not in use, the cost its owner has borne on its account decays
 *                               with this half-life, so a later spell starts with a renewed budget; null: it
 *                               never recovers, and a lever lifted for cost is not used again
 * @param toleranceGainPerAttack Θ grows by this much for each attack the owner suffers ("the life of a common
 *                               Pakistani is more valuable than trade"); null: fixed
 * @param clashHazard            daily hazard contribution ε to an armed clash while the lever is in use
 * @param networkStance          while in use, the owner's expressed stance toward the target in the influence
 *                               network becomes this value (null: none)
 * @param stanceEffects          while in use, other members' prejudices move (backlash, rallying)
 * @param offsets                while in use, shares of other levers' losses on constituencies it replaces
 * @param attackEffect           while in use, degradation of the proxy's attack rate (null: none)
 * @param threatWeight           when only threatened, the share of its pressure the target expects
 * @param useEvent               event emitted when the lever is applied; {@code liftEvent} when it is lifted;
 *                               {@code threatEvent} when it is threatened (may be null)
 */
public record Lever(String id, String name, String description, String owner, String target, List<Harm> harms,
                    int rampUpDays, Quantity tolerance, Quantity toleranceGainPerAttack, Quantity clashHazard,
                    Quantity networkStance, List<StanceEffect> stanceEffects, List<Offset> offsets,
                    AttackEffect attackEffect, Quantity threatWeight, EventCode useEvent, EventCode liftEvent,
                    EventCode threatEvent, boolean toleranceInDays, Quantity toleranceRecoveryDays) {
    public Lever {
        Checks.requireId(id, "lever id");
        Checks.requireId(owner, "lever " + id + " owner");
        Checks.requireId(target, "lever " + id + " target");
        name = name == null ? id : name;
        harms = List.copyOf(harms);
        stanceEffects = stanceEffects == null ? List.of() : List.copyOf(stanceEffects);
        offsets = offsets == null ? List.of() : List.copyOf(offsets);
        if (rampUpDays < 1) {
            throw new IllegalArgumentException("lever " + id + " rampUpDays must be >= 1, was " + rampUpDays);
        }
        clashHazard = clashHazard == null ? Quantity.of(0) : clashHazard;
        threatWeight = threatWeight == null ? Quantity.of(0) : threatWeight;
        if (clashHazard.lower() < 0 || clashHazard.upper() > 1) {
            throw new IllegalArgumentException("lever " + id + " clashHazard must lie in [0, 1]");
        }
        if (threatWeight.lower() < 0 || threatWeight.upper() > 1) {
            throw new IllegalArgumentException("lever " + id + " threatWeight must lie in [0, 1]");
        }
        if (networkStance != null && (networkStance.lower() < -1 || networkStance.upper() > 1)) {
            throw new IllegalArgumentException("lever " + id + " networkStance must lie in [-1, 1]");
        }
        if (toleranceGainPerAttack != null && toleranceGainPerAttack.lower() < 0) {
            throw new IllegalArgumentException("lever " + id + " toleranceGainPerAttack must be >= 0");
        }
        if (toleranceGainPerAttack != null && tolerance == null) {
            throw new IllegalArgumentException("lever " + id + " has a toleranceGainPerAttack but no tolerance");
        }
        if (toleranceInDays && tolerance == null) {
            throw new IllegalArgumentException("lever " + id + " has its tolerance in days but no tolerance");
        }
        if (toleranceRecoveryDays != null && (tolerance == null || !(toleranceRecoveryDays.lower() > 0))) {
            throw new IllegalArgumentException("lever " + id + " toleranceRecoveryDays needs a tolerance and must be > 0");
        }
    }

    /** A lever whose tolerance is in weighted relative-loss-days and never recovers. */
    public Lever(String id, String name, String description, String owner, String target, List<Harm> harms,
                 int rampUpDays, Quantity tolerance, Quantity toleranceGainPerAttack, Quantity clashHazard,
                 Quantity networkStance, List<StanceEffect> stanceEffects, List<Offset> offsets,
                 AttackEffect attackEffect, Quantity threatWeight, EventCode useEvent, EventCode liftEvent,
                 EventCode threatEvent) {
        this(id, name, description, owner, target, harms, rampUpDays, tolerance, toleranceGainPerAttack, clashHazard,
                networkStance, stanceEffects, offsets, attackEffect, threatWeight, useEvent, liftEvent, threatEvent,
                false, null);
    }

    /** A lever with harms only (no stance effects, offsets, attack effect or tolerance growth). */
    public Lever(String id, String name, String description, String owner, String target, List<Harm> harms,
                 int rampUpDays, Quantity tolerance, Quantity clashHazard, Quantity networkStance,
                 Quantity threatWeight, EventCode useEvent, EventCode liftEvent, EventCode threatEvent) {
        this(id, name, description, owner, target, harms, rampUpDays, tolerance, null, clashHazard, networkStance,
                List.of(), List.of(), null, threatWeight, useEvent, liftEvent, threatEvent);
    }
}
