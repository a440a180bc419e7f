/**
 * Calibration of the leverage engine's response curve on sanctions outcomes (TIES): a probit fit of acquiescence on
 * the assumed pressure and case covariates, a seeded held-out split, and proper scores beside a constant-rate
 * baseline. Method: docs/models/calibration.md.
 */
package org.statecraft.core.calibration;
