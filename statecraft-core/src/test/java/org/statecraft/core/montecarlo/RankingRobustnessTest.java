package org.statecraft.core.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.statecraft.core.leverage.TestScenarios.baseline;
import static org.statecraft.core.leverage.TestScenarios.tri;
import static org.statecraft.core.leverage.TestScenarios.twoSided;
import static org.statecraft.core.leverage.TestScenarios.useOnDay;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.statecraft.core.leverage.TestScenarios;
import org.statecraft.core.scenario.Scenario;

class RankingRobustnessTest {

    /**
     * Squeeze pressure 0.3/day against a resolve K drawn per run (γ = 2): squeeze gets at least a partial
     * concession in every run, so it beats the baseline in all of them, and how far it beats it (the per-run
     * difference in final concession) falls as K rises: the pair hinges on the resolve alone, negatively; actor
     * capabilities are drawn too but the leverage engine never reads them.
     */
    @Test
    void theConclusionHingesOnTheResolveThatDecidesIt() {
        Scenario s = TestScenarios.withUncertainty(
                twoSided(30, 0, 1, 0, Double.NaN, 1, 1, 2, List.of(baseline(), useOnDay("squeeze", 0, null)), 0),
                tri(0.1, 0.3, 0.6), tri(1, 2, 3));
        Analysis a = MonteCarlo.run(s, new MonteCarloOptions(1000, 3, 2), null);
        RankingRobustness rr = RankingRobustness.of(s, a, 3);

        RankingRobustness.Pair adjacent = rr.pair("squeeze", "baseline").orElseThrow();
        assertThat(adjacent.kind()).isEqualTo("adjacent");
        // squeeze always gets at least a partial concession, so the ranking holds in every run; how far it
        // holds (the size of the per-run difference) still depends on K alone
        assertThat(adjacent.share()).isEqualTo(1.0);
        assertThat(adjacent.hingesOn()).hasSize(1);
        RankingRobustness.Hinge h = adjacent.hingesOn().get(0);
        assertThat(h.input()).isEqualTo("/demand/complianceCost");
        assertThat(h.label()).isEqualTo("demand: complianceCost");
        assertThat(h.correlation()).isLessThan(-0.6);
        // adjacent pair first, then the same pair as "policy over baseline"
        assertThat(rr.pairs()).extracting(RankingRobustness.Pair::kind).containsExactly("adjacent", "baseline");
    }

