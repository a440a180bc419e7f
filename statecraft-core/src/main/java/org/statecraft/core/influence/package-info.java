/**
 * Opinion dynamics on the influence network: Friedkin–Johnsen's x(t+1) = ΛWx(t) + (I − Λ)u and its equilibrium,
 * used by the leverage engine to move third parties' stances toward the target.
 */
package org.statecraft.core.influence;
