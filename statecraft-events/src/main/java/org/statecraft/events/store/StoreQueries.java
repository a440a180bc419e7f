package org.statecraft.events.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.statecraft.core.StatecraftException;
import org.statecraft.core.tension.ActorSpec;
import org.statecraft.core.tension.Dyad;
import org.statecraft.core.tension.Period;
import org.statecraft.core.tension.TensionEvent;
import org.statecraft.core.tension.TensionIndex;
import org.statecraft.core.tension.TensionPoint;
import org.statecraft.events.EventRecord;
import org.statecraft.events.MalformedRow;

/** The store's read side: counts, files, malformed rows and the tension series, from the aggregate or the events. */
final class StoreQueries {
    private final Connection conn;

    StoreQueries(Connection conn) {
        this.conn = conn;
    }

    /** A consumer of one result row. */
    interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    void query(String sql, RowConsumer each) {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                each.accept(rs);
            }
        } catch (SQLException e) {
            throw new StatecraftException("event store query failed: " + e.getMessage(), e);
        }
    }

    Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>();
        query("SELECT " + String.format(StoreLayout.SOURCE_NAME, "source") + " AS s, count(*) FROM events GROUP BY source "
                + "ORDER BY s", rs -> out.put(rs.getString(1), rs.getLong(2)));
        return out;
    }

    long count() {
        long[] n = {0};
        query("SELECT count(*) FROM events", rs -> n[0] = rs.getLong(1));
        return n[0];
    }

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

    List<EventStore.IngestedFile> files() {
        List<EventStore.IngestedFile> out = new ArrayList<>();
        query("SELECT file_id, path, size, sha256, format, rows_read, stored, duplicates, collapsed, malformed "
                + "FROM ingested_files ORDER BY file_id", rs -> out.add(new EventStore.IngestedFile(rs.getInt(1),
                        rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getLong(6), rs.getLong(7),
                        rs.getLong(8), rs.getLong(9), rs.getLong(10))));
        return out;
    }

    List<MalformedRow> malformedRows() {
        List<MalformedRow> out = new ArrayList<>();
        query("SELECT f.path, m.line, m.reason FROM malformed_rows m JOIN ingested_files f USING (file_id) "
                + "ORDER BY m.file_id, m.line", rs -> out.add(new MalformedRow(rs.getString(1), rs.getLong(2), rs.getString(3))));
        return out;
    }

    /** The tension series from {@code dyad_days}. */
    List<TensionPoint> tension(TensionIndex index, LocalDate from, LocalDate to, boolean icewsScale) {
        String scale = icewsScale ? "icews" : "gdelt";
        String sql = "SELECT " + periodSql(index.period()) + " AS p, CAST(sum(events) AS BIGINT), "
                + "CAST(sum(" + scale + "_sum) AS BIGINT), CAST(sum(" + scale + "_coop) AS BIGINT), "
                + "CAST(sum(" + scale + "_conf) AS BIGINT), CAST(sum(quad1) AS BIGINT), CAST(sum(quad2) AS BIGINT), "
                + "CAST(sum(quad3) AS BIGINT), CAST(sum(quad4) AS BIGINT) FROM dyad_days WHERE ";
        return periodQuery(index, sql, from, to, true);
    }

    /** The tension series computed in SQL from the raw events. */
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

    /** The stored events as {@link TensionEvent}s. */
    List<TensionEvent> tensionEvents(Dyad dyad, boolean icewsScale) {
        String where = dyad == null ? "TRUE" : dyadSql(dyad, false);
        String g = goldsteinSql(icewsScale);
        List<TensionEvent> out = new ArrayList<>();
        query("SELECT event_date, actor1_country, actor1_group, actor2_country, actor2_group, cameo, " + g
                + ", quad_class FROM event_list LEFT JOIN temp.cameo_goldstein t ON t.code = event_list.cameo WHERE "
                + where, rs -> out.add(new TensionEvent(rs.getObject(1, LocalDate.class),
                        EventRecord.actor(rs.getString(2), rs.getString(3)),
                        EventRecord.actor(rs.getString(4), rs.getString(5)), rs.getString(6), rs.getInt(7) / 1e6,
                        rs.getInt(8))));
        return out;
    }

    /**
     * The Goldstein value of a stored event in millionths: the bundled table's for its code, else the file's own value
     * (as {@link org.statecraft.events.gdelt.GdeltReader} assigns them).
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
}
