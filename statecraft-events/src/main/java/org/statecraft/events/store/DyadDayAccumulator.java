package org.statecraft.events.store;

import java.sql.SQLException;
import org.duckdb.StatecraftChunkAppender;

/**
 * One file's rows of {@code dyad_days} (see {@link StoreLayout#AGG_COLUMNS}), summed in Java while the file's parsed
 * blocks are appended, so that the ingest writes the aggregate in its own transaction instead of computing it from
 * the stored events afterwards ({@link DyadDayAggregate#addFile}: about 0.35 s for 500,000 rows, most of it computing
 * the sums). The same integer sums as that SQL, in another order: the rows are the same set.
 *
 * <p>An open-addressing table keyed by (actor1 country, actor1 group, actor2 country, actor2 group, day), the codes as
 * {@code codes} numbers and −1 for none. Its size is bounded: past {@link #maxGroups()} groups it gives up
 * ({@link #overflowed}) and the ingest falls back to the SQL aggregate, so the heap stays bounded whatever the file.
 * The bound is a quarter of the heap at the table's worst ({@link #WORST_BYTES_PER_GROUP}), at most
 * {@link #MAX_GROUPS}: 502,000 groups with {@code -Xmx1g}, 251,000 with 512 MiB.
 */
final class DyadDayAccumulator {
    /** Groups beyond which the table gives up whatever the heap (about 0.5 GiB of table at its worst). */
    static final int MAX_GROUPS = 1 << 20;
    /**
     * Heap bytes a group may take at the worst: a slot is 89 bytes (5 int keys, 5 int counts, 6 long sums, a flag),
     * the table has up to 4 slots a group (it doubles once half full, so just past a doubling 2 to 4), and while it
     * doubles the old table (half the new) is still live: 89 × 4 × 1.5.
     */
    static final long WORST_BYTES_PER_GROUP = 89L * 4 * 3 / 2;
    /** A Goldstein value that is not there (SQL NULL). */
    static final long NONE = Long.MIN_VALUE;
    private static final int KEYS = 5;
    private static final int COUNTS = 5;  // events, quad1 … quad4
    private static final int SUMS = 6;    // gdelt sum, coop, conf; icews sum, coop, conf

    private final int maxGroups;
    private int capacity = 1 << 12;
    private int[] keys = new int[capacity * KEYS];
    private int[] counts = new int[capacity * COUNTS];
    private long[] sums = new long[capacity * SUMS];
    private boolean[] used = new boolean[capacity];
    private int groups;
    private boolean overflowed;

    DyadDayAccumulator() {
        this(maxGroups());
    }

    /** The bound for this JVM: a quarter of the maximum heap at {@link #WORST_BYTES_PER_GROUP}, at most {@link #MAX_GROUPS}. */
    static int maxGroups() {
        return (int) Math.min(MAX_GROUPS, Runtime.getRuntime().maxMemory() / 4 / WORST_BYTES_PER_GROUP);
    }

    /** A table that gives up past {@code maxGroups} groups (tests use a small bound). */
    DyadDayAccumulator(int maxGroups) {
        this.maxGroups = maxGroups;
    }

    /** True once the file had more groups than the bound: nothing more is added, the SQL aggregate is used. */
    boolean overflowed() {
        return overflowed;
    }

    int groups() {
        return groups;
    }

    /** Slots in the table now (for the test of {@link #WORST_BYTES_PER_GROUP}'s count of slots a group). */
    int capacity() {
        return capacity;
    }

    /**
     * Adds one event; {@code a1g} and {@code a2g} −1 for no group; {@code gdelt} and {@code icews} the values the SQL
     * takes (the bundled table's, else the file's own), or {@link #NONE}.
     */
    void add(int a1c, int a1g, int a2c, int a2g, int day, int quad, long gdelt, long icews) {
        if (overflowed) {
            return;
        }
        int slot = slot(a1c, a1g, a2c, a2g, day);
        if (slot < 0) {
            return;
        }
        int c = slot * COUNTS;
        counts[c]++;
        counts[c + quad]++;
        int s = slot * SUMS;
        if (gdelt != NONE) {
            sums[s] += gdelt;
            sums[s + (gdelt > 0 ? 1 : 2)] += Math.abs(gdelt);
        }
        if (icews != NONE) {
            sums[s + 3] += icews;
            sums[s + (icews > 0 ? 4 : 5)] += Math.abs(icews);
        }
    }

