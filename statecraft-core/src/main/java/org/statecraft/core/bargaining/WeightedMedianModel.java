package org.statecraft.core.bargaining;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The weighted-median baseline (Black's median voter with weights c_i s_i): per dimension the smallest
 * position at which the cumulative weight reaches half the total. O(N log N · D).
 */
public final class WeightedMedianModel implements BargainingModel {
    @Override
    public String name() {
        return "weighted-median";
    }

    @Override
    public ForecastResult forecast(BargainingProblem problem) {
        int n = problem.actorCount();
        int dims = problem.dimensionCount();
        double[] out = new double[dims];
        for (int d = 0; d < dims; d++) {
            Integer[] order = new Integer[n];
            double total = 0;
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
                w[i] = problem.capability(i) * problem.salience(i, d);
                total += w[i];
            }
            final int dim = d;
            Arrays.sort(order, (a, b) -> Double.compare(problem.position(a, dim), problem.position(b, dim)));
            if (total == 0) {
                out[d] = problem.position(order[(n - 1) / 2], d);
                continue;
            }
            double cum = 0;
            out[d] = problem.position(order[n - 1], d);
            for (Integer i : order) {
                cum += w[i];
                if (cum >= 0.5 * total - 1e-12) {
                    out[d] = problem.position(i, d);
                    break;
                }
            }
        }
        return new ForecastResult(name(), List.<double[][]>of(problem.positions()), Map.of("weighted median", List.<double[]>of(out)), out, true);
    }
}
