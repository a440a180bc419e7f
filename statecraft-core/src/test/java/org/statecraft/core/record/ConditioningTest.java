package org.statecraft.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statecraft.core.leverage.Kit;
import org.statecraft.core.scenario.Observed;
import org.statecraft.core.scenario.ObservedCount;
import org.statecraft.core.scenario.Quantity;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.core.scenario.Provenance;

/** Conditioning on a synthetic record whose true parameters are known. */
class ConditioningTest {
    private static final double TRUE_RATE = 0.8;
    private static final int MONTHS = 24;

    private static Scenario kit(Quantity baseRate, int horizon) {
        Kit kit = new Kit();
        kit.attackBase = baseRate;
        kit.horizon = horizon;
        return kit.build();
    }

    private static List<ObservedCount> months(Scenario s, double[] values, int k) {
        List<ObservedCount> out = new ArrayList<>();
        for (int m = 0; m < k; m++) {
            LocalDate from = s.start().plusMonths(m);
            out.add(new ObservedCount(ObservedCount.Series.ATTACKS, null, "synthetic", from,
                    from.plusMonths(1).minusDays(1), values[m], null, null));
        }
        return out;
    }

    private static Observed record(LocalDate until, List<ObservedCount> counts) {
        return new Observed(until, List.of(), List.of(), List.of(), counts, List.of(), List.of(), null);
    }

    /** The record the truth produces: one run of the model with the attack rate fixed at its true value. */
    private static double[] truth() {
        Scenario t = kit(Quantity.of(TRUE_RATE), 120);
        LocalDate until = t.start().plusMonths(MONTHS).minusDays(1);
        t = t.withObserved(record(until, months(t, new double[MONTHS], MONTHS)));
        Hindcast.Simulation sim = Hindcast.simulate(t, null, 1, 99, 1);
        return sim.sample().counts[0].clone();
    }

    @Test
    void thePosteriorConcentratesAroundTheTrueParameterAsTheRecordGrows() {
        double[] observed = truth();
        double previousWidth = Double.POSITIVE_INFINITY;
        for (int k : new int[] {1, 6, MONTHS}) {
            Scenario prior = kit(new Quantity.Uniform(0.2, 2.0, Provenance.NONE), 120);
            LocalDate until = prior.start().plusMonths(k).minusDays(1);
            prior = prior.withObserved(record(until, months(prior, observed, k)));
            Hindcast.Simulation sim = Hindcast.simulate(prior, null, 3000, 7, 2);
            double[] w = Conditioning.normalise(Conditioning.logWeights(sim, Conditioning.Bandwidths.DEFAULT));
            int idx = sim.model().parameterSpace().indexOf("/attacks/baseRatePerDay");
            double[] rate = new double[sim.sample().runs];
            for (int r = 0; r < rate.length; r++) {
                rate[r] = sim.sample().values[r][idx];
            }
            double lo = Conditioning.weightedQuantile(rate, w, 0.05);
            double hi = Conditioning.weightedQuantile(rate, w, 0.95);
            assertThat(TRUE_RATE).as("%d months: 90%% interval [%f, %f]", k, lo, hi).isBetween(lo, hi);
            assertThat(hi - lo).as("%d months", k).isLessThan(previousWidth);
            previousWidth = hi - lo;
            if (k == MONTHS) {
                assertThat(Conditioning.weightedQuantile(rate, w, 0.5)).isCloseTo(TRUE_RATE, within(0.15));
                assertThat(Conditioning.hellinger(rate, w, 20)).isGreaterThan(0.5);
            }
        }
    }

    @Test
    void temperedSequentialMonteCarloRecoversTheTruthWhereImportanceWeightsDegenerate() {
        double[] observed = truth();
        Scenario prior = kit(new Quantity.Uniform(0.2, 2.0, Provenance.NONE), 120);
        LocalDate until = prior.start().plusMonths(MONTHS).minusDays(1);
        prior = prior.withObserved(record(until, months(prior, observed, MONTHS)));
        Hindcast.Simulation sim = Hindcast.simulate(prior, null, 300, 21, 2);
        Smc.Population pop = Smc.run(sim, Conditioning.Bandwidths.DEFAULT, 2, 100, 12);
        assertThat(pop.essByStage().get(0)).isLessThan(100);
        assertThat(pop.beta()).isEqualTo(1.0);
        assertThat(pop.distinct()).isGreaterThan((int) Math.ceil(pop.essByStage().get(0)));
        int idx = sim.model().parameterSpace().indexOf("/attacks/baseRatePerDay");
        double[] rate = new double[pop.values().length];
        for (int r = 0; r < rate.length; r++) {
            rate[r] = pop.values()[r][idx];
        }
        double lo = Conditioning.weightedQuantile(rate, pop.weights(), 0.05);
        double hi = Conditioning.weightedQuantile(rate, pop.weights(), 0.95);
        assertThat(TRUE_RATE).as("[%f, %f]", lo, hi).isBetween(lo, hi);
        assertThat(hi - lo).isLessThan(0.5);
    }

    @Test
    void anEmptyRecordLeavesThePriorAndEveryRunCounts() {
        Scenario s = kit(new Quantity.Uniform(0.2, 2.0, Provenance.NONE), 120);
        s = s.withObserved(record(s.start().plusDays(59), List.of()));
        Hindcast.Simulation sim = Hindcast.simulate(s, null, 500, 3, 1);
        double[] w = Conditioning.normalise(Conditioning.logWeights(sim, Conditioning.Bandwidths.DEFAULT));
        assertThat(Conditioning.ess(w)).isCloseTo(500, within(1e-6));
    }

    @Test
    void theEffectiveSampleSizeIsKishs() {
        assertThat(Conditioning.ess(new double[] {1, 1, 1, 1})).isCloseTo(4, within(1e-12));
        assertThat(Conditioning.ess(new double[] {1, 0, 0, 0})).isCloseTo(1, within(1e-12));
        assertThat(Conditioning.ess(new double[] {2, 1, 1})).isCloseTo(16.0 / 6, within(1e-12));
        double[] w = Conditioning.normalise(new double[] {-1000, -1000 - Math.log(2)});
        assertThat(w[0]).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(Conditioning.ess(w)).isCloseTo(1.8, within(1e-12));
    }

    @Test
    void theHellingerDistanceIsZeroForThePriorItself() {
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        double[] even = new double[1000];
        java.util.Arrays.fill(even, 1.0 / 1000);
        assertThat(Conditioning.hellinger(v, even, 20)).isCloseTo(0, within(1e-6));
        double[] top = new double[1000];
        for (int i = 950; i < 1000; i++) {
            top[i] = 1;
        }
        assertThat(Conditioning.hellinger(v, top, 20)).isCloseTo(Math.sqrt(1 - Math.sqrt(0.05)), within(1e-9));
    }
}
