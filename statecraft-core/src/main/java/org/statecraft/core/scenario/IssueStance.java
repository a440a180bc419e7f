package org.statecraft.core.scenario;

/**
 * An actor's position (0–100 on the demand's issue scale) and salience (0–1) on the demand issue, used by
 * the bargaining engines. {@code positionUnderPressure} optionally says where the actor stands when its
 * expressed stance toward the target turns fully hostile; the bargaining forecast in {@code analyze}
 * interpolates between the two with the simulated stance shift.
 */
public record IssueStance(Quantity position, Quantity salience, Quantity positionWhenHostile) {
}
