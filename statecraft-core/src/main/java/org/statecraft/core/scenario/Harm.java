package org.statecraft.core.scenario;

/**
 * A lever's daily harm on one constituency, in the constituency's unit. On day τ of use the harm is
 * {@code perDay × min(1, (τ+1)/rampUp) × (1 + accumulation·τ)}: accumulation models perishables spoiling
 * and savings running out.
 */
public record Harm(String constituency, Quantity perDay, Quantity accumulation) {
    public Harm {
        accumulation = accumulation == null ? Quantity.of(0) : accumulation;
    }
}
