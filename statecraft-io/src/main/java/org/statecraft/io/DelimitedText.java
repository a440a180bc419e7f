package org.statecraft.io;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of delimited text split into fields, as the readers of KTAB and BdM files and the CAMEO tables read it:
 * a double quote opens or closes quoting, a doubled quote inside quotes is one quote, and a separator inside quotes
 * is text (RFC 4180 within a line). Fields keep their white space. O(line length).
 */
public final class DelimitedText {
    private DelimitedText() {
    }

    /** A field and the 1-based column it starts at. */
    public record Field(String text, int column) {
    }

    /** The fields of {@code line} separated by {@code sep}; a quote left open runs to the end of the line. */
    public static List<Field> split(String line, char sep) {
        List<Field> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        int start = 1;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == sep && !quoted) {
                out.add(new Field(cur.toString(), start));
                cur.setLength(0);
                start = i + 2;
            } else {
                cur.append(ch);
            }
        }
        out.add(new Field(cur.toString(), start));
        return out;
    }
}
