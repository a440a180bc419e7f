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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
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
import org.statecraft.events.RowHandler;
import org.statecraft.io.cameo.CameoCodebook;

/**
 * The embedded DuckDB event store: one file {@code events.duckdb} in a workspace folder.
 *
 * <p>Ingest of a file: the reader streams rows into a temporary staging table through DuckDB's Appender
 * (constant Java heap whatever the file size), then one transaction inserts the staged rows whose key
 * ({@code source} and GDELT's numeric {@code event_id} or the others' {@code event_key}) is not yet stored, records the file ({@code ingested_files}: path, size, SHA-256,
 * counts) and its malformed rows ({@code malformed_rows}), and commits. An ingest stopped at any point (an
 * exception, a kill) leaves the store as it was before that file, since staging is temporary and the
 * insert is one transaction; running it again completes it. A file whose content hash is already recorded is
 * skipped; any other file adds only events whose key is new, so ingest is idempotent.
 *
 * <p>Goldstein values are stored as whole millionths, for both scales, so the period aggregates computed in
 * SQL ({@link #tension}) are exactly those of the pure {@link TensionIndex}.
 */
public final class EventStore implements AutoCloseable {
    /** GDELT 2.0 re-emissions are looked for within this many minutes of DATEADDED. */
    public static final int REEMISSION_WINDOW_MINUTES = 90;
    /** How many malformed rows an {@link IngestResult} carries (all are in the store). */
    public static final int MALFORMED_KEPT_IN_RESULT = 1000;

    /** The columns after the key, shared by staging and events. */
    private static final String VALUE_COLUMNS = "event_date DATE NOT NULL, "
            + "actor1_code VARCHAR, actor1_name VARCHAR, actor1_country VARCHAR, actor1_group VARCHAR, "
            + "actor2_code VARCHAR, actor2_name VARCHAR, actor2_country VARCHAR, actor2_group VARCHAR, "
            + "cameo VARCHAR NOT NULL, quad_class TINYINT NOT NULL, goldstein_own_micros INTEGER, date_added BIGINT";
    private static final String VALUE_NAMES = "event_date, actor1_code, actor1_name, "
            + "actor1_country, actor1_group, actor2_code, actor2_name, actor2_country, actor2_group, cameo, "
            + "quad_class, goldstein_own_micros, date_added";
    /**
     * What {@code events} gets of the staged values: the actor codes are not stored (left null; the columns stay
     * so that stores made before keep their layout). They entered only {@code near_key}, computed at ingest.
     */
    private static final String STORED_VALUE_NAMES = VALUE_NAMES.replace("actor1_code", "NULL")
            .replace("actor2_code", "NULL");
    /**
     * Staging holds the key as text; events hold GDELT's GLOBALEVENTID as a number ({@code event_id}, with
     * {@code event_key} null) and ICEWS's and ACLED's keys as text ({@code event_id} null): a numeric key is
     * several times cheaper to store and join than a unique string per row.
     */
    private static final String STAGING_COLUMNS = "source VARCHAR NOT NULL, event_key VARCHAR NOT NULL, " + VALUE_COLUMNS;
    private static final String EVENT_COLUMNS = "source VARCHAR NOT NULL, event_id BIGINT, event_key VARCHAR, "
            + VALUE_COLUMNS + ", near_key UBIGINT, file_id INTEGER NOT NULL";
    private static final String NUMERIC_KEY = "source IN ('gdelt1', 'gdelt2')";
    /** What a re-emitted GDELT 2.0 event repeats: day, both actor codes, event code, ActionGeo feature, URL. */
    private static final String NEAR_KEY = "hash(event_date, actor1_code, actor2_code, cameo, geo_feature, source_url)";

