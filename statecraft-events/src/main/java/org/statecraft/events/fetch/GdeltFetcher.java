package org.statecraft.events.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.statecraft.events.FileDigest;

/**
 * Downloads GDELT 1.0 daily export files for a range of dates, verified, with retries and resume.
 *
 * <p>Each date's URL is the template with {@code {yyyyMMdd}} replaced (GDELT's default: {@value #DEFAULT_TEMPLATE}).
 * GDELT publishes the MD5 and size of every file in {@code md5sums} and {@code filesizes} beside the files; they are
 * fetched once per run (from the template's folder) and every file is checked against them. A download goes to {@code
 * NAME.part} and is renamed to its final name only once verified: its size is the published one (and the
 * Content-Length, when sent) and its MD5 the published one, computed from the bytes as they arrive (a resumed part's
 * earlier bytes are read once more; the file is not read again after the download). Unverified ({@code verify} off), a
 * {@code .zip} must read to its end with every entry's CRC right instead; a verified one is byte for byte the published
 * file, which the ingest's read of it checks the CRC of anyway. A file that fails is deleted and fetched again; after
 * {@code attempts} tries it is reported, never kept.
 *
 * <p>HTTP: a {@code .part} left by a broken download is resumed with a {@code Range} header. A 206 is appended only
 * when its {@code Content-Range} starts where the part ends (a 206 from byte 0 replaces the part); a 416 means the
 * part is complete or stale, which the verification tells apart (a stale part is deleted and fetched again); a part
 * longer than the published size is deleted before asking. A 200 whose Content-Type is HTML (an error page in place of
 * a file) is a failed attempt. Server errors (5xx), timeouts and broken connections are retried with exponential
 * backoff; 404 and other 4xx are not (GDELT has no file for some days). A file already in the folder is checked the
 * same way and fetched again if it fails.
 */
public final class GdeltFetcher {
    public static final String DEFAULT_TEMPLATE = "http://data.gdeltproject.org/events/{yyyyMMdd}.export.CSV.zip";

    /**
     * @param urlTemplate URL with {@code {yyyyMMdd}}
     * @param downloads folder for the files
     * @param attempts tries per file, ≥ 1
     * @param backoff wait before the second try; doubled for each further one
     * @param timeout connect and read timeout
     * @param verify check each file against the published MD5 list and sizes (off only on request: a mirror
     *     without them)
     */
    public record Options(String urlTemplate, Path downloads, int attempts, Duration backoff, Duration timeout,
            boolean verify) {
        public Options {
            Objects.requireNonNull(downloads, "downloads");
            if (urlTemplate == null || !urlTemplate.contains("{yyyyMMdd}")) {
                throw new IllegalArgumentException("URL template must contain {yyyyMMdd}, was '" + urlTemplate + "'");
            }
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be >= 1, was " + attempts);
            }
        }

