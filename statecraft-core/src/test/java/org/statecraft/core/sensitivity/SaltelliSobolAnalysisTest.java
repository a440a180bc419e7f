package org.statecraft.core.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.statecraft.core.StatecraftException;

class SaltelliSobolAnalysisTest {

    /**
     * Ishigami &amp; Homma (1990): f(x) = sin x1 + a sin² x2 + b x3⁴ sin x1, x_i ~ U(−π, π). Analytic
     * partial variances (Sobol' &amp; Levitan 1999; Saltelli, Chan &amp; Scott 2000, "Sensitivity Analysis",
     * Wiley, §2.9): V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V3 = 0, V13 = 8b²π⁸/225, V = V1 + V2 + V13, so
     * S_i = V_i / V, S_T1 = (V1 + V13)/V, S_T2 = V2/V, S_T3 = V13/V.
     */
    static final class Ishigami implements SensitivityModel {
        final double a;
        final double b;

        Ishigami(double a, double b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public List<String> inputs() {
            return List.of("x1", "x2", "x3");
        }

        @Override
        public List<String> outputs() {
            return List.of("f");
        }

        @Override
        public void evaluate(double[] u, double[] out) {
            double x1 = Math.PI * (2 * u[0] - 1);
            double x2 = Math.PI * (2 * u[1] - 1);
            double x3 = Math.PI * (2 * u[2] - 1);
            double s = Math.sin(x2);
            out[0] = Math.sin(x1) + a * s * s + b * Math.pow(x3, 4) * Math.sin(x1);
        }

        double v1() {
            double t = 1 + b * Math.pow(Math.PI, 4) / 5;
            return 0.5 * t * t;
        }

        double v2() {
            return a * a / 8;
        }

        double v13() {
            return 8 * b * b * Math.pow(Math.PI, 8) / 225;
        }

        double v() {
            return v1() + v2() + v13();
        }
    }

    @Test
    void analyticIshigamiIndicesAreTheOnesQuotedInTheLiterature() {
        Ishigami f = new Ishigami(7, 0.1);
        // Values quoted e.g. in Saltelli et al. (2010) and SALib's documentation.
        assertThat(f.v1() / f.v()).isCloseTo(0.3139, within(1e-4));
        assertThat(f.v2() / f.v()).isCloseTo(0.4424, within(1e-4));
        assertThat((f.v1() + f.v13()) / f.v()).isCloseTo(0.5576, within(1e-4));
        assertThat(f.v13() / f.v()).isCloseTo(0.2437, within(1e-4));
        // and V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2
        assertThat(f.v()).isCloseTo(49.0 / 8 + 0.1 * Math.pow(Math.PI, 4) / 5 + 0.01 * Math.pow(Math.PI, 8) / 18 + 0.5,
                within(1e-9));
    }

    @Test
    void sobolDesignRecoversTheIshigamiIndices() {
        Ishigami f = new Ishigami(7, 0.1);
        SobolResult r = SaltelliSobolAnalysis.analyse(f, new SobolDesign(1 << 14, SobolDesign.Sampling.SOBOL,
                20240601L, 500, 0.95), 2);
        SobolResult.Output out = r.output("f");
        double[] s = {f.v1() / f.v(), f.v2() / f.v(), 0};
        double[] st = {(f.v1() + f.v13()) / f.v(), f.v2() / f.v(), f.v13() / f.v()};
        for (int i = 0; i < 3; i++) {
            SobolIndices idx = out.indices().get(i);
            assertThat(idx.first()).as("S%d", i + 1).isCloseTo(s[i], within(0.01));
            assertThat(idx.total()).as("ST%d", i + 1).isCloseTo(st[i], within(0.01));
            assertThat(idx.firstLow()).isLessThanOrEqualTo(idx.first());
            assertThat(idx.firstHigh()).isGreaterThanOrEqualTo(idx.first());
            // the 95% intervals cover the analytic values (a loose check: they are a bootstrap of a QMC design)
            assertThat(s[i]).as("S%d in CI", i + 1).isBetween(idx.firstLow() - 0.005, idx.firstHigh() + 0.005);
            assertThat(st[i]).as("ST%d in CI", i + 1).isBetween(idx.totalLow() - 0.005, idx.totalHigh() + 0.005);
        }
        assertThat(out.variance()).isCloseTo(f.v(), within(0.2));
        assertThat(r.evaluations()).isEqualTo((1 << 14) * 5L);
    }

