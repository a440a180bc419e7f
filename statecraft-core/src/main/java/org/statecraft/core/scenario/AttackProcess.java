package org.statecraft.core.scenario;

/**
 * The proxy's attacks on the coercer: N_t ~ Poisson(λ_t), λ_t = λ₀(1 − e·z_t) + Σ α e^{−δ(t − t_i)} over past
 * attacks (a Hawkes process when α > 0; Mohler et al. 2011).
 */
public record AttackProcess(String proxy, String victim, Quantity baseRatePerDay, Quantity suppression,
                            Quantity excitation, Quantity decayPerDay, EventCode event) {
    public AttackProcess {
        if (baseRatePerDay.lower() < 0) {
            throw new IllegalArgumentException("attack baseRatePerDay must be >= 0");
        }
        if (suppression.lower() < 0 || suppression.upper() > 1) {
            throw new IllegalArgumentException("attack suppression must lie in [0, 1]");
        }
        if (excitation.lower() < 0 || decayPerDay.lower() <= 0) {
            throw new IllegalArgumentException("attack excitation must be >= 0 and decayPerDay > 0");
        }
        if (excitation.upper() >= decayPerDay.lower()) {
            throw new IllegalArgumentException("attack excitation must stay below decayPerDay (branching ratio "
                    + "α/δ < 1), or the process explodes");
        }
    }
}
