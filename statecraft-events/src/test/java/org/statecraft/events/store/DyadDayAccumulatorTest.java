package org.statecraft.events.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statecraft.events.Samples;

/**
 * The ingest's own sums of {@code dyad_days} against the SQL aggregate of the stored events: the same rows, value for
 * value, on files that exercise the SQL's branches (no group, no country, codes in the bundled tables or in neither,
 * the file's own Goldstein value or none, zero, several events a group). Every code of the bundled tables has a value
 * on both scales, so the ICEWS-from-GDELT fallback cannot be reached through an ingest today.
 */
class DyadDayAccumulatorTest {
    @TempDir
    Path tmp;

    /** Real GDELT 2.0 rows with countries, groups, days, codes and own values redrawn, ids kept increasing. */
    private Path mutatedGdelt(long seed, int rows) throws Exception {
        List<String> base = Files.readAllLines(Samples.gdeltV2());
        List<String> codes = new ArrayList<>();
        for (String line : base) {
            codes.add(line.split("\t", -1)[26]);
        }
        // codes whose root is CAMEO but that may be in neither bundled table, or in one only
        codes.addAll(List.of("0431", "1999", "2042", "1383", "0874", "173", "1056"));
        String[] countries = {"PAK", "AFG", "USA", "", "CHN", "IND"};
        String[] groups = {"", "", "GOV", "MIL", "REB", "TAL"};
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String[] f = base.get(rnd.nextInt(base.size())).split("\t", -1);
            f[0] = Long.toString(500_000_000L + seed * 1_000_000L + i);
            f[1] = "201806" + String.format("%02d", 1 + rnd.nextInt(4));
            f[7] = countries[rnd.nextInt(countries.length)];
            f[8] = groups[rnd.nextInt(groups.length)];
            f[17] = countries[rnd.nextInt(countries.length)];
            f[18] = groups[rnd.nextInt(groups.length)];
            f[26] = codes.get(rnd.nextInt(codes.size()));
            f[29] = Integer.toString(1 + rnd.nextInt(4));
            int g = rnd.nextInt(8);
            f[30] = g == 0 ? "" : g == 1 ? "0" : String.format("%.1f", rnd.nextDouble(-10, 10));
            out.add(String.join("\t", f));
        }
        return Files.write(tmp.resolve("mutated-" + seed + ".export.CSV"), out);
    }

    private static List<String> dyadDays(Path store) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + store.resolve("events.duckdb").toAbsolutePath());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM dyad_days ORDER BY ALL")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    b.append(rs.getString(i)).append('|');
                }
                rows.add(b.toString());
            }
        }
        return rows;
    }

    /** Makes the next open rebuild dyad_days from the stored events with the SQL aggregate. */
    private static void forceSqlRebuild(Path store) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + store.resolve("events.duckdb").toAbsolutePath());
                Statement s = c.createStatement()) {
            s.execute("DELETE FROM dyad_days");
            s.execute("UPDATE store_meta SET value = 'older' WHERE name = 'codebook'");
        }
    }

    @Test
    void theSumsTakenWhileAppendingAreTheSqlAggregateOfTheStoredRows() throws Exception {
        Path store = tmp.resolve("store");
        try (EventStore s = EventStore.open(store)) {
            for (long seed = 1; seed <= 3; seed++) {
                IngestResult r = s.ingest(mutatedGdelt(seed, 3000), IngestOptions.defaults(), null);
                assertThat(r.method()).isEqualTo("bulk parser");
                assertThat(r.duplicates()).isZero();
                assertThat(r.stored()).isGreaterThan(2000);
            }
            s.ingest(Samples.gdeltV2(), IngestOptions.defaults(), null);
        }
        List<String> summed = dyadDays(store);
        assertThat(summed).hasSizeGreaterThan(1000);
        forceSqlRebuild(store);
        try (EventStore s = EventStore.open(store)) {
            assertThat(s.files()).hasSize(4);
        }
        assertThat(dyadDays(store)).isEqualTo(summed);
    }

    @Test
    void aFileWithRowsTakenOutAgainIsAggregatedFromTheStoredRows() throws Exception {
        Path store = tmp.resolve("store");
        Path file = mutatedGdelt(7, 2000);
        List<String> lines = Files.readAllLines(file);
        List<String> twice = new ArrayList<>(lines.subList(0, 500));
        twice.addAll(lines.subList(0, 800)); // 500 of them again: the file's own duplicates are deleted
        try (EventStore s = EventStore.open(store)) {
            IngestResult r = s.ingest(Files.write(tmp.resolve("twice.export.CSV"), twice), IngestOptions.defaults(), null);
            assertThat(r.duplicates()).isPositive(); // 500 less the malformed ones
            s.ingest(file, IngestOptions.defaults(), null); // 800 rows already stored
        }
        List<String> ingested = dyadDays(store);
        forceSqlRebuild(store);
        try (EventStore s = EventStore.open(store)) {
            assertThat(s.files()).hasSize(2);
        }
        assertThat(dyadDays(store)).isEqualTo(ingested);
    }

    @Test
    void pastItsBoundTheTableGivesUpRatherThanGrowWithTheFile() {
        DyadDayAccumulator acc = new DyadDayAccumulator(100);
        for (int day = 0; day < 100; day++) {
            acc.add(1, -1, 2, -1, day, 1, 5, DyadDayAccumulator.NONE);
        }
        assertThat(acc.overflowed()).isFalse();
        acc.add(1, -1, 2, -1, 0, 2, 5, 5); // an existing group: still fine
        assertThat(acc.overflowed()).isFalse();
        acc.add(1, -1, 2, -1, 100, 1, 5, 5);
        assertThat(acc.overflowed()).isTrue();
        assertThat(acc.groups()).isEqualTo(100);
        assertThatThrownBy(() -> acc.appendTo(null, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SQL aggregate");
    }

    @Test
    void theTableNeverHoldsMoreThanFourSlotsAGroupSoItsBoundKeepsToAQuarterOfTheHeap() {
        DyadDayAccumulator acc = new DyadDayAccumulator(1 << 20);
        SplittableRandom rnd = new SplittableRandom(11);
        for (int i = 0; i < 300_000; i++) {
            acc.add(rnd.nextInt(200), rnd.nextInt(20) - 1, rnd.nextInt(200), -1, rnd.nextInt(3650), 1 + rnd.nextInt(4), 3,
                    DyadDayAccumulator.NONE);
            if (acc.groups() >= 2048) {
                assertThat(acc.capacity()).isLessThanOrEqualTo(4 * acc.groups()).isGreaterThanOrEqualTo(2 * acc.groups());
            }
        }
        assertThat(acc.overflowed()).isFalse();
        assertThat(acc.groups()).isGreaterThan(250_000);
        long heap = Runtime.getRuntime().maxMemory();
        assertThat((long) DyadDayAccumulator.maxGroups() * DyadDayAccumulator.WORST_BYTES_PER_GROUP)
                .isLessThanOrEqualTo(heap / 4);
        assertThat(DyadDayAccumulator.maxGroups()).isLessThanOrEqualTo(DyadDayAccumulator.MAX_GROUPS);
    }
}
