package org.statecraft.events.gdelt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.statecraft.core.tension.TensionIndex;
import org.statecraft.events.EventRecord;
import org.statecraft.events.MalformedRow;
import org.statecraft.events.NearKey;
import org.statecraft.events.RowHandler;
import org.statecraft.events.Samples;

/**
 * The bulk parser against {@link GdeltReader}, the reference: on files made from the real samples with every kind of
 * broken row, odd value and line end, cut into blocks at random line ends, both give the same rows (every stored
 * value, the near key included) and the same malformed lines with the same reasons.
 */
class GdeltBulkParserTest {

    @Test
    void zeroBytesMarksExactlyTheZeroBytesOfAWord() {
        Random r = new Random(1);
        byte[] pool = {'\n', '\t', 'a', 0, (byte) 0x8A, (byte) 0xFF, 0x0B, 0x09, 0x01, (byte) 0x80};
        for (int k = 0; k < 100_000; k++) {
            long w = 0;
            long expected = 0;
            for (int b = 0; b < 8; b++) {
                byte v = pool[r.nextInt(pool.length)];
                expected |= v == 0 ? 0x80L << (8 * b) : 0;
                w |= (v & 0xFFL) << (8 * b);
            }
            assertThat(GdeltBulkParser.zeroBytes(w)).isEqualTo(expected);
        }
    }

    @Test
    void gdelt2WithBrokenRowsParsesAsTheReaderDoes() throws Exception {
        compare(Files.readAllLines(Samples.gdeltV2()), true, 11);
    }

    @Test
    void gdelt1MixedWithBrokenRowsParsesAsTheReaderDoes() throws Exception {
        compare(Files.readAllLines(Samples.gdeltMixed()), false, 12);
    }

    private static void compare(List<String> sample, boolean v2, long seed) throws Exception {
        Random r = new Random(seed);
        for (int round = 0; round < 40; round++) {
            byte[] file = mutate(sample, r);
            List<String> malformed = new ArrayList<>();
            List<String> rows = new ArrayList<>();
            long lines = new GdeltReader(v2).read(new BufferedReader(new InputStreamReader(new ByteArrayInputStream(file),
                    StandardCharsets.UTF_8)), "f", new RowHandler() {
                        @Override
                        public void event(EventRecord e) {
                            rows.add(e.key() + "|" + e.date().toEpochDay() + "|" + e.actor1Country() + "|" + e.actor1Group()
                                    + "|" + e.actor2Country() + "|" + e.actor2Group() + "|" + e.cameo() + "|" + e.quadClass()
                                    + "|" + (Double.isNaN(e.fileGoldstein()) ? "null" : TensionIndex.micros(e.fileGoldstein()))
                                    + "|" + e.dateAdded() + "|" + NearKey.of(e.date(), e.actor1Code(), e.actor2Code(),
                                            e.cameo(), e.geoFeature(), e.sourceUrl()));
                        }

                        @Override
                        public void malformed(MalformedRow row) {
                            malformed.add(row.line() + ": " + row.reason());
                        }
                    });
            List<String> bulkMalformed = new ArrayList<>();
            List<String> bulkRows = new ArrayList<>();
            GdeltBulkParser parser = new GdeltBulkParser(v2);
            long base = 0;
            int from = 0;
            while (from < file.length) {
                // a block ends after a random complete line end, as the store cuts them
                int to = Math.min(file.length, from + 1 + r.nextInt(4000));
                if (to < file.length) {
                    int cut = GdeltBulkParser.afterLastLineEnd(file, from, to);
                    to = cut < 0 ? file.length : cut;
                }
                GdeltBulkParser.Batch b = parser.parse(file, from, to);
                for (int i = 0; i < b.rows; i++) {
                    int own = b.own[i];
                    bulkRows.add(b.id[i] + "|" + b.day[i] + "|" + code(b, b.actor1Country[i]) + "|" + code(b, b.actor1Group[i])
                            + "|" + code(b, b.actor2Country[i]) + "|" + code(b, b.actor2Group[i]) + "|" + code(b, b.cameo[i])
                            + "|" + b.quad[i] + "|" + (own == GdeltBulkParser.NO_OWN ? "null" : own) + "|" + b.dateAdded[i]
                            + "|" + b.nearKey[i]);
                }
                for (int j = 0; j < b.badLines.size(); j++) {
                    bulkMalformed.add((base + b.badLines.get(j)) + ": " + b.badReasons.get(j));
                }
                base += b.lines;
                from = to;
            }
            assertThat(base).isEqualTo(lines);
            assertThat(bulkMalformed).isEqualTo(malformed);
            assertThat(bulkRows).isEqualTo(rows);
            assertThat(malformed).isNotEmpty();
            assertThat(rows).isNotEmpty();
        }
    }

