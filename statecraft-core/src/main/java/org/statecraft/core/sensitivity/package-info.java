/**
 * Variance-based (Sobol') sensitivity analysis: the Sobol' sequence with Joe–Kuo direction numbers, the Saltelli
 * design and estimators with a seeded bootstrap, over any {@link org.statecraft.core.sensitivity.SensitivityModel}
 * on the unit hypercube, the leverage engine being one. Method: docs/models/sensitivity.md.
 */
package org.statecraft.core.sensitivity;
