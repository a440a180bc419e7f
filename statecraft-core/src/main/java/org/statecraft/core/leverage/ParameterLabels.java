package org.statecraft.core.leverage;

import java.util.ArrayList;
import java.util.List;
import org.statecraft.core.scenario.ScenarioChecks;
import org.statecraft.core.scenario.Scenario;

/**
 * Readable names for the numbers of a scenario, and the entity or section each belongs to. A number is
 * addressed by its JSON pointer ({@code /levers/0/harms/1/perDay}); the label replaces array indices by the
 * ids they stand for ({@code lever close-torkham: harm on pakistani-trade, per day}). Pure and O(1) per
 * pointer apart from the pointer's length.
 */
public final class ParameterLabels {
    private final Scenario scenario;

    public ParameterLabels(Scenario scenario) {
        this.scenario = scenario;
    }

    /** The pointer's unescaped segments (RFC 6901: ~1 is '/', ~0 is '~'). */
    public static List<String> segments(String pointer) {
        List<String> out = new ArrayList<>();
        if (pointer.isEmpty()) {
            return out;
        }
        for (String s : pointer.substring(1).split("/", -1)) {
            out.add(s.replace("~1", "/").replace("~0", "~"));
        }
        return out;
    }

    /** The top-level section a number belongs to: {@code /levers}, {@code /demand}, {@code /network}, … */
    public static String section(String pointer) {
        List<String> s = segments(pointer);
        return s.isEmpty() ? "/" : "/" + ScenarioChecks.esc(s.get(0));
    }

    /**
     * The entity a number belongs to, as a pointer-like key: a lever ({@code /levers/0}), a constituency, an
     * actor, a policy, the weights of one regime ({@code /weights/taliban}), a network member
     * ({@code /network/us}, which gathers its initial stance, susceptibility, influence row and the hostility
     * harms it causes). Numbers that belong to no entity (the demand, the attack and clash processes) are
     * their own entity.
     */
    public String entity(String pointer) {
        List<String> s = segments(pointer);
        if (s.size() < 2) {
            return pointer;
        }
        switch (s.get(0)) {
            case "actors", "constituencies", "levers", "policies", "weights" -> {
                return "/" + s.get(0) + "/" + ScenarioChecks.esc(s.get(1));
            }
            case "network" -> {
                String member = networkMember(s);
                return member == null ? pointer : "/network/" + ScenarioChecks.esc(member);
            }
            default -> {
                return pointer;
            }
        }
    }

    /** A readable name for an entity key from {@link #entity} or a section key from {@link #section}. */
    public String groupLabel(String key) {
        List<String> s = segments(key);
        if (s.size() == 1) {
            return s.get(0);
        }
        if (s.size() == 2) {
            return switch (s.get(0)) {
                case "actors" -> "actor " + id(s.get(0), s.get(1));
                case "constituencies" -> "constituency " + id(s.get(0), s.get(1));
                case "levers" -> "lever " + id(s.get(0), s.get(1));
                case "policies" -> "policy " + id(s.get(0), s.get(1));
                case "weights" -> "weights of " + s.get(1);
                case "network" -> "network member " + s.get(1);
                default -> label(key);
            };
        }
        return label(key);
    }

    /** A readable label for the number at {@code pointer}; the pointer itself when it is not understood. */
    public String label(String pointer) {
        List<String> s = segments(pointer);
        try {
            switch (s.get(0)) {
                case "actors" -> {
                    return "actor " + id("actors", s.get(1)) + ": " + String.join(" ", s.subList(2, s.size()));
                }
                case "constituencies" -> {
                    return "constituency " + id("constituencies", s.get(1)) + ": "
                            + String.join(" ", s.subList(2, s.size()));
                }
                case "weights" -> {
                    return "weight of " + s.get(2) + " for " + s.get(1);
                }
                case "levers" -> {
                    int l = Integer.parseInt(s.get(1));
                    String lever = scenario.levers().get(l).id();
                    if (s.size() >= 5 && s.get(2).equals("harms")) {
                        String c = scenario.levers().get(l).harms().get(Integer.parseInt(s.get(3))).constituency();
                        return "lever " + lever + ": harm on " + c + " " + (s.get(4).equals("perDay") ? "per day"
                                : s.get(4));
                    }
                    return "lever " + lever + ": " + String.join(" ", s.subList(2, s.size()));
                }
                case "network" -> {
                    if (s.get(1).equals("hostilityHarms") && s.size() >= 3) {
                        var h = scenario.network().hostilityHarms().get(Integer.parseInt(s.get(2)));
                        return "network: hostility of " + h.member() + " harms " + h.constituency() + " per day";
                    }
                    return "network: " + s.get(1) + " of " + String.join(" ", s.subList(2, s.size()));
                }
                default -> {
                    return s.get(0) + ": " + String.join(" ", s.subList(1, s.size()));
                }
            }
        } catch (RuntimeException e) {
            return pointer;
        }
    }

    private String networkMember(List<String> s) {
        try {
            if (s.get(1).equals("hostilityHarms") && s.size() >= 3) {
                return scenario.network().hostilityHarms().get(Integer.parseInt(s.get(2))).member();
            }
            return s.size() >= 3 ? s.get(2) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String id(String section, String index) {
        try {
            int i = Integer.parseInt(index);
            return switch (section) {
                case "actors" -> scenario.actors().get(i).id();
                case "constituencies" -> scenario.constituencies().get(i).id();
                case "levers" -> scenario.levers().get(i).id();
                case "policies" -> scenario.policies().get(i).id();
                default -> index;
            };
        } catch (RuntimeException e) {
            return index;
        }
    }
}