        /** The folder of the template's files, where GDELT publishes {@code md5sums} and {@code filesizes}. */
        String listUrl(String list) {
            return urlTemplate.substring(0, urlTemplate.lastIndexOf('/', urlTemplate.indexOf("{yyyyMMdd}")) + 1) + list;
        }
    }

    /** The outcome for one date: {@code file} is set when it was downloaded (or already there) and verified. */
    public record Download(LocalDate date, String url, Path file, boolean alreadyPresent, int attempts,
            boolean resumed, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    private final Options options;
    private PublishedChecksums published;

    public GdeltFetcher(Options options) {
        this.options = options;
    }

    /** Fetches every date from {@code from} to {@code to} inclusive, logging one line per file. */
    public List<Download> fetch(LocalDate from, LocalDate to, Consumer<String> log) throws IOException {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        Files.createDirectories(options.downloads());
        String listError = null;
        if (options.verify()) {
            try {
                published = PublishedChecksums.parse(text(options.listUrl("md5sums")), optionalText(options.listUrl("filesizes")));
                if (published.isEmpty()) {
                    listError = "the published MD5 list " + options.listUrl("md5sums") + " names no file";
                }
            } catch (IOException e) {
                listError = "cannot get the published MD5 list " + options.listUrl("md5sums") + ": " + reason(e);
            }
        }
        List<Download> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Download r;
            if (listError != null) {
                String url = url(d);
                r = new Download(d, url, null, false, 0, false, listError + " (give --no-verify to fetch unverified)");
            } else {
                r = fetch(d);
            }
            out.add(r);
            if (log != null) {
                log.accept(r.ok() ? (r.alreadyPresent() ? "present " : "fetched ") + r.file()
                        + (r.resumed() ? " (resumed)" : "") : "failed  " + r.url() + ": " + r.error());
            }
        }
        return out;
    }

    private String url(LocalDate date) {
        return options.urlTemplate().replace("{yyyyMMdd}", date.format(DateTimeFormatter.BASIC_ISO_DATE));
    }

    private Download fetch(LocalDate date) {
        String url = url(date);
        String path = URI.create(url).getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        Path target = options.downloads().resolve(name);
        Path part = options.downloads().resolve(name + ".part");
        if (Files.exists(target)) {
            try {
                verify(target, name, -1, null);
                return new Download(date, url, target, true, 0, false, null);
            } catch (IOException e) {
                deleteQuietly(target); // a damaged file kept by an earlier version: fetched again
            }
        }
        boolean resumed = false;
        String error = null;
        long wait = options.backoff().toMillis();
        for (int attempt = 1; attempt <= options.attempts(); attempt++) {
            try {
                Got got = download(url, part, name);
                resumed |= got.resumed();
                verify(part, name, got.announcedSize(), got.md5());
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return new Download(date, url, target, false, attempt, resumed, null);
            } catch (PermanentFailure e) {
                deleteQuietly(part);
                return new Download(date, url, null, false, attempt, resumed, e.getMessage());
            } catch (Unverified e) {
                deleteQuietly(part); // never kept: the next attempt starts from byte 0
                error = e.getMessage();
            } catch (IOException e) {
                error = reason(e); // the part is kept and resumed
            }
            if (attempt < options.attempts()) {
                sleep(wait);
                wait *= 2;
            }
        }
        return new Download(date, url, null, false, options.attempts(), resumed, error + " (after "
                + options.attempts() + " attempts; nothing kept)");
    }

    /**
     * What a download brought: the file size the server announced (-1: none), whether it resumed a part, and the MD5
     * of the whole part computed while writing it (null: not computed, the part is to be read).
     */
    private record Got(long announcedSize, boolean resumed, String md5) {
    }

    /** Downloads into {@code part}, resuming what is there. */
    private Got download(String url, Path part, String name) throws IOException {
        long have = Files.exists(part) ? Files.size(part) : 0;
        OptionalLong publishedSize = options.verify() ? published.size(name) : OptionalLong.empty();
        if (publishedSize.isPresent() && have > publishedSize.getAsLong()) {
            Files.delete(part); // a stale part longer than the file: a Range request would be answered 416
            have = 0;
        }
        HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
        c.setConnectTimeout((int) options.timeout().toMillis());
        c.setReadTimeout((int) options.timeout().toMillis());
        if (have > 0) {
            c.setRequestProperty("Range", "bytes=" + have + "-");
        }
        try {
            int code = c.getResponseCode();
            if (code == 416 && have > 0) {
                return new Got(-1, true, null); // the part is complete, or stale: the verification says which
            }
            if (code >= 400 && code < 500) {
                throw new PermanentFailure("HTTP " + code);
            }
            if (code != 200 && code != 206) {
                throw new IOException("HTTP " + code);
            }
            String type = c.getContentType();
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html") && !name.endsWith(".html")) {
                throw new Unverified("the server sent an HTML page (Content-Type " + type + "), not the file");
            }
            boolean append = false;
            if (code == 206) {
                Matcher m = CONTENT_RANGE.matcher(String.valueOf(c.getHeaderField("Content-Range")));
                if (!m.matches()) {
                    throw new Unverified("206 without a readable Content-Range ('" + c.getHeaderField("Content-Range") + "')");
                }
                long start = Long.parseLong(m.group(1));
                if (start != 0 && start != have) {
                    throw new Unverified("206 from byte " + start + ", but " + have + " bytes are here");
                }
                append = start == have && have > 0;
            }
            long announced = c.getContentLengthLong();
            long got = 0;
            MessageDigest md5 = FileDigest.newDigest("MD5");
            if (append) {
                FileDigest.update(md5, part); // the bytes already here, once
            }
            try (InputStream in = c.getInputStream();
                    OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                    md5.update(buf, 0, n);
                    got += n;
                }
            }
            if (announced >= 0 && got < announced) {
                throw new IOException("connection closed after " + got + " of " + announced + " bytes");
            }
            return new Got(announced < 0 ? -1 : (append ? have : 0) + announced, append,
                    HexFormat.of().formatHex(md5.digest()));
        } finally {
            c.disconnect();
        }
    }

    /**
     * Checks a downloaded file: the announced total size ({@code expectedSize}, -1 if none), the published size and
     * MD5 ({@code md5}: computed while downloading, or null to read the file for it), and unverified, for a {@code
     * .zip}, that it reads to its end with every CRC right.
     */
    private void verify(Path file, String name, long expectedSize, String md5) throws IOException {
        long size = Files.size(file);
        if (expectedSize > 0 && size != expectedSize) {
            throw new Unverified(size + " bytes, the server announced " + expectedSize);
        }
        if (options.verify()) {
            OptionalLong s = published.size(name);
            if (s.isPresent() && s.getAsLong() != size) {
                throw new Unverified(size + " bytes, published size " + s.getAsLong());
            }
            String want = published.md5(name);
            String got = md5 != null ? md5 : md5(file);
            if (want == null) {
                throw new Unverified("not in the published MD5 list " + options.listUrl("md5sums")
                        + " (not published yet? run again later)");
            }
            if (!want.equals(got)) {
                throw new Unverified("MD5 " + got + ", published " + want);
            }
        } else if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            checkZip(file);
        }
    }

    /** Reads every entry of a zip file to its end (ZipInputStream checks each entry's CRC and size). */
    static void checkZip(Path file) throws Unverified {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            byte[] buf = new byte[1 << 16];
            int entries = 0;
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                entries++;
                while (zip.read(buf) >= 0) {
                    // read to the end: the CRC is checked there
                }
            }
            if (entries == 0) {
                throw new Unverified("not a zip file (no entry)");
            }
        } catch (Unverified u) {
            throw u;
        } catch (IOException e) {
            throw new Unverified("not a complete zip file: " + reason(e));
        }
    }

    static String md5(Path file) throws IOException {
        return FileDigest.hex(file, "MD5");
    }

    private String text(String url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
        c.setConnectTimeout((int) options.timeout().toMillis());
        c.setReadTimeout((int) options.timeout().toMillis());
        try {
            int code = c.getResponseCode();
            if (code != 200) {
                throw new IOException("HTTP " + code);
            }
            try (InputStream in = c.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            c.disconnect();
        }
    }

    /** A list that may be missing (GDELT publishes sizes beside the MD5s, a mirror may not). */
    private String optionalText(String url) {
        try {
            return text(url);
        } catch (IOException e) {
            return null;
        }
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // left for the next run, which verifies it before use
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class PermanentFailure extends IOException {
        private static final long serialVersionUID = 1L;

        PermanentFailure(String message) {
            super(message);
        }
    }

    /** A download that arrived but is not the file: deleted, then fetched again from the start. */
    static final class Unverified extends IOException {
        private static final long serialVersionUID = 1L;

        Unverified(String message) {
            super(message);
        }
    }
}
