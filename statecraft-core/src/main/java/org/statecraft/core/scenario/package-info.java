/**
 * The scenario as validated, immutable records: actors, constituencies, regime weights, the demand, levers and
 * their harms, policies and rules, the influence network, the attack and clash processes, the observed record,
 * and every number as a {@link org.statecraft.core.scenario.Quantity} (a fixed value or a distribution, with its
 * provenance). {@link org.statecraft.core.scenario.ScenarioChecks} makes the cross-record checks and reports each
 * problem at a JSON pointer. Reading files is statecraft-io's job.
 */
package org.statecraft.core.scenario;
