package org.statecraft.events.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statecraft.core.tension.ActorSpec;
import org.statecraft.core.tension.Dyad;
import org.statecraft.core.tension.Period;
import org.statecraft.core.tension.TensionEvent;
import org.statecraft.core.tension.TensionIndex;
import org.statecraft.core.tension.TensionPoint;
import org.statecraft.events.EventFormat;
import org.statecraft.events.EventReader;
import org.statecraft.events.EventRecord;
import org.statecraft.events.MalformedRow;
import org.statecraft.events.RowHandler;
import org.statecraft.events.Samples;

class EventStoreTest {
    @TempDir
    Path tmp;

    private EventStore store() {
        return EventStore.open(tmp.resolve("store"));
    }

    @Test
    void ingestingTheSameFilesTwiceLeavesTheCountsUnchanged() throws Exception {
        try (EventStore s = store()) {
            for (Path f : List.of(Samples.gdeltMixed(), Samples.gdeltV2(), Samples.icews())) {
                IngestResult r = s.ingest(f, IngestOptions.defaults(), null);
                assertThat(r.skipped()).isFalse();
                assertThat(r.malformed()).isZero();
                assertThat(r.stored() + r.duplicates()).isEqualTo(r.rowsRead());
            }
            Map<String, Long> counts = s.counts();
            assertThat(counts).containsEntry("gdelt1", 100L).containsEntry("gdelt2", 100L).containsEntry("icews", 3705L);
            for (Path f : List.of(Samples.gdeltMixed(), Samples.gdeltV2(), Samples.icews())) {
                assertThat(s.ingest(f, IngestOptions.defaults(), null).skipped()).isTrue();
            }
            // the same content under another name is skipped by its hash
            Path copy = Files.copy(Samples.icews(), tmp.resolve("copy.tab"));
            assertThat(s.ingest(copy, IngestOptions.defaults(), null).skipped()).isTrue();
            assertThat(s.counts()).isEqualTo(counts);
            // read as another format, the same content is not skipped (every row is malformed as GDELT 2.0)
            IngestResult wrong = s.ingest(Samples.gdeltMixed(), new IngestOptions(EventFormat.GDELT2, false), null);
            assertThat(wrong.skipped()).isFalse();
            assertThat(wrong.malformed()).isEqualTo(100);
            assertThat(s.counts()).isEqualTo(counts);
            assertThat(s.files()).hasSize(4).allSatisfy(f -> assertThat(f.sha256()).hasSize(64));
            assertThat(s.files().get(2).rowsRead()).isEqualTo(3705);
            assertThat(s.malformedRows()).hasSize(100);
            assertThat(s.files().get(2).size()).isEqualTo(Files.size(Samples.icews()));
        }
        try (EventStore s = store()) { // reopened from disk
            assertThat(s.count()).isEqualTo(3905);
        }
    }

    @Test
    void icewsKeyIsIdAndDateSoARepeatedIdOnAnotherDayIsANewEvent() throws Exception {
        List<String> lines = Files.readAllLines(Samples.icews());
        List<String> edited = new ArrayList<>(lines);
        String first = lines.get(1);
        edited.add(first); // same ID, same date: a duplicate
        edited.add(first.replace("2018-06-01", "2018-06-03")); // same ID, another date: another event
        Path file = tmp.resolve("icews-edited.tab");
        Files.write(file, edited);
        try (EventStore s = store()) {
            s.ingest(Samples.icews(), IngestOptions.defaults(), null);
            IngestResult r = s.ingest(file, IngestOptions.defaults(), null);
            assertThat(r.rowsRead()).isEqualTo(3707);
            assertThat(r.stored()).isEqualTo(1);
            assertThat(r.duplicates()).isEqualTo(3706);
            assertThat(s.count()).isEqualTo(3706);
        }
    }