    private static String code(GdeltBulkParser.Batch b, int local) {
        return local == GdeltBulkParser.NO_CODE ? "null" : b.codes.get(local);
    }

    private static final String[] IDS = {"", "12x", "+12", "1234567890123456789", "١٢٣", " 12", "0", "999999999999999999"};
    private static final String[] DATES = {"20231301", "2023010", "202301011", "20230230", "2023-1-1", "٢٠٢٣٠١٠١", "",
        "19790101", "20240229"};
    private static final String[] CODES = {"", "9", "21", "00", "+5", "-1", "٠١", "0251", "010", "1711", "999", "20x"};
    private static final String[] QUADS = {"0", "5", "12", "", "٣", "+1", "4"};
    private static final String[] GOLDSTEINS = {"abc", "11", "NaN", "1e0", " 1.5 ", "-0.0", "3.1415926", "-10", "10.0000001",
        "", "Infinity", "0x1p1", "2d", "-7.2"};
    private static final String[] ACTOR = {"", "PAK", "AFG", "TAL", "ÅLA", "X", "LONGERCODE", "é"};

    /** The sample with about a third of its lines changed, blank lines, CRLF and CR line ends. */
    private static byte[] mutate(List<String> sample, Random r) {
        StringBuilder out = new StringBuilder();
        for (String line : sample) {
            String[] f = line.split("\t", -1);
            int kind = r.nextInt(24);
            switch (kind) {
                case 0 -> f[0] = IDS[r.nextInt(IDS.length)];
                case 1 -> f[1] = DATES[r.nextInt(DATES.length)];
                case 2 -> f[26] = CODES[r.nextInt(CODES.length)];
                case 3 -> f[29] = QUADS[r.nextInt(QUADS.length)];
                case 4 -> f[30] = GOLDSTEINS[r.nextInt(GOLDSTEINS.length)];
                case 5 -> {
                    f[26] = "0" + (1 + r.nextInt(9)) + "9"; // likely not in the tables: the file's own value decides
                    f[30] = GOLDSTEINS[r.nextInt(GOLDSTEINS.length)];
                }
                case 6 -> f[7] = ACTOR[r.nextInt(ACTOR.length)];
                case 7 -> f[18] = ACTOR[r.nextInt(ACTOR.length)];
                case 8 -> f[5] = ACTOR[r.nextInt(ACTOR.length)];
                case 9 -> f[f.length - 2] = r.nextBoolean() ? "" : "2023x";
                default -> {
                }
            }
            String text = String.join("\t", f);
            if (kind == 10) {
                text = text + "\textra";
            } else if (kind == 11) {
                text = text.substring(0, text.lastIndexOf('\t'));
            } else if (kind == 12) {
                out.append('\n'); // a blank line before this one
            }
            int end = r.nextInt(10);
            out.append(text).append(end == 0 ? "\r\n" : end == 1 ? "\r" : "\n");
        }
        String s = out.toString();
        if (r.nextBoolean()) {
            s = s.substring(0, s.length() - 1); // no line end after the last line
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