    private static int hash(int a1c, int a1g, int a2c, int a2g, int day) {
        long h = a1c * 0x9E3779B97F4A7C15L;
        h = (h ^ a1g) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ a2c) * 0x9E3779B97F4A7C15L;
        h = (h ^ a2g) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ day) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }

    /** The slot of the group, added if new; −1 when adding it would pass the bound. */
    private int slot(int a1c, int a1g, int a2c, int a2g, int day) {
        int mask = capacity - 1;
        int i = hash(a1c, a1g, a2c, a2g, day) & mask;
        while (used[i]) {
            int k = i * KEYS;
            if (keys[k] == a1c && keys[k + 1] == a1g && keys[k + 2] == a2c && keys[k + 3] == a2g && keys[k + 4] == day) {
                return i;
            }
            i = (i + 1) & mask;
        }
        if (groups == maxGroups) {
            overflowed = true;
            return -1;
        }
        if (2 * (groups + 1) > capacity) {
            grow();
            return slot(a1c, a1g, a2c, a2g, day);
        }
        used[i] = true;
        int k = i * KEYS;
        keys[k] = a1c;
        keys[k + 1] = a1g;
        keys[k + 2] = a2c;
        keys[k + 3] = a2g;
        keys[k + 4] = day;
        groups++;
        return i;
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldCounts = counts;
        long[] oldSums = sums;
        boolean[] oldUsed = used;
        int oldCapacity = capacity;
        capacity *= 2;
        keys = new int[capacity * KEYS];
        counts = new int[capacity * COUNTS];
        sums = new long[capacity * SUMS];
        used = new boolean[capacity];
        int mask = capacity - 1;
        for (int j = 0; j < oldCapacity; j++) {
            if (!oldUsed[j]) {
                continue;
            }
            int k = j * KEYS;
            int i = hash(oldKeys[k], oldKeys[k + 1], oldKeys[k + 2], oldKeys[k + 3], oldKeys[k + 4]) & mask;
            while (used[i]) {
                i = (i + 1) & mask;
            }
            used[i] = true;
            System.arraycopy(oldKeys, k, keys, i * KEYS, KEYS);
            System.arraycopy(oldCounts, j * COUNTS, counts, i * COUNTS, COUNTS);
            System.arraycopy(oldSums, j * SUMS, sums, i * SUMS, SUMS);
        }
    }

    /** Appends every group as a row of {@code dyad_days} for file {@code fileId}, in the caller's transaction. */
    void appendTo(StatecraftChunkAppender a, int fileId) throws SQLException {
        if (overflowed) {
            throw new IllegalStateException("the file had more than " + maxGroups + " groups: use the SQL aggregate");
        }
        int cap = a.capacity();
        int row = 0;
        for (int j = 0; j < capacity; j++) {
            if (!used[j]) {
                continue;
            }
            int k = j * KEYS;
            a.column(0).putInt(row * 4, keys[k]);
            nullable(a, 1, row, keys[k + 1]);
            a.column(2).putInt(row * 4, keys[k + 2]);
            nullable(a, 3, row, keys[k + 3]);
            a.column(4).putInt(row * 4, keys[k + 4]);
            a.column(5).putInt(row * 4, fileId);
            for (int c = 0; c < COUNTS; c++) {
                a.column(6 + c).putLong(row * 8, counts[j * COUNTS + c]);
            }
            for (int s = 0; s < SUMS; s++) {
                a.column(6 + COUNTS + s).putLong(row * 8, sums[j * SUMS + s]);
            }
            if (++row == cap) {
                a.append(row);
                row = 0;
            }
        }
        a.append(row);
        a.flush();
    }

    private static void nullable(StatecraftChunkAppender a, int col, int row, int code) {
        if (code < 0) {
            a.setNull(col, row);
        } else {
            a.column(col).putInt(row * 4, code);
        }
    }

    /** The widths of {@code dyad_days}'s columns, in table order, for {@link StatecraftChunkAppender}. */
    static int[] widths() {
        int[] w = new int[KEYS + 1 + COUNTS + SUMS];
        for (int i = 0; i < w.length; i++) {
            w[i] = i <= KEYS ? 4 : 8;
        }
        return w;
    }
}
