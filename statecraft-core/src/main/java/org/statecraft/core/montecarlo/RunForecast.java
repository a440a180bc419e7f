package org.statecraft.core.montecarlo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.statecraft.core.bargaining.BargainingProblem;
import org.statecraft.core.bargaining.CompromiseModel;
import org.statecraft.core.bargaining.SpatialModelOfPolitics;
import org.statecraft.core.leverage.ParameterSpace;
import org.statecraft.core.leverage.RunOutcome;
import org.statecraft.core.scenario.Actor;
import org.statecraft.core.scenario.Scenario;

/**
 * The bargaining forecast of one run: the actors with a stance on the demand issue, at the run's drawn
 * capability, position and salience; the target's position moved by its concession at the horizon,
 * y_T + z_H (y* − y_T); each network member k with a {@code positionWhenHostile} moved by its stance shift at
 * the horizon, f_k = (x^base_k − x_k)/(x^base_k + 1) clamped to [−1, 1], toward its hostile position when
 * f &gt; 0 (support withdrawn) and toward the target's position when f &lt; 0 (support gained). Then the
 * compromise model ({@link CompromiseModel}: Σ c s y / Σ c s) and KTAB's SMP. O(actors) for the compromise, one SMP run for SMP.
 */
final class RunForecast {
    private final List<String> ids = new ArrayList<>();
    private final int[] capIdx;
    private final int[] posIdx;
    private final int[] salIdx;
    private final int[] hostileIdx;
    private final int[] member;
    private final int targetRow;
    private final int demandedIdx;

    RunForecast(Scenario s, ParameterSpace space, String[] members) {
        List<Integer> cap = new ArrayList<>();
        List<Integer> pos = new ArrayList<>();
        List<Integer> sal = new ArrayList<>();
        List<Integer> hos = new ArrayList<>();
        List<Integer> mem = new ArrayList<>();
        int tr = -1;
        for (int i = 0; i < s.actors().size(); i++) {
            Actor a = s.actors().get(i);
            if (a.stance() == null || a.stance().position() == null) {
                continue;
            }
            String p = "/actors/" + i;
            if (a.id().equals(s.demand().target())) {
                tr = ids.size();
            }
            ids.add(a.id());
            cap.add(space.require(p + "/capability"));
            pos.add(space.require(p + "/stance/position"));
            sal.add(space.requireIf(a.stance().salience() != null, p + "/stance/salience"));
            hos.add(space.requireIf(a.stance().positionWhenHostile() != null, p + "/stance/positionWhenHostile"));
            mem.add(Arrays.asList(members).indexOf(a.id()));
        }
        capIdx = cap.stream().mapToInt(Integer::intValue).toArray();
        posIdx = pos.stream().mapToInt(Integer::intValue).toArray();
        salIdx = sal.stream().mapToInt(Integer::intValue).toArray();
        hostileIdx = hos.stream().mapToInt(Integer::intValue).toArray();
        member = mem.stream().mapToInt(Integer::intValue).toArray();
        targetRow = tr;
        demandedIdx = space.require("/demand/demandedPosition");
    }

    boolean applicable() {
        return ids.size() >= 2;
    }

    int actorCount() {
        return ids.size();
    }

    /**
     * The run's rows: capability (≥ 0), position and salience (both on [0, 1]) of each actor, into the three arrays
     * (each {@link #actorCount()} long).
     */
    void rows(double[] v, RunOutcome o, double[] cap, double[] pos, double[] sal) {
        double yT = targetRow < 0 ? 0 : v[posIdx[targetRow]] / 100.0;
        for (int i = 0; i < ids.size(); i++) {
            double y = v[posIdx[i]] / 100.0;
            if (i == targetRow) {
                y += o.finalConcession * (v[demandedIdx] / 100.0 - y);
            } else if (member[i] >= 0) {
                double xb = o.baselineStance[member[i]];
                double f = Math.max(-1, Math.min(1, (xb - o.stance[member[i]]) / (xb + 1 + 1e-12)));
                if (f > 0 && hostileIdx[i] >= 0) {
                    y += f * (v[hostileIdx[i]] / 100.0 - y);
                } else if (f < 0) {
                    y += -f * (yT - y);
                }
            }
            cap[i] = Math.max(0, v[capIdx[i]]);
            pos[i] = clamp(y);
            sal[i] = clamp(salIdx[i] < 0 ? 1 : v[salIdx[i]]);
        }
    }

    /** The run's problem (positions on [0, 1]) from its {@link #rows}. */
    BargainingProblem problem(double[] cap, double[] pos, double[] sal) {
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            rows.add(new double[] {cap[i], pos[i], sal[i]});
        }
        return BargainingProblem.oneDimensional("run", ids, "demand", rows);
    }

    /**
     * The compromise forecast on the 0–100 scale of the run's {@link #rows}: what {@link CompromiseModel} gives for
     * {@link #problem}, computed from the rows without building the problem (it runs for every run of every
     * policy). The rows are checked by the problem's own checks (one dimension: a salience on [0, 1] is its sum).
     */
    double compromise(double[] cap, double[] pos, double[] sal) {
        for (int i = 0; i < ids.size(); i++) {
            try {
                BargainingProblem.checkCapability(ids.get(i), cap[i]);
                BargainingProblem.checkOnDimension(ids.get(i), 0, pos[i], sal[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("run forecast: actor " + ids.get(i) + ": " + e.getMessage(), e);
            }
        }
        return 100 * CompromiseModel.outcome(cap, pos, sal);
    }

    static double smp(SpatialModelOfPolitics smp, BargainingProblem p) {
        return p.toFileScale(smp.forecastOutcome(p));
    }

    private static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }
}
