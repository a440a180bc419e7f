package org.statecraft.events.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statecraft.core.tension.Dyad;
import org.statecraft.core.tension.Period;
import org.statecraft.core.tension.TensionIndex;
import org.statecraft.events.Samples;

/**
 * A real kill: another JVM ingesting ({@link KillPointIngestChild}) is killed (SIGKILL) at a known point of the
 * ingest, while reading and appending rows and in each phase after the read (the hash and duplicate check, the
 * aggregate, the commit); the store must be as before (or, killed in the commit, hold all of the file), and a rerun
 * completes it.
 */
class KilledIngestTest {
    /** The sample's AUS:NZL events: a dyad of the GDELT 2.0 sample, to check the aggregate after each kill. */
    private static final TensionIndex AUS_NZL = new TensionIndex(Dyad.parse("AUS:NZL", Map.of(), false), Period.DAY,
            null, null);

    @Test
    void anIngestKilledMidwayLeavesTheStoreAsBeforeAndARerunCompletesIt(@TempDir Path tmp) throws Exception {
        // 150,000 GDELT 2.0 rows (~62 MB): the sample's lines under new GLOBALEVENTIDs; the child holds at its second
        // progress report (the second 4 MiB block read), the rows before it appended, and is killed there
        int rows = 150_000;
        Path big = bigFile(tmp, rows, 900_000_000L);
        Path store = tmp.resolve("store");
        try (EventStore s = EventStore.open(store)) {
            s.ingest(Samples.gdeltMixed(), IngestOptions.defaults(), null);
        }
        Killed k = kill(store, big, "progress 2", "paused at progress 2");
        assertThat(k.saw("progress")).as(k.toString()).isEqualTo(2);
        try (EventStore s = EventStore.open(store)) {
            assertThat(s.count()).isEqualTo(100);
            assertThat(s.files()).hasSize(1);
            IngestResult rerun = s.ingest(big, IngestOptions.defaults(), null);
            assertThat(rerun.skipped()).isFalse();
            assertThat(rerun.stored()).isEqualTo(rows);
            assertThat(s.count()).isEqualTo(100 + rows);
        }
    }

    @Test
    void killsAtRandomPointsOfAnIngestNeverLeaveAPartOfAFile(@TempDir Path tmp) throws Exception {
        int rows = 60_000;
        Path big = bigFile(tmp, rows, 800_000_000L);
        // the reference: the same two files ingested without a kill, counting the progress reports the ingest gives
        // (one per 4 MiB block read: BulkPipeline.BLOCK_BYTES), from which the kill points are drawn
        AtomicInteger reports = new AtomicInteger();
        List<String> reference;
        List<?> referenceTension;
        try (EventStore s = EventStore.open(tmp.resolve("reference"))) {
            s.ingest(Samples.gdeltMixed(), IngestOptions.defaults(), null);
            assertThat(s.ingest(big, IngestOptions.defaults(), bytes -> reports.incrementAndGet()).stored())
                    .isEqualTo(rows);
            reference = s.dump();
            referenceTension = s.tension(AUS_NZL, null, null, false);
            assertThat(referenceTension).isNotEmpty();
        }
        int n = reports.get();
        assertThat(n).as("progress reports of a %d-byte file", Files.size(big)).isGreaterThanOrEqualTo(3);
        Path store = tmp.resolve("store");
        try (EventStore s = EventStore.open(store)) {
            s.ingest(Samples.gdeltMixed(), IngestOptions.defaults(), null);
        }
        SplittableRandom points = new SplittableRandom(2026);
        List<String[]> rounds = new ArrayList<>();
        for (int i = 0; i < 2; i++) { // while reading and appending: held at a drawn progress report (the first
            // comes before any block is appended, so from the second on)
            int at = 2 + points.nextInt(n - 1);
            rounds.add(new String[] {"progress " + at, "paused at progress " + at});
        }
        // after the read, none of them committed: the child holds before the commit
        rounds.add(new String[] {"phases", "appended (bulk parser)"}); // the tail hash, hash and duplicate checks
        rounds.add(new String[] {"phases", "checked duplicates"}); // the aggregate appended, the file recorded
        rounds.add(new String[] {"phases", "before commit"}); // all written, the transaction open
        rounds.add(new String[] {"commit", "committing"}); // during the commit: all of the file, or none of it
        boolean committed = false;
        for (String[] round : rounds) {
            Killed k = round[0].equals("commit") ? killInTheCommit(store, big, tmp.resolve("before-commit"))
                    : kill(store, big, round[0], round[1]);
            try (EventStore s = EventStore.open(store)) {
                long count = s.count();
                if (!round[0].equals("commit")) {
                    assertThat(count).as("killed before the commit (%s): the store as before", k).isEqualTo(100);
                }
                assertThat(count).as("all of the file or none of it (%s)", k).isIn(100L, 100L + rows);
                committed = count == 100 + rows;
                assertThat(s.files()).as("the file recorded exactly when its rows are stored").hasSize(committed ? 2 : 1);
                List<?> tension = s.tension(AUS_NZL, null, null, false);
                assertThat(tension).as("the aggregate is that of the stored events").isEqualTo(
                        s.tensionFromEvents(AUS_NZL, null, null, false));
                if (committed) {
                    assertThat(tension).isEqualTo(referenceTension);
                }
            }
        }
        try (EventStore s = EventStore.open(store)) {
            IngestResult rerun = s.ingest(big, IngestOptions.defaults(), null);
            // a file committed by the killed child is recognised by its hash; otherwise the rerun stores all of it
            assertThat(rerun.skipped()).isEqualTo(committed);
            assertThat(rerun.stored()).isEqualTo(committed ? 0 : rows);
            assertThat(s.count()).isEqualTo(100 + rows);
            assertThat(s.dump()).as("the store is the one an ingest without kills makes").isEqualTo(reference);
            assertThat(s.tension(AUS_NZL, null, null, false)).isEqualTo(referenceTension);
        }
    }

