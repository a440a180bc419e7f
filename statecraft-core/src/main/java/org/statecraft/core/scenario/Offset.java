package org.statecraft.core.scenario;

import org.statecraft.core.Checks;

/**
 * While a lever is in use, it replaces {@code share} of the loss that other levers inflict on
 * {@code constituency} (a rival supplying what the coercer withholds, a patron's credit). Offsets combine
 * multiplicatively: the loss is multiplied by Π(1 − share). An offset never turns a loss into a gain.
 */
public record Offset(String constituency, Quantity share) {
    public Offset {
        Checks.requireId(constituency, "offset constituency");
        if (share.lower() < 0 || share.upper() > 1) {
            throw new IllegalArgumentException("offset on " + constituency + ": share must lie in [0, 1], was "
                    + share.describe());
        }
    }
}
