package org.statecraft.core.sensitivity;

import java.util.List;

/**
 * The outcome of a Sobol' analysis: per output, its mean and variance over the A and B rows and the indices
 * of every input, in input order. Records the design (and so the seed) that produced it.
 *
 * @param design      the design, including the master seed
 * @param inputs      input names
 * @param outputs     one entry per model output, in the model's order
 * @param evaluations model evaluations made, N(d + 2)
 */
public record SobolResult(SobolDesign design, List<String> inputs, List<Output> outputs, long evaluations) {

    public SobolResult {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** One output's moments and indices. */
    public record Output(String name, double mean, double variance, List<SobolIndices> indices) {
        public Output {
            indices = List.copyOf(indices);
        }

        /** The indices of the named input. */
        public SobolIndices of(String input) {
            return indices.stream().filter(i -> i.input().equals(input)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no input named '" + input + "'"));
        }
    }

    /** The named output. */
    public Output output(String name) {
        return outputs.stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no output named '" + name + "'"));
    }
}
