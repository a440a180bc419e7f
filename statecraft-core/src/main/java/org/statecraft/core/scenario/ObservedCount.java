package org.statecraft.core.scenario;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.statecraft.core.Checks;

/**
 * A recorded count over the days {@code from} to {@code to} (both included), as one {@code counter} (PICSS, a UN
 * agency) counts it. {@link Series#ATTACKS}: the scenario's attack process; {@link Series#HARM}: the units of
 * {@code constituency} affected (persons deported). The counter need not count what the model simulates:
 * {@code modelShare} is the share of the counter's count that the simulated series stands for (the TTP's share of
 * all militant attacks), so the model's prediction of the count is simulated / share. Null: 1.
 */
public record ObservedCount(Series series, String constituency, String counter, LocalDate from, LocalDate to,
                            double value, Quantity modelShare, String source) {
    public enum Series {
        ATTACKS, HARM
    }

    public ObservedCount {
        if (series == null || from == null || to == null) {
            throw new IllegalArgumentException("a count needs a series and a period");
        }
        if (series == Series.HARM) {
            Checks.requireId(constituency, "count constituency");
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("a count must be a finite number >= 0, was " + value);
        }
        counter = counter == null ? "" : counter;
        modelShare = modelShare == null ? Quantity.of(1) : modelShare;
    }

    /** Days in the period, both ends included. */
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The series' name, as tables show it: {@code attacks} or {@code harm:constituency}. */
    public String seriesName() {
        return series == Series.ATTACKS ? "attacks" : "harm:" + constituency;
    }
}
