package org.statecraft.events.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.statecraft.events.EventFormat;

/**
 * The store's tables, written down once: the {@code events} columns (with the byte width the bulk appender writes),
 * the other tables, the {@code event_list} view, and the conversion of a store of the first layout.
 *
 * <p>Layout (version 2): {@code events} holds one row per event with its countries, groups and event code as numbers
 * into {@code codes} (a few hundred distinct strings over millions of rows: numbers are several times cheaper to write
 * and group by), actor names of ICEWS and ACLED in {@code event_names}, and the view {@code event_list} shows the
 * events with their codes as text.
 */
final class StoreLayout {
    /** The store layout this class writes ({@code store_meta.layout}). */
    static final String LAYOUT = "2";

    /**
     * One column of {@code events}; {@code width} is the bytes per value of the bulk appender ({@link
     * org.duckdb.StatecraftChunkAppender}), 16 for the one text column (GDELT rows leave it null).
     */
    record Column(String name, String type, int width) {
        String ddl() {
            return name + " " + type;
        }
    }

    /**
     * The {@code events} columns. {@code source} is {@link EventFormat#storeId()}; GDELT's GLOBALEVENTID is {@code
     * event_id}, ICEWS's and ACLED's keys {@code event_key} (a number is several times cheaper to store and join than a
     * unique string per row); countries, groups and the event code are {@code codes.id}; {@code near_key} is {@link
     * org.statecraft.events.NearKey} (null for rows converted from the first layout, whose key was another hash).
     */
    static final List<Column> EVENTS = List.of(new Column("source", "TINYINT NOT NULL", 1),
            new Column("event_id", "BIGINT", 8), new Column("event_key", "VARCHAR", 16),
            new Column("event_date", "DATE NOT NULL", 4), new Column("actor1_country", "INTEGER", 4),
            new Column("actor1_group", "INTEGER", 4), new Column("actor2_country", "INTEGER", 4),
            new Column("actor2_group", "INTEGER", 4), new Column("cameo", "INTEGER NOT NULL", 4),
            new Column("quad_class", "TINYINT NOT NULL", 1), new Column("goldstein_own_micros", "INTEGER", 4),
            new Column("date_added", "BIGINT NOT NULL", 8), new Column("near_key", "BIGINT", 8),
            new Column("file_id", "INTEGER NOT NULL", 4));

    /** Index of each {@link #EVENTS} column, for the bulk appender. */
    static final int SOURCE = 0;
    static final int EVENT_ID = 1;
    static final int EVENT_KEY = 2;
    static final int EVENT_DATE = 3;
    static final int ACTOR1_COUNTRY = 4;
    static final int CAMEO = 8;
    static final int QUAD_CLASS = 9;
    static final int GOLDSTEIN_OWN = 10;
    static final int DATE_ADDED = 11;
    static final int NEAR_KEY = 12;
    static final int FILE_ID = 13;

    /** Widths of the {@code events} columns, in table order. */
    static int[] eventWidths() {
        return EVENTS.stream().mapToInt(Column::width).toArray();
    }

    private static final String EVENT_COLUMNS = EVENTS.stream().map(Column::ddl).collect(Collectors.joining(", "));

    /**
     * The daily aggregate the tension queries read: per (actor1 country, actor1 group, actor2 country, actor2 group,
     * day; the codes as {@code codes} numbers, as in {@code events}) and ingested file, the event count, the count per
     * QuadClass and, for both Goldstein scales, the sum, the cooperative sum and the conflictual sum in whole
     * millionths. Events without a country on either side are left out (no dyad side can match them). Weeks and
     * months are sums of days.
     */
    static final String AGG_COLUMNS = "actor1_country INTEGER NOT NULL, actor1_group INTEGER, "
            + "actor2_country INTEGER NOT NULL, actor2_group INTEGER, event_date DATE NOT NULL, file_id INTEGER NOT NULL, "
            + "events BIGINT NOT NULL, quad1 BIGINT NOT NULL, quad2 BIGINT NOT NULL, quad3 BIGINT NOT NULL, "
            + "quad4 BIGINT NOT NULL, gdelt_sum BIGINT NOT NULL, gdelt_coop BIGINT NOT NULL, gdelt_conf BIGINT NOT NULL, "
            + "icews_sum BIGINT NOT NULL, icews_coop BIGINT NOT NULL, icews_conf BIGINT NOT NULL";

