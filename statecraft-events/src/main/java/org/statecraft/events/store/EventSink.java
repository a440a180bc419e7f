package org.statecraft.events.store;

import static org.statecraft.events.store.StoreLayout.ACTOR1_COUNTRY;
import static org.statecraft.events.store.StoreLayout.CAMEO;
import static org.statecraft.events.store.StoreLayout.DATE_ADDED;
import static org.statecraft.events.store.StoreLayout.EVENT_DATE;
import static org.statecraft.events.store.StoreLayout.EVENT_ID;
import static org.statecraft.events.store.StoreLayout.EVENT_KEY;
import static org.statecraft.events.store.StoreLayout.FILE_ID;
import static org.statecraft.events.store.StoreLayout.GOLDSTEIN_OWN;
import static org.statecraft.events.store.StoreLayout.NEAR_KEY;
import static org.statecraft.events.store.StoreLayout.QUAD_CLASS;
import static org.statecraft.events.store.StoreLayout.SOURCE;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.duckdb.DuckDBAppender;
import org.duckdb.StatecraftChunkAppender;
import org.statecraft.core.tension.TensionIndex;
import org.statecraft.events.EventFormat;
import org.statecraft.events.EventRecord;
import org.statecraft.events.MalformedRow;
import org.statecraft.events.NearKey;
import org.statecraft.events.RowHandler;
import org.statecraft.events.gdelt.GdeltBulkParser;

/**
 * Appends rows to {@code events} and {@code event_names}, malformed ones to {@code malformed_rows}; gives codes their
 * numbers (new ones are kept in {@link #newCodes} for {@code codes}); keeps the first malformed rows for the result.
 * Used on the ingest thread only. Records read one at a time go through {@link DuckDBAppender}; parsed GDELT blocks
 * as whole chunks ({@link #batch}).
 */
final class EventSink implements RowHandler {
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
    StatecraftChunkAppender chunks;
    /** The file's {@code dyad_days} rows, summed as the blocks are appended (bulk path only; null: none). */
    DyadDayAccumulator sums;
    /** The bundled Goldstein values of an EventCode, for {@link #sums}. */
    Function<String, long[]> bundled;
    private int chunkRows;
    /** Per chunk row: mapped code numbers (scratch), the source and the file id (constant columns, copied whole). */
    private int[] scratch = new int[0];
    private byte[] sourceBytes;
    private int[] fileIds;
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

