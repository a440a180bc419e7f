package org.statecraft.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
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

    /**
     * Recognises a file by its first line: a header starting {@code Event ID} is ICEWS, one starting
     * {@code event_id_cnty} is ACLED, 57 or 58 tab-separated fields GDELT 1.0 and 61 GDELT 2.0.
     */
    public static EventFormat detect(Path file) throws IOException {
        try (BufferedReader r = open(file, null)) {
            String first = r.readLine();
            if (first == null) {
                throw new DataFormatException(file.toString(), 0, 0, "empty file: no event format to recognise");
            }
            String f = first.startsWith("\uFEFF") ? first.substring(1) : first;
            if (f.startsWith("Event ID\t")) {
                return ICEWS;
            }
            if (f.startsWith("event_id_cnty") || f.startsWith("\"event_id_cnty\"")) {
                return ACLED;
            }
            int fields = 1;
            for (int i = 0; i < f.length(); i++) {
                if (f.charAt(i) == '\t') {
                    fields++;
                }
            }
            if (fields == 57 || fields == 58) {
                return GDELT1;
            }
            if (fields == 61) {
                return GDELT2;
            }
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.matches("\\d{8}\\.export\\.csv(\\.zip)?")) {
                return GDELT1;
            }
            if (name.matches("\\d{14}\\.export\\.csv(\\.zip)?")) {
                return GDELT2;
            }
            throw new DataFormatException(file.toString(), 1, 0, "cannot recognise the event format: first line has "
                    + fields + " tab-separated fields and no ICEWS or ACLED header (give --format)");
        }
    }

    /**
     * Opens a plain, {@code .zip} (first file entry) or {@code .gz} file as UTF-8 text, reading the raw bytes
     * through {@code wrap} (for hashing and progress) when not null.
     */
    public static BufferedReader open(Path file, java.util.function.UnaryOperator<InputStream> wrap)
            throws IOException {
        return new BufferedReader(new InputStreamReader(openBytes(file, wrap), StandardCharsets.UTF_8), 1 << 20);
    }

    /** The content of a plain, {@code .zip} (first file entry) or {@code .gz} file, raw bytes read through {@code wrap}. */
    public static InputStream openBytes(Path file, java.util.function.UnaryOperator<InputStream> wrap)
            throws IOException {
        InputStream raw = java.nio.file.Files.newInputStream(file);
        if (wrap != null) {
            raw = wrap.apply(raw);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".zip") && !name.endsWith(".gz")) {
            return raw;
        }
        InputStream in = new java.io.BufferedInputStream(raw, 1 << 16);
        try {
            if (name.endsWith(".zip")) {
                ZipInputStream zip = new ZipInputStream(in);
                ZipEntry e;
                while ((e = zip.getNextEntry()) != null && e.isDirectory()) {
                    // skip folders
                }
                if (e == null) {
                    zip.close();
                    throw new DataFormatException(file.toString(), 0, 0, "zip file has no entry to read");
                }
                return zip;
            }
            return new GZIPInputStream(in, 1 << 16);
        } catch (java.util.zip.ZipException ex) {
            in.close();
            throw new DataFormatException(file.toString(), 0, 0, "not a readable compressed file: " + ex.getMessage());
        }
    }
}
