package org.statecraft.core.record;

import java.time.LocalDate;
import org.statecraft.core.scenario.Scenario;

/**
 * The case as it unfolded: the runs conditioned on the record to {@code trainUntil}, then scored on what happened
 * after it, beside the same outcomes scored under the prior (the runs weighing the same). Run r of the training
 * window and run r of the whole window share parameters and random numbers, and the recorded policy's rules after
 * {@code trainUntil} cannot act before it, so the two runs coincide up to that date: the weights learnt on the
 * first apply to the second.
 */
public record OutOfSample(Scorecard prior, Scorecard posterior, double ess, boolean essTooSmall, long runsNeeded) {

    public static OutOfSample of(Scenario s, LocalDate trainUntil, LocalDate until, int runs, long seed, int threads,
                                 Conditioning.Bandwidths bw) {
        LocalDate end = Hindcast.window(s, until);
        if (!trainUntil.isBefore(end)) {
            throw new IllegalArgumentException("--train-until " + trainUntil + " leaves nothing to forecast: the record "
                    + "ends on " + end);
        }
        Hindcast.Simulation train = Hindcast.simulate(s, trainUntil, runs, seed, threads);
        double[] w = Conditioning.normalise(Conditioning.logWeights(train, bw));
        Hindcast.Simulation full = Hindcast.simulate(s, end, runs, seed, threads);
        double ess = Conditioning.ess(w);
        boolean small = ess < Conditioning.MINIMUM_ESS;
        long needed = small ? (long) Math.ceil(runs * (double) Conditioning.MINIMUM_ESS / Math.max(ess, 1e-9)) : runs;
        return new OutOfSample(Scorecard.of(full, null, trainUntil), Scorecard.of(full, w, trainUntil), ess, small,
                needed);
    }
}
