package org.statecraft.core.scenario;

import java.util.List;
import org.statecraft.core.Checks;

/**
 * Armed clashes between coercer and target: each day one happens with probability
 * 1 − exp(−(background + Σ ε_l over levers in use)). A clash has consequences: {@code harms}, each a one-off
 * loss per clash in a constituency's unit (casualties, destroyed posts), and the rules that fire on it.
 */
public record ClashProcess(Quantity backgroundHazard, EventCode event, List<ClashHarm> harms) {
    /** A clash's one-off harm on a constituency, in its unit. */
    public record ClashHarm(String constituency, Quantity perClash) {
        public ClashHarm {
            Checks.requireId(constituency, "clash harm constituency");
            if (perClash.lower() < 0) {
                throw new IllegalArgumentException("clash harm on " + constituency + " must be >= 0");
            }
        }
    }

    public ClashProcess {
        if (backgroundHazard.lower() < 0 || backgroundHazard.upper() > 1) {
            throw new IllegalArgumentException("clash backgroundHazard must lie in [0, 1]");
        }
        harms = harms == null ? List.of() : List.copyOf(harms);
    }

    public ClashProcess(Quantity backgroundHazard, EventCode event) {
        this(backgroundHazard, event, List.of());
    }
}