    @Test
    void aFileWithBrokenRowsStoresItsGoodRowsAndRecordsEachBrokenLine() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(Samples.gdeltV2()));
        lines.set(9, "garbage\tline");
        String[] f = lines.get(19).split("\t", -1);
        f[0] = "12x";
        lines.set(19, String.join("\t", f));
        Path file = tmp.resolve("broken.tsv");
        Files.write(file, lines);
        try (EventStore s = store()) {
            IngestResult r = s.ingest(file, IngestOptions.defaults(), null);
            assertThat(r.rowsRead()).isEqualTo(100);
            assertThat(r.stored()).isEqualTo(98);
            assertThat(r.malformed()).isEqualTo(2);
            assertThat(r.method()).isEqualTo("bulk parser");
            assertThat(r.malformedRows()).extracting(MalformedRow::line).containsExactly(10L, 20L);
            assertThat(s.malformedRows()).extracting(MalformedRow::line).containsExactly(10L, 20L);
            assertThat(s.malformedRows().get(1).reason()).contains("12x");
            assertThat(s.count()).isEqualTo(98);
        }
    }

    /** A reader that reads half the file, then fails as a killed process would stop. */
    private static EventReader failingAfter(EventReader inner, int rows) {
        return (BufferedReader in, String file, RowHandler h) -> inner.read(in, file, new RowHandler() {
            int n;

            @Override
            public void event(EventRecord e) {
                if (++n > rows) {
                    throw new IllegalStateException("simulated crash after " + rows + " rows");
                }
                h.event(e);
            }

            @Override
            public void malformed(MalformedRow row) {
                h.malformed(row);
            }
        });
    }

    @Test
    void anInterruptedIngestLeavesTheStoreAsBeforeAndARerunCompletesIt() throws Exception {
        try (EventStore s = store()) {
            s.ingest(Samples.gdeltMixed(), IngestOptions.defaults(), null);
            assertThatThrownBy(() -> s.ingest(Samples.icews(), EventFormat.ICEWS,
                    failingAfter(EventFormat.ICEWS.reader(), 1800), IngestOptions.defaults(), null, null, false))
                    .hasMessageContaining("simulated crash");
            assertThat(s.count()).isEqualTo(100);
            assertThat(s.files()).hasSize(1);
            // a failure after the insert, just before the commit, is rolled back as well
            assertThatThrownBy(() -> s.ingest(Samples.icews(), EventFormat.ICEWS, EventFormat.ICEWS.reader(),
                    IngestOptions.defaults(), null, () -> {
                        throw new IllegalStateException("simulated crash before commit");
                    }, false)).hasMessageContaining("before commit");
            assertThat(s.count()).isEqualTo(100);
            assertThat(s.files()).hasSize(1);
            assertThat(s.malformedRows()).isEmpty();
            IngestResult rerun = s.ingest(Samples.icews(), IngestOptions.defaults(), null);
            assertThat(rerun.stored()).isEqualTo(3705);
            assertThat(s.count()).isEqualTo(3805);
        }
    }

    @Test
    void sqlAggregatesEqualThePureTensionIndexOnTheSameEvents() throws Exception {
        List<EventRecord> read = new ArrayList<>();
        try (EventStore s = store()) {
            for (Path f : List.of(Samples.gdeltMixed(), Samples.gdeltV2(), Samples.icews())) {
                s.ingest(f, IngestOptions.defaults(), null);
                read.addAll(Samples.readAll(f, EventFormat.detect(f), new ArrayList<>()));
            }
            Map<String, ActorSpec> aliases = Map.of("taliban", ActorSpec.parse("AFG/TAL"));
            for (String dyad : List.of("USA:PRK", "IND:IND", "CHN:USA", "PAK:taliban")) {
                for (boolean directed : List.of(false, true)) {
                    for (Period p : Period.values()) {
                        for (boolean icews : List.of(false, true)) {
                            TensionIndex idx = new TensionIndex(Dyad.parse(dyad, aliases, directed), p, null, null);
                            List<TensionPoint> sql = s.tension(idx, null, null, icews);
                            List<TensionEvent> events = read.stream().map(e -> e.toTensionEvent(icews)).toList();
                            assertThat(sql).as(dyad + " " + p + " directed=" + directed).isEqualTo(idx.compute(events));
                            assertThat(sql).isEqualTo(idx.compute(s.tensionEvents(null, icews)));
                        }
                    }
                }
            }
            TensionIndex usPrk = new TensionIndex(Dyad.parse("USA:PRK", aliases, false), Period.DAY,
                    LocalDate.of(2018, 5, 31), LocalDate.of(2018, 6, 2));
            List<TensionPoint> days = s.tension(usPrk, LocalDate.of(2018, 5, 31), LocalDate.of(2018, 6, 2), true);
            assertThat(days).extracting(TensionPoint::events).containsExactly(0L,
                    days.get(1).events(), days.get(2).events());
            assertThat(days.get(1).events() + days.get(2).events()).isEqualTo(312);
        }
    }

    /** Every dyad option, period, scale and a date range: the daily aggregate gives what the raw events give. */
    private static void assertAggregateEqualsRawEvents(EventStore s) {
        Map<String, ActorSpec> aliases = Map.of("taliban", ActorSpec.parse("AFG/TAL"), "usgov", ActorSpec.parse("USA/GOV"));
        for (String dyad : List.of("USA:PRK", "IND:IND", "CHN:USA", "PAK:taliban", "usgov:CHN", "PAK:AFG")) {
            for (boolean directed : List.of(false, true)) {
                for (Period p : Period.values()) {
                    for (boolean icews : List.of(false, true)) {
                        TensionIndex idx = new TensionIndex(Dyad.parse(dyad, aliases, directed), p, null, null);
                        assertThat(s.tension(idx, null, null, icews)).as(dyad + " " + p + " directed=" + directed)
                                .isEqualTo(s.tensionFromEvents(idx, null, null, icews));
                        LocalDate from = LocalDate.of(2018, 5, 30);
                        LocalDate to = LocalDate.of(2018, 6, 12);
                        TensionIndex ranged = new TensionIndex(Dyad.parse(dyad, aliases, directed), p, from, to);
                        assertThat(s.tension(ranged, from, to, icews)).isEqualTo(s.tensionFromEvents(ranged, from, to, icews));
                    }
                }
            }
        }
    }

    @Test
    void theDailyAggregateEqualsTheRawEventsAfterEachFileAndAfterARolledBackIngest() throws Exception {
        try (EventStore s = store()) {
            s.ingest(Samples.gdeltV2(), IngestOptions.defaults(), null); // the bulk parser
            assertAggregateEqualsRawEvents(s);
            s.ingest(Samples.gdeltMixed(), EventFormat.GDELT1, EventFormat.GDELT1.reader(), IngestOptions.defaults(), null,
                    null, false); // the reader path
            assertAggregateEqualsRawEvents(s);
            assertThatThrownBy(() -> s.ingest(Samples.icews(), EventFormat.ICEWS, EventFormat.ICEWS.reader(),
                    IngestOptions.defaults(), null, () -> {
                        throw new IllegalStateException("simulated crash before commit");
                    }, false)).hasMessageContaining("before commit");
            assertAggregateEqualsRawEvents(s);
            s.ingest(Samples.icews(), IngestOptions.defaults(), null);
            assertAggregateEqualsRawEvents(s);
            // overlapping content (duplicates are not counted twice)
            List<String> all = Files.readAllLines(Samples.gdeltV2());
            List<String> more = new ArrayList<>(all.subList(0, 30));
            more.add(all.get(40).replaceFirst("^\\d+", "987654321"));
            IngestResult r = s.ingest(Files.write(tmp.resolve("overlap.tsv"), more), IngestOptions.defaults(), null);
            assertThat(r.stored()).isEqualTo(1);
            assertAggregateEqualsRawEvents(s);
        }
        try (EventStore s = store()) { // reopened: nothing to rebuild, same answers
            assertAggregateEqualsRawEvents(s);
        }
    }

    @Test
    void aStoreWithoutTheAggregateOrWithAnotherCodebookIsReaggregatedOnOpen() throws Exception {
        try (EventStore s = store()) {
            s.ingest(Samples.gdeltMixed(), IngestOptions.defaults(), null);
            s.ingest(Samples.icews(), IngestOptions.defaults(), null);
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                "jdbc:duckdb:" + tmp.resolve("store").resolve("events.duckdb").toAbsolutePath());
                java.sql.Statement st = c.createStatement()) {
            // as a kill between the ingest's commit and the aggregate's would leave it: file 2 not aggregated
            st.execute("DELETE FROM dyad_days WHERE file_id = 2");
            st.execute("DELETE FROM aggregated_files WHERE file_id = 2");
        }
        try (EventStore s = store()) {
            assertAggregateEqualsRawEvents(s);
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                "jdbc:duckdb:" + tmp.resolve("store").resolve("events.duckdb").toAbsolutePath());
                java.sql.Statement st = c.createStatement()) {
            st.execute("DELETE FROM dyad_days");
            st.execute("UPDATE store_meta SET value = 'older' WHERE name = 'codebook'");
        }
        try (EventStore s = store()) {
            assertAggregateEqualsRawEvents(s);
            TensionIndex idx = new TensionIndex(Dyad.parse("USA:PRK", Map.of(), false), Period.MONTH, null, null);
            assertThat(s.tension(idx, null, null, false)).isNotEmpty();
        }
    }

    @Test
    void theBulkParserStoresExactlyWhatTheJavaReaderStores() throws Exception {
        List<String> viaBulk;
        List<String> viaReader;
        try (EventStore s = EventStore.open(tmp.resolve("fast"))) {
            IngestResult r = s.ingest(Samples.gdeltV2(), IngestOptions.defaults(), null);
            assertThat(r.method()).isEqualTo("bulk parser");
            assertThat(r.stored()).isEqualTo(100);
            viaBulk = s.dump();
        }
        try (EventStore s = EventStore.open(tmp.resolve("slow"))) {
            IngestResult r = s.ingest(Samples.gdeltV2(), EventFormat.GDELT2, EventFormat.GDELT2.reader(),
                    IngestOptions.defaults(), null, null, false);
            assertThat(r.method()).isEqualTo("reader");
            viaReader = s.dump();
        }
        assertThat(viaBulk).hasSize(100).isEqualTo(viaReader);
        // overlapping files and a repeated line are counted as duplicates; the first of two equal ids is kept
        List<String> all = Files.readAllLines(Samples.gdeltV2());
        Path half = Files.write(tmp.resolve("half.tsv"), all.subList(0, 50));
        List<String> repeated = new ArrayList<>(all);
        repeated.add(all.get(7));
        Path full = Files.write(tmp.resolve("full.tsv"), repeated);
        try (EventStore s = EventStore.open(tmp.resolve("overlap"))) {
            assertThat(s.ingest(half, IngestOptions.defaults(), null).stored()).isEqualTo(50);
            IngestResult r = s.ingest(full, IngestOptions.defaults(), null);
            assertThat(r.method()).isEqualTo("bulk parser");
            assertThat(r.rowsRead()).isEqualTo(101);
            assertThat(r.stored()).isEqualTo(50);
            assertThat(r.duplicates()).isEqualTo(51);
            assertThat(s.dump()).isEqualTo(viaReader);
        }
        // several appender chunks (2,048 rows each), with null groups and countries throughout
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 6_100; i++) {
            String line = all.get(i % all.size());
            many.add((700_000_000L + i) + line.substring(line.indexOf('\t')));
        }
        Path manyFile = Files.write(tmp.resolve("many.tsv"), many);
        List<String> manyViaBulk;
        try (EventStore s = EventStore.open(tmp.resolve("many-bulk"))) {
            assertThat(s.ingest(manyFile, IngestOptions.defaults(), null).stored()).isEqualTo(6_100);
            manyViaBulk = s.dump();
            assertAggregateEqualsRawEvents(s);
        }
        try (EventStore s = EventStore.open(tmp.resolve("many-reader"))) {
            s.ingest(manyFile, EventFormat.GDELT2, EventFormat.GDELT2.reader(), IngestOptions.defaults(), null, null, false);
            assertThat(manyViaBulk).hasSize(6_100).isEqualTo(s.dump());
            assertThat(manyViaBulk).anyMatch(l -> l.contains("|null|null|null|null|"));
        }
        // a blank line is a malformed row, reported with its number, on both paths
        List<String> lines = new ArrayList<>(Files.readAllLines(Samples.gdeltV2()));
        lines.add(50, "");
        Path blank = Files.write(tmp.resolve("blank.tsv"), lines);
        for (boolean bulk : new boolean[] {true, false}) {
            try (EventStore s = EventStore.open(tmp.resolve("blank-" + bulk))) {
                IngestResult r = s.ingest(blank, EventFormat.GDELT2, EventFormat.GDELT2.reader(), IngestOptions.defaults(),
                        null, null, bulk);
                assertThat(r.malformedRows()).extracting(MalformedRow::line).containsExactly(51L);
                assertThat(r.stored()).isEqualTo(100);
                assertThat(s.dump()).isEqualTo(viaReader);
            }
        }
    }

    /** The dump without near_key (its last column), which a store of the first layout hashed otherwise. */
    private static List<String> withoutNearKey(List<String> dump) {
        return dump.stream().map(l -> l.substring(0, l.lastIndexOf('|') + 1)).toList();
    }

    @Test
    void aStoreOfTheFirstLayoutIsConvertedWhenOpened() throws Exception {
        Path current = tmp.resolve("current");
        List<String> dump;
        Map<String, Long> counts;
        List<TensionPoint> series;
        TensionIndex idx = new TensionIndex(Dyad.parse("USA:PRK", Map.of(), false), Period.MONTH, null, null);
        try (EventStore s = EventStore.open(current)) {
            s.ingest(Samples.gdeltV2(), IngestOptions.defaults(), null);
            s.ingest(Samples.icews(), IngestOptions.defaults(), null);
            dump = s.dump();
            counts = s.counts();
            series = s.tension(idx, null, null, false);
        }
        // the same content in the first layout: codes and names as text in events and dyad_days, another near_key
        Path old = tmp.resolve("old");
        Files.createDirectories(old);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + old.resolve("events.duckdb"));
                java.sql.Statement st = c.createStatement()) {
            st.execute("ATTACH '" + current.resolve("events.duckdb") + "' AS cur (READ_ONLY)");
            st.execute("CREATE TABLE events AS SELECT source, event_id, event_key, event_date, NULL::VARCHAR AS actor1_code, "
                    + "actor1_name, actor1_country, actor1_group, NULL::VARCHAR AS actor2_code, actor2_name, actor2_country, "
                    + "actor2_group, cameo, quad_class, goldstein_own_micros, date_added, hash(event_id) AS near_key, file_id "
                    + "FROM cur.event_list");
            st.execute("CREATE TABLE ingested_files (file_id INTEGER PRIMARY KEY, path VARCHAR NOT NULL, size BIGINT NOT NULL, "
                    + "sha256 VARCHAR NOT NULL, format VARCHAR NOT NULL, rows_read BIGINT, stored BIGINT, duplicates BIGINT, "
                    + "collapsed BIGINT, malformed BIGINT, ingested_at TIMESTAMP)");
            st.execute("CREATE TABLE aggregated_files (file_id INTEGER PRIMARY KEY)");
            st.execute("CREATE TABLE store_meta (name VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)");
            st.execute("CREATE TABLE malformed_rows AS SELECT * FROM cur.malformed_rows");
            st.execute("CREATE TABLE dyad_days AS SELECT c1.code AS actor1_country, g1.code AS actor1_group, "
                    + "c2.code AS actor2_country, g2.code AS actor2_group, d.* EXCLUDE (actor1_country, actor1_group, "
                    + "actor2_country, actor2_group) FROM cur.dyad_days d JOIN cur.codes c1 ON c1.id = d.actor1_country "
                    + "LEFT JOIN cur.codes g1 ON g1.id = d.actor1_group JOIN cur.codes c2 ON c2.id = d.actor2_country "
                    + "LEFT JOIN cur.codes g2 ON g2.id = d.actor2_group");
            for (String t : List.of("ingested_files", "aggregated_files")) {
                st.execute("INSERT INTO " + t + " SELECT * FROM cur." + t);
            }
            st.execute("INSERT INTO store_meta SELECT * FROM cur.store_meta WHERE name <> 'layout'");
        }
        try (EventStore s = EventStore.open(old)) {
            assertThat(withoutNearKey(s.dump())).isEqualTo(withoutNearKey(dump));
            assertThat(s.dump()).allSatisfy(l -> assertThat(l).endsWith("|null"));
            assertThat(s.counts()).isEqualTo(counts);
            assertThat(s.tension(idx, null, null, false)).isEqualTo(series);
            assertAggregateEqualsRawEvents(s);
            // and it takes new files as a store made now does
            IngestResult r = s.ingest(Samples.gdeltMixed(), IngestOptions.defaults(), null);
            assertThat(r.stored()).isEqualTo(100);
            assertAggregateEqualsRawEvents(s);
        }
        try (EventStore s = EventStore.open(old)) { // converted once
            assertThat(s.count()).isEqualTo(counts.values().stream().mapToLong(Long::longValue).sum() + 100);
        }
    }

    @Test
    void aLineLongerThanTheLimitIsReportedNotReadAndTheLinesAfterItKeepTheirNumbers() throws Exception {
        List<String> all = Files.readAllLines(Samples.gdeltV2());
        Path file = tmp.resolve("long-line.export.CSV");
        try (var out = Files.newOutputStream(file)) {
            for (int i = 0; i < 3; i++) {
                out.write((all.get(i) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            byte[] junk = new byte[EventStore.MAX_LINE_BYTES + 1_000_000];
            java.util.Arrays.fill(junk, (byte) 'x');
            out.write(junk);
            out.write("\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.write((all.get(3) + "\nbad\tline\n" + all.get(4) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        try (EventStore s = store()) {
            IngestResult r = s.ingest(file, IngestOptions.defaults(), null);
            assertThat(r.rowsRead()).isEqualTo(7);
            assertThat(r.stored()).isEqualTo(5);
            assertThat(r.malformedRows()).extracting(MalformedRow::line).containsExactly(4L, 6L);
            assertThat(r.malformedRows().get(0).reason()).contains("longer than 16 MiB");
            assertThat(s.files().get(0).sha256()).isEqualTo(EventStore.sha256(file));
        }
    }

    /** A GDELT 2.0 line re-emitted under a new GLOBALEVENTID, DATEADDED {@code minutes} later. */
    private static String reemit(String line, String newId, int minutes) {
        String[] f = line.split("\t", -1);
        f[0] = newId;
        java.time.LocalDateTime t = java.time.LocalDateTime.parse(f[59],
                java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")).plusMinutes(minutes);
        f[59] = t.format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        return String.join("\t", f);
    }

    /** The GLOBALEVENTIDs of the GDELT events in a store (the second column of its dump). */
    private static java.util.Set<String> storedGdeltIds(EventStore s) {
        return s.dump().stream().filter(l -> l.startsWith("gdelt")).map(l -> l.split("\\|", -1)[1])
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void collapsingGdelt2ReemissionsIsAnOptionOffByDefault() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(Samples.gdeltV2()));
        lines.add(reemit(lines.get(0), "999000001", 15)); // inside the 90-minute window: collapsed
        lines.add(reemit(lines.get(1), "999000002", 200)); // outside the window: kept
        Path file = tmp.resolve("v2-reemitted.tsv");
        Files.write(file, lines);
        // the sample itself holds re-emissions at one DATEADDED: what collapsing finds there without ours
        long inSample;
        try (EventStore s = EventStore.open(tmp.resolve("bare"))) {
            inSample = s.ingest(Samples.gdeltV2(), new IngestOptions(null, true), null).collapsed();
        }
        try (EventStore s = EventStore.open(tmp.resolve("a"))) {
            IngestResult r = s.ingest(file, IngestOptions.defaults(), null);
            assertThat(r.collapsed()).isZero();
            assertThat(r.stored()).isEqualTo(102);
            assertThat(storedGdeltIds(s)).contains("999000001", "999000002");
        }
        try (EventStore s = EventStore.open(tmp.resolve("b"))) {
            IngestResult r = s.ingest(file, new IngestOptions(null, true), null);
            // exactly one more than in the sample alone: the 15-minute re-emission, not the 200-minute one
            assertThat(r.collapsed()).isEqualTo(inSample + 1);
            assertThat(storedGdeltIds(s)).doesNotContain("999000001").contains("999000002");
            assertThat(r.stored() + r.collapsed() + r.duplicates()).isEqualTo(102);
            assertThat(s.count()).isEqualTo(r.stored());
            assertThat(s.files().get(0).collapsed()).isEqualTo(r.collapsed());
            assertThat(s.tensionEvents(null, false)).hasSize((int) r.stored());
        }
    }
}
