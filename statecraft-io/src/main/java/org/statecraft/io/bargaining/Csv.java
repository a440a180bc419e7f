package org.statecraft.io.bargaining;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.statecraft.core.DataFormatException;
import org.statecraft.io.DelimitedText;

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

    /** Splits on {@code sep}, honouring double quotes ({@link DelimitedText#split}); fields are trimmed. */
    static List<Field> split(String line, char sep) {
        List<Field> out = new ArrayList<>();
        for (DelimitedText.Field f : DelimitedText.split(line, sep)) {
            out.add(new Field(f.text().trim(), f.column()));
        }
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
