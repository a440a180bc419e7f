package org.statecraft.events.store;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.duckdb.StatecraftChunkAppender;
import org.statecraft.core.StatecraftException;
import org.statecraft.core.tension.ActorSpec;
import org.statecraft.core.tension.Dyad;
import org.statecraft.core.tension.Period;
import org.statecraft.core.tension.TensionEvent;
import org.statecraft.core.tension.TensionIndex;
import org.statecraft.core.tension.TensionPoint;
import org.statecraft.events.EventFormat;
import org.statecraft.events.EventReader;
import org.statecraft.events.EventRecord;
import org.statecraft.events.MalformedRow;
import org.statecraft.events.NearKey;
import org.statecraft.events.RowHandler;
import org.statecraft.events.gdelt.GdeltBulkParser;
import org.statecraft.io.cameo.CameoCodebook;

/**
 * The embedded DuckDB event store: one file {@code events.duckdb} in a workspace folder.
 *
 * <p>Layout (version 2): {@code events} holds one row per event with its countries, groups and event code as
 * numbers into {@code codes} (a few hundred distinct strings over millions of rows: numbers are several times cheaper
 * to write and group by), actor names of ICEWS and ACLED in {@code event_names}, and the view {@code event_list}
 * shows the events with their codes as text. A store of the first layout is converted when opened.
 *
 * <p>Ingest of a file runs in one transaction: rows are appended to {@code events}, {@code event_names} and
 * {@code malformed_rows} through DuckDB's Appender as they are read (constant Java heap whatever the file size), the
 * new codes are added to {@code codes}, re-emissions (an option) and duplicates (a key stored before, or earlier in
 * the file) are deleted again, the file is recorded ({@code ingested_files}: path, size, SHA-256, counts) and the
 * transaction commits. An ingest stopped at any point (an exception, a kill) leaves the store as it was before that
 * file; running it again completes it. A file whose content hash is already recorded is skipped; any other file adds
 * only events whose key is new, so ingest is idempotent. GDELT files are read by {@link GdeltBulkParser} on several
 * threads (same rows and reports as {@link org.statecraft.events.gdelt.GdeltReader}), the others by their
 * {@link EventReader}.
 *
 * <p>Goldstein values are stored as whole millionths, for both scales, so the period aggregates computed in
 * SQL ({@link #tension}) are exactly those of the pure {@link TensionIndex}.
 */
public final class EventStore implements AutoCloseable {
    /** GDELT 2.0 re-emissions are looked for within this many minutes of DATEADDED. */
    public static final int REEMISSION_WINDOW_MINUTES = 90;
    /** How many malformed rows an {@link IngestResult} carries (all are in the store). */
    public static final int MALFORMED_KEPT_IN_RESULT = 1000;
    /** The store layout this class writes ({@code store_meta.layout}). */
    static final String LAYOUT = "2";
    /** Bytes of a file handed to one parser task (a longer line gets a larger block). */
    static final int BLOCK_BYTES = 4 << 20;
    /** A GDELT line longer than this (real ones are under 2 KiB) is reported malformed without being read. */
    static final int MAX_LINE_BYTES = 16 << 20;

    /**
     * {@code source} is {@link EventFormat#storeId()}; GDELT's GLOBALEVENTID is {@code event_id}, ICEWS's and
     * ACLED's keys {@code event_key} (a number is several times cheaper to store and join than a unique string per
     * row); countries, groups and the event code are {@code codes.id}; {@code near_key} is {@link NearKey} (null for
     * rows converted from the first layout, whose key was another hash).
     */
    private static final String EVENT_COLUMNS = "source TINYINT NOT NULL, event_id BIGINT, event_key VARCHAR, "
            + "event_date DATE NOT NULL, actor1_country INTEGER, actor1_group INTEGER, actor2_country INTEGER, "
            + "actor2_group INTEGER, cameo INTEGER NOT NULL, quad_class TINYINT NOT NULL, goldstein_own_micros INTEGER, "
            + "date_added BIGINT NOT NULL, near_key BIGINT, file_id INTEGER NOT NULL";
    /** SQL turning a stored {@code source} number (%s: the column) into the format's name, from {@link EventFormat}. */
    private static final String SOURCE_NAME = sourceCase(f -> f.storeId() + " THEN '" + f.storeName() + "'");

    /** {@code CASE %s WHEN ... END} with one branch per format. */
    private static String sourceCase(java.util.function.Function<EventFormat, String> branch) {
        StringBuilder b = new StringBuilder("CASE %s");
        for (EventFormat f : EventFormat.values()) {
            b.append(" WHEN ").append(branch.apply(f));
        }
        return b.append(" END").toString();
    }
    /** The events with their codes as text and their names: for people, tests and the raw-event queries. */
    private static final String EVENT_LIST = "CREATE OR REPLACE VIEW event_list AS SELECT "
            + String.format(SOURCE_NAME, "e.source") + " AS source, e.event_id, e.event_key, e.event_date, "
            + "c1.code AS actor1_country, g1.code AS actor1_group, c2.code AS actor2_country, g2.code AS actor2_group, "
            + "n.actor1_name, n.actor2_name, k.code AS cameo, e.quad_class, e.goldstein_own_micros, e.date_added, "
            + "e.near_key, e.file_id FROM events e LEFT JOIN codes c1 ON c1.id = e.actor1_country "
            + "LEFT JOIN codes g1 ON g1.id = e.actor1_group LEFT JOIN codes c2 ON c2.id = e.actor2_country "
            + "LEFT JOIN codes g2 ON g2.id = e.actor2_group LEFT JOIN codes k ON k.id = e.cameo "
            + "LEFT JOIN event_names n ON n.file_id = e.file_id AND n.source = e.source AND n.event_key = e.event_key";

