package org.statecraft.core.scenario;

/**
 * The role a constituency plays: the power base of its side's regime, collateral (civilians, traders,
 * refugees), or international (aid, recognition, trade access that third parties control).
 * Collateral harm is reported over {@link #COLLATERAL} constituencies.
 */
public enum ConstituencyRole {
    POWER_BASE, COLLATERAL, INTERNATIONAL
}