    /**
     * A constructed flip: the engine's runs are kept but the outcomes are replaced so that policy a beats b
     * exactly when the drawn resolve K is below its median 0.3 (z_a − z_b = 0.3 − K): the one input that decides
     * the flip must be named, with a negative correlation (|ρ| = 1), and no capability. (The share itself is the
     * analysis's robustness entry, which MonteCarloTest checks against the runs.)
     */
    @Test
    void aFlipDrivenByOneInputIsAttributedToThatInput() {
        Scenario s = TestScenarios.withUncertainty(
                twoSided(30, 0, 1, 0, Double.NaN, 1, 1, 2, List.of(baseline(), useOnDay("squeeze", 0, null)), 0),
                tri(0.1, 0.3, 0.5), tri(1, 2, 3));
        Analysis real = MonteCarlo.run(s, new MonteCarloOptions(1000, 5, 1), null);
        int k = new org.statecraft.core.leverage.ParameterSpace(s).indexOf("/demand/complianceCost");
        var outcomes = new org.statecraft.core.leverage.RunOutcome[2][1000];
        double wins = 0;
        for (int r = 0; r < 1000; r++) {
            double resolve = real.parameters()[r][k];
            for (int p = 0; p < 2; p++) {
                outcomes[p][r] = new org.statecraft.core.leverage.RunOutcome(2, 1, 0, 0);
            }
            outcomes[0][r].finalConcession = 0.5;
            outcomes[1][r].finalConcession = 0.5 + (0.3 - resolve);
            wins += resolve < 0.3 ? 1 : 0;
        }
        double[][] robustness = {{0.5, 1 - wins / 1000}, {wins / 1000, 0.5}};
        Analysis flip = new Analysis(real.scenarioId(), real.seed(), real.runs(), real.horizonDays(),
                real.baselinePolicy(), real.constituencies(), real.members(), real.levers(), real.policies(),
                robustness, outcomes, real.parameters(), null);
        RankingRobustness.Pair pair = RankingRobustness.of(s, flip, 3).pair("squeeze", "baseline").orElseThrow();
        assertThat(pair.hingesOn()).extracting(RankingRobustness.Hinge::input)
                .containsExactly("/demand/complianceCost");
        assertThat(pair.hingesOn().get(0).correlation()).isCloseTo(-1.0, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void noInputIsBlamedWhenThePairNeverDiffers() {
        Scenario s = TestScenarios.withUncertainty(
                twoSided(30, 0, 1, 0, Double.NaN, 1, 1, 2, List.of(baseline(), baseline2()), 0),
                tri(0.1, 0.3, 0.6), tri(1, 2, 3));
        Analysis a = MonteCarlo.run(s, new MonteCarloOptions(200, 3, 1), null);
        RankingRobustness rr = RankingRobustness.of(s, a, 3);
        assertThat(rr.pairs()).allSatisfy(p -> assertThat(p.hingesOn()).isEmpty());
    }

    private static org.statecraft.core.scenario.Policy baseline2() {
        return new org.statecraft.core.scenario.Policy("also-nothing", null, null, List.of(), true);
    }

    @Test
    void chunksAssembledInOrderEqualTheThreadedRun() {
        Scenario s = TestScenarios.withUncertainty(
                twoSided(30, 5, 1, 0.5, 20, 1, 1, 2, List.of(baseline(), useOnDay("squeeze", 0, null)), 0.8),
                tri(0.1, 0.3, 0.6), tri(1, 2, 3));
        MonteCarloOptions options = new MonteCarloOptions(300, 17, 2);
        Analysis local = MonteCarlo.run(s, options, null);
        var model = new org.statecraft.core.leverage.LeverageModel(s);
        List<MonteCarlo.Chunk> chunks = new java.util.ArrayList<>();
        for (int c = MonteCarlo.chunks(300) - 1; c >= 0; c--) {
            chunks.add(MonteCarlo.simulateChunk(model, 17, 300, c));
        }
        Analysis assembled = MonteCarlo.assemble(model, options, chunks);
        assertThat(assembled.parameters()).isDeepEqualTo(local.parameters());
        assertThat(assembled.robustness()).isDeepEqualTo(local.robustness());
        for (int p = 0; p < 2; p++) {
            PolicySummary x = local.policies().get(p);
            PolicySummary y = assembled.policies().get(p);
            assertThat(y.concession()).isEqualTo(x.concession());
            assertThat(y.attacks()).isEqualTo(x.attacks());
            assertThat(y.collateral()).isEqualTo(x.collateral());
            assertThat(y.daily().pressure()).isEqualTo(x.daily().pressure());
            assertThat(y.concessionCurve()).isEqualTo(x.concessionCurve());
        }
    }

    /**
     * The average ranks against their definition, counted directly: rank(x_i) = #{x_j < x_i} + (#{x_j = x_i} + 1)/2
     * (O(n²)), centred and scaled, on draws with many ties, both zeros (one block, as == sees them) and a NaN
     * (a block of its own, after every number).
     */
    @Test
    void averageRanksFollowTheirDefinitionWithTiesAndBothZeros() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + rng.nextInt(60);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                int k = rng.nextInt(7) - 3;
                x[i] = k == 0 ? (rng.nextBoolean() ? 0.0 : -0.0) : k * 0.25;
            }
            if (trial % 5 == 4) {
                x[rng.nextInt(n)] = Double.NaN;
            }
            double[] expected = new double[n];
            double mean = (n + 1) / 2.0;
            int nanSeen = 0;
            int finite = (int) java.util.Arrays.stream(x).filter(v -> !Double.isNaN(v)).count();
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double r;
                if (Double.isNaN(x[i])) {
                    r = finite + ++nanSeen;
                } else {
                    int below = 0;
                    int equal = 0;
                    for (double v : x) {
                        below += v < x[i] ? 1 : 0;
                        equal += v == x[i] ? 1 : 0;
                    }
                    r = below + (equal + 1) / 2.0;
                }
                expected[i] = r - mean;
                ss += expected[i] * expected[i];
            }
            double[] got = RankingRobustness.centredRanks(x);
            if (ss <= 1e-12) {
                assertThat(got).isNull();
                continue;
            }
            for (int i = 0; i < n; i++) {
                expected[i] /= Math.sqrt(ss);
            }
            assertThat(got).containsExactly(expected, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    /**
     * The radix ranks are bit for bit the ranks of a sorted copy with one binary search per value (the former
     * implementation, kept here as the reference), over every kind of double: both signs, both zeros, subnormals,
     * infinities, NaNs, many ties and none, and sizes with and without bytes that every key shares.
     */
    @Test
    void radixRanksEqualTheSortAndSearchRanksBitForBit() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(17);
        for (int trial = 0; trial < 400; trial++) {
            int n = trial < 20 ? trial : 1 + rng.nextInt(trial % 4 == 0 ? 5000 : 300);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = switch ((trial + i * (trial % 3)) % 6) {
                    case 0 -> rng.nextInt(5) * 0.5 - 1; // ties, −1 … 1
                    case 1 -> Double.longBitsToDouble(rng.nextLong()); // any bits: NaNs of every payload too
                    case 2 -> Math.exp(rng.nextGaussian()); // one distribution: its high bytes shared
                    case 3 -> new double[] {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY, Double.NaN, Double.MAX_VALUE, -Double.MAX_VALUE}[rng.nextInt(9)];
                    case 4 -> rng.nextDouble() - 0.5;
                    default -> -rng.nextInt(3);
                };
            }
            double[] expected = sortAndSearchRanks(x);
            double[] got = RankingRobustness.centredRanks(x);
            if (expected == null) {
                assertThat(got).as("trial %d", trial).isNull();
                continue;
            }
            assertThat(got).as("trial %d", trial).hasSize(n);
            for (int i = 0; i < n; i++) {
                assertThat(Double.doubleToRawLongBits(got[i])).as("trial %d, value %d (%s)", trial, i, x[i])
                        .isEqualTo(Double.doubleToRawLongBits(expected[i]));
            }
        }
    }

    /** The key sort leaves keys in unsigned order with each index still beside its own key. */
    @Test
    void sortByKeyOrdersUnsignedAndCarriesIndices() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(23);
        for (int trial = 0; trial < 200; trial++) {
            int n = rng.nextInt(2000);
            long[] key = new long[n];
            long[] original = new long[n];
            int[] index = new int[n];
            // bytes that every key shares (skipped) and, in the third kind, every byte from {0, 1, 0xFF}: many keys
            // equal in their high bytes, so each byte's pass decides some order (and 0xFF tests the unsigned order)
            long mask = trial % 3 == 0 ? 0xFFL : trial % 3 == 1 ? 0xFFFF_0000_0000_00FFL : -1L;
            for (int i = 0; i < n; i++) {
                long k = 0;
                for (int b = 0; b < 8; b++) {
                    k |= (long) new int[] {0, 1, 0xFF}[rng.nextInt(3)] << (8 * b);
                }
                key[i] = (trial % 3 == 2 ? k : rng.nextLong()) & mask;
                original[i] = key[i];
                index[i] = i;
            }
            RankingRobustness.sortByKey(key, index, n);
            boolean[] seen = new boolean[n];
            for (int i = 0; i < n; i++) {
                assertThat(key[i]).isEqualTo(original[index[i]]);
                assertThat(seen[index[i]]).isFalse();
                seen[index[i]] = true;
                if (i > 0) {
                    assertThat(Long.compareUnsigned(key[i - 1], key[i])).isLessThanOrEqualTo(0);
                    if (key[i - 1] == key[i]) {
                        assertThat(index[i - 1]).as("stable").isLessThan(index[i]);
                    }
                }
            }
        }
    }

    /** The ordered bits of two numbers compare (unsigned) as the numbers do, and are equal exactly when they are. */
    @Test
    void orderedBitsCompareAsTheNumbers() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(29);
        double[] special = {0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -1, 1,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int trial = 0; trial < 100_000; trial++) {
            double a = trial < 100 ? special[trial % 10] : Double.longBitsToDouble(rng.nextLong());
            double b = trial < 100 ? special[trial / 10] : rng.nextBoolean() ? Double.longBitsToDouble(rng.nextLong())
                    : a + (rng.nextBoolean() ? Math.ulp(a) : -Math.ulp(a));
            if (Double.isNaN(a) || Double.isNaN(b)) {
                continue;
            }
            int expected = a < b ? -1 : a == b ? 0 : 1;
            int got = Integer.signum(Long.compareUnsigned(RankingRobustness.orderedBits(a + 0.0),
                    RankingRobustness.orderedBits(b + 0.0)));
            assertThat(got).as("%s vs %s", a, b).isEqualTo(expected);
        }
    }

    /** Average ranks as the engine computed them before the key sort: a sorted copy, one lower bound per value. */
    private static double[] sortAndSearchRanks(double[] x) {
        int n = x.length;
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = x[i] + 0.0;
        }
        java.util.Arrays.sort(sorted);
        int finite = n;
        while (finite > 0 && Double.isNaN(sorted[finite - 1])) {
            finite--;
        }
        double[] blockRank = new double[finite];
        for (int lo = 0, hi; lo < finite; lo = hi) {
            hi = lo + 1;
            while (hi < finite && sorted[hi] == sorted[lo]) {
                hi++;
            }
            blockRank[lo] = (lo + hi - 1) / 2.0 + 1;
        }
        double[] rank = new double[n];
        int nan = finite;
        for (int i = 0; i < n; i++) {
            double v = x[i] + 0.0;
            if (Double.isNaN(v)) {
                rank[i] = ++nan;
                continue;
            }
            int lo = 0;
            int hi = finite;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] < v) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            rank[i] = blockRank[lo];
        }
        return RankingRobustness.centredAndScaled(rank);
    }

    /**
     * Four correlations per pass give exactly (bit for bit) the dot product of each pair alone, whatever the
     * number of pairs (a remainder of 0–3 after the groups of four) and with pairs without variation (null) left
     * untouched.
     */
    @Test
    void groupedCorrelationsEqualOneDotProductAtATime() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        int n = 1001;
        double[] rk = rng.doubles(n, -1, 1).toArray();
        for (int pairs = 0; pairs <= 9; pairs++) {
            double[][] dr = new double[pairs][];
            for (int j = 0; j < pairs; j++) {
                dr[j] = j % 3 == 1 ? null : rng.doubles(n, -1, 1).toArray();
            }
            double[][] rho = new double[pairs][2];
            for (double[] row : rho) {
                row[1] = 7;
            }
            RankingRobustness.correlate(dr, RankingRobustness.withVariation(dr), rk, rho, 1);
            for (int j = 0; j < pairs; j++) {
                double expected = dr[j] == null ? 7 : RankingRobustness.dot(dr[j], rk);
                assertThat(Double.doubleToRawLongBits(rho[j][1])).as("pair %d of %d", j, pairs)
                        .isEqualTo(Double.doubleToRawLongBits(expected));
                assertThat(rho[j][0]).isZero();
            }
        }
    }

    /**
     * A pair (b, a) listed after (a, b) is (a, b) negated, and a pair listed twice (adjacent and over the baseline)
     * is the first one copied, not computed again: with four policies (every ordered pair wanted), the result
     * equals, record for record, the one that computes every pair itself; so it does when one run's outcomes hold
     * a NaN (NaNs rank last either way, so such a mirror is computed, not negated).
     */
    @Test
    void aMirroredPairEqualsThePairComputedDirectly() {
        Scenario s = TestScenarios.withUncertainty(
                twoSided(30, 5, 1, 0.5, 20, 1, 1, 2, List.of(baseline(), useOnDay("squeeze", 0, null),
                        useOnDay("late", 20, null), useOnDay("short", 0, 10)), 0.8),
                tri(0.1, 0.3, 0.6), tri(1, 2, 3));
        Analysis a = MonteCarlo.run(s, new MonteCarloOptions(500, 9, 1), null);
        RankingRobustness mirrored = RankingRobustness.of(s, a, 3, true, null, true);
        RankingRobustness direct = RankingRobustness.of(s, a, 3, true, null, false);
        // 3 adjacent, 3 over the baseline (one of them also adjacent), then the 7 other ordered pairs
        assertThat(mirrored.pairs()).hasSize(13);
        assertThat(mirrored).isEqualTo(direct);
        // the check has something to compare: some mirrored pair names an input
        assertThat(mirrored.pair("baseline", "squeeze").orElseThrow().hingesOn()).isNotEmpty();
        assertThat(mirrored.pair("baseline", "squeeze").orElseThrow().hingesOn().get(0).correlation())
                .isEqualTo(-mirrored.pair("squeeze", "baseline").orElseThrow().hingesOn().get(0).correlation());

        a.outcomes()[1][17].finalConcession = Double.NaN;
        assertThat(RankingRobustness.of(s, a, 3, true, null, true))
                .isEqualTo(RankingRobustness.of(s, a, 3, true, null, false));
    }

    /**
     * Negated values have exactly the negated centred ranks, with ties (a rank at the mean is 0 both ways, +0: the
     * sign of a zero term never changes a correlation, and a zero one is never reported).
     */
    @Test
    void negatedValuesHaveExactlyTheNegatedRanks() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(8);
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + rng.nextInt(3000);
            double[] x = new double[n];
            double[] minus = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = trial % 2 == 0 ? rng.nextInt(9) * 0.125 - 0.5 : rng.nextDouble() - 0.5;
                minus[i] = -x[i];
            }
            double[] r = RankingRobustness.centredRanks(x);
            double[] m = RankingRobustness.centredRanks(minus);
            if (r == null) {
                assertThat(m).isNull();
                continue;
            }
            for (int i = 0; i < n; i++) {
                assertThat(Double.doubleToRawLongBits(m[i])).isEqualTo(Double.doubleToRawLongBits(0.0 - r[i]));
            }
        }
    }
}
