package org.statecraft.events.store;

import java.nio.file.Path;

/** Run in a separate JVM by {@link KilledIngestTest}: ingests a file, printing progress, until killed. */
public final class IngestChild {
    private IngestChild() {
    }

    public static void main(String[] args) throws Exception {
        try (EventStore s = EventStore.open(Path.of(args[0]))) {
            System.out.println("open");
            System.out.flush();
            s.ingest(Path.of(args[1]), IngestOptions.defaults(), bytes -> {
                System.out.println("progress " + bytes);
                System.out.flush();
                try {
                    Thread.sleep(50); // slow enough that the test's kill comes before the end
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            System.out.println("done");
        }
    }
}
