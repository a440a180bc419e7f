package org.statecraft.events;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.statecraft.core.DataFormatException;
import org.statecraft.core.UsageException;
import org.statecraft.events.acled.AcledReader;
import org.statecraft.events.gdelt.GdeltReader;
import org.statecraft.events.icews.IcewsReader;

/** The event-data formats Statecraft reads, and how a file is recognised and opened. */
public enum EventFormat {
    /** GDELT 1.0 exports: 57 tab-separated columns (backfile) or 58 (daily files, with SOURCEURL). */
    GDELT1("gdelt1", 1),
    /** GDELT 2.0 exports: 61 tab-separated columns. */
    GDELT2("gdelt2", 2),
    /** ICEWS coded event data: 20 tab-separated columns with a header. */
    ICEWS("icews", 3),
    /** ACLED CSV export (header, RFC 4180 quoting). */
    ACLED("acled", 4);

    private final String storeName;
    private final int storeId;

    EventFormat(String storeName, int storeId) {
        this.storeName = storeName;
        this.storeId = storeId;
    }

    /** The number under which events of this format are stored ({@code events.source}); fixed forever. */
    public int storeId() {
        return storeId;
    }

    /** True for the formats keyed by a number (GDELT's GLOBALEVENTID) rather than text. */
    public boolean numericKey() {
        return this == GDELT1 || this == GDELT2;
    }

    /** The name under which events of this format are keyed in the store. */
    public String storeName() {
        return storeName;
    }

    public EventReader reader() {
        return switch (this) {
            case GDELT1 -> new GdeltReader(false);
            case GDELT2 -> new GdeltReader(true);
            case ICEWS -> new IcewsReader();
            case ACLED -> new AcledReader();
        };
    }

    public static EventFormat parse(String name) {
        for (EventFormat f : values()) {
            if (f.storeName.equalsIgnoreCase(name) || f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new UsageException("unknown event format '" + name + "' (gdelt1, gdelt2, icews, acled)");
    }

    /** How many lines {@link #detect} reads, at most, and how many characters of them. */
    static final int DETECT_LINES = 25;
    static final int DETECT_CHARS = 1 << 20;

    /**
     * The first {@link #DETECT_LINES} lines of a text (ended by CR LF, LF or CR), within its first {@link
     * #DETECT_CHARS} characters; an empty last line at the end of the text is not a line. Reads in pieces of 64 Ki
     * characters and splits as it reads, so it stops once those lines are whole (reading, decoding and splitting the
     * whole first MiB took 25 ms a file, most of the ingest of a 15-minute GDELT file).
     */
    static List<String> firstLines(BufferedReader r) throws IOException {
        List<String> lines = new ArrayList<>();
        char[] buf = new char[1 << 16];
        int len = 0;
        int start = 0;      // where the line being read starts
        boolean cr = false; // the last character ended a line with CR: an LF right after it belongs to that end
        while (lines.size() < DETECT_LINES && len < DETECT_CHARS) {
            if (len == buf.length) {
                buf = Arrays.copyOf(buf, Math.min(2 * buf.length, DETECT_CHARS));
            }
            int n = r.read(buf, len, Math.min(buf.length - len, 1 << 16));
            if (n <= 0) { // the end of the text: its last line, unless the text ended with a line end
                if (start < len) {
                    lines.add(new String(buf, start, len - start));
                }
                return lines;
            }
            for (int i = len; i < len + n && lines.size() < DETECT_LINES; i++) {
                char c = buf[i];
                if (cr && c == '\n') {
                    start = i + 1;
                } else if (c == '\n' || c == '\r') {
                    lines.add(new String(buf, start, i - start));
                    start = i + 1;
                }
                cr = c == '\r';
            }
            len += n;
        }
        if (lines.size() < DETECT_LINES) { // DETECT_CHARS read: the line it ends in, whole or not
            lines.add(new String(buf, start, len - start));
        }
        return lines;
    }

    /**
     * Recognises a file by its header, several lines and its name: a header starting {@code Event ID} is ICEWS, one
     * starting {@code event_id_cnty} is ACLED; otherwise each of the first {@value #DETECT_LINES} lines votes by its
     * tab-separated field count (57 or 58: GDELT 1.0, 61: GDELT 2.0), so one damaged line does not decide the
     * format; a tie or no vote is settled by the file name ({@code yyyyMMdd.export.CSV} is GDELT 1.0, {@code
     * yyyyMMddHHmmss.export.CSV} GDELT 2.0). A byte-order mark is skipped ({@link #openBytes}).
     */
    public static EventFormat detect(Path file) throws IOException {
        List<String> lines;
        try (BufferedReader r = open(file, null)) {
            lines = firstLines(r);
        }
        if (lines.isEmpty()) {
            throw new DataFormatException(file.toString(), 0, 0, "empty file: no event format to recognise");
        }
        String f = lines.get(0);
        if (f.startsWith("Event ID\t")) {
            return ICEWS;
        }
        if (f.startsWith("event_id_cnty") || f.startsWith("\"event_id_cnty\"")) {
            return ACLED;
        }
        int v1 = 0;
        int v2 = 0;
        for (String line : lines) {
            int fields = 1;
            for (int i = 0; i < line.length(); i++) {
                if (line.charAt(i) == '\t') {
                    fields++;
                }
            }
            if (fields == 57 || fields == 58) {
                v1++;
            } else if (fields == 61) {
                v2++;
            }
        }
        EventFormat byName = byName(file);
        if (v1 != v2) {
            return v1 > v2 ? GDELT1 : GDELT2;
        }
        if (byName != null) {
            return byName;
        }
        throw new DataFormatException(file.toString(), 1, 0, "cannot recognise the event format: of the first "
                + lines.size() + " lines, " + v1 + " have the 57 or 58 tab-separated fields of GDELT 1.0 and " + v2
                + " the 61 of GDELT 2.0, and there is no ICEWS or ACLED header (give --format)");
    }

    /** The GDELT version a file's name gives ({@code yyyyMMdd} or {@code yyyyMMddHHmmss}{@code .export.CSV}), or null. */
    static EventFormat byName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.matches("\\d{8}\\.export\\.csv(\\.zip|\\.gz)?")) {
            return GDELT1;
        }
        if (name.matches("\\d{14}\\.export\\.csv(\\.zip|\\.gz)?")) {
            return GDELT2;
        }
        return null;
    }

