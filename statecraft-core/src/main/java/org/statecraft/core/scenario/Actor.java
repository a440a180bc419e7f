package org.statecraft.core.scenario;

import org.statecraft.core.Checks;

/**
 * A state, regime, armed group, bloc or population. {@code capability} is the actor's relative power
 * (used by bargaining); {@code stance} is optional (null when the actor takes no part in bargaining).
 * {@code cameo} is how event data code the actor, {@code CTRY} or {@code CTRY/GRP} (PAK; AFG/TAL for the
 * Taliban): the alias by which the tension index matches observed and simulated events (null: none).
 */
public record Actor(String id, String name, ActorKind kind, Quantity capability, IssueStance stance, String cameo) {
    public Actor {
        Checks.requireId(id, "actor id");
        name = name == null ? id : name;
        kind = kind == null ? ActorKind.STATE : kind;
        capability = capability == null ? Quantity.of(1) : capability;
        if (cameo != null && !cameo.matches("[A-Z]{3}(/[A-Z]{3})?")) {
            throw new IllegalArgumentException("actor " + id + " cameo must be CTRY or CTRY/GRP in CAMEO codes "
                    + "(PAK, AFG/TAL), was '" + cameo + "'");
        }
    }

    public Actor(String id, String name, ActorKind kind, Quantity capability, IssueStance stance) {
        this(id, name, kind, capability, stance, null);
    }
}
