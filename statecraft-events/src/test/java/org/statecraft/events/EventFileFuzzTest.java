package org.statecraft.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statecraft.core.DataFormatException;
import org.statecraft.events.store.EventStore;
import org.statecraft.events.store.IngestOptions;
import org.statecraft.events.store.IngestResult;

/**
 * Our own fuzzer over event files (issue 12): the real GDELT 2.0 and ICEWS samples with seeded damage to a few lines
 * (characters flipped, inserted or deleted, tabs added or removed, lines cut, duplicated or joined, control
 * characters and non-ASCII digits), each mutant ingested into one store with the format recognised. Each case's
 * events get keys of their own first, so no case's rows are duplicates of another's. Every mutant is ingested (none
 * of these mutations can hide the format: the ICEWS header is never touched, and at most six GDELT lines are damaged,
 * too few to outvote the intact ones of the first 25), with every row accounted for (stored + duplicates + malformed
 * = read), the key of every unchanged line in the store, and in the store exactly the good rows and the malformed
 * rows that reading the mutant gives.
 */
class EventFileFuzzTest {
    static final int CASES = 60;
    static final long SEED = 12L;
    private static final String[] INSERTS = {"\t", "\t\t", "\u0000", "\u001b", "\"", "\r", "\u0661", "+", "-", "9",
        "\uFEFF", "\u00e9"};

    @TempDir
    Path tmp;

    /** One line of a mutant: its text and the sample lines (indexes) it was made from. */
    private record Line(String text, List<Integer> from) {
    }

    /** Damages the line of {@code mutant} at {@code at}; every mutation changes the text. */
    private static void mutate(List<Line> mutant, int at, SplittableRandom r) {
        Line line = mutant.get(at);
        String l = line.text();
        int pos = r.nextInt(l.length() + 1);
        int inside = Math.min(pos, l.length() - 1); // a character's position (the sample lines are not empty)
        switch (r.nextInt(7)) {
            case 0 -> mutant.set(at, new Line(l.substring(0, pos) + INSERTS[r.nextInt(INSERTS.length)] + l.substring(pos),
                    line.from()));
            case 1 -> mutant.set(at, new Line(l.substring(0, inside) + l.substring(inside + 1), line.from()));
            case 2 -> mutant.set(at, new Line(l.substring(0, inside), line.from())); // cut
            case 3 -> { // a tab removed (two fields run together)
                int tab = l.indexOf('\t', pos);
                tab = tab >= 0 ? tab : l.indexOf('\t');
                mutant.set(at, new Line(tab >= 0 ? l.substring(0, tab) + ' ' + l.substring(tab + 1) : l + "\t", line.from()));
            }
            case 4 -> { // one bit of one character flipped (never to itself)
                char c = (char) (l.charAt(inside) ^ (1 << r.nextInt(7)));
                mutant.set(at, new Line(l.substring(0, inside) + c + l.substring(inside + 1), line.from()));
            }
            case 5 -> mutant.add(at + 1, line); // duplicated: the copy is a duplicate, the line itself unchanged
            default -> { // joined with the next line (the line end lost); the last line is cut instead
                if (at + 1 < mutant.size()) {
                    Line next = mutant.remove(at + 1);
                    List<Integer> both = new ArrayList<>(line.from());
                    both.addAll(next.from());
                    mutant.set(at, new Line(l + next.text(), both));
                } else {
                    mutant.set(at, new Line(l.substring(0, inside), line.from()));
                }
            }
        }
    }

