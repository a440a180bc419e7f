package org.statecraft.core.tension;

/**
 * A detected change in a series.
 *
 * @param index position in the series (0-based) where the change is placed
 * @param direction {@code UP} when the level rose (escalation, for the tension index), {@code DOWN} when it fell
 * @param score the detector's evidence: the CUSUM statistic in standard deviations at the alarm, or the
 *     posterior probability of the run length that places the change (BOCPD)
 */
public record ChangePoint(int index, Direction direction, double score) {
    public enum Direction {
        UP, DOWN
    }
}
