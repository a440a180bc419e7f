package org.statecraft.spark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Per-day event count and Goldstein sum between two countries over GDELT event files, with Spark SQL: the
 * input side of the dyadic tension index, for GDELT's full history on a cluster.
 * <p>
 * GDELT 1.0 (57 columns in the backfiles, 58 in the daily files) and 2.0 (61 columns) exports are
 * tab-separated without header or quoting and share their first 35 columns; this job reads lines as text,
 * splits on tabs only, and uses SQLDATE (column 2, yyyyMMdd), Actor1CountryCode (8), Actor2CountryCode (18)
 * and GoldsteinScale (31) (1-based). Lines with another column count, an unparsable date or Goldstein value
 * are counted as malformed, never silently dropped ({@link Result#malformed()}). An undirected dyad counts
 * events in both directions. Cost: one scan of the input and one shuffle by day.
 */
public final class GdeltDyadDailyTotals {
    private GdeltDyadDailyTotals() {
    }

    /** One day's events between the two countries. */
    public record DayTotal(LocalDate day, long events, double goldsteinSum) {
    }

    /** Days in ascending order, and the count of malformed lines seen in the input. */
    public record Result(List<DayTotal> days, long lines, long malformed) {
        public Result {
            days = List.copyOf(days);
        }
    }

    /** The SQL over the {@code gdelt_lines} view (one column {@code value}). */
    static String sql(String a, String b, boolean directed) {
        String dyad = directed ? "(a1 = '%1$s' AND a2 = '%2$s')"
                : "((a1 = '%1$s' AND a2 = '%2$s') OR (a1 = '%2$s' AND a2 = '%1$s'))";
        return """
                WITH parsed AS (
                  SELECT f, size(f) AS n,
                         CAST(try_to_timestamp(try_element_at(f, 2), 'yyyyMMdd') AS DATE) AS day,
                         try_element_at(f, 8) AS a1, try_element_at(f, 18) AS a2,
                         try_cast(try_element_at(f, 31) AS DOUBLE) AS goldstein
                  FROM (SELECT split(value, '\\t', -1) AS f FROM gdelt_lines)
                ),
                good AS (
                  SELECT * FROM parsed
                  WHERE n IN (57, 58, 61) AND day IS NOT NULL AND goldstein IS NOT NULL
                )
                SELECT day, count(*) AS events, sum(goldstein) AS goldstein_sum
                FROM good WHERE %s
                GROUP BY day ORDER BY day
                """.formatted(String.format(Locale.ROOT, dyad, a, b));
    }

    /**
     * @param paths    GDELT export files or directories (any Hadoop path: local, HDFS, S3 …)
     * @param a        CAMEO country code of one side (e.g. PAK)
     * @param b        CAMEO country code of the other (e.g. AFG)
     * @param directed count only events with a as Actor1 and b as Actor2
     */
    public static Result daily(SparkSession spark, List<String> paths, String a, String b, boolean directed) {
        for (String code : List.of(a, b)) {
            if (!code.matches("[A-Z]{3}")) {
                throw new IllegalArgumentException("expected a three-letter CAMEO country code, was '" + code + "'");
            }
        }
        Dataset<String> lines = spark.read().textFile(paths.toArray(String[]::new));
        lines.createOrReplaceTempView("gdelt_lines");
        List<DayTotal> out = new ArrayList<>();
        for (Row r : spark.sql(sql(a, b, directed)).collectAsList()) {
            out.add(new DayTotal(r.getDate(0).toLocalDate(), r.getLong(1), r.getDouble(2)));
        }
        Row counts = spark.sql("""
                SELECT count(*), sum(CASE WHEN size(f) IN (57, 58, 61) AND CAST(try_to_timestamp(try_element_at(f, 2), 'yyyyMMdd') AS DATE) IS NOT NULL
                                          AND try_cast(try_element_at(f, 31) AS DOUBLE) IS NOT NULL THEN 0 ELSE 1 END)
                FROM (SELECT split(value, '\\t', -1) AS f FROM gdelt_lines)
                """).first();
        return new Result(out, counts.getLong(0), counts.isNullAt(1) ? 0 : counts.getLong(1));
    }
}
