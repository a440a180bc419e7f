/**
 * Special functions and linear algebra used by several engines, hand-written to keep the core free of
 * dependencies: the normal distribution's CDF, quantile and density, ln Γ
 * ({@link org.statecraft.core.numerics.SpecialFunctions}), a linear solve and the inverse of a symmetric
 * positive-definite matrix ({@link org.statecraft.core.numerics.LinearAlgebra}). Each function cites its algorithm
 * and is tested against closed forms and reference values.
 */
package org.statecraft.core.numerics;