    /**
     * The daily aggregate the tension queries read: per (actor1 country, actor1 group, actor2 country, actor2
     * group, day) and ingested file, the event count, the count per QuadClass and, for both Goldstein scales, the
     * sum, the cooperative sum and the conflictual sum in whole millionths. Events without a country on either side
     * are left out (no dyad side can match them). Rows are added per file in the transaction that stores the file's
     * events, so the aggregate always covers exactly the stored events; weeks and months are sums of days.
     */
    private static final String AGG_COLUMNS = "actor1_country VARCHAR NOT NULL, actor1_group VARCHAR, "
            + "actor2_country VARCHAR NOT NULL, actor2_group VARCHAR, event_date DATE NOT NULL, file_id INTEGER NOT NULL, "
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
                // no query here relies on scan order, and inserts run in parallel without it
                s.execute("SET preserve_insertion_order = false");
                s.execute("CREATE TABLE IF NOT EXISTS events (" + EVENT_COLUMNS + ")");
                s.execute("CREATE TABLE IF NOT EXISTS ingested_files (file_id INTEGER PRIMARY KEY, path VARCHAR NOT NULL, "
                        + "size BIGINT NOT NULL, sha256 VARCHAR NOT NULL, format VARCHAR NOT NULL, rows_read BIGINT, "
                        + "stored BIGINT, duplicates BIGINT, collapsed BIGINT, malformed BIGINT, ingested_at TIMESTAMP)");
                s.execute("CREATE TABLE IF NOT EXISTS malformed_rows (file_id INTEGER NOT NULL, line BIGINT NOT NULL, "
                        + "reason VARCHAR NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS dyad_days (" + AGG_COLUMNS + ")");
                s.execute("CREATE TABLE IF NOT EXISTS aggregated_files (file_id INTEGER PRIMARY KEY)");
                s.execute("CREATE TABLE IF NOT EXISTS store_meta (name VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)");
            }
            EventStore store = new EventStore(dir, c);
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

    /** Ingests one file (see the class comment). {@code progress} receives raw bytes read so far; may be null. */
    public IngestResult ingest(Path file, IngestOptions options, LongConsumer progress) throws IOException {
        EventFormat format = options.format() != null ? options.format() : EventFormat.detect(file);
        return ingest(file, format, format.reader(), options, progress, null, true);
    }

    /**
     * The ingest itself, with the reader given and a hook run just before the commit (tests use both to
     * simulate a failure midway).
     */
    IngestResult ingest(Path file, EventFormat format, EventReader reader, IngestOptions options, LongConsumer progress,
            Runnable beforeCommit, boolean allowFast) throws IOException {
        long size = Files.size(file);
        String abs = file.toAbsolutePath().normalize().toString();
        try {
            if (sizeKnown(size)) {
                String sha = sha256(file);
                String already = pathWithHash(sha, format);
                if (already != null) {
                    return new IngestResult(file.toString(), format, true, 0, 0, 0, 0, 0, List.of(), "none");
                }
            }
            if (allowFast && format == EventFormat.GDELT2 && !compressed(file) && !options.collapseReemitted()) {
                IngestResult fast = ingestWithReadCsv(file, abs, size, progress, beforeCommit);
                if (fast != null) {
                    return fast;
                }
            }
            try (Statement s = conn.createStatement()) {
                s.execute("CREATE OR REPLACE TEMP TABLE staging (" + STAGING_COLUMNS + ", source_url VARCHAR, geo_feature VARCHAR)");
                s.execute("CREATE OR REPLACE TEMP TABLE staging_malformed (line BIGINT, reason VARCHAR)");
            }
            long t0 = System.nanoTime();
            StagingHandler h = new StagingHandler();
            long rowsRead;
            String sha;
            String method;
            {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                try (DuckDBAppender events = conn.createAppender("temp", "main", "staging");
                        DuckDBAppender bad = conn.createAppender("temp", "main", "staging_malformed");
                        BufferedReader in = EventFormat.open(file,
                                raw -> new Progress(new DigestInputStream(raw, md), progress))) {
                    h.events = events;
                    h.bad = bad;
                    rowsRead = reader.read(in, file.toString(), h);
                    if (h.failure != null) {
                        throw h.failure;
                    }
                }
                sha = HexFormat.of().formatHex(md.digest());
                method = "reader";
            }
            timing("staged (" + method + ")", t0);
            return commit(file, abs, size, sha, format, options, rowsRead, h, beforeCommit, method);
        } catch (SQLException e) {
            rollbackQuietly();
            throw new StatecraftException("event store error while ingesting " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException | IOException e) {
            rollbackQuietly();
            throw e;
        } finally {
            dropStagingQuietly();
        }
    }

    private IngestResult commit(Path file, String abs, long size, String sha, EventFormat format, IngestOptions options,
            long rowsRead, StagingHandler h, Runnable beforeCommit, String method) throws SQLException {
        conn.setAutoCommit(false);
        try (Statement s = conn.createStatement()) {
            String already = pathWithHash(sha, format);
            if (already != null) {
                conn.rollback();
                return new IngestResult(file.toString(), format, true, 0, 0, 0, 0, 0, List.of(), method);
            }
            int fileId = nextFileId();
            long t1 = System.nanoTime();
            long collapsed = 0;
            if (options.collapseReemitted() && format == EventFormat.GDELT2) {
                collapsed = s.executeUpdate(collapseSql());
            }
            long stored = s.executeUpdate("INSERT INTO events SELECT source, id, txt, " + STORED_VALUE_NAMES + ", " + NEAR_KEY
                    + ", " + fileId + " FROM (SELECT DISTINCT ON (s.source, s.id, s.txt) s.* FROM (SELECT *, "
                    + "CASE WHEN " + NUMERIC_KEY + " THEN CAST(event_key AS BIGINT) END AS id, "
                    + "CASE WHEN " + NUMERIC_KEY + " THEN NULL ELSE event_key END AS txt FROM staging) s "
                    + "ANTI JOIN events e ON e.source = s.source AND e.event_id IS NOT DISTINCT FROM s.id "
                    + "AND e.event_key IS NOT DISTINCT FROM s.txt)");
            long duplicates = h.good - collapsed - stored;
            timing("inserted", t1);
            s.executeUpdate("INSERT INTO malformed_rows SELECT " + fileId + ", line, reason FROM staging_malformed");
            recordFile(fileId, abs, size, sha, format, rowsRead, stored, duplicates, collapsed, h.malformed);
            if (beforeCommit != null) {
                beforeCommit.run();
            }
            conn.commit();
            timing("committed", t1);
            aggregateFile(fileId);
            timing("aggregated", t1);
            return new IngestResult(file.toString(), format, false, rowsRead, stored, duplicates, collapsed, h.malformed,
                    List.copyOf(h.kept), method);
        } finally {
            if (!conn.getAutoCommit()) {
                rollbackQuietly();
                conn.setAutoCommit(true);
            }
        }
    }

    private static final boolean TIMING = Boolean.getBoolean("statecraft.events.timing");

    /** Phase timings on stderr with {@code -Dstatecraft.events.timing=true} (for bench/events.sh). */
    private static void timing(String phase, long since) {
        if (TIMING) {
            System.err.printf("  %s after %d ms%n", phase, (System.nanoTime() - since) / 1_000_000);
        }
    }

    private static boolean compressed(Path file) {
        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".zip") || n.endsWith(".gz");
    }

    /** A file staged by DuckDB's own CSV reader: its line count and content hash. */
    private record FastStage(long lines, String sha256) {
    }

    /**
     * Ingests a plain GDELT 2.0 file with DuckDB's parallel {@code read_csv}, straight into {@code events} in one
     * transaction, checking each row as {@link org.statecraft.events.gdelt.GdeltReader} does (the SQL conditions
     * are the same or stricter), while a second thread hashes the file and counts its lines. If any line was
     * rejected, failed a check or was skipped (a blank line), the transaction is rolled back and null returned:
     * the caller then reads the file with the Java reader, which reports each bad row with its line. So this path
     * only ever handles files the reader would read without a malformed row, and stores exactly what it would
     * (a test compares the two).
     */
    private IngestResult ingestWithReadCsv(Path file, String abs, long size, LongConsumer progress,
            Runnable beforeCommit) throws SQLException, IOException {
        long t0 = System.nanoTime();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "statecraft-hash");
            t.setDaemon(true);
            return t;
        });
        try {
            java.util.concurrent.Future<FastStage> scan = pool.submit(() -> hashAndCountLines(file, progress));
            StringBuilder cols = new StringBuilder();
            for (int i = 0; i < 61; i++) {
                cols.append(i == 0 ? "" : ", ").append("'c").append(i).append("': 'VARCHAR'");
            }
            String path = file.toAbsolutePath().toString().replace("'", "''");
            // the file's own value, exact in millionths; the bundled table's value replaces it at query time
            String own = "CAST(TRY_CAST(c30 AS DECIMAL(8,6)) * 1000000 AS INTEGER)";
            // all ASCII digits, so many; a regular expression is about 4x cheaper here than ltrim(...) = '' AND length(...)
            String digits = "regexp_full_match(%1$s, '[0-9]{%2$d,%3$d}')";
            conn.setAutoCommit(false);
            int fileId = nextFileId();
            boolean anyGdelt2 = false;
            try (Statement s = conn.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) > 0 FROM events WHERE source = 'gdelt2'")) {
                rs.next();
                anyGdelt2 = rs.getBoolean(1);
            }
            String sql = "INSERT INTO events SELECT 'gdelt2', CAST(c0 AS BIGINT), NULL, d, NULL, NULL, nullif(c7, ''), "
                    + "nullif(c8, ''), NULL, NULL, nullif(c17, ''), nullif(c18, ''), c26, CAST(c29 AS TINYINT), "
                    + "own, CASE WHEN " + String.format(digits, "c59", 1, 18) + " THEN CAST(c59 AS BIGINT) ELSE 0 END, "
                    + "hash(d, nullif(c5, ''), nullif(c15, ''), c26, nullif(c58, ''), nullif(c60, '')), " + fileId
                    + " FROM (SELECT *, CAST(try_strptime(c1, '%Y%m%d') AS DATE) AS d, " + own + " AS own "
                    + "FROM read_csv('" + path + "', delim = '\\t', "
                    + "quote = '', escape = '', header = false, auto_detect = false, columns = {" + cols + "}, "
                    + "store_rejects = true, rejects_table = 'staging_rejects', rejects_scan = 'staging_scans')) r "
                    + "WHERE " + String.format(digits, "c0", 1, 18) + " AND " + String.format(digits, "c1", 8, 8)
                    + " AND d IS NOT NULL "
                    + "AND substr(c26, 1, 2) IN ('01','02','03','04','05','06','07','08','09','10','11','12','13','14',"
                    + "'15','16','17','18','19','20') AND c29 IN ('1', '2', '3', '4') "
                    + "AND own BETWEEN -10000000 AND 10000000 ";
            String fromValid = sql.substring(sql.indexOf(" FROM (SELECT *, "));
            if (anyGdelt2) {
                sql += "AND NOT EXISTS (SELECT 1 FROM events e WHERE e.source = 'gdelt2' AND e.event_id = CAST(r.c0 AS BIGINT))";
            }
            long inserted;
            long passed;
            long rejected;
            try (Statement s = conn.createStatement()) {
                s.execute("DROP TABLE IF EXISTS temp.staging_rejects");
                s.execute("DROP TABLE IF EXISTS temp.staging_scans");
                inserted = s.executeUpdate(sql);
                try (ResultSet rs = s.executeQuery("SELECT count(DISTINCT line) FROM temp.staging_rejects")) {
                    rs.next();
                    rejected = rs.getLong(1);
                }
                s.execute("DROP TABLE IF EXISTS temp.staging_rejects");
                s.execute("DROP TABLE IF EXISTS temp.staging_scans");
            }
            FastStage scanned = scan.get();
            timing("read_csv insert", t0);
            if (rejected > 0) {
                conn.rollback();
                conn.setAutoCommit(true);
                return null;
            }
            long stored = inserted;
            try (Statement s = conn.createStatement();
                    // the inserted rows less their distinct keys (a DISTINCT subquery runs in parallel, count(DISTINCT) not)
                    ResultSet rs = s.executeQuery("SELECT " + inserted + " - count(*) FROM (SELECT DISTINCT event_id "
                            + "FROM events WHERE file_id = " + fileId + ")")) {
                rs.next();
                if (rs.getLong(1) > 0) { // the same GLOBALEVENTID twice in the file: keep one
                    stored -= s.executeUpdate("DELETE FROM events WHERE file_id = " + fileId + " AND rowid NOT IN "
                            + "(SELECT min(rowid) FROM events WHERE file_id = " + fileId + " GROUP BY event_id)");
                }
            }
            // every line must be accounted for: stored, or a duplicate of a stored event (checked by key)
            long duplicatesOfStore = inserted == scanned.lines() ? 0 : countKnownKeys(fromValid, fileId);
            passed = inserted + duplicatesOfStore;
            if (passed != scanned.lines()) {
                conn.rollback();
                conn.setAutoCommit(true);
                return null;
            }
            if (pathWithHash(scanned.sha256(), EventFormat.GDELT2) != null) {
                conn.rollback();
                conn.setAutoCommit(true);
                return new IngestResult(file.toString(), EventFormat.GDELT2, true, 0, 0, 0, 0, 0, List.of(), "none");
            }
            long duplicates = scanned.lines() - stored;
            recordFile(fileId, abs, size, scanned.sha256(), EventFormat.GDELT2, scanned.lines(), stored, duplicates, 0, 0);
            if (beforeCommit != null) {
                beforeCommit.run();
            }
            conn.commit();
            conn.setAutoCommit(true);
            timing("committed", t0);
            aggregateFile(fileId);
            timing("aggregated", t0);
            return new IngestResult(file.toString(), EventFormat.GDELT2, false, scanned.lines(), stored, duplicates, 0, 0,
                    List.of(), "duckdb read_csv");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while hashing " + file, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
            if (!conn.getAutoCommit()) {
                rollbackQuietly();
                conn.setAutoCommit(true);
            }
        }
    }

    /** Valid lines of the file (the {@code FROM ... WHERE} of the insert) whose key was stored before. */
    private long countKnownKeys(String fromValid, int fileId) throws SQLException {
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*)" + fromValid.replace("store_rejects = true, "
                        + "rejects_table = 'staging_rejects', rejects_scan = 'staging_scans'", "ignore_errors = true")
                        + "AND EXISTS (SELECT 1 FROM events e WHERE e.source = 'gdelt2' AND e.event_id = CAST(r.c0 AS BIGINT) "
                        + "AND e.file_id <> " + fileId + ")")) {
            rs.next();
            return rs.getLong(1);
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

    /** SHA-256 of the bytes and the number of lines (a last line without a newline counts). */
    private static FastStage hashAndCountLines(Path file, LongConsumer progress) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 20];
            long lines = 0;
            long total = 0;
            byte last = '\n';
            int n;
            java.nio.ByteBuffer words = java.nio.ByteBuffer.wrap(buf).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            while ((n = in.readNBytes(buf, 0, buf.length)) > 0) {
                md.update(buf, 0, n);
                int i = 0;
                for (; i + 8 <= n; i += 8) {
                    lines += newlines(words.getLong(i));
                }
                for (; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
                last = buf[n - 1];
                total += n;
                if (progress != null) {
                    progress.accept(total);
                }
            }
            if (last != '\n') {
                lines++;
            }
            return new FastStage(lines, HexFormat.of().formatHex(md.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

    /** How many of the 8 bytes of {@code word} are '\n' (exact: no carries between bytes). */
    static int newlines(long word) {
        long x = word ^ 0x0A0A0A0A0A0A0A0AL; // a newline byte becomes 0
        long t = (x & LOW7) + LOW7; // high bit set where the low 7 bits are not all 0
        return Long.bitCount(~(t | x | LOW7)); // high bit left only where the byte is 0
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
     * with both scales' Goldstein values (the bundled table's for the code, else the file's own value).
     */
    private static void aggregate(Statement s, String where) throws SQLException {
        // the values computed once per row; sums of greatest/least rather than FILTERed sums (about half the time)
        s.executeUpdate("INSERT INTO dyad_days SELECT actor1_country, actor1_group, actor2_country, actor2_group, "
                + "event_date, file_id, count(*), sum(CAST(quad_class = 1 AS INTEGER)), "
                + "sum(CAST(quad_class = 2 AS INTEGER)), sum(CAST(quad_class = 3 AS INTEGER)), "
                + "sum(CAST(quad_class = 4 AS INTEGER)), " + sums("g") + ", " + sums("i")
                + " FROM (SELECT actor1_country, actor1_group, actor2_country, actor2_group, event_date, file_id, "
                + "quad_class, " + goldsteinSql(false) + " AS g, " + goldsteinSql(true) + " AS i "
                + "FROM events LEFT JOIN temp.cameo_goldstein t ON t.code = events.cameo WHERE " + where
                + " AND actor1_country IS NOT NULL AND actor2_country IS NOT NULL) "
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

    /** Deletes staged GDELT 2.0 rows that repeat an earlier event (stored or staged) within the window. */
    private static String collapseSql() {
        String ts = "strptime(CAST(%s.date_added AS VARCHAR), '%%Y%%m%%d%%H%%M%%S')";
        return "DELETE FROM staging s WHERE s.date_added > 0 AND EXISTS (SELECT 1 FROM ("
                + "SELECT near_key, date_added, CAST(event_id AS VARCHAR) AS event_key FROM events "
                + "WHERE source = 'gdelt2' AND date_added > 0 "
                + "UNION ALL SELECT " + NEAR_KEY + ", date_added, event_key FROM staging WHERE date_added > 0) o "
                + "WHERE o.near_key = " + NEAR_KEY.replace("(", "(s.").replace(", ", ", s.") + " AND o.event_key <> s.event_key "
                + "AND (o.date_added < s.date_added OR (o.date_added = s.date_added AND o.event_key < s.event_key)) "
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

    private void dropStagingQuietly() {
        try (Statement s = conn.createStatement()) {
            s.execute("DROP TABLE IF EXISTS temp.staging");
            s.execute("DROP TABLE IF EXISTS temp.staging_malformed");
        } catch (SQLException ignored) {
            // best effort: temporary tables vanish with the connection anyway
        }
    }

    /** Number of stored events, per source. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>();
        query("SELECT source, count(*) FROM events GROUP BY source ORDER BY source", rs -> out.put(rs.getString(1), rs.getLong(2)));
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
        query("SELECT * EXCLUDE (file_id) FROM events ORDER BY source, event_id, event_key", rs -> {
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
        return periodQuery(index, sql, from, to);
    }

    private static String periodSql(Period period) {
        return switch (period) {
            case DAY -> "event_date";
            case WEEK -> "CAST(date_trunc('week', event_date) AS DATE)";
            case MONTH -> "CAST(date_trunc('month', event_date) AS DATE)";
        };
    }

    /** Runs {@code sql} (ending in WHERE) with the dyad and range conditions, grouped by period {@code p}. */
    private List<TensionPoint> periodQuery(TensionIndex index, String sql, LocalDate from, LocalDate to) {
        List<Object> params = new ArrayList<>();
        String where = dyadSql(index.dyad(), params);
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
                + "FROM events LEFT JOIN temp.cameo_goldstein t ON t.code = events.cameo WHERE ";
        return periodQuery(index, sql, from, to);
    }

    /** The stored events as {@link TensionEvent}s (for the pure computation and the engine's comparison). */
    public List<TensionEvent> tensionEvents(Dyad dyad, boolean icewsScale) {
        List<Object> params = new ArrayList<>();
        String where = dyad == null ? "TRUE" : dyadSql(dyad, params);
        String g = goldsteinSql(icewsScale);
        List<TensionEvent> out = new ArrayList<>();
        try (PreparedStatement p = conn.prepareStatement("SELECT event_date, actor1_country, actor1_group, actor2_country, "
                + "actor2_group, cameo, " + g + ", quad_class FROM events LEFT JOIN temp.cameo_goldstein t "
                + "ON t.code = events.cameo WHERE " + where)) {
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
     * letters.
     */
    private static String side(String n, ActorSpec spec, List<Object> params) {
        String country = "actor" + n + "_country = '" + spec.country() + "'";
        if (spec.group() == null) {
            return country;
        }
        return "(" + country + " AND actor" + n + "_group = '" + spec.group() + "')";
    }

    private static String dyadSql(Dyad d, List<Object> params) {
        String forward = "(" + side("1", d.a(), params) + " AND " + side("2", d.b(), params) + ")";
        if (d.directed()) {
            return forward;
        }
        return "(" + forward + " OR (" + side("1", d.b(), params) + " AND " + side("2", d.a(), params) + "))";
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

    /** Appends good rows to staging, malformed ones to staging_malformed; keeps the first few for the result. */
    private static final class StagingHandler implements RowHandler {
        DuckDBAppender events;
        DuckDBAppender bad;
        long good;
        long malformed;
        final List<MalformedRow> kept = new ArrayList<>();
        SQLException failure;

        @Override
        public void event(EventRecord e) {
            if (failure != null) {
                return;
            }
            try {
                events.beginRow()
                        .append(e.source()).append(e.key()).append(e.date())
                        .append(e.actor1Code()).append(e.actor1Name()).append(e.actor1Country()).append(e.actor1Group())
                        .append(e.actor2Code()).append(e.actor2Name()).append(e.actor2Country()).append(e.actor2Group())
                        .append(e.cameo()).append((byte) e.quadClass())
                        .append(Double.isNaN(e.fileGoldstein()) ? null : (Integer) (int) TensionIndex.micros(e.fileGoldstein()))
                        .append(e.dateAdded()).append(e.sourceUrl()).append(e.geoFeature())
                        .endRow();
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
                bad.beginRow().append(row.line()).append(row.reason()).endRow();
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
