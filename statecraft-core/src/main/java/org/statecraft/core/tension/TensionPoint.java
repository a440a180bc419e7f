package org.statecraft.core.tension;

import java.time.LocalDate;

/**
 * The tension statistics of one period (definitions in {@link TensionIndex}).
 *
 * @param period first day of the period
 * @param events number of events n
 * @param goldsteinSum Σ g
 * @param goldsteinMean Σ g / n (0 when n = 0)
 * @param cooperativeSum Σ max(g, 0), ≥ 0
 * @param conflictualSum Σ max(−g, 0), ≥ 0, so goldsteinSum = cooperativeSum − conflictualSum
 * @param verbalCooperationShare share of QuadClass 1 events
 * @param materialCooperationShare share of QuadClass 2
 * @param verbalConflictShare share of QuadClass 3
 * @param materialConflictShare share of QuadClass 4
 * @param index the volume-normalised tension index (conflictualSum − cooperativeSum) / (10 n), in [−1, 1]
 */
public record TensionPoint(LocalDate period, long events, double goldsteinSum, double goldsteinMean,
        double cooperativeSum, double conflictualSum, double verbalCooperationShare,
        double materialCooperationShare, double verbalConflictShare, double materialConflictShare,
        double index) {
}