    /** The tables other than {@code events}, created when missing. */
    private static final List<String> TABLES = List.of(
            "ingested_files (file_id INTEGER PRIMARY KEY, path VARCHAR NOT NULL, size BIGINT NOT NULL, "
                    + "sha256 VARCHAR NOT NULL, format VARCHAR NOT NULL, rows_read BIGINT, stored BIGINT, duplicates BIGINT, "
                    + "collapsed BIGINT, malformed BIGINT, ingested_at TIMESTAMP)",
            "malformed_rows (file_id INTEGER NOT NULL, line BIGINT NOT NULL, reason VARCHAR NOT NULL)",
            "dyad_days (" + AGG_COLUMNS + ")",
            "aggregated_files (file_id INTEGER PRIMARY KEY)",
            "store_meta (name VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",
            "codes (id INTEGER PRIMARY KEY, code VARCHAR NOT NULL UNIQUE)",
            "event_names (file_id INTEGER NOT NULL, source TINYINT NOT NULL, event_key VARCHAR NOT NULL, "
                    + "actor1_name VARCHAR, actor2_name VARCHAR)");

    /** SQL turning a stored {@code source} number (%s: the column) into the format's name, from {@link EventFormat}. */
    static final String SOURCE_NAME = sourceCase(f -> f.storeId() + " THEN '" + f.storeName() + "'");

    /** The events with their codes as text and their names: for people, tests and the raw-event queries. */
    private static final String EVENT_LIST = "CREATE OR REPLACE VIEW event_list AS SELECT "
            + String.format(SOURCE_NAME, "e.source") + " AS source, e.event_id, e.event_key, e.event_date, "
            + "c1.code AS actor1_country, g1.code AS actor1_group, c2.code AS actor2_country, g2.code AS actor2_group, "
            + "n.actor1_name, n.actor2_name, k.code AS cameo, e.quad_class, e.goldstein_own_micros, e.date_added, "
            + "e.near_key, e.file_id FROM events e LEFT JOIN codes c1 ON c1.id = e.actor1_country "
            + "LEFT JOIN codes g1 ON g1.id = e.actor1_group LEFT JOIN codes c2 ON c2.id = e.actor2_country "
            + "LEFT JOIN codes g2 ON g2.id = e.actor2_group LEFT JOIN codes k ON k.id = e.cameo "
            + "LEFT JOIN event_names n ON n.file_id = e.file_id AND n.source = e.source AND n.event_key = e.event_key";

    private StoreLayout() {
    }

    /** {@code CASE %s WHEN ... END} with one branch per format. */
    private static String sourceCase(Function<EventFormat, String> branch) {
        StringBuilder b = new StringBuilder("CASE %s");
        for (EventFormat f : EventFormat.values()) {
            b.append(" WHEN ").append(branch.apply(f));
        }
        return b.append(" END").toString();
    }

    /** True when the connected database holds a store (its {@code ingested_files} table). */
    static boolean isStore(Connection conn) throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM duckdb_tables() "
                + "WHERE schema_name = 'main' AND table_name IN ('ingested_files', 'events')")) {
            rs.next();
            return rs.getInt(1) == 2;
        }
    }

    /**
     * Creates the tables that are missing, then creates {@code events} and the view or converts a store of the first
     * layout (codes as text, actor names and codes in {@code events}) in one transaction. A {@code dyad_days} keyed by
     * text (the first layout's) is replaced by an empty one keyed by code numbers, rebuilt by {@link
     * DyadDayAggregate#ensure}.
     */
    static void ensure(Connection conn) throws SQLException {
        try (Statement s = conn.createStatement()) {
            // preserve_insertion_order stays true: appending (the Appender, one thread) is twice as slow without it
            for (String t : TABLES) {
                s.execute("CREATE TABLE IF NOT EXISTS " + t);
            }
        }
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
            // the aggregate of the first layout keys groups by text: rebuilt (by DyadDayAggregate.ensure) with numbers
            try (Statement s = conn.createStatement()) {
                s.execute("DROP TABLE dyad_days");
                s.execute("CREATE TABLE dyad_days (" + AGG_COLUMNS + ")");
                s.execute("DELETE FROM store_meta WHERE name = 'codebook'");
            }
        }
        if (!first) {
            try (Statement s = conn.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS events (" + EVENT_COLUMNS + ")");
                if (!exists) {
                    s.execute("INSERT OR REPLACE INTO store_meta VALUES ('layout', '" + LAYOUT + "')");
                }
                s.execute(EVENT_LIST);
            }
            return;
        }
        Transactions.inTransaction(conn, () -> convertFirstLayout(conn));
    }

    private static void convertFirstLayout(Connection conn) throws SQLException {
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
        }
    }
}
