/**
 * Where bargaining over an issue settles, given each actor's capability, position and salience: every model is a
 * {@link org.statecraft.core.bargaining.BargainingModel} (KTAB's Spatial Model of Politics, the Bueno de
 * Mesquita/Scholz expected-utility model, the compromise and weighted-median baselines) over a
 * {@link org.statecraft.core.bargaining.BargainingProblem}; the Council procedural model and the backtest on
 * recorded outcomes (DEU III) sit beside them. Equations: docs/models/smp.md, eum.md and compromise.md.
 */
package org.statecraft.core.bargaining;