    /** {@code rows} GDELT 2.0 rows: the sample's lines under new GLOBALEVENTIDs from {@code firstId}. */
    private static Path bigFile(Path tmp, int rows, long firstId) throws Exception {
        return Samples.renumbered(Samples.gdeltV2(), tmp.resolve("big.export.CSV"), rows, firstId);
    }

    /** What a killed child printed (every line, those after the kill too). */
    private record Killed(String mode, String killedOn, List<String> lines, int exit) {
        long saw(String prefix) {
            return lines.stream().filter(l -> l.trim().startsWith(prefix + " ")).count();
        }

        @Override
        public String toString() {
            return mode + ", killed on '" + killedOn + "', exit " + exit + ", printed " + lines.subList(Math.max(0,
                    lines.size() - 8), lines.size());
        }
    }

    /**
     * Starts a {@link KillPointIngestChild} ingesting {@code big} in {@code mode} and kills it on the first line that
     * starts with {@code killOn} (trimmed); asserts that it was killed there, before its ingest returned.
     */
    private static Killed kill(Path store, Path big, String mode, String killOn) throws Exception {
        return kill(store, big, mode, killOn, false);
    }

    private static Killed kill(Path store, Path big, String mode, String killOn, boolean mayMissTheCommit)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.library.path=" + System.getProperty("java.library.path"), "-Dstatecraft.events.timing=true",
                "-cp", System.getProperty("java.class.path"), KillPointIngestChild.class.getName(), store.toString(),
                big.toString()));
        command.addAll(List.of(mode.split(" ")));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        boolean killed = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (!killed && line.trim().startsWith(killOn)) {
                    // SIGKILL, through the handle: Process.destroyForcibly would also close the child's output,
                    // which is read to its end here (what the child printed after the kill line says where it died)
                    child.toHandle().destroyForcibly();
                    killed = true;
                }
                if (!killed && line.startsWith("ingested ")) {
                    break; // the kill point never came: reported below
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        Killed k = new Killed(mode, killOn, lines, child.exitValue());
        assertThat(killed).as("the child reached its kill point (%s)", k).isTrue();
        assertThat(k.exit()).as("the child was killed (%s)", k).isNotZero();
        assertThat(k.saw("the ingest did not drain")).as(k.toString()).isZero();
        if (!mayMissTheCommit) {
            assertThat(k.saw("ingested")).as("the child was killed before its ingest returned (%s)", k).isZero();
        }
        return k;
    }

    /**
     * Kills a child on the line it prints just before its commit, so that the kill lands during the commit (which
     * takes some 30-100 ms for this file). Should the kill come only once the commit is done (the child printed
     * "committed"), the store is put back as it was and the child run again, up to three times.
     */
    private static Killed killInTheCommit(Path store, Path big, Path backup) throws Exception {
        copy(store, backup);
        Killed k = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            k = kill(store, big, "commit", "committing", true);
            if (k.saw("committed") == 0) {
                break;
            }
            copy(backup, store);
        }
        assertThat(k.saw("committed")).as("the kill landed in the commit (%s)", k).isZero();
        assertThat(k.saw("ingested")).as("the child was killed before its ingest returned (%s)", k).isZero();
        return k;
    }

    /** Replaces {@code to} by a copy of the folder {@code from} (a closed store: its files). */
    private static void copy(Path from, Path to) throws Exception {
        if (Files.isDirectory(to)) {
            try (var old = Files.list(to)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path p : files.toList()) {
                Files.copy(p, to.resolve(p.getFileName()));
            }
        }
    }
}
