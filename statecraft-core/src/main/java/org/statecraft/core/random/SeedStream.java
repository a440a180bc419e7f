package org.statecraft.core.random;

/**
 * Every random stream an engine derives from a master seed, numbered once here so that no two uses share a
 * stream: {@code Seeds.generator(master, index, stream)} of one stream never coincides with another's, so a
 * Sobol' design row, say, cannot be correlated with the dynamics of the Monte Carlo run of the same index.
 */
public enum SeedStream {
    /** A Monte Carlo run's uncertain parameters (shared by all policies: common random numbers); index = run. */
    PARAMETERS(0),
    /** A Monte Carlo run's day-to-day dynamics (attacks, clashes, backsliding); index = run. */
    DYNAMICS(1),
    /** The digital shift of the Sobol' sequence; index 0. */
    SOBOL_SHIFT(2),
    /** Pseudo-random base rows of a Sobol' design; index = row. */
    SOBOL_ROWS(3),
    /** Bootstrap replicates of Sobol' indices; index = replicate. */
    SOBOL_BOOTSTRAP(4),
    /** The random training/held-out split of the TIES calibration; index = case id. */
    CALIBRATION_SPLIT(5),
    /** A hindcast run's draws of the record's own uncertain numbers (counters' model shares); index = run. */
    RECORD(6),
    /** The perturbations and resampling of sequential Monte Carlo conditioning; index = generation × runs + particle. */
    SMC(7);

    private final int number;

    SeedStream(int number) {
        this.number = number;
    }

    /** The stream's number in {@link Seeds#seed(long, long, int)}. */
    public int number() {
        return number;
    }
}
