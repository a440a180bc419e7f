package org.statecraft.core.sensitivity;

import java.util.List;

/**
 * A deterministic vector-valued model on the unit hypercube, the object of a variance-based sensitivity
 * analysis. Input {@code k} is a probability level {@code u_k} in (0, 1); the model maps it to its own
 * distribution (e.g. through {@code Quantity.quantile(u)}), so independent uniform inputs stand for
 * independent inputs of any distribution.
 * <p>
 * {@link #evaluate} must be a pure function of {@code u} (no shared mutable state, no ambient randomness:
 * a stochastic simulator derives its seed from {@code u} or uses common random numbers) and safe to call
 * from several threads at once. That is what makes an analysis identical for any thread count.
 */
public interface SensitivityModel {

    /** Input names, one per dimension of the hypercube. */
    List<String> inputs();

    /** Output names; {@link #evaluate} writes one value per output. */
    List<String> outputs();

    /** Writes the outputs at {@code u} (length {@code inputs().size()}) into {@code out}. */
    void evaluate(double[] u, double[] out);
}
