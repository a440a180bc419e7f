package org.statecraft.core.bargaining;

import java.util.List;
import java.util.Map;

/**
 * The compromise baseline: forecast = Σ_i c_i s_i x_i / Σ_i c_i s_i per dimension (the capability- and
 * salience-weighted mean; Achen, "Institutional realism and bargaining models", in Thomson et al. (eds.),
 * <i>The European Union Decides</i>, CUP 2006). The plain mean when every weight is 0. O(N·D).
 */
public final class CompromiseModel implements BargainingModel {
    @Override
    public String name() {
        return "compromise";
    }

    /**
     * The forecast on one dimension, on the model scale: Σ c s x / Σ c s over the actors, the plain mean of x when
     * every weight is 0.
     */
    public static double outcome(double[] capability, double[] position, double[] salience) {
        return ExpectedUtilityModel.weightedMean(position, capability, salience);
    }

    @Override
    public ForecastResult forecast(BargainingProblem problem) {
        int dims = problem.dimensionCount();
        double[] out = new double[dims];
        double[] c = problem.capabilities();
        for (int d = 0; d < dims; d++) {
            double[] x = new double[problem.actorCount()];
            double[] s = new double[problem.actorCount()];
            for (int i = 0; i < x.length; i++) {
                x[i] = problem.position(i, d);
                s[i] = problem.salience(i, d);
            }
            out[d] = outcome(c, x, s);
        }
        return new ForecastResult(name(), List.<double[][]>of(problem.positions()), Map.of("compromise", List.<double[]>of(out)), out, true);
    }
}
