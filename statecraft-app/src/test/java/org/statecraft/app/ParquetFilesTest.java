package org.statecraft.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analyze --out} writes Parquet copies of its CSV tables with the same columns, rows, values and empty cells. */
class ParquetFilesTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void analyse() {
        assertThat(Cli.run("analyze", "--runs", "60", "-q", "--out", dir.toString()).exit()).isZero();
    }

    static List<String> header(Path csv) throws Exception {
        return List.of(Files.readAllLines(csv).get(0).split(",", -1));
    }

    @Test
    void theParquetFilesHoldTheCsvColumnsRowsAndValues() throws Exception {
        for (String name : List.of("policies", "runs")) {
            Path csv = dir.resolve(name + ".csv");
            Path pq = dir.resolve(name + ".parquet");
            assertThat(pq).exists();
            assertThat(new String(Files.readAllBytes(pq), 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PAR1");
            List<String> lines = Files.readAllLines(csv);
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
                List<String> cols = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + pq + "')")) {
                    while (rs.next()) {
                        cols.add(rs.getString(1));
                    }
                }
                assertThat(cols).as(name).isEqualTo(header(csv));
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM read_parquet('" + pq + "')")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as(name).isEqualTo(lines.size() - 1);
                }
            }
        }
    }

    @Test
    void numbersStayNumbersAndEmptyCellsBecomeNulls() throws Exception {
        Path csv = dir.resolve("runs.csv");
        List<String> head = header(csv);
        List<String> lines = Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size());
        int attacks = head.indexOf("attacks");
        double sum = lines.stream().mapToDouble(l -> Double.parseDouble(l.split(",", -1)[attacks])).sum();
        String spell = head.stream().filter(h -> h.startsWith("spell_")).findFirst().orElseThrow();
        int si = head.indexOf(spell);
        long empty = lines.stream().filter(l -> l.split(",", -1)[si].isEmpty()).count();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sum(attacks), count(*) FILTER (WHERE \"" + spell + "\" IS NULL), "
                     + "typeof(any_value(attacks)) FROM read_parquet('" + dir.resolve("runs.parquet") + "')")) {
            rs.next();
            assertThat(rs.getDouble(1)).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, sum)));
            assertThat(rs.getLong(2)).isEqualTo(empty);
            assertThat(rs.getString(3)).isIn("DOUBLE", "BIGINT", "INTEGER");
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT typeof(any_value(p_concession)), typeof(any_value(collateral_per_effect)) "
                     + "FROM read_parquet('" + dir.resolve("policies.parquet") + "')")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("DOUBLE");
            assertThat(rs.getString(2)).isEqualTo("DOUBLE");
        }
    }
}
