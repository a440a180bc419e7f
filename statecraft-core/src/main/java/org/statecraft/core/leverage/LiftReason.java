package org.statecraft.core.leverage;

/** Why a lever stopped being in use. */
public enum LiftReason {
    /** Still in use (or never used) at the horizon. */
    NONE,
    /** The owner's accumulated own cost passed its tolerance: the owner backed down. */
    OWN_COST,
    /** The target met the demand and the policy releases on concession. */
    CONCESSION,
    /** The rule's duration ran out (a fixed term). */
    EXPIRED,
    /** A stop rule lifted it (another actor's move, the target's behaviour, a date). */
    RULE
}
