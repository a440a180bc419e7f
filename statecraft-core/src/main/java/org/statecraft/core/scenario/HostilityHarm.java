package org.statecraft.core.scenario;

/**
 * How a network member's hostility η = max(0, −x) toward the target becomes harm: {@code perDay} in the
 * constituency's unit at full hostility (ρ_{k,c}).
 */
public record HostilityHarm(String member, String constituency, Quantity perDay) {
}
