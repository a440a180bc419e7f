package org.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.statecraft.events.store.DuckDbNative;

/**
 * The column-wise writes of {@link StatecraftChunkAppender} (bulk copies and null ranges) against what DuckDB stores:
 * every value and every null read back in order, with ranges that start and end inside and on the 64-row words of
 * the validity mask and runs that fill a chunk exactly, over several chunks.
 */
class StatecraftChunkAppenderTest {
    private static final int BIGINT = 0;
    private static final int INTEGER = 1;
    private static final int TINYINT = 2;

    @Test
    void bulkCopiesAndNullRangesAreStoredValueForValue() throws Exception {
        DuckDbNative.load();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (a BIGINT, b INTEGER, c TINYINT)");
            c.setAutoCommit(false);
            s.execute("SELECT 1");
            SplittableRandom rnd = new SplittableRandom(11);
            List<Object[]> expected = new ArrayList<>();
            try (StatecraftChunkAppender a = new StatecraftChunkAppender((DuckDBConnection) c, "main", "t", 8, 4, 1)) {
                int cap = a.capacity();
                int row = 0;
                // segment lengths that straddle words (1, 63, 64, 65, 130) and fill the rest of a chunk exactly
                int[] lengths = {1, 63, 64, 65, 130, 7, 0};
                for (int k = 0; k < 40; k++) {
                    int n = lengths[k % lengths.length];
                    if (k % 9 == 8) {
                        n = cap - row;
                    }
                    n = Math.min(n, cap - row);
                    long[] longs = rnd.longs(n + 3).toArray();
                    int[] ints = rnd.ints(n + 3).toArray();
                    byte[] bytes = new byte[n + 3];
                    rnd.nextBytes(bytes);
                    int off = 3;
                    a.putLongs(BIGINT, row, longs, off, n);
                    a.putInts(INTEGER, row, ints, off, n);
                    a.putBytes(TINYINT, row, bytes, off, n);
                    boolean nullA = k % 3 == 0;
                    boolean nullB = k % 4 == 1;
                    if (nullA) {
                        a.setNulls(BIGINT, row, n);
                    }
                    if (nullB) {
                        a.setNulls(INTEGER, row, n);
                    }
                    for (int i = 0; i < n; i++) {
                        expected.add(new Object[] {nullA ? null : longs[off + i], nullB ? null : ints[off + i],
                                bytes[off + i]});
                    }
                    row += n;
                    if (row == cap) {
                        a.append(row);
                        row = 0;
                    }
                }
                a.append(row);
            }
            c.commit();
            List<Object[]> got = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT a, b, c FROM t")) {
                while (rs.next()) {
                    got.add(new Object[] {rs.getObject(1), rs.getObject(2), rs.getByte(3)});
                }
            }
            assertThat(expected).hasSizeGreaterThan(2048 * 2);
            assertThat(got).hasSameSizeAs(expected);
            for (int i = 0; i < got.size(); i++) {
                assertThat(Arrays.asList(got.get(i))).as("row %d", i).containsExactly(expected.get(i));
            }
        }
    }

    @Test
    void aCopyOfTheWrongWidthOrPastTheChunkIsRefused() throws Exception {
        DuckDbNative.load();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (a BIGINT, b INTEGER)");
            try (StatecraftChunkAppender a = new StatecraftChunkAppender((DuckDBConnection) c, "main", "t", 8, 4)) {
                assertThatThrownBy(() -> a.putInts(BIGINT, 0, new int[4], 0, 4))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8-byte");
                assertThatThrownBy(() -> a.putLongs(BIGINT, a.capacity() - 1, new long[2], 0, 2))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at row");
            }
        }
    }
}
