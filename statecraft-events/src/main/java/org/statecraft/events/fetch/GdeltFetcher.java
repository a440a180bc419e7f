package org.statecraft.events.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Downloads GDELT 1.0 daily export files for a range of dates, with retries and resume.
 *
 * <p>Each date's URL is the template with {@code {yyyyMMdd}} replaced (GDELT's default:
 * {@value #DEFAULT_TEMPLATE}). A file already complete in the download folder is not fetched again. A download
 * goes to {@code NAME.part}; if it breaks off, the next attempt asks for the rest with an HTTP {@code Range}
 * header (and starts over if the server ignores it); only a complete body (as long as Content-Length says) is
 * renamed to its final name. Server errors (5xx), timeouts and broken connections are retried up to
 * {@code attempts} times with exponential backoff; 404 and other 4xx are not (GDELT has no file for some days).
 */
public final class GdeltFetcher {
    public static final String DEFAULT_TEMPLATE = "http://data.gdeltproject.org/events/{yyyyMMdd}.export.CSV.zip";

    /**
     * @param urlTemplate URL with {@code {yyyyMMdd}}
     * @param downloads folder for the files
     * @param attempts tries per file, ≥ 1
     * @param backoff wait before the second try; doubled for each further one
     * @param timeout connect and read timeout
     */
    public record Options(String urlTemplate, Path downloads, int attempts, Duration backoff, Duration timeout) {
        public Options {
            Objects.requireNonNull(downloads, "downloads");
            if (urlTemplate == null || !urlTemplate.contains("{yyyyMMdd}")) {
                throw new IllegalArgumentException("URL template must contain {yyyyMMdd}, was '" + urlTemplate + "'");
            }
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be >= 1, was " + attempts);
            }
        }
    }

    /** The outcome for one date: {@code file} is set when it was downloaded (or already there). */
    public record Download(LocalDate date, String url, Path file, boolean alreadyPresent, int attempts,
            boolean resumed, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    private final Options options;

    public GdeltFetcher(Options options) {
        this.options = options;
    }

    /** Fetches every date from {@code from} to {@code to} inclusive, logging one line per file. */
    public List<Download> fetch(LocalDate from, LocalDate to, Consumer<String> log) throws IOException {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        Files.createDirectories(options.downloads());
        List<Download> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Download r = fetch(d);
            out.add(r);
            if (log != null) {
                log.accept(r.ok() ? (r.alreadyPresent() ? "present " : "fetched ") + r.file()
                        + (r.resumed() ? " (resumed)" : "") : "failed  " + r.url() + ": " + r.error());
            }
        }
        return out;
    }

    private Download fetch(LocalDate date) {
        String url = options.urlTemplate().replace("{yyyyMMdd}", date.format(DateTimeFormatter.BASIC_ISO_DATE));
        String path = URI.create(url).getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        Path target = options.downloads().resolve(name);
        if (Files.exists(target)) {
            return new Download(date, url, target, true, 0, false, null);
        }
        Path part = options.downloads().resolve(name + ".part");
        boolean resumed = false;
        String error = null;
        long wait = options.backoff().toMillis();
        for (int attempt = 1; attempt <= options.attempts(); attempt++) {
            try {
                resumed |= download(url, part);
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return new Download(date, url, target, false, attempt, resumed, null);
            } catch (PermanentFailure e) {
                return new Download(date, url, null, false, attempt, resumed, e.getMessage());
            } catch (IOException e) {
                error = e.getMessage() == null ? e.toString() : e.getMessage();
                if (attempt < options.attempts()) {
                    sleep(wait);
                    wait *= 2;
                }
            }
        }
        return new Download(date, url, null, false, options.attempts(), resumed, error + " (after "
                + options.attempts() + " attempts)");
    }

    /** Downloads into {@code part}, resuming what is there; returns whether it resumed. */
    private boolean download(String url, Path part) throws IOException {
        long have = Files.exists(part) ? Files.size(part) : 0;
        HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
        c.setConnectTimeout((int) options.timeout().toMillis());
        c.setReadTimeout((int) options.timeout().toMillis());
        if (have > 0) {
            c.setRequestProperty("Range", "bytes=" + have + "-");
        }
        try {
            int code = c.getResponseCode();
            if (code == 416 && have > 0) {
                return true; // we already have it all
            }
            if (code == 404 || (code >= 400 && code < 500)) {
                throw new PermanentFailure("HTTP " + code);
            }
            if (code != 200 && code != 206) {
                throw new IOException("HTTP " + code);
            }
            boolean append = code == 206 && have > 0;
            long expected = c.getContentLengthLong();
            long got = 0;
            try (InputStream in = c.getInputStream();
                    OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                    got += n;
                }
            }
            if (expected >= 0 && got < expected) {
                throw new IOException("connection closed after " + got + " of " + expected + " bytes");
            }
            return append;
        } finally {
            c.disconnect();
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
}
