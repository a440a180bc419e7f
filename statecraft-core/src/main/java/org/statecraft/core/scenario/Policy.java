package org.statecraft.core.scenario;

import java.util.List;
import org.statecraft.core.Checks;

/**
 * What the coercer does: a list of rules. The baseline policy has none ("nothing new").
 * {@code releaseOnConcession}: levers are lifted once the target concedes the release level.
 */
public record Policy(String id, String name, String description, List<Rule> rules, boolean releaseOnConcession) {
    public Policy {
        Checks.requireId(id, "policy id");
        name = name == null ? id : name;
        rules = List.copyOf(rules);
    }
}
