package org.statecraft.core.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.statecraft.core.leverage.DailySeries;
import org.statecraft.core.leverage.LeverageModel;
import org.statecraft.core.leverage.TestScenarios;
import org.statecraft.core.scenario.Actor;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.core.tension.Period;
import org.statecraft.core.tension.TensionEvent;
import org.statecraft.core.tension.TensionIndex;
import org.statecraft.core.tension.TensionPoint;

/** The engine's events go through the same TensionIndex as observed events: the aggregates must agree exactly. */
class SimulatedTensionTest {
    static Scenario withCodes() {
        Scenario s = TestScenarios.twoSided(20, 10, 0.6, 0.3, 3, 0.3, 0.8, 1.5,
                List.of(TestScenarios.baseline(), TestScenarios.useOnDay("u", 0, 10)), 0.5);
        List<Actor> actors = s.actors().stream().map(a -> new Actor(a.id(), a.name(), a.kind(), a.capability(),
                a.stance(), a.id().equals("c") ? "PAK" : a.id().equals("t") ? "AFG/TAL" : null)).toList();
        return new Scenario(s.id(), s.title(), s.description(), s.start(), s.horizonDays(), s.sources(), actors,
                s.constituencies(), s.weights(), s.demand(), s.levers(), s.policies(), s.responses(), s.attacks(), s.clashes(),
                s.network(), s.observed());
    }

    @Test
    void simulatedSeriesEqualsTheIndexComputedFromTheEmittedEvents() {
        Scenario s = withCodes();
        LeverageModel m = new LeverageModel(s);
        DailySeries totals = new DailySeries(s.horizonDays());
        List<TensionEvent> events = new ArrayList<>();
        for (int run = 0; run < 50; run++) {
            m.simulate(1, m.parameterSpace().means(), new SplittableRandom(run), m.newOutcome(), totals,
                    (day, src, tgt, code, what) -> events.add(new TensionEvent(s.start().plusDays(day),
                            SimulatedTension.code(s, src), SimulatedTension.code(s, tgt), code.cameo(),
                            code.goldstein(), code.quadClass())));
        }
        TensionIndex index = new TensionIndex(SimulatedTension.dyad(s), Period.WEEK, s.start(),
                s.start().plusDays(s.horizonDays() - 1));
        List<TensionPoint> direct = index.compute(events);
        List<TensionPoint> viaEngine = SimulatedTension.simulated(s, totals, Period.WEEK);
        assertThat(viaEngine).isEqualTo(direct);
        assertThat(direct.stream().mapToLong(TensionPoint::events).sum()).isPositive();
        // attacks (proxy -> coercer) are not on the dyad and do not count
        assertThat(events.stream().filter(e -> e.cameo().equals("180")).count()).isPositive();
        assertThat(direct.stream().mapToLong(TensionPoint::events).sum())
                .isEqualTo(events.stream().filter(e -> !e.cameo().equals("180")).count());
    }

    @Test
    void observedEventsAreMatchedByTheActorsCameoCodes() {
        Scenario s = withCodes();
        assertThat(SimulatedTension.dyad(s).toString()).isEqualTo("PAK:AFG/TAL");
        assertThat(SimulatedTension.code(s, "p")).isEqualTo("p");
        assertThat(s.start()).isEqualTo(LocalDate.of(2023, 9, 6));
    }
}
