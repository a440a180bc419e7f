package org.statecraft.app;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.statecraft.events.store.DuckDbNative;

/**
 * Apache Parquet copies of the CSV tables that {@code analyze --out} writes, for pandas ({@code read_parquet}), R
 * ({@code arrow::read_parquet}) and Arrow users: DuckDB (already a dependency, in-memory here) reads the CSV with its
 * type sniffer (numbers become DOUBLE or BIGINT, empty cells NULL, {@code Inf} infinity) and writes it with
 * {@code COPY ... TO ... (FORMAT PARQUET)} (DuckDB manual, "Parquet Export"). The CSV stays the reference: the
 * Parquet file has the same columns, in the same order, and the same rows.
 */
public final class ParquetFiles {
    private ParquetFiles() {
    }

    /** Writes {@code parquet} with the rows and columns of {@code csv} (a header line, then rows). */
    public static void fromCsv(Path csv, Path parquet) throws IOException {
        try {
            DuckDbNative.load();
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
                s.execute("COPY (SELECT * FROM read_csv(" + literal(csv) + ", header = true, nullstr = '')) TO "
                        + literal(parquet) + " (FORMAT PARQUET)");
            }
        } catch (SQLException e) {
            throw new IOException("cannot write " + parquet.getFileName() + " from " + csv.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static String literal(Path p) {
        return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
