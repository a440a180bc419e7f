package org.statecraft.events.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.duckdb.StatecraftChunkAppender;
import org.statecraft.core.DataFormatException;
import org.statecraft.core.StatecraftException;
import org.statecraft.events.EventFormat;
import org.statecraft.events.FileDigest;
import org.statecraft.events.EventReader;

/**
 * The ingest of one file in one transaction: rows are appended to {@code events}, {@code event_names} and {@code
 * malformed_rows} as they are read ({@link EventSink}; GDELT files through the {@link BulkPipeline}), the new codes
 * are added to {@code codes}, re-emissions (an option) and duplicates (a key stored before, or earlier in the file)
 * are deleted again, the file is recorded ({@code ingested_files}: path, size, SHA-256, counts) and the transaction
 * commits. The file's rows of the daily aggregate are, for a GDELT file read in bulk with nothing deleted again, the
 * sums taken while appending ({@link DyadDayAccumulator}), written in the same transaction; otherwise they are
 * computed from the stored rows once committed ({@link DyadDayAggregate#addFile}). An ingest stopped at any point (an
 * exception, a kill) leaves the store as it was before that file.
 *
 * <p>The SHA-256, and the MD5 when {@link IngestOptions#published()} names the file, are computed from the bytes the
 * parse reads ({@link FileDigests}): the file is read once. A published size is checked before reading; the MD5 at the
 * end of the file, before anything is committed, so a file that is not the published one is refused with none of its
 * rows stored.
 */
final class IngestTransaction {
    private final DuckDBConnection conn;
    private final DyadDayAggregate aggregate;
    private final StoreQueries queries;

    IngestTransaction(DuckDBConnection conn, DyadDayAggregate aggregate, StoreQueries queries) {
        this.conn = conn;
        this.aggregate = aggregate;
        this.queries = queries;
    }

