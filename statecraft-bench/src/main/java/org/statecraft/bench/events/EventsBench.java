package org.statecraft.bench.events;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.statecraft.core.tension.ActorSpec;
import org.statecraft.core.tension.Dyad;
import org.statecraft.core.tension.Period;
import org.statecraft.core.tension.TensionIndex;
import org.statecraft.core.tension.TensionPoint;
import org.statecraft.events.FileDigest;
import org.statecraft.events.fetch.PublishedChecksums;
import org.statecraft.events.store.EventStore;
import org.statecraft.events.store.IngestOptions;
import org.statecraft.events.store.IngestResult;

/**
 * One timed step of {@code bench/events.sh}, printed as {@code step millis detail}:
 * <ul>
 * <li>{@code reference FILE}: DuckDB's own {@code read_csv} computing the PAK–AFG daily series (events and
 * Goldstein sum) straight from the GDELT 2.0 file, through the JDBC driver, in memory;</li>
 * <li>{@code ingest STORE FILE}: the Statecraft ingest of the file into a (fresh) store, checked against the
 * {@code md5sums} and {@code filesizes} lists beside it (as {@code events fetch} checks GDELT's);</li>
 * <li>{@code query STORE}: compute the same daily series with the tension index on the opened store (the
 * time of opening it is printed too).</li>
 * </ul>
 * Each step first warms up outside the timing by doing the same work on a small synthetic file (20,000 rows; with
 * {@code -Dwarmup=FILE} a copy of FILE, written beforehand by another JVM, so that the generator's own compilation,
 * about 2 s of CPU, does not run on into the timed step; bench/events.sh does so) of its own (loading
 * DuckDB's native library, Statecraft's and the JDBC driver's classes, and letting the JIT compile the hot loops),
 * so that both sides time only their work on the big file, whose data neither has touched yet; {@code reference} and {@code query} run {@code REPEATS} times (default 3) in the JVM and
 * print every time.
 */
public final class EventsBench {
    private EventsBench() {
    }

    public static void main(String[] args) throws Exception {
        warmUp(args[0]);
        int repeats = Integer.getInteger("repeats", args[0].equals("ingest") ? 1 : 3);
        for (int i = 0; i < repeats; i++) {
            if (args[0].equals("ingest")) {
                // the first ingest of the big file, as a one-file command sees it; each later one into a fresh store
                // of its own, as the second and later files of a many-file ingest or fetch see it
                ingest(i == 0 ? "ingest" : "ingest-again", Path.of(args[1] + (i == 0 ? "" : "-" + i)), Path.of(args[2]));
            } else {
                step(args);
            }
        }
    }

    private static void warmUp(String mode) throws Exception {
        Path dir = Files.createTempDirectory("statecraft-warmup");
        try {
            Path small = dir.resolve("warmup.export.CSV");
            String made = System.getProperty("warmup");
            if (made != null) { // written by another JVM: this one's compiler then works on the timed steps' code only
                Files.copy(Path.of(made), small);
            } else {
                SyntheticGdelt.write(small, 20_000, 7);
            }
            writeLists(small);
            PrintStream out = System.out;
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            try {
                if (mode.equals("reference")) {
                    reference(small);
                } else if (mode.equals("query")) {
                    ingest("ingest", dir.resolve("store"), small);
                    query(dir.resolve("store"));
                } else {
                    ingest("ingest", dir.resolve("store"), small);
                }
            } finally {
                System.setOut(out);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void step(String[] args) throws Exception {
        switch (args[0]) {
            case "reference" -> reference(Path.of(args[1]));
            case "ingest" -> ingest("ingest", Path.of(args[1]), Path.of(args[2]));
            case "query" -> query(Path.of(args[1]));
            default -> throw new IllegalArgumentException("reference FILE | ingest STORE FILE | query STORE");
        }
    }

    static void reference(Path file) throws Exception {
        StringBuilder cols = new StringBuilder();
        for (int i = 0; i < 61; i++) {
            cols.append(i == 0 ? "" : ", ").append("'c").append(i).append("': 'VARCHAR'");
        }
        long t0 = System.nanoTime();
        long days = 0;
        long events = 0;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT strptime(c1, '%Y%m%d')::DATE AS d, count(*) AS n, "
                        + "sum(CAST(c30 AS DOUBLE)) AS g FROM read_csv('" + file.toAbsolutePath()
                        + "', delim = '\t', header = false, quote = '', escape = '', columns = {" + cols + "}) "
                        + "WHERE (c7 = 'PAK' AND c17 = 'AFG') OR (c7 = 'AFG' AND c17 = 'PAK') GROUP BY d ORDER BY d")) {
            while (rs.next()) {
                days++;
                events += rs.getLong(2);
            }
        }
        System.out.printf(Locale.ROOT, "reference %d days=%d events=%d%n", (System.nanoTime() - t0) / 1_000_000, days, events);
    }

    /** The {@code md5sums} and {@code filesizes} lists GDELT publishes, for one file, beside it (warm-up only). */
    private static void writeLists(Path file) throws Exception {
        String name = file.getFileName().toString();
        Files.writeString(file.resolveSibling("md5sums"), FileDigest.hex(file, "MD5") + "  " + name + "\n");
        Files.writeString(file.resolveSibling("filesizes"), Files.size(file) + " " + name + "\n");
    }

    /**
     * The ingest as {@code events fetch} does it: checked against the published MD5 and size ({@code md5sums} and
     * {@code filesizes} beside the file, read outside the timing like a fetch's lists; the MD5 computed in the ingest's
     * one read of the file), with format detection from several lines.
     */
    static void ingest(String label, Path store, Path file) throws Exception {
        PublishedChecksums lists = PublishedChecksums.parse(Files.readString(file.resolveSibling("md5sums")),
                Files.readString(file.resolveSibling("filesizes")));
        String md5 = lists.md5(file.getFileName().toString());
        if (md5 == null) {
            throw new IllegalStateException("md5sums beside " + file + " does not name it");
        }
        long t0 = System.nanoTime();
        try (EventStore s = EventStore.open(store)) {
            IngestResult r = s.ingest(file, IngestOptions.defaults().verifiedAgainst(lists), null);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            Runtime rt = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, "%s %d rows=%d stored=%d md5=%s(verified) maxHeapMiB=%d usedHeapMiB=%d%n",
                    label, ms, r.rowsRead(), r.stored(), md5.substring(0, 8), rt.maxMemory() >> 20,
                    (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
    }

    static void query(Path store) throws Exception {
        long t0 = System.nanoTime();
        try (EventStore s = EventStore.open(store)) {
            long t1 = System.nanoTime();
            TensionIndex idx = new TensionIndex(Dyad.parse("PAK:AFG", Map.<String, ActorSpec>of(), false), Period.DAY,
                    null, null);
            List<TensionPoint> series = s.tension(idx, null, null, false);
            long ms = (System.nanoTime() - t1) / 1_000_000;
            System.out.printf(Locale.ROOT, "query %d open+query=%d days=%d events=%d%n", ms, (System.nanoTime() - t0) / 1_000_000,
                    series.size(),
                    series.stream().mapToLong(TensionPoint::events).sum());
        }
    }
}
