package org.statecraft.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link EventReader} keeps, written once (in the style of Hipparchus' abstract tests) and run for
 * each format by a subclass that gives the sample: rows read are the good ones plus the malformed ones; reading is
 * deterministic; line endings and a byte-order mark change nothing; a bad line costs exactly one malformed row and
 * no event; every malformed row names the file and one of its lines; a file cut short after a line keeps the events of
 * the lines before the cut, and one cut within a line also reports that part line as one malformed row; every event
 * has a plausible day and a CAMEO code.
 */
public abstract class EventReaderContract {
    @TempDir
    protected Path tmp;

    protected abstract EventFormat format();

    /** A sample file of the format, with events and without malformed rows. */
    protected abstract Path sample() throws Exception;

    /** Header lines at the top of the sample (0 or 1). */
    protected abstract int headerLines();

    /** A line the format cannot read. */
    protected String garbageLine() {
        return "this\tis,not\tan event";
    }

    private record Read(List<EventRecord> events, List<MalformedRow> bad, long rows) {
    }

    private Read read(Path file) throws Exception {
        List<EventRecord> events = new ArrayList<>();
        List<MalformedRow> bad = new ArrayList<>();
        long rows;
        try (var in = EventFormat.open(file, null)) {
            rows = format().reader().read(in, file.toString(), new RowHandler() {
                @Override
                public void event(EventRecord e) {
                    events.add(e);
                }

                @Override
                public void malformed(MalformedRow row) {
                    bad.add(row);
                }
            });
        }
        return new Read(events, bad, rows);
    }

    private Path write(String name, List<String> lines, String eol, boolean bom) throws Exception {
        byte[] body = (String.join(eol, lines) + eol).getBytes(StandardCharsets.UTF_8);
        Path p = tmp.resolve(name);
        if (bom) {
            byte[] b = new byte[body.length + 3];
            b[0] = (byte) 0xEF;
            b[1] = (byte) 0xBB;
            b[2] = (byte) 0xBF;
            System.arraycopy(body, 0, b, 3, body.length);
            Files.write(p, b);
        } else {
            Files.write(p, body);
        }
        return p;
    }

    private List<String> lines() throws Exception {
        return Files.readAllLines(sample(), StandardCharsets.UTF_8);
    }

    @Test
    void rowsReadAreTheGoodRowsPlusTheMalformedOnes() throws Exception {
        Read r = read(sample());
        assertThat(r.events()).isNotEmpty();
        assertThat(r.bad()).isEmpty();
        assertThat(r.rows()).isEqualTo(r.events().size() + r.bad().size());
    }

    @Test
    void readingTwiceGivesTheSameEvents() throws Exception {
        assertThat(read(sample()).events()).isEqualTo(read(sample()).events());
    }

    @Test
    void lineEndingsAndAByteOrderMarkChangeNothing() throws Exception {
        List<EventRecord> plain = read(sample()).events();
        assertThat(read(write("crlf.txt", lines(), "\r\n", false)).events()).isEqualTo(plain);
        assertThat(read(write("bom.txt", lines(), "\n", true)).events()).isEqualTo(plain);
    }

    @Test
    void aBadLineCostsExactlyOneMalformedRowAndNoEvent() throws Exception {
        List<String> lines = new ArrayList<>(lines());
        int at = headerLines() + (lines.size() - headerLines()) / 2;
        lines.add(at, garbageLine());
        Path file = write("garbage.txt", lines, "\n", false);
        Read r = read(file);
        assertThat(r.events()).isEqualTo(read(sample()).events());
        assertThat(r.bad()).singleElement().satisfies(b -> {
            assertThat(b.file()).isEqualTo(file.toString());
            assertThat(b.line()).isEqualTo(at + 1);
            assertThat(b.reason()).isNotBlank();
        });
    }

    /** Where the cut tests cut the sample: after the header's first data line, then about every seventh of it. */
    private List<Integer> cuts(List<String> lines) {
        List<Integer> out = new ArrayList<>();
        for (int cut = headerLines() + 1; cut < lines.size(); cut += Math.max(1, lines.size() / 7)) {
            out.add(cut);
        }
        return out;
    }

    /**
     * The sample's events, checked to be one a data line: what the cut tests rely on (a cut after k whole data lines
     * must keep exactly the first k).
     */
    private List<EventRecord> oneEventPerDataLine(List<String> lines) throws Exception {
        List<EventRecord> all = read(sample()).events();
        assertThat(all).hasSize(lines.size() - headerLines());
        return all;
    }

    @Test
    void aFileCutShortKeepsAPrefixOfTheEvents() throws Exception {
        List<String> lines = lines();
        List<EventRecord> all = oneEventPerDataLine(lines);
        for (int cut : cuts(lines)) {
            Read r = read(write("cut" + cut + ".txt", lines.subList(0, cut), "\n", false));
            int whole = cut - headerLines();
            assertThat(r.events()).as("cut after line %d", cut).isEqualTo(all.subList(0, whole));
            assertThat(r.bad()).as("cut after line %d", cut).isEmpty();
            assertThat(r.rows()).isEqualTo(whole);
        }
    }

    /**
     * A file cut in the middle of a line (a download stopped mid-write, no line end at the end): the whole lines
     * before it give their events, and the part of a line left is one malformed row naming that line (it has too few
     * columns, or, in ACLED, a quoted field not closed before the end of the file), not an event and not an error.
     */
    @Test
    void aFileCutInTheMiddleOfALineKeepsTheWholeLinesAndReportsThePartLineMalformed() throws Exception {
        List<String> lines = lines();
        List<EventRecord> all = oneEventPerDataLine(lines);
        for (int cut : cuts(lines)) {
            String partial = lines.get(cut).substring(0, lines.get(cut).length() / 2);
            Path file = tmp.resolve("midline" + cut + ".txt");
            Files.writeString(file, String.join("\n", lines.subList(0, cut)) + "\n" + partial, StandardCharsets.UTF_8);
            Read r = read(file);
            int whole = cut - headerLines();
            assertThat(r.events()).as("cut within line %d", cut + 1).isEqualTo(all.subList(0, whole));
            assertThat(r.bad()).as("cut within line %d", cut + 1).singleElement().satisfies(b -> {
                assertThat(b.file()).isEqualTo(file.toString());
                assertThat(b.line()).isEqualTo(cut + 1);
                assertThat(b.reason()).isNotBlank();
            });
            assertThat(r.rows()).isEqualTo(whole + 1);
        }
    }

    @Test
    void everyEventHasAPlausibleDayAndACameoCode() throws Exception {
        assertThat(read(sample()).events()).allSatisfy(e -> {
            assertThat(EventRules.plausible(e.date())).isTrue();
            assertThat(EventRules.quadClassOfCode(e.cameo())).isEqualTo(e.quadClass());
            assertThat(e.key()).isNotBlank();
        });
    }
}
