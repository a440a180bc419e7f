package org.statecraft.io.bargaining;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.statecraft.core.DataFormatException;

/** Small delimited-text helpers shared by the bargaining readers: line splitting (LF, CRLF or CR) and fields. */
final class Csv {
    private Csv() {
    }

    /** A field with its 1-based column. */
    record Field(String text, int column) {
    }

    static String read(Path path) {
        try {
            byte[] bytes = Files.readAllBytes(path);
            String s = new String(bytes, StandardCharsets.UTF_8);
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** Lines split on LF, CRLF or a lone CR (old Mac files such as the BdM examples). */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\r\n|\r|\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** Splits on {@code sep}, honouring double quotes; fields are trimmed. */
    static List<Field> split(String line, char sep) {
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
                out.add(new Field(cur.toString().trim(), start));
                cur.setLength(0);
                start = i + 2;
            } else {
                cur.append(ch);
            }
        }
        out.add(new Field(cur.toString().trim(), start));
        return out;
    }

    /** Drops trailing empty fields (KTAB allows a trailing comma). */
    static List<Field> trimTrailingEmpty(List<Field> fields) {
        int end = fields.size();
        while (end > 0 && fields.get(end - 1).text().isEmpty()) {
            end--;
        }
        return fields.subList(0, end);
    }

    static double number(String file, int line, Field f, String what) {
        try {
            double v = Double.parseDouble(f.text());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new DataFormatException(file, line, f.column(), what + " must be a number, was '" + f.text() + "'");
        }
    }

    static double inRange(String file, int line, Field f, String what, double lo, double hi) {
        double v = number(file, line, f, what);
        if (v < lo || v > hi) {
            throw new DataFormatException(file, line, f.column(),
                    what + " must be in [" + fmt(lo) + ", " + fmt(hi) + "], was " + f.text());
        }
        return v;
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
