package org.statecraft.core.record;

import java.time.LocalDate;
import org.statecraft.core.scenario.Scenario;

/**
 * The case as it unfolded: the runs conditioned on the record to {@code trainUntil} (importance weights, and
 * tempered sequential Monte Carlo when they degenerate: {@link Smc}), then scored on what happened after it,
 * beside the same outcomes scored under the prior (the runs weighing the same). A particle re-run over the whole
 * window keeps its parameters and random numbers, and the recorded policy's rules after {@code trainUntil} cannot
 * act before it, so its path coincides with the training path up to that date: the weight learnt on the first
 * applies to the second.
 */
public record OutOfSample(Scorecard prior, Scorecard posterior, double ess, boolean essTooSmall, long runsNeeded,
                          Smc.Population population) {

    public static OutOfSample of(Scenario s, LocalDate trainUntil, LocalDate until, int runs, long seed, int threads,
                                 Conditioning.Bandwidths bw, int generations) {
        LocalDate end = Hindcast.window(s, until);
        if (!trainUntil.isBefore(end)) {
            throw new IllegalArgumentException("--train-until " + trainUntil + " leaves nothing to forecast: the record "
                    + "ends on " + end);
        }
        Hindcast.Simulation train = Hindcast.simulate(s, trainUntil, runs, seed, threads);
        Smc.Population pop = Smc.run(train, bw, threads, Conditioning.MINIMUM_ESS, generations);
        Hindcast.Simulation full = Hindcast.simulate(s, end, runs, seed, threads);
        // the conditioned population, re-run over the whole window: each particle with its own stream, so its path
        // to trainUntil is the one its weight was learnt on
        Hindcast.Simulation post = Hindcast.simulate(full, pop.values(), pop.streams(), threads);
        double ess = pop.effectiveSampleSize();
        return new OutOfSample(Scorecard.of(full, null, trainUntil), Scorecard.of(post, pop.weights(), trainUntil), ess,
                ess < Conditioning.MINIMUM_ESS, pop.runsNeeded(Conditioning.MINIMUM_ESS), pop);
    }
}
