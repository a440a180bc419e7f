package org.statecraft.core.bargaining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link BargainingModel} keeps, written once and run for each model by a subclass (in the
 * manner of Hipparchus' {@code RealDistributionAbstractTest}): the same problem gives identical results, the
 * thread count does not change them, reordering the actors permutes the states and leaves the outcome, and the
 * outcome lies within the range of the input positions on every dimension.
 */
abstract class BargainingModelContractTest {
    /** The model under test, on {@code threads} cores where it has a thread count. */
    abstract BargainingModel model(int threads);

    /** Whether the model has a thread count (otherwise the thread test is vacuous and skipped). */
    boolean threaded() {
        return false;
    }

    /** Problems with no ties in positions or weights (ties are decided by actor order, documented per model). */
    List<BargainingProblem> problems() {
        return List.of(SpatialModelOfPoliticsTest.dummy3Dim(), twentyActors());
    }

    /**
     * Twenty actors on one dimension, distinct positions, capabilities and saliences from a fixed arithmetic
     * pattern (no randomness), so that the parallel paths of threaded models (16 actors and more) are taken.
     */
    static BargainingProblem twentyActors() {
        int n = 20;
        double[] c = new double[n];
        double[][] x = new double[n][1];
        double[][] s = new double[n][1];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("a" + i);
            c[i] = 10 + (7 * i) % 13 + 0.01 * i;
            x[i][0] = ((37 * i) % 97) / 100.0 + 0.001 * i;
            s[i][0] = 0.2 + ((11 * i) % 17) / 25.0;
        }
        return new BargainingProblem("twenty", names, List.of("issue"), c, x, s);
    }

    static BargainingProblem reversed(BargainingProblem p) {
        int n = p.actorCount();
        double[] c = new double[n];
        double[][] x = new double[n][];
        double[][] s = new double[n][];
        List<String> names = new ArrayList<>();
        double[][] px = p.positions();
        double[][] ps = p.saliences();
        for (int i = 0; i < n; i++) {
            int k = n - 1 - i;
            names.add(p.actors().get(k));
            c[i] = p.capability(k);
            x[i] = px[k];
            s[i] = ps[k];
        }
        return new BargainingProblem(p.name(), names, p.dimensions(), c, x, s, p.scaleMin(), p.scaleMax());
    }

    @Test
    void sameProblemGivesIdenticalResults() {
        for (BargainingProblem p : problems()) {
            ForecastResult a = model(1).forecast(p);
            ForecastResult b = model(1).forecast(p);
            assertThat(b.outcome()).isEqualTo(a.outcome());
            assertThat(b.states()).hasSameSizeAs(a.states());
            for (int t = 0; t < a.states().size(); t++) {
                assertThat(b.states().get(t)).isDeepEqualTo(a.states().get(t));
            }
        }
    }

    @Test
    void threadCountDoesNotChangeTheResult() {
        org.junit.jupiter.api.Assumptions.assumeTrue(threaded(), "this model has no thread count");
        for (BargainingProblem p : problems()) {
            ForecastResult one = model(1).forecast(p);
            ForecastResult three = model(3).forecast(p);
            assertThat(three.outcome()).isEqualTo(one.outcome());
            for (int t = 0; t < one.states().size(); t++) {
                assertThat(three.states().get(t)).isDeepEqualTo(one.states().get(t));
            }
        }
    }

    @Test
    void reorderingTheActorsPermutesTheStatesAndKeepsTheOutcome() {
        for (BargainingProblem p : problems()) {
            ForecastResult a = model(1).forecast(p);
            ForecastResult b = model(1).forecast(reversed(p));
            int n = p.actorCount();
            for (int d = 0; d < p.dimensionCount(); d++) {
                assertThat(b.outcome()[d]).as("%s outcome dim %d", p.name(), d).isCloseTo(a.outcome()[d], within(1e-9));
            }
            assertThat(b.states()).hasSameSizeAs(a.states());
            for (int t = 0; t < a.states().size(); t++) {
                for (int i = 0; i < n; i++) {
                    for (int d = 0; d < p.dimensionCount(); d++) {
                        assertThat(b.states().get(t)[n - 1 - i][d]).as("%s turn %d actor %d", p.name(), t, i)
                                .isCloseTo(a.states().get(t)[i][d], within(1e-9));
                    }
                }
            }
        }
    }

    @Test
    void outcomeLiesWithinTheRangeOfThePositions() {
        for (BargainingProblem p : problems()) {
            double[] out = model(1).forecast(p).outcome();
            for (int d = 0; d < p.dimensionCount(); d++) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < p.actorCount(); i++) {
                    lo = Math.min(lo, p.position(i, d));
                    hi = Math.max(hi, p.position(i, d));
                }
                assertThat(out[d]).as("%s dim %d", p.name(), d).isBetween(lo - 1e-12, hi + 1e-12);
            }
        }
    }
}