    EventSink(String fileName, EventFormat format, int fileId, Map<String, Integer> codeIds) {
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

    /**
     * One parsed GDELT block, its lines numbered after the blocks before it. Its rows go into the chunk a column at a
     * time, as bulk copies of the parser's arrays (only the code numbers and the nulls are mapped row by row): a loop
     * that wrote each row's 14 values into the native buffers one by one cost more CPU than the copies, and its
     * optimised compilation 0.9 s of CPU on every ingest.
     */
    void batch(GdeltBulkParser.Batch b) throws SQLException {
        int[] ids = new int[b.codes.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = codeId(b.codes.get(i));
        }
        for (int r = 0; r < b.rows; r++) {
            numericKey(b.id[r]);
        }
        if (sums != null) {
            sum(b, ids);
        }
        StatecraftChunkAppender a = chunks;
        int cap = a.capacity();
        if (scratch.length < cap) {
            scratch = new int[cap];
            sourceBytes = new byte[cap];
            Arrays.fill(sourceBytes, source);
            fileIds = new int[cap];
            Arrays.fill(fileIds, fileId);
        }
        int row = chunkRows;
        for (int r = 0; r < b.rows; ) {
            int n = Math.min(cap - row, b.rows - r);
            segment(a, b, ids, r, row, n);
            r += n;
            row += n;
            if (row == cap) {
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

    /** The block's rows added to {@link #sums}: those with both actors' countries, with the bundled Goldstein values. */
    private void sum(GdeltBulkParser.Batch b, int[] ids) {
        DyadDayAccumulator acc = sums;
        long[] gdelt = new long[ids.length];
        long[] icews = new long[ids.length];
        for (int i = 0; i < ids.length; i++) { // each of the block's EventCodes' bundled values
            long[] v = bundled.apply(b.codes.get(i));
            gdelt[i] = v[0];
            icews[i] = v[1];
        }
        for (int r = 0; r < b.rows; r++) {
            if (b.actor1Country[r] >= 0 && b.actor2Country[r] >= 0) {
                int cameo = b.cameo[r];
                long own = b.own[r] == GdeltBulkParser.NO_OWN ? DyadDayAccumulator.NONE : b.own[r];
                acc.add(ids[b.actor1Country[r]], b.actor1Group[r] < 0 ? -1 : ids[b.actor1Group[r]],
                        ids[b.actor2Country[r]], b.actor2Group[r] < 0 ? -1 : ids[b.actor2Group[r]], b.day[r], b.quad[r],
                        gdelt[cameo] != DyadDayAccumulator.NONE ? gdelt[cameo] : own,
                        icews[cameo] != DyadDayAccumulator.NONE ? icews[cameo] : own);
            }
        }
    }

    /** Rows {@code r} … {@code r + n − 1} of the block into rows {@code row} … of the current chunk. */
    private void segment(StatecraftChunkAppender a, GdeltBulkParser.Batch b, int[] ids, int r, int row, int n) {
        a.putBytes(SOURCE, row, sourceBytes, 0, n);
        a.putLongs(EVENT_ID, row, b.id, r, n);
        a.setNulls(EVENT_KEY, row, n);
        a.putInts(EVENT_DATE, row, b.day, r, n);
        codes(a, ACTOR1_COUNTRY, row, ids, b.actor1Country, r, n);
        codes(a, ACTOR1_COUNTRY + 1, row, ids, b.actor1Group, r, n);
        codes(a, ACTOR1_COUNTRY + 2, row, ids, b.actor2Country, r, n);
        codes(a, ACTOR1_COUNTRY + 3, row, ids, b.actor2Group, r, n);
        codes(a, CAMEO, row, ids, b.cameo, r, n);
        a.putBytes(QUAD_CLASS, row, b.quad, r, n);
        a.putInts(GOLDSTEIN_OWN, row, b.own, r, n);
        for (int i = 0; i < n; i++) {
            if (b.own[r + i] == GdeltBulkParser.NO_OWN) {
                a.setNull(GOLDSTEIN_OWN, row + i);
            }
        }
        a.putLongs(DATE_ADDED, row, b.dateAdded, r, n);
        a.putLongs(NEAR_KEY, row, b.nearKey, r, n);
        a.putInts(FILE_ID, row, fileIds, 0, n);
    }

    /** A code column: the block's local numbers {@code local[r …]} as the store's, null where there is none. */
    private void codes(StatecraftChunkAppender a, int col, int row, int[] ids, int[] local, int r, int n) {
        int[] out = scratch;
        for (int i = 0; i < n; i++) {
            int l = local[r + i];
            out[i] = l < 0 ? 0 : ids[l];
        }
        a.putInts(col, row, out, 0, n);
        for (int i = 0; i < n; i++) {
            if (local[r + i] < 0) {
                a.setNull(col, row + i);
            }
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
                appendOrNull(names, e.actor1Name());
                appendOrNull(names, e.actor2Name());
                names.endRow();
                namesAppended++;
            }
            good++;
        } catch (SQLException ex) {
            failure = ex;
        }
    }

    private static void appendOrNull(DuckDBAppender a, String value) throws SQLException {
        if (value == null) {
            a.appendNull();
        } else {
            a.append(value);
        }
    }

    @Override
    public void malformed(MalformedRow row) {
        malformed++;
        if (kept.size() < EventStore.MALFORMED_KEPT_IN_RESULT) {
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
