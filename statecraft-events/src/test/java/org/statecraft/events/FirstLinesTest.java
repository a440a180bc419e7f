package org.statecraft.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Format detection reads only as far as its first lines: the lines it gets are those of the whole first
 * {@link EventFormat#DETECT_CHARS} characters split at once, whatever the line lengths, the line ends (CR LF split
 * across two reads included) and however little each read returns.
 */
class FirstLinesTest {
    /** What detection took before it read in pieces: the first MiB split whole, its first lines. */
    private static List<String> oracle(String text) {
        String head = text.substring(0, Math.min(text.length(), EventFormat.DETECT_CHARS));
        String[] parts = head.split("\\r\\n|\\n|\\r", -1);
        List<String> lines = new ArrayList<>(Arrays.asList(parts).subList(0, Math.min(parts.length,
                EventFormat.DETECT_LINES)));
        boolean wholeText = text.length() < EventFormat.DETECT_CHARS && parts.length <= EventFormat.DETECT_LINES;
        if (wholeText && !lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** A reader that returns at most {@code most} characters a read, as a slow stream may. */
    private static BufferedReader trickling(String text, int most) {
        Reader in = new StringReader(text) {
            @Override
            public int read(char[] cbuf, int off, int len) throws IOException {
                return super.read(cbuf, off, Math.min(len, most));
            }
        };
        return new BufferedReader(in, 16);
    }

    private static String text(SplittableRandom rnd) {
        StringBuilder b = new StringBuilder();
        int lines = rnd.nextInt(40);
        String[] ends = {"\n", "\r\n", "\r"};
        for (int i = 0; i < lines; i++) {
            int kind = rnd.nextInt(10);
            // mostly GDELT-like lines, some empty, some longer than a read (64 Ki characters), a few past the MiB
            int length = kind == 0 ? 0 : kind < 7 ? rnd.nextInt(1, 1200) : kind < 9 ? rnd.nextInt(60_000, 140_000)
                    : rnd.nextInt(300_000, 700_000);
            b.append(String.valueOf((char) ('a' + rnd.nextInt(3))).repeat(length));
            if (i < lines - 1 || rnd.nextBoolean()) {
                b.append(ends[rnd.nextInt(ends.length)]);
            }
        }
        return b.toString();
    }

    @Test
    void theFirstLinesAreThoseOfTheWholeFirstMebibyte() throws IOException {
        SplittableRandom rnd = new SplittableRandom(20261201);
        for (int trial = 0; trial < 100; trial++) {
            String text = text(rnd);
            int most = rnd.nextBoolean() ? Integer.MAX_VALUE : rnd.nextInt(1, 70_000);
            assertThat(EventFormat.firstLines(trickling(text, most))).as("trial " + trial)
                    .isEqualTo(oracle(text));
        }
    }

    @Test
    void aCrLfSplitAcrossTwoReadsEndsOneLine() throws IOException {
        String line = "x".repeat((1 << 16) - 1);
        String text = line + "\r\n" + "second\r\nthird\n";
        assertThat(EventFormat.firstLines(new BufferedReader(new StringReader(text))))
                .containsExactly(line, "second", "third");
    }
}
