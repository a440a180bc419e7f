package org.statecraft.events.fetch;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * GDELT's published verification lists for the files of one folder: {@code md5sums} (one {@code <md5>  <file name>}
 * per line, the format of {@code md5sum}) and {@code filesizes} (one {@code <bytes> <file name>} per line), both
 * beside the files (for GDELT 1.0 events, {@code http://data.gdeltproject.org/events/md5sums} and {@code
 * .../filesizes}). Lines that are not of that form are ignored.
 */
public final class PublishedChecksums {
    private final Map<String, String> md5 = new HashMap<>();
    private final Map<String, Long> sizes = new HashMap<>();

    /** Parses the two lists; either may be null (not published). */
    public static PublishedChecksums parse(String md5sums, String filesizes) {
        PublishedChecksums c = new PublishedChecksums();
        if (md5sums != null) {
            for (String line : md5sums.split("\\R")) {
                String[] f = line.trim().split("\\s+", 2);
                if (f.length == 2 && f[0].matches("[0-9a-fA-F]{32}")) {
                    c.md5.put(name(f[1]), f[0].toLowerCase(Locale.ROOT));
                }
            }
        }
        if (filesizes != null) {
            for (String line : filesizes.split("\\R")) {
                String[] f = line.trim().split("\\s+", 2);
                if (f.length == 2 && f[0].matches("\\d{1,18}")) {
                    c.sizes.put(name(f[1]), Long.parseLong(f[0]));
                }
            }
        }
        return c;
    }

    /** {@code md5sum -b} writes {@code *name}; a path keeps only its last segment. */
    private static String name(String s) {
        String t = s.trim();
        if (t.startsWith("*")) {
            t = t.substring(1);
        }
        return t.substring(t.lastIndexOf('/') + 1);
    }

    /** The published MD5 (lower-case hex) of a file, or null when the list does not name it. */
    public String md5(String fileName) {
        return md5.get(fileName);
    }

    /** The published size of a file, if listed. */
    public OptionalLong size(String fileName) {
        Long s = sizes.get(fileName);
        return s == null ? OptionalLong.empty() : OptionalLong.of(s);
    }

    public boolean isEmpty() {
        return md5.isEmpty();
    }
}
