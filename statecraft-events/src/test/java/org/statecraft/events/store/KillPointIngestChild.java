package org.statecraft.events.store;

import java.nio.file.Path;
import org.statecraft.events.EventFormat;

/**
 * Run in a separate JVM by {@link KilledIngestTest} and {@link StoreSurvivalTest}: ingests a file and holds still at
 * a chosen point, where the test kills it (SIGKILL). Each point is announced on stdout before the child holds, so a kill on that line lands there:
 *
 * <ul>
 *   <li>{@code progress N}: at the N-th progress report it blocks the reading thread, waits until the ingest's thread
 *       has appended every block read before (it waits for the next one), prints {@code paused at progress N BYTES}
 *       and holds: the rows of those blocks are in the uncommitted transaction;
 *   <li>{@code phases}: after everything but the commit (the duplicate check, the aggregate, the file's record) it
 *       prints {@code before commit} and blocks, so a kill on one of the ingest's phase lines (run with {@code
 *       -Dstatecraft.events.timing=true}: "appended", "checked duplicates", ...) lands in the phases after that line,
 *       never after the commit;
 *   <li>{@code commit}: it prints {@code committing} just before the commit and goes on, so a kill on that line
 *       lands during the commit (or just after it).
 * </ul>
 *
 * <p>It prints {@code progress BYTES} for every report, and {@code ingested STORED} once the ingest returned; then it
 * waits to be killed, so a kill always ends it (its exit value is never 0) and the completion line says whether the
 * ingest had returned.
 */
public final class KillPointIngestChild {
    private KillPointIngestChild() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[2];
        int pauseAt = mode.equals("progress") ? Integer.parseInt(args[3]) : -1;
        int[] reports = {0};
        Thread ingesting = Thread.currentThread();
        try (EventStore s = EventStore.open(Path.of(args[0]))) {
            System.out.println("open");
            System.out.flush();
            Path file = Path.of(args[1]);
            EventFormat format = EventFormat.detect(file);
            Runnable beforeCommit = switch (mode) {
                case "phases" -> () -> {
                    say("before commit");
                    holdUntilKilled();
                };
                case "commit" -> () -> say("committing");
                default -> null;
            };
            IngestResult r = s.ingest(file, format, format.reader(), IngestOptions.defaults(), bytes -> {
                say("progress " + bytes);
                if (++reports[0] == pauseAt) {
                    awaitQueueDrained(ingesting);
                    say("paused at progress " + pauseAt + " " + bytes);
                    holdUntilKilled();
                }
            }, beforeCommit, true);
            say("ingested " + r.stored());
            holdUntilKilled();
        }
    }

    /**
     * Waits until {@code ingesting} (BulkPipeline.read's appending loop) waits for the next block in the queue: every
     * block read before has been parsed and appended then.
     */
    private static void awaitQueueDrained(Thread ingesting) {
        long end = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < end) {
            if (ingesting.getState() == Thread.State.WAITING) {
                for (StackTraceElement e : ingesting.getStackTrace()) {
                    if (e.getClassName().equals("java.util.concurrent.ArrayBlockingQueue") && e.getMethodName().equals("take")) {
                        return;
                    }
                }
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        say("the ingest did not drain its queue in 30 s");
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static void holdUntilKilled() {
        try {
            Thread.sleep(120_000); // the test kills long before; a lost child still ends
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
