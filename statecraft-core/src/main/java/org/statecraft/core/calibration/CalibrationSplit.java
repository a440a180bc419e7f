package org.statecraft.core.calibration;

import org.statecraft.core.random.SeedStream;
import org.statecraft.core.random.Seeds;

/** How cases are divided between fitting and held-out evaluation. */
public sealed interface CalibrationSplit {

    boolean inTraining(SanctionEpisode e);

    /** A one-line description recorded with the fit, e.g. {@code random(seed=1, training=0.7)}. */
    String describe();

    /**
     * Each case goes to training with probability {@code trainingFraction}, decided by a hash of (seed, caseId),
     * so a case's side does not depend on the file's row order or on which other cases are present.
     */
    record Random(long seed, double trainingFraction) implements CalibrationSplit {
        public Random {
            if (!(trainingFraction > 0 && trainingFraction < 1)) {
                throw new IllegalArgumentException("training fraction must be in (0, 1), was " + trainingFraction);
            }
        }

        @Override
        public boolean inTraining(SanctionEpisode e) {
            double u = (Seeds.seed(seed, e.caseId(), SeedStream.CALIBRATION_SPLIT) >>> 11) * 0x1.0p-53;
            return u < trainingFraction;
        }

        @Override
        public String describe() {
            return "random(seed=" + seed + ", training=" + trainingFraction + ")";
        }
    }

    /** Cases that started in or before {@code lastTrainingYear} train; later ones are held out (a forecast test). */
    record ByYear(int lastTrainingYear) implements CalibrationSplit {
        @Override
        public boolean inTraining(SanctionEpisode e) {
            return e.startYear() <= lastTrainingYear;
        }

        @Override
        public String describe() {
            return "year(training <= " + lastTrainingYear + ")";
        }
    }
}
