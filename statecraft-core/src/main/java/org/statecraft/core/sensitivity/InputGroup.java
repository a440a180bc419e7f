package org.statecraft.core.sensitivity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A group of inputs that a Sobol' analysis treats as one factor: the grouped A_B^(G) matrix takes every column
 * of G from B at once, so the indices measure the share of variance due to the group as a whole (Saltelli
 * et al. 2008, <i>Global Sensitivity Analysis: The Primer</i>, §1.2.15 and §4.6; Jacques, Lavergne &amp;
 * Devictor 2006, <i>Reliab. Eng. Syst. Saf.</i> 91:1126). A list of groups passed to an analysis must be a
 * partition of the model's inputs.
 *
 * @param name    the group's name (printed in place of an input's)
 * @param members indices of the model inputs in the group, ascending, at least one
 */
public record InputGroup(String name, int[] members) {

    public InputGroup {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a group needs a name, was '" + name + "'");
        }
        if (members == null || members.length == 0) {
            throw new IllegalArgumentException("group '" + name + "' has no inputs");
        }
        members = members.clone();
        Arrays.sort(members);
    }

    /** One group per input, named like the input: the ungrouped analysis. */
    public static List<InputGroup> singletons(List<String> inputs) {
        List<InputGroup> out = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            out.add(new InputGroup(inputs.get(i), new int[] {i}));
        }
        return out;
    }

    /** Checks that {@code groups} partition inputs 0 … d−1 and have distinct names; returns them. */
    public static List<InputGroup> requirePartition(List<InputGroup> groups, int d) {
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("at least one input group is needed");
        }
        int[] owner = new int[d];
        Arrays.fill(owner, -1);
        Set<String> names = new HashSet<>();
        for (int g = 0; g < groups.size(); g++) {
            InputGroup group = groups.get(g);
            if (!names.add(group.name())) {
                throw new IllegalArgumentException("group names must be distinct, '" + group.name() + "' repeats");
            }
            for (int i : group.members()) {
                if (i < 0 || i >= d) {
                    throw new IllegalArgumentException("group '" + group.name() + "' names input " + i
                            + ", outside 0.." + (d - 1));
                }
                if (owner[i] >= 0) {
                    throw new IllegalArgumentException("input " + i + " is in groups '" + groups.get(owner[i]).name()
                            + "' and '" + group.name() + "'");
                }
                owner[i] = g;
            }
        }
        for (int i = 0; i < d; i++) {
            if (owner[i] < 0) {
                throw new IllegalArgumentException("input " + i + " is in no group");
            }
        }
        return List.copyOf(groups);
    }

    @Override
    public int[] members() {
        return members.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputGroup g && g.name.equals(name) && Arrays.equals(g.members, members);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(members);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(members);
    }
}
