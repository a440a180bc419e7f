package org.statecraft.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.statecraft.core.leverage.LeverageModel;
import org.statecraft.core.montecarlo.Analysis;
import org.statecraft.core.montecarlo.MonteCarlo;
import org.statecraft.core.montecarlo.MonteCarloOptions;

/**
 * {@link MonteCarlo} as a Spark job. The runs are cut into the same fixed chunks as the local runner
 * ({@link MonteCarlo#simulateChunk}: runs c·128 … of every policy, on the per-run seeds of
 * {@link org.statecraft.core.random.Seeds}); each task simulates a contiguous range of chunks with the core
 * engine, and the driver assembles the chunks in run order ({@link MonteCarlo#assemble}). The result is
 * therefore exactly {@code MonteCarlo.run} for the same scenario and options, on any cluster size.
 * The driver holds every per-run outcome, as the local runner does: O(policies × runs) memory.
 */
public final class SparkMonteCarlo {
    private SparkMonteCarlo() {
    }

    /**
     * @param partitions Spark partitions (tasks) to spread the chunks over; does not change the result
     */
    public static Analysis run(SparkSession spark, ModelSource source, MonteCarloOptions options, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
        }
        LeverageModel model = source.model();
        int runs = options.runs();
        long seed = options.seed();
        List<Integer> chunks = IntStream.range(0, MonteCarlo.chunks(runs)).boxed().toList();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<MonteCarlo.Chunk> done = jsc.parallelize(chunks, Math.min(partitions, chunks.size()))
                .mapPartitions((Iterator<Integer> it) -> {
                    LeverageModel m = null;
                    List<MonteCarlo.Chunk> out = new ArrayList<>();
                    while (it.hasNext()) {
                        int c = it.next();
                        if (m == null) {
                            m = source.model();
                        }
                        out.add(MonteCarlo.simulateChunk(m, seed, runs, c));
                    }
                    return out.iterator();
                })
                .collect();
        return MonteCarlo.assemble(model, options, done);
    }
}
