package org.statecraft.bench.events;

import java.nio.file.Path;
import java.util.Locale;
import org.statecraft.events.EventFormat;
import org.statecraft.events.EventRecord;
import org.statecraft.events.MalformedRow;
import org.statecraft.events.RowHandler;

/** Times the reader alone (no store): {@code ParseOnly FILE}. */
public final class ParseOnly {
    private ParseOnly() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long t0 = System.nanoTime();
        long[] n = {0, 0};
        try (var in = EventFormat.open(file, null)) {
            EventFormat.detect(file).reader().read(in, file.toString(), new RowHandler() {
                @Override
                public void event(EventRecord e) {
                    n[0] += e.key().length();
                }

                @Override
                public void malformed(MalformedRow row) {
                    n[1]++;
                }
            });
        }
        System.out.printf(Locale.ROOT, "parse %d%n", (System.nanoTime() - t0) / 1_000_000);
    }
}
