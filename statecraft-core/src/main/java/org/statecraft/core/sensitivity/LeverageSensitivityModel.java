package org.statecraft.core.sensitivity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.statecraft.core.leverage.LeverageModel;
import org.statecraft.core.leverage.ParameterLabels;
import org.statecraft.core.leverage.ParameterSpace;
import org.statecraft.core.leverage.RunOutcome;
import org.statecraft.core.montecarlo.MonteCarlo;
import org.statecraft.core.random.Seeds;
import org.statecraft.core.scenario.Policy;

/**
 * The leverage engine as a {@link SensitivityModel}: a point u of the unit hypercube of the scenario's
 * uncertain inputs ({@link ParameterSpace#uncertainInputs()}, named by JSON pointer) is mapped to parameter
 * values by {@link ParameterSpace#fromUnit}; each chosen policy is then run R times, replicate r on the
 * dynamics stream {@code Seeds.generator(seed, r, DYNAMICS)} — the same streams for every u, so the
 * day-to-day noise is common to all design rows and the model is a deterministic function of u. The outputs
 * are, per policy, the share of the R runs in which the target conceded, the mean collateral harm
 * (relative-loss-days over collateral constituencies, as in {@link MonteCarlo}) and the mean number of attacks.
 * <p>
 * With finite R the outputs keep a rough, deterministic residue of the dynamics noise; it shows up as
 * variance that no input explains alone (Σ S_i &lt; 1) and as inflated total indices. Larger R shrinks it as
 * 1/R. Cost per evaluation: policies × R simulations of the horizon.
 */
public final class LeverageSensitivityModel implements SensitivityModel {
    /** What is measured for each policy. */
    public enum Measure {
        CONCESSION("concession", "P(concession)"),
        COLLATERAL("collateral", "collateral harm"),
        ATTACKS("attacks", "expected attacks");

        private final String key;
        private final String label;

        Measure(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }
    }

    /** How inputs are gathered into factors. */
    public enum Grouping {
        /** One factor per uncertain input: N(d + 2) evaluations. */
        NONE,
        /** One factor per top-level section of the scenario (actors, weights, demand, levers, …). */
        SECTION,
        /** One factor per entity: each lever, constituency, actor, regime's weights, network member; others alone. */
        LEVER
    }

    private final LeverageModel model;
    private final ParameterSpace space;
    private final int[] policies;
    private final int replicates;
    private final long seed;
    private final List<String> inputs;
    private final List<String> outputs;

    /**
     * @param policies   indices of the policies to run (scenario order), at least one
     * @param replicates R ≥ 1 runs per policy and design point
     * @param seed       master seed of the dynamics streams
     */
    public LeverageSensitivityModel(LeverageModel model, int[] policies, int replicates, long seed) {
        if (replicates < 1) {
            throw new IllegalArgumentException("replicates must be >= 1, was " + replicates);
        }
        if (policies.length == 0) {
            throw new IllegalArgumentException("at least one policy is needed");
        }
        for (int p : policies) {
            if (p < 0 || p >= model.policyCount()) {
                throw new IllegalArgumentException("no policy with index " + p);
            }
        }
        this.model = model;
        this.space = model.parameterSpace();
        if (space.dimension() == 0) {
            throw new IllegalArgumentException("scenario '" + model.scenario().id()
                    + "' has no uncertain inputs; a sensitivity analysis needs at least one range");
        }
        this.policies = policies.clone();
        this.replicates = replicates;
        this.seed = seed;
        this.inputs = space.uncertainInputs().stream().map(ParameterSpace.Input::path).toList();
        List<String> outs = new ArrayList<>();
        for (int p : policies) {
            for (Measure m : Measure.values()) {
                outs.add(outputName(model.scenario().policies().get(p).id(), m));
            }
        }
        this.outputs = List.copyOf(outs);
    }

    /** Every policy of the model. */
    public LeverageSensitivityModel(LeverageModel model, int replicates, long seed) {
        this(model, IntStream.range(0, model.policyCount()).toArray(), replicates, seed);
    }

    /** The name of a measure's output for a policy: {@code policy/measure}. */
    public static String outputName(String policy, Measure m) {
        return policy + "/" + m.key();
    }

    public LeverageModel model() {
        return model;
    }

    public int replicates() {
        return replicates;
    }

    /** The policies run, by id, in output order. */
    public List<String> policyIds() {
        List<Policy> ps = model.scenario().policies();
        List<String> out = new ArrayList<>();
        for (int p : policies) {
            out.add(ps.get(p).id());
        }
        return out;
    }

    @Override
    public List<String> inputs() {
        return inputs;
    }

    @Override
    public List<String> outputs() {
        return outputs;
    }

    @Override
    public void evaluate(double[] u, double[] out) {
        double[] values = space.fromUnit(u);
        Measure[] ms = Measure.values();
        boolean[] collateralRole = MonteCarlo.collateralRoles(model.scenario().constituencies());
        for (int k = 0; k < policies.length; k++) {
            double conceded = 0;
            double collateral = 0;
            double attacks = 0;
            for (int r = 0; r < replicates; r++) {
                RunOutcome o = model.newOutcome();
                model.simulate(policies[k], values, Seeds.generator(seed, r, Seeds.DYNAMICS), o, null, null);
                conceded += o.conceded() ? 1 : 0;
                collateral += MonteCarlo.collateral(o, collateralRole);
                attacks += o.attacks;
            }
            out[k * ms.length] = conceded / replicates;
            out[k * ms.length + 1] = collateral / replicates;
            out[k * ms.length + 2] = attacks / replicates;
        }
    }

    /**
     * The factors of an analysis of this model's inputs under a grouping, in order of first appearance; a
     * group named by its key ({@link ParameterLabels#entity}, {@link ParameterLabels#section}, or the input's
     * own pointer).
     */
    public List<InputGroup> groups(Grouping grouping) {
        ParameterLabels labels = new ParameterLabels(model.scenario());
        Function<String, String> key = switch (grouping) {
            case NONE -> Function.identity();
            case SECTION -> ParameterLabels::section;
            case LEVER -> labels::entity;
        };
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            byKey.computeIfAbsent(key.apply(inputs.get(i)), x -> new ArrayList<>()).add(i);
        }
        List<InputGroup> out = new ArrayList<>();
        byKey.forEach((k, v) -> out.add(new InputGroup(k, v.stream().mapToInt(Integer::intValue).toArray())));
        return out;
    }
}
