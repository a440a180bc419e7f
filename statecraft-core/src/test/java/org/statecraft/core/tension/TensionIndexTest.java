package org.statecraft.core.tension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TensionIndexTest {
    private static final LocalDate D = LocalDate.of(2023, 9, 4); // a Monday

    private static TensionEvent ev(LocalDate d, String s, String t, double g, int q) {
        return new TensionEvent(d, s, t, "190", g, q);
    }

    @Test
    void statisticsOfOnePeriodFollowTheDefinitions() {
        List<TensionEvent> es = List.of(ev(D, "PAK", "AFG", -10, 4), ev(D, "AFG/TAL", "PAK", 3.4, 1),
                ev(D, "PAK", "AFG", -2, 3), ev(D, "PAK", "IND", -10, 4));
        Dyad dyad = Dyad.parse("PAK:AFG", Map.of(), false);
        List<TensionPoint> s = new TensionIndex(dyad, Period.DAY, null, null).compute(es);
        assertThat(s).hasSize(1);
        TensionPoint p = s.get(0);
        assertThat(p.events()).isEqualTo(3);
        assertThat(p.goldsteinSum()).isEqualTo(-8.6);
        assertThat(p.goldsteinMean()).isEqualTo(-8.6 / 3);
        assertThat(p.cooperativeSum()).isEqualTo(3.4);
        assertThat(p.conflictualSum()).isEqualTo(12.0);
        assertThat(p.verbalCooperationShare()).isEqualTo(1.0 / 3);
        assertThat(p.materialConflictShare()).isEqualTo(1.0 / 3);
        assertThat(p.verbalConflictShare()).isEqualTo(1.0 / 3);
        assertThat(p.index()).isEqualTo((12.0 - 3.4) / 30, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void directedDyadAndGroupAliasSelectTheRightEvents() {
        List<TensionEvent> es = List.of(ev(D, "PAK", "AFG", -10, 4), ev(D, "AFG/TAL", "PAK", 3, 1),
                ev(D, "AFG", "PAK", -5, 4));
        Map<String, ActorSpec> aliases = Map.of("taliban", ActorSpec.parse("AFG/TAL"));
        assertThat(new TensionIndex(Dyad.parse("taliban:PAK", aliases, true), Period.DAY, null, null)
                .compute(es).get(0).events()).isEqualTo(1);
        assertThat(new TensionIndex(Dyad.parse("PAK:taliban", aliases, false), Period.DAY, null, null)
                .compute(es).get(0).events()).isEqualTo(1);
        assertThat(new TensionIndex(Dyad.parse("AFG:PAK", aliases, false), Period.DAY, null, null)
                .compute(es).get(0).events()).isEqualTo(3);
        assertThat(new TensionIndex(Dyad.parse("AFG:PAK", aliases, true), Period.DAY, null, null)
                .compute(es).get(0).events()).isEqualTo(2);
    }

    @Test
    void weeksStartOnMondayAndEmptyPeriodsAreFilled() {
        List<TensionEvent> es = List.of(ev(D.plusDays(6), "PAK", "AFG", -1, 3), ev(D.plusDays(21), "PAK", "AFG", 1, 1));
        List<TensionPoint> s = new TensionIndex(Dyad.parse("PAK:AFG", Map.of(), false), Period.WEEK, null, null)
                .compute(es);
        assertThat(s).extracting(TensionPoint::period)
                .containsExactly(D, D.plusWeeks(1), D.plusWeeks(2), D.plusWeeks(3));
        assertThat(s).extracting(TensionPoint::events).containsExactly(1L, 0L, 0L, 1L);
    }

    @Test
    void resultDoesNotDependOnEventOrder() {
        Random rnd = new Random(7);
        List<TensionEvent> es = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            es.add(ev(D.plusDays(rnd.nextInt(60)), "PAK", "AFG", Math.round((rnd.nextDouble() * 20 - 10) * 10) / 10.0,
                    1 + rnd.nextInt(4)));
        }
        TensionIndex idx = new TensionIndex(Dyad.parse("PAK:AFG", Map.of(), false), Period.MONTH, null, null);
        List<TensionPoint> a = idx.compute(es);
        Collections.shuffle(es, rnd);
        assertThat(idx.compute(es)).isEqualTo(a);
    }

    @Test
    void badInputsAreRejectedWithTheValue() {
        assertThatThrownBy(() -> Dyad.parse("PAK", Map.of(), false)).hasMessageContaining("'PAK'");
        assertThatThrownBy(() -> ActorSpec.parse("PAKISTAN")).hasMessageContaining("PAKISTAN");
        assertThatThrownBy(() -> ev(D, "PAK", "AFG", 11, 4)).hasMessageContaining("11");
        assertThatThrownBy(() -> ev(D, "PAK", "AFG", 1, 5)).hasMessageContaining("5");
    }
}
