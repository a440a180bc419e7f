package org.statecraft.core.bargaining;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a bargaining model forecasts: the positions at every turn (turn 0 is the input), per-turn summary
 * statistics (e.g. the EUM's median and weighted mean), and the forecast outcome per dimension. All
 * positions on the model scale [0, 1].
 *
 * @param model      the model's short name (smp, eum, compromise)
 * @param states     positions [actor][dimension] per turn, turn 0 = input
 * @param statistics named per-turn values per dimension, in insertion order
 * @param outcome    the forecast outcome per dimension
 * @param converged  whether the model met its stopping rule before its turn limit (always true for one-shot models)
 */
public record ForecastResult(String model, List<double[][]> states, Map<String, List<double[]>> statistics,
                             double[] outcome, boolean converged) {
    public ForecastResult {
        List<double[][]> s = new ArrayList<>();
        for (double[][] state : states) {
            s.add(BargainingProblem.deepCopy(state));
        }
        states = Collections.unmodifiableList(s);
        Map<String, List<double[]>> m = new LinkedHashMap<>();
        statistics.forEach((k, v) -> m.put(k, List.copyOf(v.stream().map(double[]::clone).toList())));
        statistics = Collections.unmodifiableMap(m);
        outcome = outcome.clone();
    }

    /** Number of turns after the input. */
    public int turns() {
        return states.size() - 1;
    }

    public double[][] finalState() {
        return BargainingProblem.deepCopy(states.get(states.size() - 1));
    }

    @Override
    public double[] outcome() {
        return outcome.clone();
    }
}