    /**
     * The daily aggregate the tension queries read: per (actor1 country, actor1 group, actor2 country, actor2
     * group, day; the codes as {@code codes} numbers, as in {@code events}) and ingested file, the event count, the count per QuadClass and, for both Goldstein scales, the
     * sum, the cooperative sum and the conflictual sum in whole millionths. Events without a country on either side
     * are left out (no dyad side can match them). Weeks and months are sums of days.
     */
    private static final String AGG_COLUMNS = "actor1_country INTEGER NOT NULL, actor1_group INTEGER, "
            + "actor2_country INTEGER NOT NULL, actor2_group INTEGER, event_date DATE NOT NULL, file_id INTEGER NOT NULL, "
            + "events BIGINT NOT NULL, quad1 BIGINT NOT NULL, quad2 BIGINT NOT NULL, quad3 BIGINT NOT NULL, "
            + "quad4 BIGINT NOT NULL, gdelt_sum BIGINT NOT NULL, gdelt_coop BIGINT NOT NULL, gdelt_conf BIGINT NOT NULL, "
            + "icews_sum BIGINT NOT NULL, icews_coop BIGINT NOT NULL, icews_conf BIGINT NOT NULL";

    private final Path dir;
    private final DuckDBConnection conn;
    /** Fingerprint of the bundled Goldstein tables the aggregate was computed with. */
    private String codebookFingerprint;

    private EventStore(Path dir, DuckDBConnection conn) {
        this.dir = dir;
        this.conn = conn;
    }

