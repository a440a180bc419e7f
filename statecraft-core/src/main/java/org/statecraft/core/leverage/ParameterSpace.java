package org.statecraft.core.leverage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.statecraft.core.scenario.Quantity;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.core.scenario.ScenarioChecks;

/**
 * Every number of a scenario, in document order, each addressed by its JSON pointer. A run's parameters are
 * a {@code double[]} with one value per number: fixed numbers keep their value, uncertain ones are drawn as
 * {@code quantile(u)} with {@code u} either from a random generator (Monte Carlo) or from a point of the unit
 * hypercube (Sobol designs), so both drive the same inputs.
 */
public final class ParameterSpace {
    /** One number of the scenario. */
    public record Input(String path, Quantity quantity) {
    }

    private final List<Input> inputs;
    private final int[] uncertain;
    private final Map<String, Integer> index;

    public ParameterSpace(Scenario scenario) {
        List<Input> list = new ArrayList<>();
        ScenarioChecks.forEachQuantity(scenario, (path, q) -> list.add(new Input(path, q)));
        this.inputs = Collections.unmodifiableList(list);
        this.index = new HashMap<>();
        List<Integer> unc = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            index.put(list.get(i).path(), i);
            if (list.get(i).quantity().isUncertain()) {
                unc.add(i);
            }
        }
        this.uncertain = unc.stream().mapToInt(Integer::intValue).toArray();
    }

    public List<Input> inputs() {
        return inputs;
    }

    /** The uncertain inputs, in the order in which {@link #fromUnit} reads its coordinates. */
    public List<Input> uncertainInputs() {
        List<Input> out = new ArrayList<>(uncertain.length);
        for (int i : uncertain) {
            out.add(inputs.get(i));
        }
        return out;
    }

    public int dimension() {
        return uncertain.length;
    }

    /** The index of the number at {@code path}, or -1 if the scenario has none there. */
    public int indexOf(String path) {
        Integer i = index.get(path);
        return i == null ? -1 : i;
    }

    /**
     * A typed handle: the index of the number at {@code path}, which must exist. A misspelt path is a bug in
     * the engine, not a default: it fails here, when the scenario is compiled.
     */
    public int require(String path) {
        Integer i = index.get(path);
        if (i == null) {
            throw new IllegalStateException("the scenario has no number at " + path + " (engine and "
                    + "ScenarioChecks.forEachQuantity disagree)");
        }
        return i;
    }

    /** {@link #require} when the scenario has the field ({@code present}), else -1 (the field is absent). */
    public int requireIf(boolean present, String path) {
        return present ? require(path) : -1;
    }

    /** Every number at its mean (a point estimate). */
    public double[] means() {
        double[] v = new double[inputs.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = inputs.get(i).quantity().mean();
        }
        return v;
    }

    /** One Monte Carlo draw: uncertain numbers read {@code rng.nextDouble()} in document order. */
    public double[] draw(RandomGenerator rng) {
        double[] u = new double[uncertain.length];
        for (int k = 0; k < u.length; k++) {
            u[k] = rng.nextDouble();
        }
        return fromUnit(u);
    }

    /** The numbers at a point {@code u} of the unit hypercube of the uncertain inputs. */
    public double[] fromUnit(double[] u) {
        if (u.length != uncertain.length) {
            throw new IllegalArgumentException("expected " + uncertain.length + " coordinates, got " + u.length);
        }
        double[] v = new double[inputs.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = inputs.get(i).quantity().mean();
        }
        for (int k = 0; k < uncertain.length; k++) {
            double uk = Math.min(Math.max(u[k], 1e-12), 1 - 1e-12);
            v[uncertain[k]] = inputs.get(uncertain[k]).quantity().quantile(uk);
        }
        return v;
    }
}
