package org.statecraft.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
 * characters and non-ASCII digits), each mutant ingested into a store with the format recognised. Every mutant is
 * either ingested, with every unchanged good row stored and every row accounted for (stored + duplicates +
 * malformed = read), or refused with a message naming the file; never another exception.
 */
class EventFileFuzzTest {
    static final int CASES = 60;
    static final long SEED = 12L;
    private static final String[] INSERTS = {"\t", "\t\t", "\u0000", "\u001b", "\"", "\r", "١", "+", "-", "9", "",
        "\uFEFF", "é"};

    @TempDir
    Path tmp;

    @Test
    void everyMutantLoadsWithEveryGoodRowOrIsRefusedNamingTheFile() throws Exception {
        SplittableRandom r = new SplittableRandom(SEED);
        List<Path> samples = List.of(Samples.gdeltV2(), Samples.icews());
        int refused = 0;
        try (EventStore store = EventStore.open(tmp.resolve("store"))) {
            for (int i = 0; i < CASES; i++) {
                Path sample = samples.get(i % samples.size());
                boolean icews = sample.equals(Samples.icews());
                List<String> lines = Files.readAllLines(sample, StandardCharsets.UTF_8);
                if (icews) {
                    lines = new ArrayList<>(lines.subList(0, 300)); // a slice keeps the case fast
                }
                List<String> mutant = new ArrayList<>(lines);
                Set<Integer> touched = new HashSet<>();
                int n = 1 + r.nextInt(6);
                for (int k = 0; k < n; k++) {
                    int at = (icews ? 1 : 0) + r.nextInt(mutant.size() - (icews ? 1 : 0));
                    touched.add(at);
                    String l = mutant.get(at);
                    int pos = r.nextInt(l.length() + 1);
                    mutant.set(at, switch (r.nextInt(4)) {
                        case 0 -> l.substring(0, pos) + INSERTS[r.nextInt(INSERTS.length)] + l.substring(pos);
                        case 1 -> l.substring(0, pos) + (pos < l.length() ? l.substring(pos + 1) : "");
                        case 2 -> l.substring(0, pos);
                        default -> l.replace('\t', r.nextBoolean() ? ' ' : '\t');
                    });
                }
                Path file = tmp.resolve("case" + i + (icews ? ".tab" : ".export.CSV"));
                Files.write(file, mutant, StandardCharsets.UTF_8);
                // the keys of the lines left as they were, which must all be stored
                Set<String> expected = new HashSet<>();
                Path clean = tmp.resolve("clean" + i + (icews ? ".tab" : ".export.CSV"));
                List<String> untouched = new ArrayList<>();
                for (int j = 0; j < lines.size(); j++) {
                    if (!touched.contains(j) || (icews && j == 0)) {
                        untouched.add(lines.get(j));
                    }
                }
                Files.write(clean, untouched, StandardCharsets.UTF_8);
                EventFormat format = icews ? EventFormat.ICEWS : EventFormat.GDELT2;
                Samples.readAll(clean, format, new ArrayList<>()).forEach(e -> expected.add(e.key()));
                Set<String> stored = new HashSet<>();
                long[] events = {0};
                IngestResult res;
                try {
                    res = store.ingest(file, IngestOptions.defaults(), null);
                } catch (DataFormatException e) {
                    assertThat(e.located()).startsWith(file.toString());
                    refused++;
                    continue;
                }
                assertThat(res.stored() + res.duplicates() + res.collapsed() + res.malformed())
                        .as("case %d: every row accounted for", i).isEqualTo(res.rowsRead());
                try (var in = EventFormat.open(file, null)) {
                    res.format().reader().read(in, file.toString(), new RowHandler() {
                        @Override
                        public void event(EventRecord e) {
                            stored.add(e.key());
                            events[0]++;
                        }

                        @Override
                        public void malformed(MalformedRow row) {
                            assertThat(row.file()).isEqualTo(file.toString());
                        }
                    });
                }
                assertThat(res.format()).as("case %d: format", i).isEqualTo(format);
                assertThat(stored).as("case %d: every unchanged good row is read", i).containsAll(expected);
                assertThat(res.stored() + res.duplicates() + res.collapsed())
                        .as("case %d: every good row stored or a duplicate of a stored one", i).isEqualTo(events[0]);
            }
        }
        assertThat(refused).isLessThan(CASES);
    }
}
