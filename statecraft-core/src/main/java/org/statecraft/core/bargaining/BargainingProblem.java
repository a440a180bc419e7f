package org.statecraft.core.bargaining;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.statecraft.core.scenario.Actor;
import org.statecraft.core.scenario.IssueStance;
import org.statecraft.core.scenario.Quantity;
import org.statecraft.core.scenario.Scenario;

/**
 * A bargaining problem: N actors with a capability, a position and a salience on each of D dimensions.
 * Positions are held on [0, 1] (the models' scale); {@link #scaleMin()} and {@link #scaleMax()} map them back
 * to the file's units (0–100 for KTAB, DEU III and scenarios). Saliences are on [0, 1] with
 * Σ_d s_id ≤ 1 (+1e-9). Immutable: every accessor returns a copy or a single value.
 */
public final class BargainingProblem {
    private final String name;
    private final List<String> actors;
    private final List<String> dimensions;
    private final double[] capability;
    private final double[][] position;
    private final double[][] salience;
    private final double scaleMin;
    private final double scaleMax;

    /**
     * @param position [actor][dimension] on [0, 1]
     * @param salience [actor][dimension] on [0, 1], each row summing to at most 1
     */
    public BargainingProblem(String name, List<String> actors, List<String> dimensions, double[] capability,
                             double[][] position, double[][] salience, double scaleMin, double scaleMax) {
        this.name = name == null ? "" : name;
        this.actors = List.copyOf(actors);
        this.dimensions = List.copyOf(dimensions);
        int n = this.actors.size();
        int dims = this.dimensions.size();
        if (n < 1) {
            throw new IllegalArgumentException("a bargaining problem needs at least one actor");
        }
        if (dims < 1) {
            throw new IllegalArgumentException("a bargaining problem needs at least one dimension");
        }
        if (capability.length != n || position.length != n || salience.length != n) {
            throw new IllegalArgumentException("capability, position and salience need " + n + " rows, were "
                    + capability.length + ", " + position.length + ", " + salience.length);
        }
        if (!(Double.isFinite(scaleMin) && Double.isFinite(scaleMax) && scaleMin < scaleMax)) {
            throw new IllegalArgumentException("scale needs finite min < max, was [" + scaleMin + ", " + scaleMax + "]");
        }
        this.capability = capability.clone();
        this.position = new double[n][];
        this.salience = new double[n][];
        for (int i = 0; i < n; i++) {
            checkCapability(this.actors.get(i), capability[i]);
            if (position[i].length != dims || salience[i].length != dims) {
                throw new IllegalArgumentException("actor " + this.actors.get(i) + " needs " + dims + " positions and saliences");
            }
            double sum = 0;
            for (int d = 0; d < dims; d++) {
                checkOnDimension(this.actors.get(i), d, position[i][d], salience[i][d]);
                sum += salience[i][d];
            }
            if (sum > 1 + 1e-9) {
                throw new IllegalArgumentException("saliences of " + this.actors.get(i) + " sum to " + sum + " > 1");
            }
            this.position[i] = position[i].clone();
            this.salience[i] = salience[i].clone();
        }
        this.scaleMin = scaleMin;
        this.scaleMax = scaleMax;
    }

    /** A problem on the 0–100 scale. */
    public BargainingProblem(String name, List<String> actors, List<String> dimensions, double[] capability,
                             double[][] position, double[][] salience) {
        this(name, actors, dimensions, capability, position, salience, 0, 100);
    }

    /** An actor's capability as every problem requires it: finite and ≥ 0. */
    public static void checkCapability(String actor, double capability) {
        if (!(capability >= 0) || !Double.isFinite(capability)) {
            throw new IllegalArgumentException("capability of " + actor + " must be >= 0, was " + capability);
        }
    }

    /** An actor's position and salience on dimension {@code d} as every problem requires them: each on [0, 1]. */
    public static void checkOnDimension(String actor, int d, double position, double salience) {
        if (!(position >= 0 && position <= 1)) {
            throw new IllegalArgumentException("position of " + actor + " on dimension " + d
                    + " must be in [0, 1], was " + position);
        }
        if (!(salience >= 0 && salience <= 1)) {
            throw new IllegalArgumentException("salience of " + actor + " on dimension " + d
                    + " must be in [0, 1], was " + salience);
        }
    }

