package org.statecraft.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.statecraft.core.sensitivity.InputGroup;
import org.statecraft.core.sensitivity.SaltelliSobolAnalysis;
import org.statecraft.core.sensitivity.ScenarioSensitivity;
import scala.Tuple2;

/**
 * A scenario's Sobol' analysis ({@link ScenarioSensitivity}) as a Spark job. The N base rows of the Saltelli
 * design are cut into blocks; each task evaluates its blocks with {@link SaltelliSobolAnalysis#evaluateRows}
 * (a pure function of the design, the block's rows and the scenario), the driver lays the blocks end to end in
 * row order and runs the estimators and the bootstrap ({@link SaltelliSobolAnalysis#estimate}). The result
 * equals {@link ScenarioSensitivity#run} for the same scenario and options, whatever the partitioning.
 */
public final class SparkSensitivity {
    /** Base rows per block (each row is g + 2 model evaluations). */
    static final int BLOCK = 16;

    private SparkSensitivity() {
    }

    /**
     * @param partitions       Spark partitions for the design rows; does not change the result
     * @param estimatorThreads driver threads for the bootstrap; does not change the result
     */
    public static ScenarioSensitivity.Result run(SparkSession spark, ModelSource source,
                                                 ScenarioSensitivity.Options options, int partitions,
                                                 int estimatorThreads) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
        }
        ScenarioSensitivity.Plan plan = ScenarioSensitivity.plan(source.model(), options);
        int n = options.samples();
        List<int[]> blocks = new ArrayList<>();
        for (int from = 0; from < n; from += BLOCK) {
            blocks.add(new int[] {from, Math.min(n, from + BLOCK)});
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Tuple2<Integer, double[][]>> done = jsc.parallelize(blocks, Math.min(partitions, blocks.size()))
                .mapPartitions((Iterator<int[]> it) -> {
                    ScenarioSensitivity.Plan p = null;
                    List<Tuple2<Integer, double[][]>> out = new ArrayList<>();
                    while (it.hasNext()) {
                        int[] b = it.next();
                        if (p == null) {
                            p = ScenarioSensitivity.plan(source.model(), options);
                        }
                        out.add(new Tuple2<>(b[0], SaltelliSobolAnalysis.evaluateRows(p.model(), p.groups(), p.design(),
                                b[0], b[1])));
                    }
                    return out.iterator();
                })
                .collect();
        int m = plan.model().outputs().size();
        int g = plan.groups().size();
        double[][] y = new double[g + 2][n * m];
        for (Tuple2<Integer, double[][]> block : done) {
            for (int r = 0; r < g + 2; r++) {
                System.arraycopy(block._2()[r], 0, y[r], block._1() * m, block._2()[r].length);
            }
        }
        List<String> factors = plan.groups().stream().map(InputGroup::name).toList();
        return ScenarioSensitivity.result(plan, SaltelliSobolAnalysis.estimate(plan.design(), factors,
                plan.model().outputs(), y, estimatorThreads));
    }
}
