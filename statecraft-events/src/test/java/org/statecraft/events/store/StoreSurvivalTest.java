package org.statecraft.events.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statecraft.core.StatecraftException;
import org.statecraft.core.tension.Dyad;
import org.statecraft.core.tension.Period;
import org.statecraft.core.tension.TensionIndex;
import org.statecraft.events.FileDigest;
import org.statecraft.events.Samples;

/** Stores under a full disk, a leftover of a failed creation, read-only queries, and changed versions of files. */
class StoreSurvivalTest {
    @TempDir
    Path tmp;

    @Test
    void anEmptyLeftoverOfAFailedCreationCountsAsNoStore() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("store"));
        Files.createFile(dir.resolve(EventStore.FILE)); // what a full disk left behind before stores were made atomically
        try (EventStore s = EventStore.open(dir)) {
            assertThat(s.ingest(Samples.gdeltV2(), IngestOptions.defaults(), null).stored()).isEqualTo(100);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".new"));
        }
    }

    @Test
    void aQueryOnAFolderWithoutAStoreIsAnErrorAndCreatesNothing() {
        Path dir = tmp.resolve("nowhere");
        assertThatThrownBy(() -> EventStore.openReadOnly(dir)).isInstanceOf(StatecraftException.class)
                .hasMessageContaining("no event store in " + dir);
        assertThat(dir).doesNotExist();
    }

    /** Every file under {@code dir} (its path there) with its size and SHA-256. */
    private static Map<String, String> contents(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), Files.size(p) + " " + FileDigest.hex(p, "SHA-256"));
            }
        }
        return out;
    }

    @Test
    void aReadOnlyStoreGivesTheSameSeriesAndChangesNoFileOfTheStore() throws Exception {
        Path dir = tmp.resolve("store");
        TensionIndex index = new TensionIndex(Dyad.parse("USA:PRK", java.util.Map.of(), false), Period.DAY, null, null);
        List<?> written;
        try (EventStore s = EventStore.open(dir)) {
            s.ingest(Samples.icews(), IngestOptions.defaults(), null);
            written = s.tension(index, null, null, false);
        }
        Map<String, String> before = contents(dir);
        assertThat(before).containsKey(EventStore.FILE);
        // a folder that cannot be written is what a read-only session must cope with, but root (CI) writes it anyway,
        // so what proves the session read-only is that no file in the folder was added, removed or changed
        boolean locked = dir.toFile().setWritable(false);
        try (EventStore s = EventStore.openReadOnly(dir)) {
            assertThat(s.tension(index, null, null, false)).isEqualTo(written).isNotEmpty();
            assertThat(s.count()).isEqualTo(3705);
        } finally {
            if (locked) {
                dir.toFile().setWritable(true);
            }
        }
        assertThat(contents(dir)).isEqualTo(before);
    }

    @Test
    void aQueryWhileAnotherProcessIngestsSaysSoClearly() throws Exception {
        Path dir = tmp.resolve("store");
        try (EventStore s = EventStore.open(dir)) {
            s.ingest(Samples.gdeltMixed(), IngestOptions.defaults(), null);
        }
        Path big = Samples.renumbered(Samples.gdeltV2(), tmp.resolve("big.export.CSV"), 30_000, 900_000_000L);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.library.path=" + System.getProperty("java.library.path"), "-cp",
                System.getProperty("java.class.path"), KillPointIngestChild.class.getName(), dir.toString(),
                big.toString(), "progress", "1") // holds the store, mid-ingest, until killed
                .redirectErrorStream(true).start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()))) {
            assertThat(out.readLine()).isEqualTo("open"); // the child holds the store for writing now
            assertThatThrownBy(() -> EventStore.openReadOnly(dir)).isInstanceOf(StatecraftException.class)
                    .hasMessageContaining("being written by another process");
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aChangedVersionOfAFileIsReportedAndWithTheOptionReplacesItsPredecessor() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(Samples.icews()));
        Path first = Files.createDirectories(tmp.resolve("a")).resolve("icews.tab");
        Files.write(first, lines);
        List<String> corrected = new ArrayList<>(lines);
        corrected.set(1, corrected.get(1).replaceFirst("\t0[0-9]\\d\t", "\t190\t")); // a corrected event code
        corrected.remove(2); // and one event withdrawn
        Path second = Files.createDirectories(tmp.resolve("b")).resolve("icews.tab");
        Files.write(second, corrected);
        try (EventStore s = EventStore.open(tmp.resolve("store"))) {
            long before = s.ingest(first, IngestOptions.defaults(), null).stored();
            IngestResult kept = s.ingest(second, IngestOptions.defaults(), null);
            assertThat(kept.changedFrom()).isEqualTo(first.toAbsolutePath().toString());
            assertThat(kept.replaced()).isFalse();
            assertThat(s.count()).isEqualTo(before);
        }
        try (EventStore s = EventStore.open(tmp.resolve("store2"))) {
            s.ingest(first, IngestOptions.defaults(), null);
            IngestResult replaced = s.ingest(second, new IngestOptions(null, false, true), null);
            assertThat(replaced.replaced()).isTrue();
            assertThat(s.files()).singleElement().satisfies(f -> assertThat(f.path()).endsWith("b/icews.tab"));
            assertThat(s.count()).isEqualTo(replaced.stored()).isEqualTo(lines.size() - 2);
            assertAggregateMatchesEvents(s);
        }
    }

    /** The ICEWS sample without its first {@code dropped} events, as {@code dir/name}. */
    private Path icewsWithout(int dropped, String dir, String name) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(Samples.icews()));
        lines.subList(1, 1 + dropped).clear();
        return Files.write(Files.createDirectories(tmp.resolve(dir)).resolve(name), lines);
    }

    @Test
    void onlyAFileOfTheSameNameIsAPredecessorNotOneWhoseNameEndsTheSame() throws Exception {
        Path longer = icewsWithout(0, "a", "old-icews.tab");
        Path same = icewsWithout(1, "b", "icews.tab");
        Path again = icewsWithout(2, "c", "icews.tab");
        try (EventStore s = EventStore.open(tmp.resolve("store"))) {
            s.ingest(longer, IngestOptions.defaults(), null);
            assertThat(s.ingest(same, IngestOptions.defaults(), null).changedFrom()).isNull();
            assertThat(s.ingest(again, IngestOptions.defaults(), null).changedFrom())
                    .isEqualTo(same.toAbsolutePath().toString());
        }
    }

    private static void assertAggregateMatchesEvents(EventStore s) {
        TensionIndex index = new TensionIndex(Dyad.parse("USA:PRK", java.util.Map.of(), false), Period.DAY, null, null);
        assertThat(s.tension(index, null, null, true)).isEqualTo(s.tensionFromEvents(index, null, null, true));
    }

    /**
     * A real full disk (a small tmpfs): creating a store there fails with a message and leaves nothing behind, an
     * ingest that runs out of room leaves the store as it was, and once there is room again both work.
     */
    @Test
    void aFullDiskLeavesNoHalfMadeStoreAndNoHalfIngestedFile() throws Exception {
        Path mount = Files.createDirectories(tmp.resolve("small"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", mount.toString()) == 0,
                "mounting a tmpfs is not permitted here");
        try {
            Path filler = mount.resolve("filler");
            fill(filler, mount);
            Path dir = mount.resolve("store");
            assertThatThrownBy(() -> EventStore.open(dir)).isInstanceOf(StatecraftException.class)
                    .hasMessageContaining("cannot open the event store");
            try (Stream<Path> left = Files.list(dir)) {
                assertThat(left).isEmpty();
            }
            Files.delete(filler);
            try (EventStore s = EventStore.open(dir)) {
                s.ingest(Samples.gdeltMixed(), IngestOptions.defaults(), null);
            }
            Path big = Samples.renumbered(Samples.gdeltV2(), tmp.resolve("big.export.CSV"), 60_000, 900_000_000L);
            // opened before the disk is filled, so that the ingest itself is what meets the full disk (an open on a
            // full disk, which may fail too, is checked above)
            try (EventStore s = EventStore.open(dir)) {
                fill(filler, mount);
                assertThatThrownBy(() -> s.ingest(big, IngestOptions.defaults(), null))
                        .isInstanceOf(StatecraftException.class)
                        .hasMessageContaining("while ingesting " + big)
                        .hasMessageContaining("No space left on device"); // ENOSPC, as DuckDB reports it
                Files.delete(filler); // room again before the close
                assertThat(s.count()).isEqualTo(100);
                assertThat(s.files()).hasSize(1);
            }
            try (EventStore s = EventStore.open(dir)) {
                assertThat(s.count()).isEqualTo(100);
                assertThat(s.files()).hasSize(1);
            }
        } finally {
            run("umount", "-l", mount.toString());
        }
    }

    /** Fills the file system of {@code mount} but for about 64 KiB. */
    private static void fill(Path filler, Path mount) throws Exception {
        long free = Files.getFileStore(mount).getUsableSpace();
        try (OutputStream out = Files.newOutputStream(filler)) {
            byte[] buf = new byte[1 << 16];
            for (long left = free - (1 << 16); left > 0; left -= buf.length) {
                out.write(buf, 0, (int) Math.min(buf.length, left));
            }
        }
    }

    private static int run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
