package org.statecraft.core.scenario;

import org.statecraft.core.Checks;

/**
 * A state, regime, armed group, bloc or population. {@code capability} is the actor's relative power
 * (used by bargaining); {@code stance} is optional (null when the actor takes no part in bargaining).
 */
public record Actor(String id, String name, ActorKind kind, Quantity capability, IssueStance stance) {
    public Actor {
        Checks.requireId(id, "actor id");
        name = name == null ? id : name;
        kind = kind == null ? ActorKind.STATE : kind;
        capability = capability == null ? Quantity.of(1) : capability;
    }
}
