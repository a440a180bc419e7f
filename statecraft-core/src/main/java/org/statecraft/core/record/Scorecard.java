package org.statecraft.core.record;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import org.statecraft.core.scenario.LeverSpell;
import org.statecraft.core.scenario.ObservedConcession;
import org.statecraft.core.scenario.ObservedCount;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.core.scenario.StanceMove;

/**
 * Every recorded outcome scored against the model's predictive distribution, each beside a baseline that needs no
 * model (docs/models/hindcast.md). All scores are negatively oriented (lower is better):
 * <ul>
 * <li>spell durations: the interval log score −ln P(D ∈ [y/1.25, 1.25y]) (for a spell still in force,
 * −ln P(D ≥ y)), and the CRPS for a closed spell; baseline: the empirical distribution of the same lever's spells
 * that had ended before the spell began;</li>
 * <li>concession by date (the end of each year and of the window): Brier and log score of P(demand met by then)
 * and P(any concession by then); baseline: the TIES base rate of acquiescence;</li>
 * <li>counts per period: the CRPS relative to the count (CRPS / max(y, 1), so counts of different sizes can be
 * averaged), and whether the central 50 % and 90 % intervals cover the count; baseline: the
 * counter's previous period, prorated to the period's length (a point forecast, whose CRPS is its absolute
 * error);</li>
 * <li>third-party moves: Brier and log score of P(the member's stance rose over the 90 days to the move) against
 * the recorded direction; baseline: ½.</li>
 * </ul>
 */
