/**
 * The model held to the record: the recorded policy rebuilt from the scenario's observed spells and actions, the
 * hindcast of it, proper scores beside model-free baselines ({@link org.statecraft.core.record.Scorecard}),
 * approximate Bayesian conditioning on the record to a date with sequential Monte Carlo when the weights
 * degenerate, the out-of-sample forecast that follows, and the prior every case of the library shares.
 * Method: docs/models/hindcast.md and docs/models/case-prior.md.
 */
package org.statecraft.core.record;
