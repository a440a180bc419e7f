package org.statecraft.events.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.LongConsumer;
import org.duckdb.DuckDBConnection;
import org.statecraft.core.StatecraftException;
import org.statecraft.core.tension.Dyad;
import org.statecraft.core.tension.TensionEvent;
import org.statecraft.core.tension.TensionIndex;
import org.statecraft.core.tension.TensionPoint;
import org.statecraft.events.EventFormat;
import org.statecraft.events.EventReader;
import org.statecraft.events.MalformedRow;
import org.statecraft.events.gdelt.GdeltBulkParser;

/**
 * The embedded DuckDB event store: one file {@code events.duckdb} in a workspace folder.
 *
 * <p>The parts: {@link StoreLayout} (the tables, written once, and the conversion of older layouts), {@link
 * IngestTransaction} (one file in one transaction), {@link BulkPipeline} (GDELT files read and parsed on several
 * threads by {@link GdeltBulkParser}, same rows and reports as {@link org.statecraft.events.gdelt.GdeltReader}),
 * {@link EventSink} (rows into DuckDB's appenders), {@link DyadDayAggregate} (the daily aggregate the tension queries
 * read) and {@link StoreQueries} (the read side). This class opens the database and hands the work to them.
 *
 * <p>An ingest stopped at any point (an exception, a kill) leaves the store as it was before that file; running it
 * again completes it. A file whose content hash is already recorded is skipped; any other file adds only events whose
 * key is new, so ingest is idempotent.
 *
 * <p>Goldstein values are stored as whole millionths, for both scales, so the period aggregates computed in SQL
 * ({@link #tension}) are exactly those of the pure {@link TensionIndex}.
 */
public final class EventStore implements AutoCloseable {
    /** GDELT 2.0 re-emissions are looked for within this many minutes of DATEADDED. */
    public static final int REEMISSION_WINDOW_MINUTES = 90;
    /** How many malformed rows an {@link IngestResult} carries (all are in the store). */
    public static final int MALFORMED_KEPT_IN_RESULT = 1000;
    /** A GDELT line longer than this (real ones are under 2 KiB) is reported malformed without being read. */
    static final int MAX_LINE_BYTES = BulkPipeline.MAX_LINE_BYTES;

    private final Path dir;
    private final DuckDBConnection conn;
    private final DyadDayAggregate aggregate;
    private final StoreQueries queries;
    private final IngestTransaction ingest;

    private EventStore(Path dir, DuckDBConnection conn) throws SQLException {
        this.dir = dir;
        this.conn = conn;
        this.queries = new StoreQueries(conn);
        this.aggregate = new DyadDayAggregate(conn);
        this.ingest = new IngestTransaction(conn, aggregate, queries);
    }

    /** The store's database file in its folder. */
    public static final String FILE = "events.duckdb";

    /**
     * Opens (creating if needed) the store in {@code dir}. A new store is created under a temporary name and linked
     * into place only once its tables exist, so a failure (a full disk) leaves no half-made store; an empty {@value
     * #FILE} (left by a failed creation of an earlier version) counts as no store.
     */
    public static EventStore open(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StatecraftException("cannot create the event store folder " + dir + ": " + e.getMessage(), e);
        }
        DuckDbNative.load();
        Path db = dir.resolve(FILE);
        try {
            if (!Files.exists(db) || (Files.size(db) == 0 && !Files.exists(wal(db)))) {
                create(db);
            }
            DuckDBConnection c = connect(db, false);
            try {
                StoreLayout.ensure(c);
                EventStore store = new EventStore(dir, c);
                store.aggregate.ensure();
                return store;
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        } catch (SQLException | IOException e) {
            throw new StatecraftException("cannot open the event store " + db + ": " + firstLine(e), e);
        }
    }