    @Test
    void pseudoRandomRowsAlsoRecoverTheIshigamiIndicesWithinMonteCarloError() {
        Ishigami f = new Ishigami(7, 0.1);
        SobolResult r = SaltelliSobolAnalysis.analyse(f, new SobolDesign(1 << 15, SobolDesign.Sampling.RANDOM,
                7L, 200, 0.95), 2);
        SobolResult.Output out = r.output("f");
        assertThat(out.of("x1").first()).isCloseTo(0.3139, within(0.03));
        assertThat(out.of("x2").first()).isCloseTo(0.4424, within(0.03));
        assertThat(out.of("x3").first()).isCloseTo(0.0, within(0.03));
        assertThat(out.of("x1").total()).isCloseTo(0.5576, within(0.03));
        assertThat(out.of("x2").total()).isCloseTo(0.4424, within(0.03));
        assertThat(out.of("x3").total()).isCloseTo(0.2437, within(0.03));
    }

    @Test
    void oneTwoAndFourThreadsGiveIdenticalResults() {
        Ishigami f = new Ishigami(7, 0.1);
        for (SobolDesign.Sampling sampling : SobolDesign.Sampling.values()) {
            SobolDesign design = new SobolDesign(1000, sampling, 99L, 100, 0.9);
            SobolResult one = SaltelliSobolAnalysis.analyse(f, design, 1);
            SobolResult two = SaltelliSobolAnalysis.analyse(f, design, 2);
            SobolResult four = SaltelliSobolAnalysis.analyse(f, design, 4);
            assertThat(two).isEqualTo(one);
            assertThat(four).isEqualTo(one);
        }
    }

    @Test
    void sameSeedSameResultDifferentSeedDifferentShift() {
        Ishigami f = new Ishigami(7, 0.1);
        SobolResult a = SaltelliSobolAnalysis.analyse(f, new SobolDesign(512, SobolDesign.Sampling.SOBOL, 1, 50, 0.95), 1);
        SobolResult b = SaltelliSobolAnalysis.analyse(f, new SobolDesign(512, SobolDesign.Sampling.SOBOL, 1, 50, 0.95), 1);
        SobolResult c = SaltelliSobolAnalysis.analyse(f, new SobolDesign(512, SobolDesign.Sampling.SOBOL, 2, 50, 0.95), 1);
        assertThat(b).isEqualTo(a);
        assertThat(c.output("f").of("x1").first()).isNotEqualTo(a.output("f").of("x1").first());
    }

    @Test
    void vectorOutputsAreAnalysedIndependently() {
        // y0 = u0 (only input 0 matters), y1 = u1 + u2 (inputs 1 and 2 share the variance equally, additively)
        SensitivityModel m = new SensitivityModel() {
            @Override
            public List<String> inputs() {
                return List.of("a", "b", "c");
            }

            @Override
            public List<String> outputs() {
                return List.of("y0", "y1");
            }

            @Override
            public void evaluate(double[] u, double[] out) {
                out[0] = u[0];
                out[1] = u[1] + u[2];
            }
        };
        SobolResult r = SaltelliSobolAnalysis.analyse(m, new SobolDesign(4096, SobolDesign.Sampling.SOBOL, 3, 0, 0.95), 2);
        assertThat(r.output("y0").of("a").first()).isCloseTo(1.0, within(0.01));
        assertThat(r.output("y0").of("b").total()).isCloseTo(0.0, within(1e-12));
        assertThat(r.output("y1").of("b").first()).isCloseTo(0.5, within(0.01));
        assertThat(r.output("y1").of("c").total()).isCloseTo(0.5, within(0.01));
        assertThat(r.output("y1").of("a").total()).isCloseTo(0.0, within(1e-12));
        assertThat(r.output("y1").of("a").firstLow()).isNaN(); // no bootstrap requested
    }

