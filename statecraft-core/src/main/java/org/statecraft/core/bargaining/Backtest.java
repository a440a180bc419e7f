package org.statecraft.core.bargaining;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Scores forecasters against real outcomes: per forecaster the number of issues, mean and median absolute
 * error and the share within 10 points, overall and per group (e.g. the voting rule). Cases are forecast in
 * parallel on {@code threads} cores; each result is stored at its case's index, so the report does not depend
 * on the thread count. Cost: the sum of the forecasters' costs over the cases.
 */
public final class Backtest {
    /** An issue with a known outcome, on the problem's file scale. */
    public record Case(String id, BargainingProblem problem, double outcome, OptionalDouble referencePoint, String group,
                       String procedure) {
        public Case {
            procedure = procedure == null ? "" : procedure;
        }

        /** A case with no legislative procedure named. */
        public Case(String id, BargainingProblem problem, double outcome, OptionalDouble referencePoint, String group) {
            this(id, problem, outcome, referencePoint, group, "");
        }
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

        /**
         * One forecaster per named statistic of {@code model} (its last value, dimension 0, file scale), sharing
         * one model run per case; {@code null} as a statistic name means the model's outcome.
         */
        static List<Forecaster> sharing(BargainingModel model, Map<String, String> namesToStatistics) {
            ConcurrentHashMap<Case, ForecastResult> runs = new ConcurrentHashMap<>();
            List<Forecaster> out = new ArrayList<>();
            namesToStatistics.forEach((label, statistic) -> out.add(new Forecaster() {
                @Override
                public String name() {
                    return label;
                }

                @Override
                public OptionalDouble forecast(Case c) {
                    ForecastResult r = runs.computeIfAbsent(c, k -> model.forecast(k.problem()));
                    double v;
                    if (statistic == null) {
                        v = r.outcome()[0];
                    } else {
                        List<double[]> values = r.statistics().get(statistic);
                        v = values.get(values.size() - 1)[0];
                    }
                    return OptionalDouble.of(c.problem().toFileScale(v));
                }
            }));
            return out;
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
    /** Overall rows, the same rows per group (sorted by name), and per named subset of the cases. */
    public record Report(List<Summary> overall, Map<String, List<Summary>> byGroup, Map<String, List<Summary>> subsets) {
        public Report {
            overall = List.copyOf(overall);
            byGroup = Collections.unmodifiableMap(new LinkedHashMap<>(byGroup));
            subsets = Collections.unmodifiableMap(new LinkedHashMap<>(subsets));
        }

        public Report(List<Summary> overall, Map<String, List<Summary>> byGroup) {
            this(overall, byGroup, Map.of());
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
        return run(cases, Map.of());
    }

    /** {@link #run(List)} plus the same rows over each named subset of the cases (in the map's order). */
    public Report run(List<Case> cases, Map<String, Predicate<Case>> subsets) {
        int m = forecasters.size();
        double[][] forecast = new double[cases.size()][m];
        IntConsumer one = k -> {
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
        List<Summary> overall = summarise(cases, forecast, c -> true);
        Map<String, List<Summary>> byGroup = new LinkedHashMap<>();
        for (String g : new TreeSet<>(cases.stream().map(Case::group).toList())) {
            byGroup.put(g, summarise(cases, forecast, c -> g.equals(c.group())));
        }
        Map<String, List<Summary>> bySubset = new LinkedHashMap<>();
        subsets.forEach((name, test) -> bySubset.put(name, summarise(cases, forecast, test)));
        return new Report(overall, byGroup, bySubset);
    }

    private List<Summary> summarise(List<Case> cases, double[][] forecast, Predicate<Case> in) {
        List<Summary> rows = new ArrayList<>();
        for (int f = 0; f < forecasters.size(); f++) {
            List<Double> errors = new ArrayList<>();
            for (int k = 0; k < cases.size(); k++) {
                if (in.test(cases.get(k)) && !Double.isNaN(forecast[k][f])) {
                    errors.add(Math.abs(forecast[k][f] - cases.get(k).outcome()));
                }
            }
            rows.add(Summary.of(forecasters.get(f).name(), errors.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return rows;
    }
}