    /**
     * Opens a plain, {@code .zip} (first file entry) or {@code .gz} file as UTF-8 text, reading the raw bytes
     * through {@code wrap} (for hashing and progress) when not null.
     */
    public static BufferedReader open(Path file, UnaryOperator<InputStream> wrap) throws IOException {
        return new BufferedReader(new InputStreamReader(openBytes(file, wrap), StandardCharsets.UTF_8), 1 << 20);
    }

    /**
     * The content of a plain, {@code .zip} (first file entry) or {@code .gz} file, raw bytes read through {@code wrap},
     * without a leading UTF-8 byte-order mark. An error while decompressing or reading is a {@link
     * DataFormatException} naming the file.
     */
    public static InputStream openBytes(Path file, UnaryOperator<InputStream> wrap) throws IOException {
        InputStream raw = Files.newInputStream(file);
        if (wrap != null) {
            raw = wrap.apply(raw);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        InputStream content;
        try {
            if (name.endsWith(".zip")) {
                ZipInputStream zip = new ZipInputStream(in);
                ZipEntry e;
                while ((e = zip.getNextEntry()) != null && e.isDirectory()) {
                    // skip folders
                }
                if (e == null) {
                    zip.close();
                    throw new DataFormatException(file.toString(), 0, 0, "not a zip file, or a zip file with no entry to read");
                }
                content = zip;
            } else if (name.endsWith(".gz")) {
                content = new GZIPInputStream(in, 1 << 16);
            } else {
                content = in;
            }
        } catch (IOException ex) {
            in.close();
            throw unreadable(file, ex);
        }
        return skipBom(new BufferedInputStream(new NamedErrors(file, content), 1 << 16));
    }

    private static DataFormatException unreadable(Path file, IOException e) {
        String why = e.getMessage() == null ? (e instanceof EOFException ? "the file ends too early (empty or "
                + "cut short)" : e.getClass().getSimpleName()) : e.getMessage();
        return new DataFormatException(file.toString(), 0, 0, "cannot read the file: " + why
                + (e instanceof ZipException || e instanceof EOFException ? " (damaged or incomplete compressed file)" : ""));
    }

    private static InputStream skipBom(BufferedInputStream in) throws IOException {
        in.mark(3);
        byte[] b = in.readNBytes(3);
        if (!(b.length == 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
        return in;
    }

    /** Turns a read error (a damaged zip or gzip stream, an I/O error) into a {@link DataFormatException} naming the file. */
    private static final class NamedErrors extends FilterInputStream {
        private final Path file;

        NamedErrors(Path file, InputStream in) {
            super(in);
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw unreadable(file, e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw unreadable(file, e);
            }
        }
    }
}
