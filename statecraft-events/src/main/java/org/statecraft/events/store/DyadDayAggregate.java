package org.statecraft.events.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.duckdb.StatecraftChunkAppender;
import org.statecraft.core.tension.TensionIndex;
import org.statecraft.io.cameo.CameoCodebook;

/**
 * The daily aggregate {@code dyad_days} (see {@link StoreLayout#AGG_COLUMNS}) and the bundled Goldstein tables it is
 * computed with, loaded per connection as the temporary table {@code cameo_goldstein}. The aggregate is kept equal to
 * the stored events: one file's rows are written with the file (the ingest's own sums, {@link #appendFile}) or added
 * once it is committed ({@link #addFile}), files committed but not aggregated (a kill between the two transactions) are
 * added on open, and the whole table is rebuilt when the bundled tables change.
 */
final class DyadDayAggregate {
    private static final long[] NOT_BUNDLED = {DyadDayAccumulator.NONE, DyadDayAccumulator.NONE};
    private final DuckDBConnection conn;
    /** Fingerprint of the bundled Goldstein tables the aggregate is computed with. */
    private final String codebookFingerprint;
    /** The same tables for the ingest's own sums, code → the values of {@link #bundled(String)}. */
    private final Map<String, long[]> bundled = new HashMap<>();

    /** Loads the bundled tables into {@code temp.cameo_goldstein} of this connection. */
    DyadDayAggregate(DuckDBConnection conn) throws SQLException {
        this.conn = conn;
        this.codebookFingerprint = loadCodebook(conn, bundled);
    }

    /**
     * The bundled Goldstein values {@link #aggregate(Statement, String)} takes for an EventCode, in millionths: {GDELT's, ICEWS's else
     * GDELT's}, each {@link DyadDayAccumulator#NONE} when neither table has one (the file's own value is then taken,
     * as the SQL's coalesce does). Not to be modified.
     */
    long[] bundled(String code) {
        return bundled.getOrDefault(code, NOT_BUNDLED);
    }

    /** The bundled Goldstein values (both scales, in millionths) as a temporary table the queries join. */
    private static String loadCodebook(DuckDBConnection conn, Map<String, long[]> bundled) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE OR REPLACE TEMP TABLE cameo_goldstein (code VARCHAR, gdelt INTEGER, icews INTEGER)");
        }
        CameoCodebook g = CameoCodebook.of(CameoCodebook.Scale.GDELT);
        CameoCodebook i = CameoCodebook.of(CameoCodebook.Scale.ICEWS);
        Set<String> codes = new TreeSet<>();
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
                long gdelt = gm == null ? DyadDayAccumulator.NONE : gm;
                bundled.put(code, new long[] {gdelt, im == null ? gdelt : im});
                table.append(code).append('\t').append(gm).append('\t').append(im).append('\n');
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(table.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Adds to {@code dyad_days} the aggregates of the stored events matching {@code where} (one file's, or all), with
     * both scales' Goldstein values (the bundled table's for the code, else the file's own value), keyed by the code
     * numbers (writing them is a quarter cheaper than writing the codes as text).
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
     * transaction. A kill between the two leaves a file not marked, which {@link #ensure} aggregates on the next open,
     * so every query (always on an opened store) sees the aggregate of exactly the stored events.
     */
    void addFile(int fileId) throws SQLException {
        Transactions.inTransaction(conn, () -> {
            try (Statement s = conn.createStatement()) {
                aggregate(s, "file_id = " + fileId);
                markAggregated(s, fileId);
            }
        });
    }

    /**
     * Writes one file's aggregate as the ingest summed it ({@link DyadDayAccumulator}) and marks the file aggregated,
     * in the ingest's own transaction: the file's events and its aggregate are committed together.
     */
    void appendFile(int fileId, DyadDayAccumulator sums) throws SQLException {
        try (StatecraftChunkAppender a = new StatecraftChunkAppender(conn, DuckDBConnection.DEFAULT_SCHEMA, "dyad_days",
                DyadDayAccumulator.widths())) {
            sums.appendTo(a, fileId);
        }
        try (Statement s = conn.createStatement()) {
            markAggregated(s, fileId);
        }
    }

    private static void markAggregated(Statement s, int fileId) throws SQLException {
        s.execute("INSERT INTO aggregated_files VALUES (" + fileId + ")");
    }

    /** Takes a file's rows out of {@code dyad_days}, in the caller's transaction (a file replaced by a new version). */
    static void removeFile(Statement s, int fileId) throws SQLException {
        s.execute("DELETE FROM dyad_days WHERE file_id = " + fileId);
        s.execute("DELETE FROM aggregated_files WHERE file_id = " + fileId);
    }

    /** True when the aggregate is that of the stored events with the bundled tables (nothing for {@link #ensure} to do). */
    boolean current() throws SQLException {
        return codebookFingerprint.equals(storedFingerprint()) && unaggregated().isEmpty();
    }

    private String storedFingerprint() throws SQLException {
        try (PreparedStatement p = conn.prepareStatement("SELECT value FROM store_meta WHERE name = 'codebook'");
                ResultSet rs = p.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private List<Integer> unaggregated() throws SQLException {
        List<Integer> missing = new ArrayList<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT file_id FROM ingested_files "
                + "WHERE file_id NOT IN (SELECT file_id FROM aggregated_files) ORDER BY file_id")) {
            while (rs.next()) {
                missing.add(rs.getInt(1));
            }
        }
        return missing;
    }

    /**
     * Adds the files committed but not aggregated; or rebuilds {@code dyad_days} from the stored events, in one
     * transaction, when it was computed with other bundled Goldstein tables (a new release) or never (a store from
     * before the aggregate existed).
     */
    void ensure() throws SQLException {
        if (codebookFingerprint.equals(storedFingerprint())) {
            for (int id : unaggregated()) {
                addFile(id);
            }
            return;
        }
        Transactions.inTransaction(conn, () -> {
            try (Statement s = conn.createStatement()) {
                s.execute("DELETE FROM dyad_days");
                s.execute("DELETE FROM aggregated_files");
                aggregate(s, "TRUE");
                s.execute("INSERT INTO aggregated_files SELECT file_id FROM ingested_files");
                try (PreparedStatement p = conn.prepareStatement("INSERT OR REPLACE INTO store_meta VALUES ('codebook', ?)")) {
                    p.setString(1, codebookFingerprint);
                    p.executeUpdate();
                }
            }
        });
    }
}