    @Test
    void aModelReturningNaNIsReportedNotAveraged() {
        SensitivityModel bad = new SensitivityModel() {
            @Override
            public List<String> inputs() {
                return List.of("a");
            }

            @Override
            public List<String> outputs() {
                return List.of("y");
            }

            @Override
            public void evaluate(double[] u, double[] out) {
                out[0] = u[0] > 0.9 ? Double.NaN : u[0];
            }
        };
        assertThatThrownBy(() -> SaltelliSobolAnalysis.analyse(bad, SobolDesign.of(64, 1), 2))
                .isInstanceOf(StatecraftException.class).hasMessageContaining("output y was NaN");
    }

    @Test
    void percentileInterpolatesLinearly() {
        double[] v = {4, 1, 3, 2, 5};
        assertThat(SaltelliSobolAnalysis.percentile(v, 0.0)).isEqualTo(1);
        assertThat(SaltelliSobolAnalysis.percentile(v, 0.5)).isEqualTo(3);
        assertThat(SaltelliSobolAnalysis.percentile(v, 0.875)).isEqualTo(4.5);
    }

    /**
     * f = u0 + u1 + 2 u2 on independent U(0, 1): V(u_i) = 1/12, so the group {u0, u1} carries (1 + 1)/6 = 1/3
     * of the variance and {u2} carries 4/6 = 2/3; additive, so first-order and total indices agree.
     */
    @Test
    void groupedIndicesOfAnAdditiveModelAreTheGroupsVarianceShares() {
        SensitivityModel additive = new SensitivityModel() {
            @Override
            public List<String> inputs() {
                return List.of("u0", "u1", "u2");
            }

            @Override
            public List<String> outputs() {
                return List.of("f");
            }

            @Override
            public void evaluate(double[] u, double[] out) {
                out[0] = u[0] + u[1] + 2 * u[2];
            }
        };
        List<InputGroup> groups = List.of(new InputGroup("first two", new int[] {0, 1}),
                new InputGroup("third", new int[] {2}));
        SobolResult r = SaltelliSobolAnalysis.analyse(additive, groups, SobolDesign.of(1024, 5), 2);
        assertThat(r.inputs()).containsExactly("first two", "third");
        assertThat(r.evaluations()).isEqualTo(1024L * 4);
        SobolResult.Output f = r.output("f");
        assertThat(f.of("first two").first()).isCloseTo(1 / 3.0, within(0.02));
        assertThat(f.of("first two").total()).isCloseTo(1 / 3.0, within(0.02));
        assertThat(f.of("third").first()).isCloseTo(2 / 3.0, within(0.02));
        assertThat(f.of("third").total()).isCloseTo(2 / 3.0, within(0.02));
    }

    @Test
    void groupsMustPartitionTheInputs() {
        SensitivityModel m = new Ishigami(7, 0.1);
        assertThatThrownBy(() -> SaltelliSobolAnalysis.analyse(m, List.of(new InputGroup("a", new int[] {0, 1})),
                SobolDesign.of(8, 1), 1)).hasMessageContaining("input 2 is in no group");
        assertThatThrownBy(() -> SaltelliSobolAnalysis.analyse(m, List.of(new InputGroup("a", new int[] {0, 1}),
                new InputGroup("b", new int[] {1, 2})), SobolDesign.of(8, 1), 1))
                .hasMessageContaining("input 1 is in groups 'a' and 'b'");
    }
}