public record Scorecard(String scenario, LocalDate start, LocalDate until, int runs, long seed, List<String> notes,
                        List<Item> items, List<Summary> summaries, LocalDate trainedUntil, double effectiveSize) {
    /** Relative half-width of the interval a duration's log score is taken over. */
    public static final double DURATION_INTERVAL = 1.25;

    public enum Kind {
        DURATION, CONCESSION, COUNT, STANCE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One score of one outcome: the model's, the baseline's (NaN: no baseline could be formed). */
    public record Score(String rule, double model, double baseline) {
        public boolean modelBetter() {
            return !Double.isNaN(baseline) && model < baseline;
        }
    }

    /**
     * One recorded outcome: what was observed, the model's predictive distribution (quantiles 5/25/50/75/95, and
     * for durations and counts 41 quantiles k/40 to draw it), the observed value's percentile in it, and its
     * scores. {@code baselineName} says what the baseline was.
     */
    public record Item(Kind kind, String label, LocalDate date, double observed, boolean lowerBound,
                       String observedText, double[] quantiles, double percentile, double[] predictive,
                       String baselineName, List<Score> scores) {
    }

    /**
     * One rule over the outcomes of one kind: {@code n} outcomes scored, {@code withBaseline} of them with a
     * baseline; the means of model and baseline are over those {@code withBaseline} (over all n when none has one,
     * with the baseline NaN), and how often the model won.
     */
    public record Summary(Kind kind, String rule, int n, double model, double baseline, int modelWins,
                          int withBaseline) {
        /** 1 − model/baseline (for Brier and CRPS); for the log score, baseline − model (nats). */
        public double skill() {
            if (Double.isNaN(baseline)) {
                return Double.NaN;
            }
            return rule.startsWith("log") ? baseline - model : 1 - model / baseline;
        }
    }

    private static final double[] PROBS = {0.05, 0.25, 0.5, 0.75, 0.95};

    /** Every recorded outcome of the window, each run weighing the same. */
    public static Scorecard of(Hindcast.Simulation sim) {
        return of(sim, null, null);
    }

    /**
     * The outcomes dated after {@code after} (null: all), scored against the runs weighed by {@code weights}
     * (null: equally): with posterior weights from the record to {@code after}, an out-of-sample forecast.
     */
    public static Scorecard of(Hindcast.Simulation sim, double[] weights, LocalDate after) {
        Scenario s = sim.scenario();
        RecordProbe probe = sim.probe();
        HindcastSample x = sim.sample();
        List<Item> items = new ArrayList<>();
        Predicate<LocalDate> scored = d -> after == null || d.isAfter(after);
        for (int i = 0; i < probe.spells().size(); i++) {
            if (scored.test(probe.spells().get(i).spell().from())) {
                items.add(duration(s, probe.spells().get(i), new Predictive(HindcastSample.column(x.spellDays, i),
                        weights)));
            }
        }
        concessions(s, probe, x, weights, after, items);
        for (int i = 0; i < probe.counts().size(); i++) {
            if (scored.test(probe.counts().get(i).count().from())) {
                items.add(count(s, probe.counts().get(i), new Predictive(HindcastSample.column(x.counts, i), weights)));
            }
        }
        for (int i = 0; i < probe.moves().size(); i++) {
            if (scored.test(probe.moves().get(i).move().date())) {
                items.add(move(probe.moves().get(i), new Predictive(HindcastSample.column(x.stanceDelta, i), weights)));
            }
        }
        List<Summary> summaries = new ArrayList<>();
        for (Kind k : Kind.values()) {
            List<Item> ofKind = items.stream().filter(it -> it.kind() == k).toList();
            List<String> rules = ofKind.stream().flatMap(it -> it.scores().stream().map(Score::rule)).distinct().toList();
            for (String rule : rules) {
                double m = 0;  // the model's sum over every scored outcome
                double mb = 0; // ... and over those with a baseline, the outcomes the comparison is made on
                double b = 0;
                int n = 0;
                int nb = 0;
                int wins = 0;
                for (Item it : ofKind) {
                    for (Score sc : it.scores()) {
                        if (!sc.rule().equals(rule) || Double.isNaN(sc.model())) {
                            continue;
                        }
                        n++;
                        m += sc.model();
                        if (!Double.isNaN(sc.baseline())) {
                            nb++;
                            mb += sc.model();
                            b += sc.baseline();
                            wins += sc.modelBetter() ? 1 : 0;
                        }
                    }
                }
                if (nb > 0) {
                    summaries.add(new Summary(k, rule, n, mb / nb, b / nb, wins, nb));
                } else if (n > 0) {
                    summaries.add(new Summary(k, rule, n, m / n, Double.NaN, 0, 0));
                }
            }
        }
        double ess = weights == null ? x.runs : Conditioning.ess(weights);
        return new Scorecard(s.id(), s.start(), probe.until(), x.runs, sim.seed(), sim.policy().notes(),
                List.copyOf(items), List.copyOf(summaries), after, ess);
    }

    /** Summaries that have a baseline. */
    public List<Summary> compared() {
        return summaries.stream().filter(sm -> !Double.isNaN(sm.baseline())).toList();
    }

    /** How many of the compared rules the model wins on average. */
    public int rulesWon() {
        return (int) compared().stream().filter(sm -> sm.model() < sm.baseline()).count();
    }

    /** One word: whether the model beats, ties with or loses to the baselines (the majority of compared rules). */
    public String outcome() {
        int n = compared().size();
        int won = rulesWon();
        return n == 0 ? "no baseline" : won * 2 > n ? "beats" : won * 2 == n ? "ties" : "loses";
    }

    /** One line: the model against the baselines. */
    public String verdict() {
        List<Summary> c = compared();
        if (c.isEmpty()) {
            return "nothing in the record has a baseline to compare with";
        }
        int won = rulesWon();
        String who = won * 2 > c.size() ? "The model beats the baselines" : won * 2 == c.size()
                ? "The model ties with the baselines" : "The model loses to the baselines";
        return who + " on " + won + " of " + c.size() + " scores (mean over the outcomes of each kind)";
    }

    private static Item duration(Scenario s, RecordProbe.Spell sp, Predictive d) {
        double y = sp.observedDays();
        // the empirical baseline: this lever's spells that had ended before this one began (history included)
        double[] past = s.observed().spells().stream()
                .filter(o -> o.lever().equals(sp.spell().lever()) && !o.open() && !o.to().isAfter(sp.spell().from()))
                .mapToDouble(LeverSpell::days).toArray();
        List<Score> scores = new ArrayList<>();
        double lo = sp.open() ? y : y / DURATION_INTERVAL;
        double hi = sp.open() ? Double.POSITIVE_INFINITY : y * DURATION_INTERVAL;
        double pm = d.smoothed(d.prob(lo, hi));
        double pb = past.length == 0 ? Double.NaN : ProperScores.kt(ProperScores.countIn(past, lo, hi), past.length);
        scores.add(new Score("log", ProperScores.logScore(pm), Double.isNaN(pb) ? Double.NaN : ProperScores.logScore(pb)));
        if (!sp.open()) {
            scores.add(new Score("crps", d.crps(y), past.length == 0 ? Double.NaN : ProperScores.crps(past, y)));
        }
        String label = sp.spell().lever() + " from " + sp.spell().from();
        String obs = (long) y + (sp.open() ? "+ days (in force on " + sp.spell().from().plusDays((long) y) + ")"
                : " days");
        return new Item(Kind.DURATION, label, sp.spell().from(), y, sp.open(), obs, quantiles(d),
                d.percentile(y), drawing(d), past.length == 0 ? "no earlier spell"
                : "empirical, " + past.length + " earlier spell" + (past.length == 1 ? "" : "s") + " "
                + Arrays.toString(Arrays.stream(past).mapToLong(v -> (long) v).toArray()), List.copyOf(scores));
    }

    private static void concessions(Scenario s, RecordProbe probe, HindcastSample x, double[] weights,
                                    LocalDate after, List<Item> items) {
        List<LocalDate> checkpoints = new ArrayList<>();
        for (int year = s.start().getYear(); year <= probe.until().getYear(); year++) {
            LocalDate end = LocalDate.of(year, 12, 31);
            if (!end.isBefore(s.start()) && end.isBefore(probe.until())) {
                checkpoints.add(end);
            }
        }
        checkpoints.add(probe.until());
        double base = s.observed().concessionBaseRate() == null ? Double.NaN
                : s.observed().concessionBaseRate().mean();
        for (boolean full : new boolean[] {true, false}) {
            int[] days = full ? x.metDay : x.partialDay;
            double[] by = new double[days.length];
            for (LocalDate d : checkpoints) {
                if (after != null && !d.isAfter(after)) {
                    continue;
                }
                int day = s.dayOf(d);
                boolean observed = s.observed().concessions().stream().anyMatch(c -> c.on()
                        == ObservedConcession.On.DEMAND && !c.date().isAfter(d) && !c.date().isBefore(s.start())
                        && (!full || c.extent() == ObservedConcession.Extent.FULL));
                for (int r = 0; r < days.length; r++) {
                    by[r] = days[r] >= 0 && days[r] <= day ? 1 : 0;
                }
                Predictive pr = new Predictive(by, weights);
                double p = pr.prob(0.5, 1.5);
                double pkt = pr.smoothed(p);
                List<Score> scores = List.of(
                        new Score("brier", ProperScores.brier(p, observed), Double.isNaN(base) ? Double.NaN
                                : ProperScores.brier(base, observed)),
                        new Score("log", ProperScores.logScore(observed ? pkt : 1 - pkt), Double.isNaN(base)
                                ? Double.NaN : ProperScores.logScore(observed ? base : 1 - base)));
                String what = full ? "demand met by " + d : "any concession by " + d;
                items.add(new Item(Kind.CONCESSION, what, d, observed ? 1 : 0, false, observed ? "yes" : "no",
                        new double[] {p}, Double.NaN, null, Double.isNaN(base) ? "none (no base rate in the record)"
                        : "TIES base rate " + base, scores));
            }
        }
    }

    private static Item count(Scenario s, RecordProbe.Count c, Predictive v) {
        ObservedCount oc = c.count();
        double y = oc.value();
        // the previous period: the latest earlier count of the same series by the same counter, prorated
        ObservedCount prev = s.observed().counts().stream()
                .filter(o -> o != oc && o.series() == oc.series() && o.counter().equals(oc.counter())
                        && Objects.equals(o.constituency(), oc.constituency()) && o.to().isBefore(oc.from()))
                .max(Comparator.comparing(ObservedCount::to).thenComparing(ObservedCount::days))
                .orElse(null);
        double b = prev == null ? Double.NaN : prev.value() * oc.days() / prev.days();
        double[] q = quantiles(v);
        List<Score> scores = List.of(
                new Score("crps/observed", v.crps(y) / Math.max(y, 1), Double.isNaN(b) ? Double.NaN
                        : Math.abs(b - y) / Math.max(y, 1)),
                new Score("miss50", y >= q[1] && y <= q[3] ? 0 : 1, Double.NaN),
                new Score("miss90", y >= q[0] && y <= q[4] ? 0 : 1, Double.NaN));
        String label = oc.seriesName() + " (" + oc.counter() + ") " + oc.from() + " to " + oc.to();
        return new Item(Kind.COUNT, label, oc.from(), y, false, fmt(y), q, v.percentile(y), drawing(v),
                prev == null ? "no earlier period"
                : "previous period " + prev.from() + " to " + prev.to() + " prorated: " + fmt(b), scores);
    }

    private static Item move(RecordProbe.Move m, Predictive delta) {
        double pToward = delta.prob(1e-12, Double.POSITIVE_INFINITY) + 0.5 * delta.prob(-1e-12, 1e-12);
        boolean toward = m.move().direction() == StanceMove.Direction.TOWARD;
        double pkt = delta.smoothed(pToward);
        List<Score> scores = List.of(
                new Score("brier", ProperScores.brier(pToward, toward), 0.25),
                new Score("log", ProperScores.logScore(toward ? pkt : 1 - pkt), Math.log(2)));
        return new Item(Kind.STANCE, m.move().member() + " " + m.move().direction().name().toLowerCase(Locale.ROOT)
                        + " on " + m.move().date(), m.move().date(), toward ? 1 : 0, false,
                m.move().direction().name().toLowerCase(Locale.ROOT), new double[] {pToward}, Double.NaN, null,
                "1/2 (no knowledge)", scores);
    }

    /** 41 quantiles k/40 of the predictive distribution: enough to draw it. */
    private static double[] drawing(Predictive p) {
        double[] q = new double[41];
        for (int k = 0; k <= 40; k++) {
            q[k] = p.quantile(k / 40.0);
        }
        return q;
    }

    private static double[] quantiles(Predictive p) {
        double[] q = new double[PROBS.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = p.quantile(PROBS[i]);
        }
        return q;
    }

    private static String fmt(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9 ? String.valueOf((long) Math.rint(v))
                : String.format(Locale.ROOT, "%.1f", v);
    }
}
