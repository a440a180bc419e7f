/**
 * Seeds: every random stream an engine uses is a pure function of (master seed, index, stream), the streams
 * numbered once in {@link org.statecraft.core.random.SeedStream}, so no two uses share numbers and results do not
 * depend on how work is spread over threads. Distributions are elsewhere (pure maths, in scenario and numerics).
 */
package org.statecraft.core.random;
