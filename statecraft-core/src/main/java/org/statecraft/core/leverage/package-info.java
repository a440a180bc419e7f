/**
 * The leverage engine: a scenario compiled once ({@link org.statecraft.core.leverage.CompiledScenario}), every
 * number a slot of the run's parameter vector ({@link org.statecraft.core.leverage.ParameterSpace}), and one run
 * of one policy advanced a day at a time ({@link org.statecraft.core.leverage.RunState}), returning a
 * {@link org.statecraft.core.leverage.RunOutcome}. Equations: docs/models/leverage.md.
 */
package org.statecraft.core.leverage;
