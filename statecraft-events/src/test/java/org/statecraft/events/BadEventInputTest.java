package org.statecraft.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statecraft.core.DataFormatException;
import org.statecraft.events.acled.AcledReaderTest;

/** The event-file cases of issue 12, each a regression test named after what it proves. */
class BadEventInputTest {
    @TempDir
    Path tmp;

    private static String gdelt2Line(int i) throws Exception {
        return Files.readAllLines(Samples.gdeltV2()).get(i);
    }

    @Test
    void aUtf8ByteOrderMarkDoesNotCostTheFirstRow() throws Exception {
        byte[] body = Files.readAllBytes(Samples.gdeltV2());
        Path bom = tmp.resolve("bom.export.CSV");
        Files.write(bom, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body));
        List<MalformedRow> bad = new ArrayList<>();
        assertThat(EventFormat.detect(bom)).isEqualTo(EventFormat.GDELT2);
        assertThat(Samples.readAll(bom, EventFormat.GDELT2, bad)).hasSize(100);
        assertThat(bad).isEmpty();
    }

    @Test
    void aGdelt2FileWhoseFirstLineIsDamagedIsStillRecognisedAsGdelt2() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(Samples.gdeltV2()));
        String[] f = lines.get(0).split("\t", -1);
        lines.set(0, String.join("\t", java.util.Arrays.copyOf(f, 57))); // 57 fields: GDELT 1.0's count
        Path file = Files.write(tmp.resolve("damaged.tsv"), lines);
        assertThat(EventFormat.detect(file)).isEqualTo(EventFormat.GDELT2);
    }

    @Test
    void theFileNameSettlesAFileWhoseLinesDoNotVote() throws Exception {
        Path v1 = Files.writeString(tmp.resolve("20130401.export.CSV"), "junk\n");
        Path v2 = Files.writeString(tmp.resolve("20150218230000.export.CSV"), "junk\n");
        assertThat(EventFormat.detect(v1)).isEqualTo(EventFormat.GDELT1);
        assertThat(EventFormat.detect(v2)).isEqualTo(EventFormat.GDELT2);
        assertThatThrownBy(() -> EventFormat.detect(Files.writeString(tmp.resolve("x.tsv"), "junk\n")))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("give --format");
    }

    @Test
    void signedAndNonAsciiDigitsAndYearZeroAreNotAccepted() throws Exception {
        String line = gdelt2Line(0);
        String[] f = line.split("\t", -1);
        List<String> lines = new ArrayList<>();
        for (String code : List.of("+10", "١٠", "1e1", "10 ")) {
            String[] g = f.clone();
            g[26] = code;
            g[27] = code;
            g[28] = code;
            lines.add(String.join("\t", g));
        }
        String[] y0 = f.clone();
        y0[1] = "00000101";
        lines.add(String.join("\t", y0));
        Path file = Files.write(tmp.resolve("codes.tsv"), lines);
        List<MalformedRow> bad = new ArrayList<>();
        assertThat(Samples.readAll(file, EventFormat.GDELT2, bad)).isEmpty();
        assertThat(bad).hasSize(5);
        assertThat(EventRules.quadClassOfCode("190")).isEqualTo(4);
        assertThat(EventRules.quadClassOfCode("+19")).isZero();
        assertThat(EventRules.quadClassOfCode("١٩٠")).isZero();
    }

    @Test
    void aCorruptOrEmptyCompressedFileIsRefusedWithItsName() throws Exception {
        byte[] body = Files.readAllBytes(Samples.gdeltV2());
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(body);
        }
        byte[] damaged = gz.toByteArray().clone();
        for (int i = 200; i < 260; i++) {
            damaged[i] ^= 0x5A;
        }
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("20150218230000.export.CSV"));
            out.write(body);
        }
        byte[] cut = java.util.Arrays.copyOf(zip.toByteArray(), zip.size() / 2);
        for (var c : List.of(Files.write(tmp.resolve("bad.export.CSV.gz"), damaged),
                Files.write(tmp.resolve("empty.export.CSV.gz"), new byte[0]),
                Files.write(tmp.resolve("cut.export.CSV.zip"), cut))) {
            assertThatThrownBy(() -> Samples.readAll(c, EventFormat.GDELT2, new ArrayList<>()))
                    .isInstanceOf(DataFormatException.class)
                    .satisfies(e -> assertThat(((DataFormatException) e).located()).startsWith(c.toString())
                            .doesNotContain("null"));
        }
    }

    @Test
    void everyCountryNameInTheRealIcewsSampleResolves() throws Exception {
        List<String> lines = Files.readAllLines(Samples.icews());
        List<String> unmapped = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            for (int i : new int[] {4, 10, 17}) {
                if (!f[i].equals("NA") && !f[i].isEmpty() && Countries.code(f[i]) == null) {
                    unmapped.add(f[i]);
                }
            }
        }
        assertThat(unmapped).isEmpty();
        assertThat(Countries.code("the former Yugoslav Republic of Macedonia")).isEqualTo("MKD");
    }

    @Test
    void acledActorsNamedWithTheGetTheirOwnCountryNotTheEventsOne() throws Exception {
        List<String> lines = new ArrayList<>(List.of(AcledReaderTest.HEADER,
                AcledReaderTest.row("IRQ1", "2023-09-06", "Explosions/Remote violence", "Air/drone strike",
                        "Military Forces of the United States (2021-)", 1, "Military Forces of Iraq (2020-)", 1, "Iraq",
                        "strike")));
        List<EventRecord> es = read(lines);
        assertThat(es).singleElement().satisfies(e -> {
            assertThat(e.actor1Country()).isEqualTo("USA");
            assertThat(e.actor2Country()).isEqualTo("IRQ");
        });
    }

    @Test
    void acledInterCodesWrittenAsTextTriggerTheStateForcesRule() throws Exception {
        String row = AcledReaderTest.row("PAK9", "2023-09-06", "Battles", "Armed clash", "Police Forces", 1,
                "Unidentified Armed Group", 3, "Pakistan", "x");
        // the newer exports write "State forces" where the older wrote 1
        String text = row.replace(",1,\"Unidentified", ",State forces,\"Unidentified");
        List<EventRecord> es = read(List.of(AcledReaderTest.HEADER, text));
        assertThat(es).singleElement().satisfies(e -> {
            assertThat(e.actor1Country()).isEqualTo("PAK");
            assertThat(e.actor2Country()).isNull();
        });
    }

    @Test
    void bothSpellingsOfAcledEventTypesAreRead() throws Exception {
        List<EventRecord> es = read(List.of(AcledReaderTest.HEADER,
                AcledReaderTest.row("PAK1", "2023-09-06", "Strategic Developments", "Agreement", "A", 1, "B", 1,
                        "Pakistan", "x"),
                AcledReaderTest.row("PAK2", "2023-09-06", "Strategic developments", "Agreement", "A", 1, "B", 1,
                        "Pakistan", "x"),
                AcledReaderTest.row("PAK3", "2015-09-06", "Remote violence", "", "A", 1, "B", 1, "Pakistan", "x")));
        assertThat(es).extracting(EventRecord::cameo).containsExactly("057", "057", "183");
    }

    @Test
    void anUnclosedAcledQuoteCostsOneRecordNotTheRestOfTheFile() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(AcledReaderTest.HEADER);
        for (int i = 1; i <= 6; i++) {
            lines.add(AcledReaderTest.row("PAK" + i, "2023-09-0" + i, "Battles", "Armed clash", "A", 1, "B", 1,
                    "Pakistan", "note " + i));
        }
        lines.set(2, lines.get(2).replace("\"note 2\"", "\"note 2 with no closing quote")); // leaves a quote open
        List<MalformedRow> bad = new ArrayList<>();
        Path file = Files.write(tmp.resolve("acled.csv"), lines, StandardCharsets.UTF_8);
        List<EventRecord> es = Samples.readAll(file, EventFormat.ACLED, bad);
        assertThat(es).extracting(EventRecord::key).containsExactly("PAK1", "PAK3", "PAK4", "PAK5", "PAK6");
        assertThat(bad).singleElement().satisfies(b -> {
            assertThat(b.line()).isEqualTo(3);
            assertThat(b.reason()).contains("not closed").contains("line 4");
        });
    }

    private List<EventRecord> read(List<String> lines) throws Exception {
        Path file = Files.write(tmp.resolve("acled-" + System.nanoTime() + ".csv"), lines, StandardCharsets.UTF_8);
        List<MalformedRow> bad = new ArrayList<>();
        List<EventRecord> es = Samples.readAll(file, EventFormat.ACLED, bad);
        assertThat(bad).isEmpty();
        return es;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
