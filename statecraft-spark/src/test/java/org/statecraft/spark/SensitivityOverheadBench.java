package org.statecraft.spark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.statecraft.core.leverage.CredibilityRule;
import org.statecraft.core.sensitivity.LeverageSensitivityModel;
import org.statecraft.core.sensitivity.ScenarioSensitivity;

/**
 * Wall-clock benchmark run by {@code bench/sensitivity.sh} (not a unit test, no assertions on time): a Sobol'
 * design of 2^k base samples on the bundled scenario, locally on 1 and 2 threads and on Spark local[2],
 * each repeated; prints medians, the 2-thread speed-up and Spark's overhead ratio, and checks that the three
 * results are equal. Arguments: scenario file, log2 N, grouping, replicates, repeats, policy ids (comma).
 */
public final class SensitivityOverheadBench {
    private SensitivityOverheadBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int n = 1 << Integer.parseInt(args[1]);
        var grouping = LeverageSensitivityModel.Grouping.valueOf(args[2].toUpperCase(Locale.ROOT));
        int replicates = Integer.parseInt(args[3]);
        int repeats = Integer.parseInt(args[4]);
        List<String> policies = args.length > 5 && !args[5].isEmpty() ? List.of(args[5].split(",")) : List.of();
        String yaml = Files.readString(file, StandardCharsets.UTF_8);
        ModelSource source = ModelSource.yaml(yaml, file.toString(), CredibilityRule.BELIEF);
        ScenarioSensitivity.Options options = new ScenarioSensitivity.Options(n, replicates, grouping, 20230906L,
                policies, 200);
        ScenarioSensitivity.Plan plan = ScenarioSensitivity.plan(source.model(), options);
        System.out.printf(Locale.ROOT, "design: N = %d, %d factors (group by %s), R = %d, policies %s: %d rows, %d simulations%n",
                n, plan.groups().size(), args[2], replicates, policies.isEmpty() ? "all" : policies,
                plan.design().evaluations(plan.groups().size()), plan.simulations());
        SparkSession spark = SparkSession.builder().master("local[2]").appName("statecraft-bench")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        try {
            double[] one = new double[repeats];
            double[] two = new double[repeats];
            double[] onSpark = new double[repeats];
            ScenarioSensitivity.Result r1 = null;
            ScenarioSensitivity.Result r2 = null;
            ScenarioSensitivity.Result rs = null;
            for (int k = 0; k < repeats; k++) {
                long t = System.nanoTime();
                r1 = ScenarioSensitivity.run(source.model(), options, 1);
                one[k] = (System.nanoTime() - t) / 1e9;
                t = System.nanoTime();
                r2 = ScenarioSensitivity.run(source.model(), options, 2);
                two[k] = (System.nanoTime() - t) / 1e9;
                t = System.nanoTime();
                rs = SparkSensitivity.run(spark, source, options, 8, 2);
                onSpark[k] = (System.nanoTime() - t) / 1e9;
                System.out.printf(Locale.ROOT, "repeat %d: 1 thread %.1f s, 2 threads %.1f s, Spark local[2] %.1f s%n",
                        k + 1, one[k], two[k], onSpark[k]);
            }
            double m1 = median(one);
            double m2 = median(two);
            double ms = median(onSpark);
            System.out.printf(Locale.ROOT, "median: 1 thread %.2f s, 2 threads %.2f s (speed-up %.2f), "
                    + "Spark local[2] %.2f s (Spark / local 2 threads = %.2f)%n", m1, m2, m1 / m2, ms, ms / m2);
            System.out.println("results equal: " + (r1.equals(r2) && r2.equals(rs)));
        } finally {
            spark.stop();
        }
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