    /**
     * The demand issue of a scenario as a one-dimensional problem: every actor with a {@link IssueStance}
     * takes part with its capability, position (0–100 → [0, 1]) and salience. Each uncertain quantity is drawn
     * as {@code quantile(u)} with u from {@code random}, in actor order (capability, position, salience).
     * Values are clamped to their ranges. O(N).
     *
     * @param random the generator for uncertain quantities, or {@code null} to use each quantity's mean
     */
    public static BargainingProblem fromScenario(Scenario scenario, RandomGenerator random) {
        List<String> names = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (Actor actor : scenario.actors()) {
            IssueStance stance = actor.stance();
            if (stance == null || stance.position() == null) {
                continue;
            }
            double c = value(actor.capability(), random);
            double x = value(stance.position(), random);
            double s = stance.salience() == null ? 1.0 : value(stance.salience(), random);
            names.add(actor.id());
            rows.add(new double[] {Math.max(0, c), clamp(x / 100.0), clamp(s)});
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("scenario " + scenario.id() + " has no actor with a stance on the demand issue");
        }
        String issue = scenario.demand() == null || scenario.demand().issue() == null ? "demand" : scenario.demand().issue();
        return oneDimensional(scenario.id(), names, issue, rows);
    }

    /**
     * A one-dimensional problem on the 0–100 scale from one row {@code {capability, position, salience}} per
     * actor (position and salience on [0, 1]).
     */
    public static BargainingProblem oneDimensional(String name, List<String> actors, String issue, List<double[]> rows) {
        return oneDimensional(name, actors, issue, rows, 0, 100);
    }

    /**
     * A one-dimensional problem from one row {@code {capability, position, salience}} per actor (position and
     * salience on [0, 1]), whose file scale is [{@code scaleMin}, {@code scaleMax}].
     */
    public static BargainingProblem oneDimensional(String name, List<String> actors, String issue, List<double[]> rows,
                                                   double scaleMin, double scaleMax) {
        int n = rows.size();
        double[] cap = new double[n];
        double[][] pos = new double[n][1];
        double[][] sal = new double[n][1];
        for (int i = 0; i < n; i++) {
            cap[i] = rows.get(i)[0];
            pos[i][0] = rows.get(i)[1];
            sal[i][0] = rows.get(i)[2];
        }
        return new BargainingProblem(name, actors, List.of(issue), cap, pos, sal, scaleMin, scaleMax);
    }

    /** {@link #fromScenario(Scenario, RandomGenerator)} with every quantity at its mean. */
    public static BargainingProblem fromScenario(Scenario scenario) {
        return fromScenario(scenario, null);
    }

    private static double value(Quantity q, RandomGenerator random) {
        return random == null ? q.mean() : q.quantile(random.nextDouble());
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    public String name() {
        return name;
    }

    public List<String> actors() {
        return actors;
    }

    public List<String> dimensions() {
        return dimensions;
    }

    public int actorCount() {
        return actors.size();
    }

    public int dimensionCount() {
        return dimensions.size();
    }

    public double capability(int actor) {
        return capability[actor];
    }

    /** Position on [0, 1]. */
    public double position(int actor, int dimension) {
        return position[actor][dimension];
    }

    public double salience(int actor, int dimension) {
        return salience[actor][dimension];
    }

    public double[] capabilities() {
        return capability.clone();
    }

    /** Positions [actor][dimension] on [0, 1], a copy. */
    public double[][] positions() {
        return deepCopy(position);
    }

    public double[][] saliences() {
        return deepCopy(salience);
    }

    public double scaleMin() {
        return scaleMin;
    }

    public double scaleMax() {
        return scaleMax;
    }

    /** A model-scale value [0, 1] in the file's units. */
    public double toFileScale(double unit) {
        return scaleMin + unit * (scaleMax - scaleMin);
    }

    /** A copy with other positions (same actors, dimensions and scale). */
    public BargainingProblem withPositions(double[][] newPositions) {
        return new BargainingProblem(name, actors, dimensions, capability, newPositions, salience, scaleMin, scaleMax);
    }

    /** The one-dimensional sub-problem of dimension {@code d}, saliences unchanged. */
    public BargainingProblem dimension(int d) {
        int n = actors.size();
        double[][] p = new double[n][1];
        double[][] s = new double[n][1];
        for (int i = 0; i < n; i++) {
            p[i][0] = position[i][d];
            s[i][0] = salience[i][d];
        }
        return new BargainingProblem(name, actors, List.of(dimensions.get(d)), capability, p, s, scaleMin, scaleMax);
    }

    static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    @Override
    public String toString() {
        return "BargainingProblem[" + name + ", " + actors.size() + " actors, " + dimensions.size() + " dimensions, scale "
                + scaleMin + ".." + scaleMax + ", capability " + Arrays.toString(capability) + "]";
    }
}
