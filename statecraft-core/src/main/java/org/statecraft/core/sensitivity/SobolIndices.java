package org.statecraft.core.sensitivity;

/**
 * First-order and total Sobol' indices of one input for one output, with bootstrap percentile intervals
 * (NaN bounds when no bootstrap was run; NaN indices when the output has zero variance).
 *
 * @param input      the input's name
 * @param first      S_i, the share of Var(Y) explained by input i alone (Saltelli et al. 2010 estimator)
 * @param firstLow   lower bound of S_i's interval
 * @param firstHigh  upper bound of S_i's interval
 * @param total      S_Ti, the share of Var(Y) that involves input i (Jansen 1999 estimator)
 * @param totalLow   lower bound of S_Ti's interval
 * @param totalHigh  upper bound of S_Ti's interval
 */
public record SobolIndices(String input, double first, double firstLow, double firstHigh,
                           double total, double totalLow, double totalHigh) {
}