    /** The sample's data lines with keys of case {@code i}'s own: a GLOBALEVENTID or an ICEWS Event ID moved up. */
    private static List<String> ownKeys(List<String> lines, boolean icews, int i) {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < lines.size(); j++) {
            String l = lines.get(j);
            if (icews && j == 0) {
                out.add(l);
                continue;
            }
            int tab = l.indexOf('\t');
            out.add((Long.parseLong(l.substring(0, tab)) + (i + 1) * 10_000_000_000L) + l.substring(tab));
        }
        return out;
    }

    /** The keys of the events in a closed store (GDELT's event_id, ICEWS's event_key) by the path of their file. */
    private static Map<String, List<String>> storedKeys(Path store) throws Exception {
        Properties ro = new Properties();
        ro.setProperty("duckdb.read_only", "true");
        Map<String, List<String>> keys = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + store.resolve(EventStore.FILE).toAbsolutePath(), ro);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT f.path, coalesce(CAST(e.event_id AS VARCHAR), e.event_key) "
                        + "FROM events e JOIN ingested_files f USING (file_id)")) {
            while (rs.next()) {
                keys.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return keys;
    }

    /** A case: its file and what reading it gives. */
    private record Case(int i, Path file, Set<String> unchanged, Set<String> readKeys, List<MalformedRow> readBad,
            IngestResult res) {
    }

    @Test
    void everyMutantIsIngestedWithEveryUnchangedRowStoredAndExactlyTheRowsItsReaderReads() throws Exception {
        SplittableRandom r = new SplittableRandom(SEED);
        List<Path> samples = List.of(Samples.gdeltV2(), Samples.icews());
        List<String> refused = new ArrayList<>();
        List<Case> cases = new ArrayList<>();
        Path dir = tmp.resolve("store");
        Map<String, List<MalformedRow>> storedBad = new HashMap<>();
        try (EventStore store = EventStore.open(dir)) {
            for (int i = 0; i < CASES; i++) {
                Path sample = samples.get(i % samples.size());
                boolean icews = sample.equals(Samples.icews());
                List<String> lines = Files.readAllLines(sample, StandardCharsets.UTF_8);
                if (icews) {
                    lines = lines.subList(0, 300); // a slice keeps the case fast
                }
                lines = ownKeys(lines, icews, i);
                List<Line> mutant = new ArrayList<>();
                for (int j = 0; j < lines.size(); j++) {
                    mutant.add(new Line(lines.get(j), List.of(j)));
                }
                int header = icews ? 1 : 0;
                int n = 1 + r.nextInt(6);
                for (int k = 0; k < n; k++) {
                    mutate(mutant, header + r.nextInt(mutant.size() - header), r);
                }
                String ext = icews ? ".tab" : ".export.CSV";
                Path file = tmp.resolve("case" + i + ext);
                Files.write(file, mutant.stream().map(Line::text).toList(), StandardCharsets.UTF_8);
                // the keys of the lines left as they were (and the header), which must all be stored
                List<String> untouched = new ArrayList<>();
                for (Line l : mutant) {
                    if (l.from().size() == 1 && l.text().equals(lines.get(l.from().get(0)))) {
                        untouched.add(l.text());
                    }
                }
                Path clean = Files.write(tmp.resolve("clean" + i + ext), untouched, StandardCharsets.UTF_8);
                EventFormat format = icews ? EventFormat.ICEWS : EventFormat.GDELT2;
                Set<String> unchanged = new HashSet<>();
                Samples.readAll(clean, format, new ArrayList<>()).forEach(e -> unchanged.add(e.key()));
                // a join damages two lines: at most 2n of the sample's events are lost
                assertThat(unchanged).as("case %d: unchanged lines", i).hasSizeGreaterThanOrEqualTo(lines.size() - header - 2 * n);
                List<MalformedRow> readBad = new ArrayList<>();
                Set<String> readKeys = new HashSet<>();
                Samples.readAll(file, format, readBad).forEach(e -> readKeys.add(e.key()));
                long before = store.count();
                IngestResult res;
                try {
                    res = store.ingest(file, IngestOptions.defaults(), null);
                } catch (DataFormatException e) {
                    assertThat(e.located()).startsWith(file.toString());
                    refused.add("case " + i + ": " + e.getMessage());
                    continue;
                }
                assertThat(res.format()).as("case %d: format", i).isEqualTo(format);
                assertThat(res.skipped()).isFalse();
                assertThat(res.stored() + res.duplicates() + res.collapsed() + res.malformed())
                        .as("case %d: every row accounted for", i).isEqualTo(res.rowsRead());
                assertThat(res.rowsRead()).as("case %d: rows read", i).isEqualTo(readKeys.size() + res.duplicates()
                        + readBad.size());
                assertThat(store.count() - before).as("case %d: count", i).isEqualTo(res.stored());
                cases.add(new Case(i, file, unchanged, readKeys, readBad, res));
            }
            for (MalformedRow b : store.malformedRows()) {
                storedBad.computeIfAbsent(b.file(), k -> new ArrayList<>()).add(b);
            }
        }
        // none of the mutations can make a file unrecognisable or unreadable (see the class comment)
        assertThat(refused).isEmpty();
        assertThat(cases).hasSize(CASES);
        Map<String, List<String>> stored = storedKeys(dir);
        for (Case c : cases) {
            String abs = c.file().toAbsolutePath().normalize().toString();
            List<String> keys = stored.getOrDefault(abs, List.of());
            assertThat(keys).as("case %d: a key is stored once", c.i()).doesNotHaveDuplicates()
                    .hasSize((int) c.res().stored());
            assertThat(keys).as("case %d: every unchanged good row is stored", c.i()).containsAll(c.unchanged());
            assertThat(new HashSet<>(keys)).as("case %d: the store holds the good rows read, no other", c.i())
                    .isEqualTo(c.readKeys());
            assertThat(storedBad.getOrDefault(abs, List.of())).as("case %d: malformed rows", c.i())
                    .extracting(MalformedRow::line, MalformedRow::reason)
                    .containsExactlyElementsOf(c.readBad().stream().map(b -> tuple(b.line(), b.reason())).toList());
        }
    }
}
