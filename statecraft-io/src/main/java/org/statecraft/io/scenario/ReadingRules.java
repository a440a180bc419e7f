package org.statecraft.io.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a scenario file may hold before it is parsed, checked on the text itself so that every problem is found in
 * time linear in the file and reported at its own position (docs/scenario-format.md, "Reading rules and limits").
 *
 * <ul>
 *   <li>At most {@value #MAX_FILE_BYTES} bytes (1 MiB; the bundled scenario is 27 KB), checked before the file is
 *       read: a larger file is never read into memory.</li>
 *   <li>Lines of at most {@value #MAX_LINE_CHARS} characters: the YAML scanner slows down on one very long token,
 *       and no scenario value needs more.</li>
 *   <li>Only characters YAML 1.2 allows in a stream (§5.1: tab, line breaks, printable Unicode): a control character,
 *       a lone surrogate or U+FFFE/U+FFFF is named with its code at its own line and column.</li>
 * </ul>
 *
 * Values may still hold control characters written as escapes in double quotes ({@code "\e"}); {@link #printable}
 * makes every message safe to print on a terminal.
 */
final class ReadingRules {
    /** The largest scenario file read, in bytes. */
    static final int MAX_FILE_BYTES = 1 << 20;
    /** The longest line, in characters (UTF-16 units). */
    static final int MAX_LINE_CHARS = 1 << 16;
    /** How many character problems are listed (the rest are counted). */
    static final int MAX_LISTED = 20;

    private ReadingRules() {
    }

    /** The problem of a file larger than {@link #MAX_FILE_BYTES}. */
    static LocatedProblem tooLarge(String file, long bytes) {
        return new LocatedProblem(file, 1, 1, "", "the file is " + bytes + " bytes; a scenario file may be at most "
                + MAX_FILE_BYTES + " bytes (1 MiB; see docs/scenario-format.md, 'Reading rules and limits')");
    }

    /** Characters YAML does not allow and overlong lines, each at its line and column; empty when the text is fine. */
    static List<LocatedProblem> screen(String text, String file) {
        List<LocatedProblem> out = new ArrayList<>();
        int line = 1;
        int column = 1;
        int lineStart = 0;
        int skipped = 0;
        boolean longReported = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                column = 1;
                lineStart = i + 1;
                longReported = false;
                continue;
            }
            if (c == '\r') {
                continue; // CR of CRLF
            }
            if (!longReported && i - lineStart >= MAX_LINE_CHARS) {
                longReported = true;
                out.add(new LocatedProblem(file, line, column, "", "line " + line + " is longer than " + MAX_LINE_CHARS
                        + " characters, the limit for one line of a scenario file (break a long text with a folded "
                        + "block scalar: '>')"));
            }
            int cp = c;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                cp = Character.toCodePoint(c, text.charAt(++i));
            }
            if (!allowed(cp)) {
                if (out.size() < MAX_LISTED) {
                    out.add(new LocatedProblem(file, line, column, "", name(cp) + " is not allowed in a YAML file; "
                            + "remove it, or write it as an escape in a double-quoted string"));
                } else {
                    skipped++;
                }
            }
            column++;
        }
        if (skipped > 0) {
            out.add(new LocatedProblem(file, line, 1, "", "and " + skipped + " more characters YAML does not allow"));
        }
        return out;
    }

    /** YAML 1.2 §5.1 c-printable (less the BOM, which the reader strips at the start). */
    static boolean allowed(int cp) {
        return cp == 0x09 || cp == 0x0A || cp == 0x0D || (cp >= 0x20 && cp <= 0x7E) || cp == 0x85
                || (cp >= 0xA0 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    /** {@code U+001B (ESC)}, {@code U+0007 (BEL)}, or just the code. */
    static String name(int cp) {
        String code = String.format(Locale.ROOT, "U+%04X", cp);
        String n = cp < 0x20 ? C0[cp] : cp == 0x7F ? "DEL" : cp >= 0x80 && cp < 0xA0 ? "C1 control"
                : Character.isSurrogate((char) cp) ? "lone surrogate" : null;
        return "the control character " + code + (n == null ? "" : " (" + n + ")");
    }

    private static final String[] C0 = {"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF",
        "VT", "FF", "CR", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC",
        "FS", "GS", "RS", "US"};

    /**
     * The text with every control character (C0, DEL, C1) and every bidirectional override written as {@code \\uXXXX}:
     * a message quoting a key or value never sends raw terminal escapes or reorders what the terminal shows.
     */
    static String printable(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = c < 0x20 || (c >= 0x7F && c < 0xA0)
                    || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F;
            if (bad && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (bad) {
                    b.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? s : b.toString();
    }
}
