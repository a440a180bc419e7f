package org.statecraft.core.bargaining;

import java.util.Optional;

/**
 * Which problems KTAB's SMP ({@code smpc}) refuses to run, and KTAB's reason, so that {@code --ktab-strict} can
 * refuse the same. Statecraft's {@link SpatialModelOfPolitics} runs all of them; on the DEU III file KTAB runs
 * 211 of the 353 issues with an outcome. The reasons, as observed running KTAB on DEU III:
 * <ul>
 *   <li>fewer than three actors: an SMP needs at least three;</li>
 *   <li>an actor whose saliences are all zero: KTAB's {@code SMPModel::bvDiff} asserts {@code 0 < ssSqr}
 *       ("ssSqr must be positive");</li>
 *   <li>every position at an end of the scale (0 or 100): KTAB stops with "utility values not in valid range".</li>
 * </ul>
 * O(N·D).
 */
public final class KtabCompatibility {
    private KtabCompatibility() {
    }

    /** KTAB's reason for refusing {@code problem}, or empty when KTAB runs it. */
    public static Optional<String> refusal(BargainingProblem problem) {
        int n = problem.actorCount();
        if (n < 3) {
            return Optional.of("KTAB needs at least 3 actors (" + problem.name() + " has " + n + ")");
        }
        for (int i = 0; i < n; i++) {
            double ss = 0;
            for (int d = 0; d < problem.dimensionCount(); d++) {
                ss += problem.salience(i, d) * problem.salience(i, d);
            }
            if (ss <= 0) {
                return Optional.of("ssSqr must be positive: actor " + problem.actors().get(i) + " has zero salience");
            }
        }
        boolean allAtEnds = true;
        for (int i = 0; i < n && allAtEnds; i++) {
            for (int d = 0; d < problem.dimensionCount(); d++) {
                double x = problem.position(i, d);
                if (x != 0 && x != 1) {
                    allAtEnds = false;
                    break;
                }
            }
        }
        if (allAtEnds) {
            return Optional.of("utility values not in valid range: every position is at an end of the scale");
        }
        return Optional.empty();
    }
}
