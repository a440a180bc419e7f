/**
 * The dyadic tension index and escalation detection (CUSUM, Bayesian online change points), shared by observed
 * event data (statecraft-events' store aggregates) and the events the leverage engine simulates (brought here by
 * {@code montecarlo.SimulatedTension}), so that both are the same quantity. Depends on the scenario records and
 * numerics only. Pure computation: no IO.
 */
package org.statecraft.core.tension;
