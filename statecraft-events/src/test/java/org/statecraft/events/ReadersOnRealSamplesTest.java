package org.statecraft.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The readers against an independent reading of the real samples: lines split on tabs in the test itself,
 * with the Goldstein value taken from the file's own column (GDELT's GoldsteinScale, ICEWS's Intensity).
 */
class ReadersOnRealSamplesTest {
    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

    /** date → [count, Goldstein sum in tenths] from the raw file, optionally only rows where pick(fields). */
    private static Map<LocalDate, long[]> independent(Path file, boolean header, int dateCol, int goldsteinCol,
            DateTimeFormatter fmt, java.util.function.Predicate<String[]> pick) throws Exception {
        Map<LocalDate, long[]> out = new TreeMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : header ? lines.subList(1, lines.size()) : lines) {
            String[] f = line.split("\t", -1);
            if (!pick.test(f)) {
                continue;
            }
            long[] acc = out.computeIfAbsent(LocalDate.parse(f[dateCol], fmt), d -> new long[2]);
            acc[0]++;
            acc[1] += new BigDecimal(f[goldsteinCol]).movePointRight(1).longValueExact();
        }
        return out;
    }

    private static Map<LocalDate, long[]> fromReader(List<EventRecord> es, boolean icews,
            java.util.function.Predicate<EventRecord> pick) {
        Map<LocalDate, long[]> out = new TreeMap<>();
        for (EventRecord e : es) {
            if (pick.test(e)) {
                long[] acc = out.computeIfAbsent(e.date(), d -> new long[2]);
                acc[0]++;
                acc[1] += Math.round((icews ? e.goldsteinIcews() : e.goldsteinGdelt()) * 10);
            }
        }
        return out;
    }

    private static Map<LocalDate, List<Long>> lists(Map<LocalDate, long[]> m) {
        return m.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> List.of(e.getValue()[0], e.getValue()[1]), (a, b) -> a, TreeMap::new));
    }

    @Test
    void everyRowOfTheMixed57And58ColumnGdeltFileIsRead() throws Exception {
        List<MalformedRow> bad = new ArrayList<>();
        Path file = Samples.gdeltMixed();
        assertThat(EventFormat.detect(file)).isEqualTo(EventFormat.GDELT1);
        List<EventRecord> es = Samples.readAll(file, EventFormat.GDELT1, bad);
        assertThat(bad).isEmpty();
        assertThat(es).hasSize(100);
        assertThat(es.stream().filter(e -> e.sourceUrl() != null)).hasSize(60); // the 58-column rows
        List<String> ids = Files.readAllLines(file).stream().map(l -> l.split("\t", -1)[0]).toList();
        assertThat(es).extracting(EventRecord::key).containsExactlyElementsOf(ids);
        assertThat(lists(fromReader(es, false, e -> true)))
                .isEqualTo(lists(independent(file, false, 1, 30, YMD, f -> true)));
    }

    @Test
    void gdelt2SampleMatchesAnIndependentReadingIncludingADyadSeries() throws Exception {
        List<MalformedRow> bad = new ArrayList<>();
        Path file = Samples.gdeltV2();
        assertThat(EventFormat.detect(file)).isEqualTo(EventFormat.GDELT2);
        List<EventRecord> es = Samples.readAll(file, EventFormat.GDELT2, bad);
        assertThat(bad).isEmpty();
        assertThat(es).hasSize(100);
        assertThat(lists(fromReader(es, false, e -> true)))
                .isEqualTo(lists(independent(file, false, 1, 30, YMD, f -> true)));
        // the most frequent country dyad of the sample, either direction
        Map<String, Long> dyads = Files.readAllLines(file).stream().map(l -> l.split("\t", -1))
                .filter(f -> !f[7].isEmpty() && !f[17].isEmpty())
                .collect(Collectors.groupingBy(f -> f[7].compareTo(f[17]) < 0 ? f[7] + ":" + f[17] : f[17] + ":" + f[7],
                        Collectors.counting()));
        String top = dyads.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        String a = top.split(":")[0];
        String b = top.split(":")[1];
        java.util.function.BiPredicate<String, String> in = (x, y) -> x.equals(a) && y.equals(b) || x.equals(b) && y.equals(a);
        assertThat(lists(fromReader(es, false, e -> e.actor1Country() != null && e.actor2Country() != null
                && in.test(e.actor1Country(), e.actor2Country()))))
                .isEqualTo(lists(independent(file, false, 1, 30, YMD, f -> in.test(f[7], f[17]))))
                .isNotEmpty();
    }

    @Test
    void icewsSampleMatchesAnIndependentReadingOnTheIcewsScale() throws Exception {
        List<MalformedRow> bad = new ArrayList<>();
        Path file = Samples.icews();
        assertThat(EventFormat.detect(file)).isEqualTo(EventFormat.ICEWS);
        List<EventRecord> es = Samples.readAll(file, EventFormat.ICEWS, bad);
        assertThat(bad).isEmpty();
        assertThat(es).hasSize(3705);
        assertThat(lists(fromReader(es, true, e -> true)))
                .isEqualTo(lists(independent(file, true, 1, 7, DateTimeFormatter.ISO_LOCAL_DATE, f -> true)));
        // United States – North Korea, either direction: 312 events in the sample
        java.util.function.BiPredicate<String, String> in = (x, y) -> x.equals("United States") && y.equals("North Korea")
                || x.equals("North Korea") && y.equals("United States");
        Map<LocalDate, long[]> expected = independent(file, true, 1, 7, DateTimeFormatter.ISO_LOCAL_DATE,
                f -> in.test(f[4], f[10]));
        assertThat(expected.values().stream().mapToLong(v -> v[0]).sum()).isEqualTo(312);
        assertThat(lists(fromReader(es, true, e -> "USA".equals(e.actor1Country()) && "PRK".equals(e.actor2Country())
                || "PRK".equals(e.actor1Country()) && "USA".equals(e.actor2Country())))).isEqualTo(lists(expected));
        assertThat(es).extracting(EventRecord::key).doesNotHaveDuplicates().allMatch(k -> k.matches("\\d+\\|2018-06-0[12]"));
    }

    @Test
    void brokenGdeltRowsAreReportedWithTheirLinesAndTheRestIsKept(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(Samples.gdeltMixed()).subList(0, 10));
        lines.set(2, lines.get(2).substring(0, lines.get(2).lastIndexOf('\t')).replaceFirst("\t[^\t]*$", ""));
        String[] f = lines.get(5).split("\t", -1);
        f[1] = "20131340";
        lines.set(5, String.join("\t", f));
        f = lines.get(7).split("\t", -1);
        f[26] = "XYZ";
        lines.set(7, String.join("\t", f));
        lines.add(4, "");
        Path file = tmp.resolve("broken.export.CSV");
        Files.write(file, lines);
        List<MalformedRow> bad = new ArrayList<>();
        List<EventRecord> es = Samples.readAll(file, EventFormat.GDELT1, bad);
        assertThat(es).hasSize(7);
        assertThat(bad).extracting(MalformedRow::line).containsExactly(3L, 5L, 7L, 9L);
        assertThat(bad.get(0).reason()).contains("columns");
        assertThat(bad.get(2).reason()).contains("20131340");
        assertThat(bad.get(3).reason()).contains("XYZ");
    }

    @Test
    void zippedFilesAreReadLikePlainOnes(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path zip = tmp.resolve("20130401.export.CSV.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("20130401.export.CSV"));
            out.write(Files.readAllBytes(Samples.gdeltMixed()));
            out.closeEntry();
        }
        assertThat(EventFormat.detect(zip)).isEqualTo(EventFormat.GDELT1);
        List<MalformedRow> bad = new ArrayList<>();
        assertThat(Samples.readAll(zip, EventFormat.GDELT1, bad)).hasSize(100);
        assertThat(bad).isEmpty();
    }
}
