package org.statecraft.events;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real samples in shared/data (README there gives their origin and licence). */
public final class Samples {
    private Samples() {
    }

    public static Path shared() {
        String p = System.getProperty("statecraft.shared", "../../shared");
        Path dir = Path.of(p);
        if (!Files.isDirectory(dir.resolve("data"))) {
            throw new IllegalStateException("shared data not found at " + dir.toAbsolutePath() + " (-Dstatecraft.shared)");
        }
        return dir;
    }

    public static Path gdeltMixed() {
        return shared().resolve("data/gdelt/mixed-v1-sample-100.tsv");
    }

    public static Path gdeltV2() {
        return shared().resolve("data/gdelt/v2-sample-100.tsv");
    }

    public static Path icews() {
        return shared().resolve("data/icews/events.2018.sample.tab");
    }

    /**
     * Writes {@code rows} lines of the tab-separated GDELT {@code sample} (cycled) to {@code file}, each under a new
     * GLOBALEVENTID from {@code firstId} on, so that every line is a distinct event: a large file of real rows.
     */
    public static Path renumbered(Path sample, Path file, int rows, long firstId) throws IOException {
        List<String> lines = Files.readAllLines(sample);
        try (Writer w = Files.newBufferedWriter(file)) {
            for (int i = 0; i < rows; i++) {
                String line = lines.get(i % lines.size());
                w.write((firstId + i) + line.substring(line.indexOf('\t')) + "\n");
            }
        }
        return file;
    }

    /** Reads every event of a file with the given format; malformed rows go to {@code bad}. */
    public static List<EventRecord> readAll(Path file, EventFormat format, List<MalformedRow> bad) throws Exception {
        List<EventRecord> out = new ArrayList<>();
        try (var in = EventFormat.open(file, null)) {
            format.reader().read(in, file.toString(), new RowHandler() {
                @Override
                public void event(EventRecord event) {
                    out.add(event);
                }

                @Override
                public void malformed(MalformedRow row) {
                    bad.add(row);
                }
            });
        }
        return out;
    }
}