    /** Opens (creating if needed) the store in {@code dir}. */
    public static EventStore open(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StatecraftException("cannot create the event store folder " + dir + ": " + e.getMessage(), e);
        }
        Path db = dir.resolve("events.duckdb");
        try {
            Class.forName("org.duckdb.DuckDBDriver");
            DuckDBConnection c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                // preserve_insertion_order stays true: appending (the Appender, one thread) is twice as slow without it
                s.execute("CREATE TABLE IF NOT EXISTS ingested_files (file_id INTEGER PRIMARY KEY, path VARCHAR NOT NULL, "
                        + "size BIGINT NOT NULL, sha256 VARCHAR NOT NULL, format VARCHAR NOT NULL, rows_read BIGINT, "
                        + "stored BIGINT, duplicates BIGINT, collapsed BIGINT, malformed BIGINT, ingested_at TIMESTAMP)");
                s.execute("CREATE TABLE IF NOT EXISTS malformed_rows (file_id INTEGER NOT NULL, line BIGINT NOT NULL, "
                        + "reason VARCHAR NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS dyad_days (" + AGG_COLUMNS + ")");
                s.execute("CREATE TABLE IF NOT EXISTS aggregated_files (file_id INTEGER PRIMARY KEY)");
                s.execute("CREATE TABLE IF NOT EXISTS store_meta (name VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS codes (id INTEGER PRIMARY KEY, code VARCHAR NOT NULL UNIQUE)");
                s.execute("CREATE TABLE IF NOT EXISTS event_names (file_id INTEGER NOT NULL, source TINYINT NOT NULL, "
                        + "event_key VARCHAR NOT NULL, actor1_name VARCHAR, actor2_name VARCHAR)");
            }
            EventStore store = new EventStore(dir, c);
            store.ensureLayout();
            store.loadCodebook();
            store.ensureAggregate();
            return store;
        } catch (SQLException | ClassNotFoundException e) {
            throw new StatecraftException("cannot open the event store " + db + ": " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    /**
     * Creates {@code events} and the view, or converts a store of the first layout (codes as text, actor names and
     * codes in {@code events}) in one transaction. A {@code dyad_days} keyed by text (the first layout's) is replaced
     * by an empty one keyed by code numbers and rebuilt by {@link #ensureAggregate}.
     */
    private void ensureLayout() throws SQLException {
        boolean exists;
        boolean first;
        boolean textAggregate;
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE table_name = 'events') > 0, "
                        + "count(*) FILTER (WHERE table_name = 'events' AND column_name = 'actor1_code') > 0, "
                        + "count(*) FILTER (WHERE table_name = 'dyad_days' AND column_name = 'actor1_country' "
                        + "AND data_type = 'VARCHAR') > 0 FROM duckdb_columns() WHERE schema_name = 'main'")) {
            rs.next();
            exists = rs.getBoolean(1);
            first = rs.getBoolean(2);
            textAggregate = rs.getBoolean(3);
        }
        if (textAggregate) {
            // the aggregate of the first layout keys groups by text: rebuilt (below, by ensureAggregate) with numbers
            try (Statement s = conn.createStatement()) {
                s.execute("DROP TABLE dyad_days");
                s.execute("CREATE TABLE dyad_days (" + AGG_COLUMNS + ")");
                s.execute("DELETE FROM store_meta WHERE name = 'codebook'");
            }
        }
        try (Statement s = conn.createStatement()) {
            if (!first) {
                s.execute("CREATE TABLE IF NOT EXISTS events (" + EVENT_COLUMNS + ")");
                if (!exists) {
                    s.execute("INSERT OR REPLACE INTO store_meta VALUES ('layout', '" + LAYOUT + "')");
                }
                s.execute(EVENT_LIST);
                return;
            }
        }
        conn.setAutoCommit(false);
        try (Statement s = conn.createStatement()) {
            s.execute("ALTER TABLE events RENAME TO events_v1");
            s.execute("CREATE TABLE events (" + EVENT_COLUMNS + ")");
            s.execute("INSERT INTO codes SELECT (SELECT coalesce(max(id), 0) FROM codes) + row_number() OVER (ORDER BY code), "
                    + "code FROM (SELECT actor1_country AS code FROM events_v1 UNION SELECT actor1_group FROM events_v1 "
                    + "UNION SELECT actor2_country FROM events_v1 UNION SELECT actor2_group FROM events_v1 "
                    + "UNION SELECT cameo FROM events_v1) WHERE code IS NOT NULL AND code NOT IN (SELECT code FROM codes)");
            String id = String.format(sourceCase(f -> "'" + f.storeName() + "' THEN " + f.storeId()), "v.source");
            s.execute("INSERT INTO events SELECT " + id + ", v.event_id, v.event_key, v.event_date, c1.id, g1.id, c2.id, "
                    + "g2.id, k.id, v.quad_class, v.goldstein_own_micros, coalesce(v.date_added, 0), NULL, v.file_id "
                    + "FROM events_v1 v LEFT JOIN codes c1 ON c1.code = v.actor1_country "
                    + "LEFT JOIN codes g1 ON g1.code = v.actor1_group LEFT JOIN codes c2 ON c2.code = v.actor2_country "
                    + "LEFT JOIN codes g2 ON g2.code = v.actor2_group LEFT JOIN codes k ON k.code = v.cameo");
            s.execute("INSERT INTO event_names SELECT v.file_id, " + id + ", v.event_key, v.actor1_name, v.actor2_name "
                    + "FROM events_v1 v WHERE v.event_key IS NOT NULL AND (v.actor1_name IS NOT NULL OR v.actor2_name IS NOT NULL)");
            s.execute("DROP TABLE events_v1");
            s.execute("INSERT OR REPLACE INTO store_meta VALUES ('layout', '" + LAYOUT + "')");
            s.execute(EVENT_LIST);
            conn.commit();
        } finally {
            if (!conn.getAutoCommit()) {
                rollbackQuietly();
                conn.setAutoCommit(true);
            }
        }
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
        long size = Files.size(file);
        String abs = file.toAbsolutePath().normalize().toString();
        boolean useBulk = bulk && format.numericKey();
        String method = useBulk ? "bulk parser" : "reader";
        try {
            if (sizeKnown(size) && pathWithHash(sha256(file), format) != null) {
                return skipped(file, format);
            }
            long t0 = System.nanoTime();
            timing("started", t0);
            conn.setAutoCommit(false);
            try (Statement s = conn.createStatement()) {
                s.execute("SELECT 1"); // begins the transaction the appenders write in
            }
            int fileId = nextFileId();
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            Sink sink = new Sink(file.toString(), format, fileId, loadCodes());
            long rowsRead;
            try (DuckDBAppender events = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "events");
                    DuckDBAppender names = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "event_names");
                    DuckDBAppender bad = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "malformed_rows");
                    DuckDBAppender codes = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "codes")) {
                sink.events = events;
                sink.names = names;
                sink.bad = bad;
                if (useBulk) {
                    try (StatecraftChunkAppender chunks = new StatecraftChunkAppender(conn, DuckDBConnection.DEFAULT_SCHEMA,
                            "events", Sink.EVENT_WIDTHS)) {
                        sink.chunks = chunks;
                        rowsRead = bulkRead(file, format == EventFormat.GDELT2, sink, md, progress);
                        sink.finishChunks();
                    }
                } else {
                    try (BufferedReader in = EventFormat.open(file,
                            hashing(md, progress))) {
                        rowsRead = reader.read(in, file.toString(), sink);
                    }
                }
                if (sink.failure != null) {
                    throw sink.failure;
                }
                for (Map.Entry<String, Integer> c : sink.newCodes.entrySet()) {
                    codes.beginRow().append(c.getValue()).append(c.getKey()).endRow();
                }
            }
            timing("appended (" + method + ")", t0);
            String sha = HexFormat.of().formatHex(md.digest());
            if (pathWithHash(sha, format) != null) {
                conn.rollback();
                return skipped(file, format);
            }
            long collapsed = 0;
            try (Statement s = conn.createStatement()) {
                if (options.collapseReemitted() && format == EventFormat.GDELT2 && sink.good > 0) {
                    collapsed = s.executeUpdate(collapseSql(fileId));
                }
            }
            long duplicates = removeDuplicates(sink, fileId);
            long stored = sink.good - collapsed - duplicates;
            timing("checked duplicates", t0);
            recordFile(fileId, abs, size, sha, format, rowsRead, stored, duplicates, collapsed, sink.malformed);
            if (beforeCommit != null) {
                beforeCommit.run();
            }
            conn.commit();
            conn.setAutoCommit(true);
            timing("committed", t0);
            aggregateFile(fileId);
            timing("aggregated", t0);
            return new IngestResult(file.toString(), format, false, rowsRead, stored, duplicates, collapsed, sink.malformed,
                    List.copyOf(sink.kept), method);
        } catch (SQLException e) {
            throw new StatecraftException("event store error while ingesting " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            try {
                if (!conn.getAutoCommit()) {
                    rollbackQuietly();
                    conn.setAutoCommit(true);
                }
            } catch (SQLException ignored) {
                // the connection is going away
            }
        }
    }

    /**
     * Reads a GDELT file in blocks of whole lines (a reader thread, which also hashes the raw bytes), parses the
     * blocks on a pool of threads and appends them here in file order, so rows keep their order and line numbers.
     * At most a few blocks are in flight, so the heap stays bounded whatever the file size.
     */
    private long bulkRead(Path file, boolean v2, Sink sink, MessageDigest md, LongConsumer progress)
            throws IOException, SQLException {
        // this thread appends, the reader reads and hashes, the parsers parse: on 2 cores one parser thread was
        // fastest (1.9-2.0 s to append 2M rows, against 2.0-2.05 s with two and 2.3 s parsing on the reading thread);
        // -Dstatecraft.parse.threads=N overrides (0: parse on the reading thread)
        int threads = Integer.getInteger("statecraft.parse.threads",
                Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        ExecutorService parsers = threads == 0 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "statecraft-parse");
            t.setDaemon(true);
            return t;
        });
        ThreadLocal<GdeltBulkParser> parser = ThreadLocal.withInitial(() -> new GdeltBulkParser(v2));
        BlockingQueue<Future<GdeltBulkParser.Batch>> queue = new ArrayBlockingQueue<>(threads + 2);
        Future<GdeltBulkParser.Batch> end = CompletableFuture.completedFuture(null);
        // blocks go back to a pool once parsed (a new 4 MiB array per block costs the collector more than the parse)
        BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(threads + 4);
        Thread reader = new Thread(() -> {
            try {
                try (InputStream in = EventFormat.openBytes(file,
                        hashing(md, progress))) {
                    byte[] buf = block(free, BLOCK_BYTES);
                    int len = 0;
                    while (true) {
                        len += in.readNBytes(buf, len, buf.length - len);
                        if (len < buf.length) { // the end of the file
                            if (len > 0) {
                                queue.put(parse(parsers, parser, free, buf, len));
                            }
                            break;
                        }
                        int cut = GdeltBulkParser.afterLastLineEnd(buf, 0, len);
                        if (cut < 0 && buf.length >= MAX_LINE_BYTES) { // reported, not read: the heap stays bounded
                            queue.put(CompletableFuture.completedFuture(GdeltBulkParser.Batch.overlong(MAX_LINE_BYTES)));
                            len = GdeltBulkParser.skipLine(in, buf);
                            continue;
                        }
                        if (cut < 0) { // one line longer than the block: grow it, up to the limit
                            buf = Arrays.copyOf(buf, Math.min(buf.length * 2, MAX_LINE_BYTES));
                            continue;
                        }
                        byte[] next = block(free, 2 * (len - cut));
                        System.arraycopy(buf, cut, next, 0, len - cut);
                        queue.put(parse(parsers, parser, free, buf, cut));
                        buf = next;
                        len = len - cut;
                    }
                } catch (IOException | RuntimeException e) {
                    queue.put(CompletableFuture.failedFuture(e));
                }
                queue.put(end);
            } catch (InterruptedException e) {
                // the ingest was given up: stop reading
            }
        }, "statecraft-read");
        reader.setDaemon(true);
        reader.start();
        long lines = 0;
        try {
            while (true) {
                Future<GdeltBulkParser.Batch> f = queue.take();
                if (f == end) {
                    return lines;
                }
                GdeltBulkParser.Batch b = f.get();
                sink.batch(b);
                lines += b.lines;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + file, e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(c);
        } finally {
            reader.interrupt();
            if (parsers != null) {
                parsers.shutdownNow();
            }
        }
    }

    /** A free block of at least {@code min} bytes (and at least {@link #BLOCK_BYTES}). */
    private static byte[] block(BlockingQueue<byte[]> free, int min) {
        byte[] b = free.poll();
        return b != null && b.length >= min ? b : new byte[Math.max(BLOCK_BYTES, min)];
    }

    /** Parses {@code block[0, len)} on the pool (or here, without one), then gives the block back. */
    private static Future<GdeltBulkParser.Batch> parse(ExecutorService parsers, ThreadLocal<GdeltBulkParser> parser,
            BlockingQueue<byte[]> free, byte[] block, int len) {
        java.util.concurrent.Callable<GdeltBulkParser.Batch> task = () -> {
            try {
                return parser.get().parse(block, 0, len);
            } finally {
                free.offer(block);
            }
        };
        if (parsers != null) {
            return parsers.submit(task);
        }
        try { // parsed here, on the reading thread
            return CompletableFuture.completedFuture(task.call());
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A file whose content was ingested before as this format: nothing read, nothing stored. */
    private static IngestResult skipped(Path file, EventFormat format) {
        return new IngestResult(file.toString(), format, true, 0, 0, 0, 0, 0, List.of(), "none");
    }

    /** Reads a file's raw bytes through the content hash and the progress listener. */
    private static java.util.function.UnaryOperator<InputStream> hashing(MessageDigest md, LongConsumer progress) {
        return raw -> new Progress(new DigestInputStream(raw, md), progress);
    }

    /** The stored codes by text. */
    private Map<String, Integer> loadCodes() throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        query("SELECT code, id FROM codes", rs -> out.put(rs.getString(1), rs.getInt(2)));
        return out;
    }

    /**
     * Deletes this file's rows whose key is stored from another file or comes earlier in this file (the first
     * occurrence is kept); returns how many. GDELT files list GLOBALEVENTIDs in increasing order, and a file whose ids
     * increase has no repeat, so the within-file check is skipped then; the check against the store looks only at
     * stored ids in the file's range.
     */
    private long removeDuplicates(Sink k, int fileId) throws SQLException {
        if (k.good == 0) {
            return 0;
        }
        boolean numeric = k.format.numericKey();
        String key = numeric ? "event_id" : "event_key";
        long removed = 0;
        try (Statement s = conn.createStatement()) {
            if (!numeric || !k.increasing) {
                removed += s.executeUpdate("DELETE FROM events WHERE file_id = " + fileId + " AND rowid NOT IN "
                        + "(SELECT min(rowid) FROM events WHERE file_id = " + fileId + " GROUP BY " + key + ")");
            }
            String stored = "SELECT " + key + " FROM events WHERE source = " + k.format.storeId() + " AND file_id <> "
                    + fileId + (numeric ? " AND event_id BETWEEN " + k.minId + " AND " + k.maxId : "");
            boolean any;
            try (ResultSet rs = s.executeQuery("SELECT EXISTS (" + stored + ")")) {
                rs.next();
                any = rs.getBoolean(1);
            }
            if (any) {
                removed += s.executeUpdate("DELETE FROM events WHERE file_id = " + fileId + " AND " + key + " IN ("
                        + stored + ")");
            }
            if (k.namesAppended > 0) {
                s.executeUpdate("DELETE FROM event_names WHERE file_id = " + fileId + " AND (rowid NOT IN (SELECT min(rowid) "
                        + "FROM event_names WHERE file_id = " + fileId + " GROUP BY event_key) OR event_key NOT IN "
                        + "(SELECT event_key FROM events WHERE file_id = " + fileId + "))");
            }
        }
        return removed;
    }

    private static final boolean TIMING = Boolean.getBoolean("statecraft.events.timing");

    /** Phase timings on stderr with {@code -Dstatecraft.events.timing=true} (for bench/events.sh). */
    private static void timing(String phase, long since) {
        if (TIMING) {
            System.err.printf("  %s after %d ms (this thread's CPU so far %d ms)%n", phase, (System.nanoTime() - since) / 1_000_000,
                    java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000);
        }
    }

    private int nextFileId() throws SQLException {
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery("SELECT coalesce(max(file_id), 0) + 1 FROM ingested_files")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void recordFile(int fileId, String abs, long size, String sha, EventFormat format, long rowsRead, long stored,
            long duplicates, long collapsed, long malformed) throws SQLException {
        try (PreparedStatement p = conn.prepareStatement("INSERT INTO ingested_files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "current_timestamp)")) {
            p.setInt(1, fileId);
            p.setString(2, abs);
            p.setLong(3, size);
            p.setString(4, sha);
            p.setString(5, format.storeName());
            p.setLong(6, rowsRead);
            p.setLong(7, stored);
            p.setLong(8, duplicates);
            p.setLong(9, collapsed);
            p.setLong(10, malformed);
            p.executeUpdate();
        }
    }

    /** The bundled Goldstein values (both scales, in millionths) as a temporary table the queries join. */
    private void loadCodebook() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE OR REPLACE TEMP TABLE cameo_goldstein (code VARCHAR, gdelt INTEGER, icews INTEGER)");
        }
        CameoCodebook g = CameoCodebook.of(CameoCodebook.Scale.GDELT);
        CameoCodebook i = CameoCodebook.of(CameoCodebook.Scale.ICEWS);
        java.util.Set<String> codes = new java.util.TreeSet<>();
        g.all().forEach(c -> codes.add(c.code()));
        i.all().forEach(c -> codes.add(c.code()));
        StringBuilder table = new StringBuilder();
        try (DuckDBAppender a = conn.createAppender("temp", "main", "cameo_goldstein")) {
            for (String code : codes) {
                Double gv = g.goldstein(code).orElse(null);
                Double iv = i.goldstein(code).orElse(null);
                Integer gm = gv == null ? null : (Integer) (int) TensionIndex.micros(gv);
                Integer im = iv == null ? null : (Integer) (int) TensionIndex.micros(iv);
                a.beginRow().append(code).append(gm).append(im).endRow();
                table.append(code).append('\t').append(gm).append('\t').append(im).append('\n');
            }
        }
        try {
            codebookFingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(table.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Adds to {@code dyad_days} the aggregates of the stored events matching {@code where} (one file's, or all),
     * with both scales' Goldstein values (the bundled table's for the code, else the file's own value), keyed by the
     * code numbers (writing them is a quarter cheaper than writing the codes as text).
     */
    private static void aggregate(Statement s, String where) throws SQLException {
        // the values computed once per row; sums of greatest/least rather than FILTERed sums (about half the time)
        s.executeUpdate("INSERT INTO dyad_days SELECT actor1_country, actor1_group, actor2_country, actor2_group, "
                + "event_date, file_id, count(*), sum(CAST(quad_class = 1 AS INTEGER)), "
                + "sum(CAST(quad_class = 2 AS INTEGER)), sum(CAST(quad_class = 3 AS INTEGER)), "
                + "sum(CAST(quad_class = 4 AS INTEGER)), " + sums("g") + ", " + sums("i")
                + " FROM (SELECT e.actor1_country, e.actor1_group, e.actor2_country, e.actor2_group, e.event_date, e.file_id, "
                + "e.quad_class, coalesce(t.gdelt, e.goldstein_own_micros) AS g, "
                + "coalesce(t.icews, t.gdelt, e.goldstein_own_micros) AS i FROM events e LEFT JOIN (SELECT c.id, t.gdelt, "
                + "t.icews FROM codes c JOIN temp.cameo_goldstein t ON t.code = c.code) t ON t.id = e.cameo WHERE " + where
                + " AND e.actor1_country IS NOT NULL AND e.actor2_country IS NOT NULL) "
                + "GROUP BY actor1_country, actor1_group, actor2_country, actor2_group, event_date, file_id");
    }

    /** Sum, cooperative sum and conflictual sum of a Goldstein value column, as BIGINTs never null. */
    private static String sums(String g) {
        return "CAST(coalesce(sum(" + g + "), 0) AS BIGINT), CAST(coalesce(sum(greatest(" + g + ", 0)), 0) AS BIGINT), "
                + "CAST(coalesce(-sum(least(" + g + ", 0)), 0) AS BIGINT)";
    }

    /**
     * Adds one committed file's events to {@code dyad_days} and marks the file aggregated, in one transaction of its
     * own: aggregating the file's rows once they are committed is several times faster than inside the ingest
     * transaction. A kill between the two leaves a file not marked, which {@link #open} aggregates then, so every
     * query (always on an opened store) sees the aggregate of exactly the stored events.
     */
    private void aggregateFile(int fileId) throws SQLException {
        conn.setAutoCommit(false);
        try (Statement s = conn.createStatement()) {
            aggregate(s, "file_id = " + fileId);
            s.execute("INSERT INTO aggregated_files VALUES (" + fileId + ")");
            conn.commit();
        } finally {
            if (!conn.getAutoCommit()) {
                rollbackQuietly();
                conn.setAutoCommit(true);
            }
        }
    }

    /**
     * Rebuilds {@code dyad_days} from the stored events, in one transaction, when it was computed with other bundled
     * Goldstein tables (a new release) or never (a store from before the aggregate existed).
     */
    private void ensureAggregate() throws SQLException {
        String stored = null;
        try (PreparedStatement p = conn.prepareStatement("SELECT value FROM store_meta WHERE name = 'codebook'");
                ResultSet rs = p.executeQuery()) {
            if (rs.next()) {
                stored = rs.getString(1);
            }
        }
        if (codebookFingerprint.equals(stored)) {
            // files committed but not aggregated (a kill between the two transactions)
            try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT file_id FROM ingested_files "
                    + "WHERE file_id NOT IN (SELECT file_id FROM aggregated_files) ORDER BY file_id")) {
                List<Integer> missing = new ArrayList<>();
                while (rs.next()) {
                    missing.add(rs.getInt(1));
                }
                for (int id : missing) {
                    aggregateFile(id);
                }
            }
            return;
        }
        conn.setAutoCommit(false);
        try (Statement s = conn.createStatement()) {
            s.execute("DELETE FROM dyad_days");
            s.execute("DELETE FROM aggregated_files");
            aggregate(s, "TRUE");
            s.execute("INSERT INTO aggregated_files SELECT file_id FROM ingested_files");
            try (PreparedStatement p = conn.prepareStatement("INSERT OR REPLACE INTO store_meta VALUES ('codebook', ?)")) {
                p.setString(1, codebookFingerprint);
                p.executeUpdate();
            }
            conn.commit();
        } finally {
            if (!conn.getAutoCommit()) {
                rollbackQuietly();
                conn.setAutoCommit(true);
            }
        }
    }

    /**
     * Deletes this file's GDELT 2.0 rows that repeat an earlier event (stored, or earlier in DATEADDED and then in
     * GLOBALEVENTID in this file) within the window.
     */
    private static String collapseSql(int fileId) {
        String ts = "try_strptime(CAST(%s.date_added AS VARCHAR), '%%Y%%m%%d%%H%%M%%S')";
        return "DELETE FROM events WHERE file_id = " + fileId + " AND rowid IN (SELECT s.rowid FROM events s JOIN events o "
                + "ON o.near_key = s.near_key WHERE s.file_id = " + fileId + " AND s.date_added > 0 AND o.source = "
                + EventFormat.GDELT2.storeId() + " AND o.date_added > 0 AND o.event_id <> s.event_id "
                + "AND (o.date_added < s.date_added OR (o.date_added = s.date_added AND o.event_id < s.event_id)) "
                + "AND date_diff('minute', " + String.format(ts, "o") + ", " + String.format(ts, "s") + ") <= "
                + REEMISSION_WINDOW_MINUTES + ")";
    }

    private boolean sizeKnown(long size) throws SQLException {
        try (PreparedStatement p = conn.prepareStatement("SELECT count(*) FROM ingested_files WHERE size = ?")) {
            p.setLong(1, size);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /** A file with this content already ingested as this format (read as another, it may give other events). */
    private String pathWithHash(String sha, EventFormat format) throws SQLException {
        try (PreparedStatement p = conn.prepareStatement(
                "SELECT path FROM ingested_files WHERE sha256 = ? AND format = ? LIMIT 1")) {
            p.setString(1, sha);
            p.setString(2, format.storeName());
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void rollbackQuietly() {
        try {
            if (!conn.getAutoCommit()) {
                conn.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is going away or has nothing to roll back
        }
    }

    /** Number of stored events, per source. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>();
        query("SELECT " + String.format(SOURCE_NAME, "source") + " AS s, count(*) FROM events GROUP BY source ORDER BY s", rs -> out.put(rs.getString(1), rs.getLong(2)));
        return out;
    }

    /** Total stored events. */
    public long count() {
        long[] n = {0};
        query("SELECT count(*) FROM events", rs -> n[0] = rs.getLong(1));
        return n[0];
    }

    /** Every stored event as one text line (all columns but file_id), in key order; for tests. */
    List<String> dump() {
        List<String> out = new ArrayList<>();
        query("SELECT * EXCLUDE (file_id) FROM event_list ORDER BY source, event_id, event_key", rs -> {
            StringBuilder b = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                b.append(i == 1 ? "" : "|").append(rs.getString(i));
            }
            out.add(b.toString());
        });
        return out;
    }

    /** The files ingested so far, oldest first. */
    public List<IngestedFile> files() {
        List<IngestedFile> out = new ArrayList<>();
        query("SELECT file_id, path, size, sha256, format, rows_read, stored, duplicates, collapsed, malformed "
                + "FROM ingested_files ORDER BY file_id", rs -> out.add(new IngestedFile(rs.getInt(1), rs.getString(2),
                        rs.getLong(3), rs.getString(4), rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                        rs.getLong(9), rs.getLong(10))));
        return out;
    }

    /** One row of {@code ingested_files}. */
    public record IngestedFile(int id, String path, long size, String sha256, String format, long rowsRead, long stored,
            long duplicates, long collapsed, long malformed) {
    }

    /** The malformed rows recorded for all files, as {@code path:line: reason}. */
    public List<MalformedRow> malformedRows() {
        List<MalformedRow> out = new ArrayList<>();
        query("SELECT f.path, m.line, m.reason FROM malformed_rows m JOIN ingested_files f USING (file_id) "
                + "ORDER BY m.file_id, m.line", rs -> out.add(new MalformedRow(rs.getString(1), rs.getLong(2), rs.getString(3))));
        return out;
    }

    /**
     * The tension series from the daily aggregate {@code dyad_days}: integer sums per period, turned into points by
     * the same {@link TensionIndex.Accumulator} the pure computation uses. Equal to {@link #tensionFromEvents}
     * (tested), reading thousands of rows instead of millions.
     */
    public List<TensionPoint> tension(TensionIndex index, LocalDate from, LocalDate to, boolean icewsScale) {
        String scale = icewsScale ? "icews" : "gdelt";
        String sql = "SELECT " + periodSql(index.period()) + " AS p, CAST(sum(events) AS BIGINT), "
                + "CAST(sum(" + scale + "_sum) AS BIGINT), CAST(sum(" + scale + "_coop) AS BIGINT), "
                + "CAST(sum(" + scale + "_conf) AS BIGINT), CAST(sum(quad1) AS BIGINT), CAST(sum(quad2) AS BIGINT), "
                + "CAST(sum(quad3) AS BIGINT), CAST(sum(quad4) AS BIGINT) FROM dyad_days WHERE ";
        return periodQuery(index, sql, from, to, true);
    }

    private static String periodSql(Period period) {
        return switch (period) {
            case DAY -> "event_date";
            case WEEK -> "CAST(date_trunc('week', event_date) AS DATE)";
            case MONTH -> "CAST(date_trunc('month', event_date) AS DATE)";
        };
    }

    /** Runs {@code sql} (ending in WHERE) with the dyad and range conditions, grouped by period {@code p}. */
    private List<TensionPoint> periodQuery(TensionIndex index, String sql, LocalDate from, LocalDate to,
            boolean numbered) {
        List<Object> params = new ArrayList<>();
        String where = dyadSql(index.dyad(), numbered);
        if (from != null) {
            where += " AND event_date >= ?";
            params.add(from);
        }
        if (to != null) {
            where += " AND event_date <= ?";
            params.add(to);
        }
        Map<LocalDate, TensionIndex.Accumulator> byPeriod = new LinkedHashMap<>();
        try (PreparedStatement p = conn.prepareStatement(sql + where + " GROUP BY p")) {
            bind(p, params);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    byPeriod.put(rs.getObject(1, LocalDate.class), TensionIndex.Accumulator.of(rs.getLong(2),
                            rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                            rs.getLong(9)));
                }
            }
        } catch (SQLException e) {
            throw new StatecraftException("event store query failed: " + e.getMessage(), e);
        }
        return index.series(byPeriod);
    }

    /** The tension series computed in SQL from the raw events (what {@link #tension} equals; for tests). */
    List<TensionPoint> tensionFromEvents(TensionIndex index, LocalDate from, LocalDate to, boolean icewsScale) {
        String g = goldsteinSql(icewsScale);
        String sql = "SELECT " + periodSql(index.period()) + " AS p, count(*), CAST(sum(" + g + ") AS BIGINT), "
                + "CAST(coalesce(sum(" + g + ") FILTER (WHERE " + g + " > 0), 0) AS BIGINT), "
                + "CAST(coalesce(-sum(" + g + ") FILTER (WHERE " + g + " < 0), 0) AS BIGINT), "
                + "count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2), "
                + "count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4) "
                + "FROM event_list LEFT JOIN temp.cameo_goldstein t ON t.code = event_list.cameo WHERE ";
        return periodQuery(index, sql, from, to, false);
    }

    /** The stored events as {@link TensionEvent}s (for the pure computation and the engine's comparison). */
    public List<TensionEvent> tensionEvents(Dyad dyad, boolean icewsScale) {
        List<Object> params = new ArrayList<>();
        String where = dyad == null ? "TRUE" : dyadSql(dyad, false);
        String g = goldsteinSql(icewsScale);
        List<TensionEvent> out = new ArrayList<>();
        try (PreparedStatement p = conn.prepareStatement("SELECT event_date, actor1_country, actor1_group, actor2_country, "
                + "actor2_group, cameo, " + g + ", quad_class FROM event_list LEFT JOIN temp.cameo_goldstein t "
                + "ON t.code = event_list.cameo WHERE " + where)) {
            bind(p, params);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new TensionEvent(rs.getObject(1, LocalDate.class),
                            EventRecord.actor(rs.getString(2), rs.getString(3)),
                            EventRecord.actor(rs.getString(4), rs.getString(5)), rs.getString(6), rs.getInt(7) / 1e6,
                            rs.getInt(8)));
                }
            }
        } catch (SQLException e) {
            throw new StatecraftException("event store query failed: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * The Goldstein value of a stored event in millionths: the bundled table's for its code, else the file's own
     * value (as {@link org.statecraft.events.gdelt.GdeltReader} assigns them).
     */
    private static String goldsteinSql(boolean icewsScale) {
        return icewsScale ? "coalesce(t.icews, t.gdelt, goldstein_own_micros)" : "coalesce(t.gdelt, goldstein_own_micros)";
    }

    /**
     * One side as SQL, the codes written as literals: safe, because {@link ActorSpec} admits only three capital
     * letters. On {@code dyad_days} ({@code numbered}) the columns hold code numbers, so the codes are looked up in
     * {@code codes} (a code never stored matches nothing).
     */
    private static String side(String n, ActorSpec spec, boolean numbered) {
        String country = "actor" + n + "_country = " + literal(spec.country(), numbered);
        if (spec.group() == null) {
            return country;
        }
        return "(" + country + " AND actor" + n + "_group = " + literal(spec.group(), numbered) + ")";
    }

    private static String literal(String code, boolean numbered) {
        return numbered ? "(SELECT id FROM codes WHERE code = '" + code + "')" : "'" + code + "'";
    }

    private static String dyadSql(Dyad d, boolean numbered) {
        String forward = "(" + side("1", d.a(), numbered) + " AND " + side("2", d.b(), numbered) + ")";
        if (d.directed()) {
            return forward;
        }
        return "(" + forward + " OR (" + side("1", d.b(), numbered) + " AND " + side("2", d.a(), numbered) + "))";
    }

    private static void bind(PreparedStatement p, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            p.setObject(i + 1, params.get(i));
        }
    }

    private interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    private void query(String sql, RowConsumer each) {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                each.accept(rs);
            }
        } catch (SQLException e) {
            throw new StatecraftException("event store query failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            throw new StatecraftException("cannot close the event store: " + e.getMessage(), e);
        }
    }

    /**
     * Appends rows to {@code events} and {@code event_names}, malformed ones to {@code malformed_rows}; gives codes
     * their numbers (new ones are kept in {@link #newCodes} for {@code codes}); keeps the first malformed rows for
     * the result. Used on the ingest thread only.
     */
    private static final class Sink implements RowHandler {
        final String fileName;
        final EventFormat format;
        final byte source;
        final int fileId;
        final Map<String, Integer> codeIds;
        final Map<String, Integer> newCodes = new LinkedHashMap<>();
        int nextCodeId;
        DuckDBAppender events;
        DuckDBAppender names;
        DuckDBAppender bad;
        long good;
        long malformed;
        long namesAppended;
        long lineBase;
        long minId = Long.MAX_VALUE;
        long maxId = Long.MIN_VALUE;
        long lastId = Long.MIN_VALUE;
        boolean increasing = true;
        final List<MalformedRow> kept = new ArrayList<>();
        SQLException failure;

        Sink(String fileName, EventFormat format, int fileId, Map<String, Integer> codeIds) {
            this.fileName = fileName;
            this.format = format;
            this.source = (byte) format.storeId();
            this.fileId = fileId;
            this.codeIds = codeIds;
            this.nextCodeId = codeIds.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        }

        int codeId(String code) {
            if (code == null || code.isEmpty()) {
                return -1;
            }
            Integer id = codeIds.get(code);
            if (id == null) {
                id = nextCodeId++;
                codeIds.put(code, id);
                newCodes.put(code, id);
            }
            return id;
        }

        private void code(int id) throws SQLException {
            if (id < 0) {
                events.appendNull();
            } else {
                events.append(id);
            }
        }

        private void numericKey(long id) {
            increasing &= id > lastId;
            lastId = id;
            minId = Math.min(minId, id);
            maxId = Math.max(maxId, id);
        }

        /** Widths of the events columns for {@link StatecraftChunkAppender} (event_key: GDELT rows leave it null). */
        static final int[] EVENT_WIDTHS = {1, 8, 16, 4, 4, 4, 4, 4, 4, 1, 4, 8, 8, 4};
        StatecraftChunkAppender chunks;
        private int chunkRows;

        /** One parsed GDELT block, its lines numbered after the blocks before it (whole chunks, no value-wise calls). */
        void batch(GdeltBulkParser.Batch b) throws SQLException {
            int[] ids = new int[b.codes.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = codeId(b.codes.get(i));
            }
            StatecraftChunkAppender a = chunks;
            int cap = a.capacity();
            int row = chunkRows;
            for (int r = 0; r < b.rows; r++) {
                numericKey(b.id[r]);
                a.column(0).put(row, source);
                a.column(1).putLong(row * 8, b.id[r]);
                a.setNull(2, row);
                a.column(3).putInt(row * 4, b.day[r]);
                code(a, 4, row, ids, b.actor1Country[r]);
                code(a, 5, row, ids, b.actor1Group[r]);
                code(a, 6, row, ids, b.actor2Country[r]);
                code(a, 7, row, ids, b.actor2Group[r]);
                a.column(8).putInt(row * 4, ids[b.cameo[r]]);
                a.column(9).put(row, b.quad[r]);
                if (b.own[r] == GdeltBulkParser.NO_OWN) {
                    a.setNull(10, row);
                } else {
                    a.column(10).putInt(row * 4, b.own[r]);
                }
                a.column(11).putLong(row * 8, b.dateAdded[r]);
                a.column(12).putLong(row * 8, b.nearKey[r]);
                a.column(13).putInt(row * 4, fileId);
                if (++row == cap) {
                    a.append(row); // and starts a new chunk, with new column buffers
                    row = 0;
                }
            }
            chunkRows = row;
            good += b.rows;
            for (int j = 0; j < b.badLines.size(); j++) {
                malformed(new MalformedRow(fileName, lineBase + b.badLines.get(j), b.badReasons.get(j)));
            }
            lineBase += b.lines;
        }

        private static void code(StatecraftChunkAppender a, int col, int row, int[] ids, int local) {
            if (local < 0) {
                a.setNull(col, row);
            } else {
                a.column(col).putInt(row * 4, ids[local]);
            }
        }

        /** Appends the last, partly filled chunk. */
        void finishChunks() throws SQLException {
            if (chunks != null) {
                chunks.append(chunkRows);
                chunkRows = 0;
                chunks.flush();
            }
        }

        @Override
        public void event(EventRecord e) {
            if (failure != null) {
                return;
            }
            try {
                boolean numeric = format.numericKey();
                events.beginRow().append(source);
                if (numeric) {
                    long id = Long.parseLong(e.key());
                    numericKey(id);
                    events.append(id).appendNull();
                } else {
                    events.appendNull().append(e.key());
                }
                events.appendEpochDays(Math.toIntExact(e.date().toEpochDay()));
                code(codeId(e.actor1Country()));
                code(codeId(e.actor1Group()));
                code(codeId(e.actor2Country()));
                code(codeId(e.actor2Group()));
                events.append(codeId(e.cameo())).append((byte) e.quadClass());
                if (Double.isNaN(e.fileGoldstein())) {
                    events.appendNull();
                } else {
                    events.append((int) TensionIndex.micros(e.fileGoldstein()));
                }
                events.append(e.dateAdded()).append(NearKey.of(e.date(), e.actor1Code(), e.actor2Code(), e.cameo(),
                        e.geoFeature(), e.sourceUrl())).append(fileId).endRow();
                if (!numeric && (e.actor1Name() != null || e.actor2Name() != null)) {
                    names.beginRow().append(fileId).append(source).append(e.key());
                    if (e.actor1Name() == null) {
                        names.appendNull();
                    } else {
                        names.append(e.actor1Name());
                    }
                    if (e.actor2Name() == null) {
                        names.appendNull();
                    } else {
                        names.append(e.actor2Name());
                    }
                    names.endRow();
                    namesAppended++;
                }
                good++;
            } catch (SQLException ex) {
                failure = ex;
            }
        }

        @Override
        public void malformed(MalformedRow row) {
            malformed++;
            if (kept.size() < MALFORMED_KEPT_IN_RESULT) {
                kept.add(row);
            }
            if (failure != null) {
                return;
            }
            try {
                bad.beginRow().append(fileId).append(row.line()).append(row.reason()).endRow();
            } catch (SQLException ex) {
                failure = ex;
            }
        }
    }

    /** Reports raw bytes read, about every megabyte. */
    private static final class Progress extends FilterInputStream {
        private final LongConsumer listener;
        private long read;
        private long reported;

        Progress(InputStream in, LongConsumer listener) {
            super(in);
            this.listener = listener;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            read += n;
            if (listener != null && read - reported >= (1 << 20)) {
                reported = read;
                listener.accept(read);
            }
        }
    }
}