    IngestResult ingest(Path file, EventFormat format, EventReader reader, IngestOptions options, LongConsumer progress,
            Runnable beforeCommit, boolean bulk) throws IOException {
        long size = Files.size(file);
        String abs = file.toAbsolutePath().normalize().toString();
        boolean useBulk = bulk && format.numericKey();
        String method = useBulk ? "bulk parser" : "reader";
        String name = file.getFileName().toString();
        String publishedMd5 = options.published() == null ? null : options.published().md5(name);
        OptionalLong publishedSize = options.published() == null ? OptionalLong.empty() : options.published().size(name);
        if (publishedSize.isPresent() && publishedSize.getAsLong() != size) {
            throw new DataFormatException(file.toString(), 0, 0, size + " bytes, published size "
                    + publishedSize.getAsLong() + ": not the published file, nothing stored");
        }
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
            FileDigests digests = new FileDigests(publishedMd5 != null);
            EventSink sink = new EventSink(file.toString(), format, fileId, loadCodes());
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
                            "events", StoreLayout.eventWidths())) {
                        sink.chunks = chunks;
                        sink.sums = new DyadDayAccumulator();
                        sink.bundled = aggregate::bundled;
                        rowsRead = BulkPipeline.read(file, format == EventFormat.GDELT2, sink, hashing(digests, progress));
                        sink.finishChunks();
                    }
                } else {
                    try (BufferedReader in = EventFormat.open(file, hashing(digests, progress))) {
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
            digests.finish(file);
            if (publishedMd5 != null) {
                String md5 = digests.md5Hex();
                if (!md5.equals(publishedMd5)) {
                    conn.rollback();
                    throw new DataFormatException(file.toString(), 0, 0, "MD5 " + md5 + ", published " + publishedMd5
                            + ": not the published file, none of its rows stored");
                }
            }
            String sha = digests.sha256Hex();
            if (pathWithHash(sha, format) != null) {
                conn.rollback();
                return skipped(file, format);
            }
            Predecessor before = predecessor(abs, sha, format);
            boolean replaced = before != null && options.replaceChanged();
            if (replaced) {
                deleteFile(before.fileId());
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
            // the sums taken while appending are the aggregate of the stored rows when no row was taken out again
            boolean summed = sink.sums != null && !sink.sums.overflowed() && collapsed == 0 && duplicates == 0;
            if (summed) {
                aggregate.appendFile(fileId, sink.sums);
                timing("aggregate appended (" + sink.sums.groups() + " rows)", t0);
            }
            recordFile(fileId, abs, size, sha, format, rowsRead, stored, duplicates, collapsed, sink.malformed);
            if (beforeCommit != null) {
                beforeCommit.run();
            }
            conn.commit();
            conn.setAutoCommit(true);
            timing("committed", t0);
            if (!summed) {
                aggregate.addFile(fileId);
                timing("aggregated", t0);
            }
            return new IngestResult(file.toString(), format, false, rowsRead, stored, duplicates, collapsed, sink.malformed,
                    List.copyOf(sink.kept), method, before == null ? null : before.path(), replaced);
        } catch (SQLException e) {
            throw new StatecraftException("event store error while ingesting " + file + ": " + e.getMessage(), e);
        } finally {
            Transactions.endTransaction(conn);
        }
    }

    /** A file whose content was ingested before as this format: nothing read, nothing stored. */
    private static IngestResult skipped(Path file, EventFormat format) {
        return new IngestResult(file.toString(), format, true, 0, 0, 0, 0, 0, List.of(), "none", null, false);
    }

    /** An ingested file this one is a changed version of. */
    private record Predecessor(int fileId, String path) {
    }

    /**
     * The latest ingested file of the same name and format with other content, or null. The SQL keeps only the paths
     * that end in the name after a separator (it read back every file of the format, each ingest of a many-file fetch
     * a little longer than the one before); the file name is then compared as before.
     */
    private Predecessor predecessor(String abs, String sha, EventFormat format) throws SQLException {
        String name = Path.of(abs).getFileName().toString();
        try (PreparedStatement p = conn.prepareStatement("SELECT file_id, path FROM ingested_files WHERE format = ? "
                + "AND sha256 <> ? AND (path = ? OR ends_with(path, ?) OR ends_with(path, ?)) ORDER BY file_id DESC")) {
            p.setString(1, format.storeName());
            p.setString(2, sha);
            p.setString(3, name);
            p.setString(4, "/" + name);
            p.setString(5, "\\" + name);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    if (Path.of(rs.getString(2)).getFileName().toString().equals(name)) {
                        return new Predecessor(rs.getInt(1), rs.getString(2));
                    }
                }
            }
        }
        return null;
    }

    /** Deletes an ingested file's rows, its aggregate and its record, in the caller's transaction. */
    private void deleteFile(int fileId) throws SQLException {
        try (Statement s = conn.createStatement()) {
            for (String table : List.of("events", "event_names", "malformed_rows", "ingested_files")) {
                s.execute("DELETE FROM " + table + " WHERE file_id = " + fileId);
            }
            DyadDayAggregate.removeFile(s, fileId);
        }
    }

    /** Reads a file's raw bytes through the digests and the progress listener. */
    private static UnaryOperator<InputStream> hashing(FileDigests digests, LongConsumer progress) {
        return raw -> new ByteProgress(digests.wrap(raw), progress);
    }

    /** The stored codes by text. */
    private Map<String, Integer> loadCodes() {
        Map<String, Integer> out = new HashMap<>();
        queries.query("SELECT code, id FROM codes", rs -> out.put(rs.getString(1), rs.getInt(2)));
        return out;
    }

    /**
     * Deletes this file's rows whose key is stored from another file or comes earlier in this file (the first
     * occurrence is kept); returns how many. GDELT files list GLOBALEVENTIDs in increasing order, and a file whose ids
     * increase has no repeat, so the within-file check is skipped then; the check against the store looks only at
     * stored ids in the file's range.
     */
    private long removeDuplicates(EventSink k, int fileId) throws SQLException {
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
                    ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000);
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
                + EventStore.REEMISSION_WINDOW_MINUTES + ")";
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
        return FileDigest.hex(file, "SHA-256");
    }
}
