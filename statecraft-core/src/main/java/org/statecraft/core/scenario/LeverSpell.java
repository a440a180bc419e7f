package org.statecraft.core.scenario;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.statecraft.core.Checks;

/**
 * A recorded spell of a lever's use: in force from {@code from} until {@code to} (the day it ended, e.g. a crossing's
 * reopening; exclusive), or, when {@code to} is null, still in force on {@code inForceOn} (an open, right-censored
 * spell). Spells that begin before the scenario's start are history: the hindcast's baseline learns from them.
 */
public record LeverSpell(String lever, LocalDate from, LocalDate to, LocalDate inForceOn, String source) {
    public LeverSpell {
        Checks.requireId(lever, "spell lever");
        if (from == null) {
            throw new IllegalArgumentException("a spell needs a start date");
        }
        if ((to == null) == (inForceOn == null)) {
            throw new IllegalArgumentException("a spell needs exactly one of an end (to) and a date it was still in "
                    + "force on (inForceOn)");
        }
    }

    /** A closed spell. */
    public LeverSpell(String lever, LocalDate from, LocalDate to, String source) {
        this(lever, from, to, null, source);
    }

    /** Still in force on the record's last word about it: the observed duration is a lower bound. */
    public boolean open() {
        return to == null;
    }

    /** Days in force: to − from, or for an open spell the days until {@code inForceOn} (a lower bound). */
    public long days() {
        return ChronoUnit.DAYS.between(from, open() ? inForceOn : to);
    }

    /** The last date the record speaks of: the end, or the date it was last seen in force. */
    public LocalDate lastKnown() {
        return open() ? inForceOn : to;
    }
}