    /**
     * Opens the store in {@code dir} for queries only: nothing is created or changed, and a folder without a store is
     * an error. DuckDB lets several processes read a store at once, but none while one writes it (an ingest): that is
     * reported as such. A store whose aggregate is not up to date (a kill between an ingest's two transactions) is
     * queried from its events, which gives the same series.
     */
    public static EventStore openReadOnly(Path dir) {
        Path db = dir.resolve(FILE);
        try {
            if (!Files.isRegularFile(db) || Files.size(db) == 0) {
                throw new StatecraftException("no event store in " + dir + " (no " + FILE + "; run 'statecraft events "
                        + "ingest --store " + dir + " FILE...' first)");
            }
        } catch (IOException e) {
            throw new StatecraftException("cannot read the event store " + db + ": " + e.getMessage(), e);
        }
        DuckDbNative.load();
        try {
            DuckDBConnection c = connect(db, true);
            try {
                if (!StoreLayout.isStore(c)) {
                    throw new StatecraftException(db + " is a DuckDB database but not an event store (no events table)");
                }
                EventStore store = new EventStore(dir, c);
                store.readOnlyFromEvents = !store.aggregate.current();
                return store;
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            String m = firstLine(e);
            if (m.contains("Could not set lock") || m.contains("Conflicting lock")) {
                throw new StatecraftException("the event store " + db + " is being written by another process (an "
                        + "ingest?); DuckDB lets a store be read only when no process writes it: run the query when the "
                        + "ingest has finished (" + m + ")", e);
            }
            throw new StatecraftException("cannot open the event store " + db + ": " + m, e);
        }
    }

    /** True after {@link #openReadOnly} on a store whose aggregate lags its events: queries read the events. */
    private boolean readOnlyFromEvents;

    private static DuckDBConnection connect(Path db, boolean readOnly) throws SQLException {
        Properties p = new Properties();
        if (readOnly) {
            p.setProperty("duckdb.read_only", "true");
        }
        return (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath(), p);
    }

    private static Path wal(Path db) {
        return db.resolveSibling(db.getFileName() + ".wal");
    }

    /** Creates a store's tables under a temporary name, then links it into place (never over an existing store). */
    private static void create(Path db) throws IOException, SQLException {
        Path tmp = db.resolveSibling(db.getFileName() + "." + ProcessHandle.current().pid() + ".new");
        Files.deleteIfExists(tmp);
        Files.deleteIfExists(wal(tmp));
        try {
            try (DuckDBConnection c = connect(tmp, false)) {
                StoreLayout.ensure(c);
                try (Statement s = c.createStatement()) {
                    s.execute("CHECKPOINT");
                }
            }
            if (Files.exists(db) && Files.size(db) == 0) {
                Files.delete(db); // an empty leftover of a failed creation
            }
            try {
                Files.createLink(db, tmp); // fails if another process created the store meanwhile: theirs is kept
            } catch (FileAlreadyExistsException raced) {
                // another process created it first
            } catch (UnsupportedOperationException | IOException noLinks) {
                if (!Files.exists(db)) {
                    Files.move(tmp, db, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(wal(tmp));
        }
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    public Path dir() {
        return dir;
    }

    /** Ingests one file (see the class comment). {@code progress} receives raw bytes read so far; may be null. */
    public IngestResult ingest(Path file, IngestOptions options, LongConsumer progress) throws IOException {
        EventFormat format = options.format() != null ? options.format() : EventFormat.detect(file);
        return ingest(file, format, format.reader(), options, progress, null, true);
    }

    /**
     * The ingest itself, with the reader given and a hook run just before the commit (tests use both to simulate a
     * failure midway); {@code bulk} lets GDELT files go to {@link GdeltBulkParser} rather than {@code reader}.
     */
    IngestResult ingest(Path file, EventFormat format, EventReader reader, IngestOptions options, LongConsumer progress,
            Runnable beforeCommit, boolean bulk) throws IOException {
        return ingest.ingest(file, format, reader, options, progress, beforeCommit, bulk);
    }

    static String sha256(Path file) throws IOException {
        return IngestTransaction.sha256(file);
    }

    /** Number of stored events, per source. */
    public Map<String, Long> counts() {
        return queries.counts();
    }

    /** Total stored events. */
    public long count() {
        return queries.count();
    }

    /** Every stored event as one text line (all columns but file_id), in key order; for tests. */
    List<String> dump() {
        return queries.dump();
    }

    /** The files ingested so far, oldest first. */
    public List<IngestedFile> files() {
        return queries.files();
    }

    /** One row of {@code ingested_files}. */
    public record IngestedFile(int id, String path, long size, String sha256, String format, long rowsRead, long stored,
            long duplicates, long collapsed, long malformed) {
    }

    /** The malformed rows recorded for all files, as {@code path:line: reason}. */
    public List<MalformedRow> malformedRows() {
        return queries.malformedRows();
    }

    /**
     * The tension series from the daily aggregate {@code dyad_days}: integer sums per period, turned into points by
     * the same {@link TensionIndex.Accumulator} the pure computation uses. Equal to {@link #tensionFromEvents}
     * (tested), reading thousands of rows instead of millions.
     */
    public List<TensionPoint> tension(TensionIndex index, LocalDate from, LocalDate to, boolean icewsScale) {
        if (readOnlyFromEvents) {
            return queries.tensionFromEvents(index, from, to, icewsScale);
        }
        return queries.tension(index, from, to, icewsScale);
    }

    /** The tension series computed in SQL from the raw events (what {@link #tension} equals; for tests). */
    List<TensionPoint> tensionFromEvents(TensionIndex index, LocalDate from, LocalDate to, boolean icewsScale) {
        return queries.tensionFromEvents(index, from, to, icewsScale);
    }

    /** The stored events as {@link TensionEvent}s (for the pure computation and the engine's comparison). */
    public List<TensionEvent> tensionEvents(Dyad dyad, boolean icewsScale) {
        return queries.tensionEvents(dyad, icewsScale);
    }

    @Override
    public void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            throw new StatecraftException("cannot close the event store: " + e.getMessage(), e);
        }
    }
}
