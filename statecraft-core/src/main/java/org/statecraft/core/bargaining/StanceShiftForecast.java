package org.statecraft.core.bargaining;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.statecraft.core.montecarlo.Analysis;
import org.statecraft.core.montecarlo.PolicySummary;
import org.statecraft.core.scenario.Actor;
import org.statecraft.core.scenario.Scenario;

/**
 * How a policy's stance changes move the SMP forecast on the demand issue. A network member k whose expressed
 * stance toward the target falls below its baseline trajectory by w_k at the deepest (the mean over runs of
 * max_t (x^base_k(t) − x_k(t)): levers are often released on concession before the horizon) moves the
 * fraction f_k = w_k / (x^base_k(H) + 1), clamped to [0, 1], of the way from its issue position to its
 * {@code positionWhenHostile} (f = 1: fully hostile). The SMP of KTAB is then run to convergence with the
 * moved positions; the shift is that forecast minus the forecast at the scenario's positions (the baseline).
 * Actors without {@code positionWhenHostile} keep their positions. Cost: one SMP run per policy.
 */
public final class StanceShiftForecast {
    /** The forecast on the 0–100 issue scale, per policy, and its shift against the scenario's positions. */
    public record Result(double baseline, Map<String, Double> forecast, Map<String, Double> shift,
                         Map<String, Map<String, Double>> movedPositions, double compromiseBaseline,
                         Map<String, Double> compromiseShift) {
    }

    private StanceShiftForecast() {
    }

    /** Null when no actor has a stance on the demand issue. */
    public static Result of(Scenario scenario, Analysis analysis) {
        if (scenario.actors().stream().noneMatch(a -> a.stance() != null && a.stance().position() != null)) {
            return null;
        }
        BargainingProblem base = BargainingProblem.fromScenario(scenario);
        SpatialModelOfPolitics smp = new SpatialModelOfPolitics();
        double baseline = base.toFileScale(smp.forecastOutcome(base));
        Map<String, Double> forecast = new LinkedHashMap<>();
        Map<String, Double> shift = new LinkedHashMap<>();
        Map<String, Map<String, Double>> moved = new LinkedHashMap<>();
        Map<String, Double> compromiseShift = new LinkedHashMap<>();
        double compromiseBase = compromise(base, base.positions());
        for (PolicySummary p : analysis.policies()) {
            double[][] pos = base.positions();
            Map<String, Double> movedHere = new LinkedHashMap<>();
            boolean any = false;
            for (PolicySummary.StanceShift s : p.stances()) {
                int i = base.actors().indexOf(s.member());
                Actor actor = scenario.actor(s.member()).orElse(null);
                if (i < 0 || actor == null || actor.stance().positionWhenHostile() == null) {
                    continue;
                }
                double f = Math.max(0, Math.min(1, s.peakWithdrawal() / (s.baselineFinal() + 1)));
                if (f > 0) {
                    double hostile = actor.stance().positionWhenHostile().mean() / 100.0;
                    pos[i][0] = Math.max(0, Math.min(1, pos[i][0] + f * (hostile - pos[i][0])));
                    movedHere.put(s.member(), base.toFileScale(pos[i][0]));
                    any = true;
                }
            }
            double value = any ? base.toFileScale(smp.forecastOutcome(base.withPositions(pos))) : baseline;
            forecast.put(p.id(), value);
            shift.put(p.id(), value - baseline);
            compromiseShift.put(p.id(), compromise(base, pos) - compromiseBase);
            moved.put(p.id(), movedHere);
        }
        return new Result(baseline, forecast, shift, moved, compromiseBase, compromiseShift);
    }

    /** The compromise baseline Σ c s x / Σ c s on the file scale: a monotone reference beside SMP. */
    private static double compromise(BargainingProblem p, double[][] pos) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < p.actorCount(); i++) {
            double w = p.capability(i) * p.salience(i, 0);
            num += w * pos[i][0];
            den += w;
        }
        return p.toFileScale(den == 0 ? 0 : num / den);
    }

    /** Ids of the actors that take part in the forecast. */
    public static List<String> participants(Scenario scenario) {
        List<String> ids = new ArrayList<>();
        for (Actor a : scenario.actors()) {
            if (a.stance() != null && a.stance().position() != null) {
                ids.add(a.id());
            }
        }
        return ids;
    }
}
