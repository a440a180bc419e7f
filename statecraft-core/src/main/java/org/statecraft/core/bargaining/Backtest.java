package org.statecraft.core.bargaining;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Scores forecasters against real outcomes: per forecaster the number of issues, mean and median absolute
 * error and the share within 10 points, overall and per group (e.g. the voting rule). Cases are forecast in
 * parallel on {@code threads} cores; each result is stored at its case's index, so the report does not depend
 * on the thread count. Cost: the sum of the forecasters' costs over the cases.
 */
public final class Backtest {
    /** An issue with a known outcome, on the problem's file scale. */
    public record Case(String id, BargainingProblem problem, double outcome, OptionalDouble referencePoint, String group) {
    }

    /** A forecast on the file scale, or empty when the forecaster has nothing to say (e.g. no reference point). */
    public interface Forecaster {
        String name();

        OptionalDouble forecast(Case c);

        /** A model's forecast on dimension 0, mapped to the file scale. */
        static Forecaster of(BargainingModel model) {
            return new Forecaster() {
                @Override
                public String name() {
                    return model.name();
                }

                @Override
                public OptionalDouble forecast(Case c) {
                    return OptionalDouble.of(c.problem().toFileScale(model.forecast(c.problem()).outcome()[0]));
                }
            };
        }

        /** The reference point (status quo) of the case. */
        static Forecaster referencePoint() {
            return new Forecaster() {
                @Override
                public String name() {
                    return "reference-point";
                }

                @Override
                public OptionalDouble forecast(Case c) {
                    return c.referencePoint();
                }
            };
        }
    }

    /** Error statistics of one forecaster over a set of issues (errors on the file scale). */
    public record Summary(String model, int issues, double mae, double medianAe, double hit10) {
        static Summary of(String model, double[] errors) {
            int n = errors.length;
            if (n == 0) {
                return new Summary(model, 0, Double.NaN, Double.NaN, Double.NaN);
            }
            double[] e = errors.clone();
            Arrays.sort(e);
            double sum = 0;
            int hits = 0;
            for (double v : e) {
                sum += v;
                if (v <= 10) {
                    hits++;
                }
            }
            double median = n % 2 == 1 ? e[n / 2] : 0.5 * (e[n / 2 - 1] + e[n / 2]);
            return new Summary(model, n, sum / n, median, (double) hits / n);
        }
    }

    /** Overall rows (one per forecaster) and the same rows per group, groups sorted by name. */
    public record Report(List<Summary> overall, Map<String, List<Summary>> byGroup) {
        public Report {
            overall = List.copyOf(overall);
            byGroup = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byGroup));
        }
    }

    private final List<Forecaster> forecasters;
    private final int threads;

    public Backtest(List<Forecaster> forecasters, int threads) {
        if (forecasters.isEmpty()) {
            throw new IllegalArgumentException("a backtest needs at least one forecaster");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.forecasters = List.copyOf(forecasters);
        this.threads = threads;
    }

    public Report run(List<Case> cases) {
        int m = forecasters.size();
        double[][] forecast = new double[cases.size()][m];
        java.util.function.IntConsumer one = k -> {
            for (int f = 0; f < m; f++) {
                OptionalDouble v = forecasters.get(f).forecast(cases.get(k));
                forecast[k][f] = v.isPresent() ? v.getAsDouble() : Double.NaN;
            }
        };
        if (threads == 1) {
            for (int k = 0; k < cases.size(); k++) {
                one.accept(k);
            }
        } else {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                pool.submit(() -> IntStream.range(0, cases.size()).parallel().forEach(one)).join();
            } finally {
                pool.shutdown();
            }
        }
        List<Summary> overall = summarise(cases, forecast, null);
        Map<String, List<Summary>> byGroup = new LinkedHashMap<>();
        for (String g : new TreeSet<>(cases.stream().map(Case::group).toList())) {
            byGroup.put(g, summarise(cases, forecast, g));
        }
        return new Report(overall, byGroup);
    }

    private List<Summary> summarise(List<Case> cases, double[][] forecast, String group) {
        List<Summary> rows = new ArrayList<>();
        for (int f = 0; f < forecasters.size(); f++) {
            List<Double> errors = new ArrayList<>();
            for (int k = 0; k < cases.size(); k++) {
                if ((group == null || group.equals(cases.get(k).group())) && !Double.isNaN(forecast[k][f])) {
                    errors.add(Math.abs(forecast[k][f] - cases.get(k).outcome()));
                }
            }
            rows.add(Summary.of(forecasters.get(f).name(), errors.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return rows;
    }
}
