package org.statecraft.core.scenario;

import java.time.LocalDate;

/** An observed spell of a lever's use (e.g. a border closure from one date to another), for replay checks. */
public record LeverSpell(String lever, LocalDate from, LocalDate to, String source) {
    public long days() {
        return java.time.temporal.ChronoUnit.DAYS.between(from, to);
    }
}
