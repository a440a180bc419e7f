package org.statecraft.events.acled;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Records of a CSV file per RFC 4180 (fields separated by commas, a field in double quotes may hold commas, line
 * breaks and doubled quotes), read one at a time with the line each starts on, and resynchronised after a damaged
 * record: a quoted field that is still open when a line that is itself a whole record begins ({@code
 * recordStart}, e.g. a line starting with an ACLED event id and holding as many fields as the header), or after
 * {@link #MAX_RECORD_LINES} lines, is reported as not closed and reading goes on at that line. So one stray quote
 * costs one record, not the rest of the file. O(record length) memory.
 */
final class CsvRecords {
    /** A quoted field spanning more lines than this is taken as unclosed (ACLED notes span a few lines). */
    static final int MAX_RECORD_LINES = 200;

    /** One record, or a damaged one ({@code error} set, {@code fields} null). */
    record Rec(long line, List<String> fields, String error) {
    }

    private final BufferedReader in;
    private Predicate<String> recordStart = line -> false;
    private String pushedBack;
    private long lineNo;

    CsvRecords(BufferedReader in) {
        this.in = in;
    }

    /** Sets the test for "this line starts a new record", used to end an unclosed quoted field there. */
    void recordStart(Predicate<String> test) {
        this.recordStart = test;
    }

    private String nextLine() throws IOException {
        if (pushedBack != null) {
            String l = pushedBack;
            pushedBack = null;
            lineNo++;
            return l;
        }
        String l = in.readLine();
        if (l != null) {
            lineNo++;
        }
        return l;
    }

    /** The next record, or null at the end of the file. */
    Rec next() throws IOException {
        String line = nextLine();
        if (line == null) {
            return null;
        }
        long start = lineNo;
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        long quoteLine = 0;
        int quoteColumn = 0;
        int i = 0;
        int lines = 1;
        while (true) {
            if (i >= line.length()) {
                if (!quoted) {
                    out.add(cur.toString());
                    return new Rec(start, out, null);
                }
                String next = nextLine();
                String why = null;
                if (next == null) {
                    why = "before the end of the file";
                } else if (recordStart.test(next)) {
                    pushedBack = next;
                    lineNo--;
                    why = "before the next record, which starts on line " + (lineNo + 1);
                } else if (++lines > MAX_RECORD_LINES) {
                    why = "within " + MAX_RECORD_LINES + " lines";
                }
                if (why != null) {
                    return new Rec(start, null, "quoted field opened at line " + quoteLine + ", column " + quoteColumn
                            + " is not closed " + why + " (RFC 4180: a quote inside a field is written twice)");
                }
                line = next;
                cur.append('\n');
                i = 0;
                continue;
            }
            char c = line.charAt(i++);
            if (quoted) {
                if (c == '"') {
                    if (i < line.length() && line.charAt(i) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                quoteLine = lineNo;
                quoteColumn = i;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
    }

    /** The fields of one line on its own if it is a whole record (no quoted field left open), else null. */
    static List<String> wholeLine(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        quoted = false;
                    }
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
                continue;
            }
            if (c != '"') {
                cur.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        out.add(cur.toString());
        return out;
    }
}
