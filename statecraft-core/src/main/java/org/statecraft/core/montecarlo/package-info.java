/**
 * Monte Carlo over the leverage engine: every policy run many times with per-run streams split from one master
 * seed (results independent of the thread count), summarised per policy with intervals
 * ({@link org.statecraft.core.montecarlo.Analysis}, {@link org.statecraft.core.montecarlo.PolicySummary}), with
 * the ranking's robustness, replays of recorded spells, the simulated tension series beside the observed one
 * ({@link org.statecraft.core.montecarlo.SimulatedTension}) and the bargaining forecast run by run.
 */
package org.statecraft.core.montecarlo;
