package org.statecraft.core.sensitivity;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.statecraft.core.leverage.LeverageModel;
import org.statecraft.core.leverage.ParameterLabels;
import org.statecraft.core.scenario.Policy;

/**
 * Sobol' sensitivity of a scenario's policy outcomes to its uncertain inputs: plans the analysis (the
 * {@link LeverageSensitivityModel}, the factors of the chosen grouping, the Saltelli design) and runs it with
 * {@link SaltelliSobolAnalysis}. A distributed runner uses {@link #plan} and
 * {@link SaltelliSobolAnalysis#evaluateRows}/{@link SaltelliSobolAnalysis#estimate} and then {@link #result},
 * and gets the same {@link Result}.
 * <p>
 * Cost: N(g + 2) design rows for g factors, each running every chosen policy R times over the horizon.
 */
public final class ScenarioSensitivity {
    /** Design defaults: small enough for the bundled scenario to finish in seconds on two cores. */
    public static final int DEFAULT_SAMPLES = 128;
    public static final int DEFAULT_REPLICATES = 4;
    public static final LeverageSensitivityModel.Grouping DEFAULT_GROUPING = LeverageSensitivityModel.Grouping.LEVER;
    public static final int DEFAULT_BOOTSTRAP = 1000;

    private ScenarioSensitivity() {
    }

    /**
     * What to analyse.
     *
     * @param samples    N, base samples of the Saltelli design (a power of two suits the Sobol' sequence)
     * @param replicates R, runs of each policy per design row, on dynamics streams 0 … R−1
     * @param grouping   how inputs are gathered into factors
     * @param seed       master seed: the design's digital shift, the dynamics streams and the bootstrap
     * @param policies   policy ids to analyse, in scenario order; empty for all
     * @param bootstrap  bootstrap replicates for the 95% intervals (0 for none)
     */
    public record Options(int samples, int replicates, LeverageSensitivityModel.Grouping grouping, long seed,
                          List<String> policies, int bootstrap) implements Serializable {
        private static final long serialVersionUID = 1L;

        public Options {
            if (samples < 2) {
                throw new IllegalArgumentException("samples must be >= 2, was " + samples);
            }
            if (replicates < 1) {
                throw new IllegalArgumentException("replicates must be >= 1, was " + replicates);
            }
            if (grouping == null) {
                throw new IllegalArgumentException("grouping must be none, section or lever, was null");
            }
            if (bootstrap < 0) {
                throw new IllegalArgumentException("bootstrap must be >= 0, was " + bootstrap);
            }
            policies = policies == null ? List.of() : List.copyOf(policies);
        }

        public SobolDesign design() {
            return new SobolDesign(samples, SobolDesign.Sampling.SOBOL, seed, bootstrap, 0.95);
        }
    }

    /** One factor of the analysis: an input (by JSON pointer) or a group of inputs (by its key). */
    public record Factor(String id, String label, List<String> inputs) implements Serializable {
        private static final long serialVersionUID = 1L;

        public Factor {
            inputs = List.copyOf(inputs);
        }
    }

    /** Everything needed to evaluate design rows and read the indices. */
    public record Plan(LeverageSensitivityModel model, List<InputGroup> groups, SobolDesign design,
                       List<Factor> factors, Options options) {
        /** Simulations of the horizon the analysis will run: N(g + 2) × policies × R. */
        public long simulations() {
            return design.evaluations(groups.size()) * model.policyIds().size() * model.replicates();
        }
    }

    /**
     * The result: Sobol' indices per policy and measure.
     *
     * @param scenarioId  the scenario analysed
     * @param policies    the policies analysed, in scenario order
     * @param simulations simulations run
     */
    public record Result(String scenarioId, Options options, List<Factor> factors, List<String> policies,
                         SobolResult sobol, long simulations) {
        public Result {
            factors = List.copyOf(factors);
            policies = List.copyOf(policies);
        }

        /** The indices of one measure of one policy. */
        public SobolResult.Output output(String policy, LeverageSensitivityModel.Measure measure) {
            return sobol.output(LeverageSensitivityModel.outputName(policy, measure));
        }

        public Factor factor(String id) {
            return factors.stream().filter(f -> f.id().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no factor " + id));
        }
    }

    /** Plans an analysis of {@code model}; unknown policy ids are an error naming the known ones. */
    public static Plan plan(LeverageModel model, Options options) {
        List<Policy> ps = model.scenario().policies();
        int[] chosen;
        if (options.policies().isEmpty()) {
            chosen = IntStream.range(0, ps.size()).toArray();
        } else {
            List<Integer> idx = new ArrayList<>();
            for (int p = 0; p < ps.size(); p++) {
                if (options.policies().contains(ps.get(p).id())) {
                    idx.add(p);
                }
            }
            for (String id : options.policies()) {
                if (ps.stream().noneMatch(p -> p.id().equals(id))) {
                    throw new IllegalArgumentException("no policy '" + id + "' in scenario '" + model.scenario().id()
                            + "'; expected one of " + ps.stream().map(Policy::id).toList());
                }
            }
            chosen = idx.stream().mapToInt(Integer::intValue).toArray();
        }
        LeverageSensitivityModel sm = new LeverageSensitivityModel(model, chosen, options.replicates(), options.seed());
        List<InputGroup> groups = sm.groups(options.grouping());
        ParameterLabels labels = new ParameterLabels(model.scenario());
        List<Factor> factors = new ArrayList<>();
        for (InputGroup g : groups) {
            List<String> members = new ArrayList<>();
            for (int i : g.members()) {
                members.add(sm.inputs().get(i));
            }
            String label = members.size() == 1 ? labels.label(members.get(0))
                    : labels.groupLabel(g.name()) + " (" + members.size() + " inputs)";
            factors.add(new Factor(g.name(), label, members));
        }
        SobolDesign design = options.design();
        SaltelliSobolAnalysis.checkModel(sm, groups, design);
        return new Plan(sm, groups, design, factors, options);
    }

    /** Runs the analysis on {@code threads} threads; the result does not depend on the thread count. */
    public static Result run(LeverageModel model, Options options, int threads) {
        Plan plan = plan(model, options);
        return result(plan, SaltelliSobolAnalysis.analyse(plan.model(), plan.groups(), plan.design(), threads));
    }

    /** Wraps the indices of a planned analysis. */
    public static Result result(Plan plan, SobolResult sobol) {
        return new Result(plan.model().model().scenario().id(), plan.options(), plan.factors(),
                plan.model().policyIds(), sobol, plan.simulations());
    }
}
