package org.statecraft.events.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statecraft.events.Samples;

/** A real kill: another JVM ingesting is killed (SIGKILL) midway; the store must be as before, and a rerun completes. */
class KilledIngestTest {
    @Test
    void anIngestKilledMidwayLeavesTheStoreAsBeforeAndARerunCompletesIt(@TempDir Path tmp) throws Exception {
        // 150,000 GDELT 2.0 rows (~50 MB): the sample's lines under new GLOBALEVENTIDs; the child reports progress about
        // every megabyte and then pauses, so the kill lands while it is appending rows
        List<String> sample = Files.readAllLines(Samples.gdeltV2());
        Path big = tmp.resolve("big.export.CSV");
        int rows = 150_000;
        try (Writer w = new OutputStreamWriter(Files.newOutputStream(big), StandardCharsets.UTF_8)) {
            for (int i = 0; i < rows; i++) {
                String line = sample.get(i % sample.size());
                w.write((900_000_000L + i) + line.substring(line.indexOf('\t')) + "\n");
            }
        }
        Path store = tmp.resolve("store");
        try (EventStore s = EventStore.open(store)) {
            s.ingest(Samples.gdeltMixed(), IngestOptions.defaults(), null);
        }
        killAt(store, big, 2);
        try (EventStore s = EventStore.open(store)) {
            assertThat(s.count()).isEqualTo(100);
            assertThat(s.files()).hasSize(1);
            IngestResult rerun = s.ingest(big, IngestOptions.defaults(), null);
            assertThat(rerun.stored()).isEqualTo(rows);
            assertThat(s.count()).isEqualTo(100 + rows);
        }
    }

    @Test
    void killsAtRandomPointsOfAnIngestNeverLeaveAPartOfAFile(@TempDir Path tmp) throws Exception {
        List<String> sample = Files.readAllLines(Samples.gdeltV2());
        Path big = tmp.resolve("big.export.CSV");
        int rows = 60_000;
        try (Writer w = new OutputStreamWriter(Files.newOutputStream(big), StandardCharsets.UTF_8)) {
            for (int i = 0; i < rows; i++) {
                String line = sample.get(i % sample.size());
                w.write((800_000_000L + i) + line.substring(line.indexOf('\t')) + "\n");
            }
        }
        Path store = tmp.resolve("store");
        java.util.SplittableRandom points = new java.util.SplittableRandom(2026);
        for (int round = 0; round < 3; round++) {
            killAt(store, big, 1 + points.nextInt(15));
            try (EventStore s = EventStore.open(store)) {
                assertThat(s.count()).as("all of the file or none of it").isIn(0L, (long) rows);
            }
        }
        try (EventStore s = EventStore.open(store)) {
            s.ingest(big, IngestOptions.defaults(), null);
            assertThat(s.count()).isEqualTo(rows);
        }
    }

    /** Starts a child ingesting {@code big} and kills it at its {@code progressLine}-th progress report (or its end). */
    private static void killAt(Path store, Path big, int progressLine) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.library.path=" + System.getProperty("java.library.path"), "-cp",
                System.getProperty("java.class.path"), IngestChild.class.getName(), store.toString(), big.toString())
                .redirectErrorStream(true).start();
        boolean killedMidway = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int progress = 0;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("progress") && ++progress == progressLine) {
                    child.destroyForcibly();
                    killedMidway = true;
                    break;
                }
                if (line.equals("done")) {
                    break;
                }
            }
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        if (progressLine == 2) {
            assertThat(killedMidway).as("the child was killed before it finished").isTrue();
            assertThat(child.exitValue()).isNotZero();
        }
    }
}
