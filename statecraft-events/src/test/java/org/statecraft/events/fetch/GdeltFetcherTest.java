package org.statecraft.events.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statecraft.events.Samples;

/**
 * The fetcher against a local server (127.0.0.1) that misbehaves in each way issue 12 lists: a body cut short
 * without Content-Length, a 206 that starts at byte 0, a stale larger {@code .part} answered 416, an HTML error page
 * served with 200, a body that is not the published file. Every file kept is byte for byte the served one.
 */
class GdeltFetcherTest {
    @TempDir
    Path tmp;

    /** Served files by day (yyyyMMdd), each a zipped slice of the GDELT 1.0 sample. */
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    /** What the server does on a day's first request (later ones are served right). */
    private final Map<String, String> misbehave = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private boolean publishSizes = true;
    private HttpServer server;

    @BeforeEach
    void serve() throws IOException {
        List<String> lines = Files.readAllLines(Samples.gdeltMixed());
        for (int i = 0; i < 6; i++) {
            String day = "2013040" + (i + 1);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry(day + ".export.CSV"));
                zip.write((String.join("\n", lines.subList(i * 15, i * 15 + 15)) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            files.put(day, bytes.toByteArray());
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String name = path.substring(path.lastIndexOf('/') + 1);
            boolean lists = path.startsWith("/events/"); // a mirror under /nolist/ publishes no lists
            if (!lists && (name.equals("md5sums") || name.equals("filesizes"))) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            if (name.equals("md5sums") || name.equals("filesizes") && publishSizes) {
                StringBuilder b = new StringBuilder();
                files.forEach((day, body) -> b.append(name.equals("md5sums") ? md5(body) + "  " : body.length + " ")
                        .append(day).append(".export.CSV.zip\n"));
                send(ex, 200, b.toString().getBytes(StandardCharsets.UTF_8));
                return;
            }
            String day = name.replace(".export.CSV.zip", "");
            byte[] body = files.get(day);
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            int n = requests.computeIfAbsent(day, d -> new AtomicInteger()).incrementAndGet();
            String how = n == 1 ? misbehave.getOrDefault(day, "") : misbehave.getOrDefault(day, "").equals("corrupt")
                    ? "corrupt" : "";
            String range = ex.getRequestHeaders().getFirst("Range");
            switch (how) {
                case "short-no-length" -> {
                    ex.sendResponseHeaders(200, 0); // chunked: no Content-Length
                    OutputStream os = ex.getResponseBody();
                    os.write(body, 0, body.length / 2);
                    os.flush();
                }
                case "206-from-zero" -> {
                    ex.getResponseHeaders().add("Content-Range", "bytes 0-" + (body.length - 1) + "/" + body.length);
                    send(ex, 206, body);
                }
                case "html" -> {
                    ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                    send(ex, 200, "<html><body>Service temporarily unavailable</body></html>".getBytes(StandardCharsets.UTF_8));
                }
                case "corrupt" -> {
                    byte[] bad = body.clone();
                    bad[bad.length / 2] ^= 1;
                    send(ex, 200, bad);
                }
                default -> {
                    if (range != null) {
                        long from = Long.parseLong(range.replace("bytes=", "").replace("-", ""));
                        if (from >= body.length) {
                            ex.getResponseHeaders().add("Content-Range", "bytes */" + body.length);
                            ex.sendResponseHeaders(416, -1);
                            return;
                        }
                        ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/"
                                + body.length);
                        ex.sendResponseHeaders(206, body.length - from);
                        ex.getResponseBody().write(body, (int) from, (int) (body.length - from));
                        return;
                    }
                    send(ex, 200, body);
                }
            }
        }
    }

    private static void send(HttpExchange ex, int code, byte[] body) throws IOException {
        ex.sendResponseHeaders(code, body.length);
        ex.getResponseBody().write(body);
    }

    static String md5(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<GdeltFetcher.Download> fetch(int attempts) throws IOException {
        String template = "http://127.0.0.1:" + server.getAddress().getPort() + "/events/{yyyyMMdd}.export.CSV.zip";
        return new GdeltFetcher(new GdeltFetcher.Options(template, tmp.resolve("dl"), attempts, Duration.ofMillis(1),
                Duration.ofSeconds(5), true)).fetch(LocalDate.of(2013, 4, 1), LocalDate.of(2013, 4, 6), null);
    }

    private void assertKeptFilesAreTheServedOnes() throws IOException {
        try (var listing = Files.list(tmp.resolve("dl"))) {
            for (Path p : listing.toList()) {
                String name = p.getFileName().toString();
                assertThat(name).as("no part or damaged file is kept").endsWith(".export.CSV.zip");
                assertThat(Files.readAllBytes(p)).isEqualTo(files.get(name.replace(".export.CSV.zip", "")));
            }
        }
    }

    /**
     * Day 1 a short body without a length, day 2 a 206 from byte 0 over a 100-byte part (which it must replace, not
     * extend), day 3 a stale part longer than the file (deleted, as its published size says, not answered 416 and
     * kept), day 4 an HTML page, day 5 a corrupt body.
     */
    private void misbehaveOnDaysOneToFive() throws Exception {
        Files.createDirectories(tmp.resolve("dl"));
        misbehave.put("20130401", "short-no-length");
        misbehave.put("20130402", "206-from-zero");
        Files.write(tmp.resolve("dl/20130402.export.CSV.zip.part"), java.util.Arrays.copyOf(files.get("20130402"), 100));
        Files.write(tmp.resolve("dl/20130403.export.CSV.zip.part"), new byte[files.get("20130403").length + 500]);
        misbehave.put("20130404", "html");
        misbehave.put("20130405", "corrupt");
    }

    @Test
    void everyMisbehaviourEndsInTheServedFileOrNothing() throws Exception {
        misbehaveOnDaysOneToFive();
        // a damaged file left by an earlier version: checked and fetched again
        Files.write(tmp.resolve("dl/20130406.export.CSV.zip"), java.util.Arrays.copyOf(files.get("20130406"), 50));
        List<GdeltFetcher.Download> got = fetch(3);
        assertThat(got).filteredOn(GdeltFetcher.Download::ok).extracting(d -> d.date().getDayOfMonth())
                .containsExactly(1, 2, 3, 4, 6);
        // the tries each day took: a retry repairs every case, so these say that each one was handled by its own
        // branch, not by the size or MD5 check and a second try
        assertThat(got).extracting(GdeltFetcher.Download::attempts)
                .containsExactly(
                        2, // the short body is refused by its size (published), then fetched whole
                        1, // the 206 from byte 0 replaces the 100-byte part at once (appended, it would be too long)
                        1, // the stale part is deleted before asking (a Range from its end would be answered 416)
                        2, // the HTML page is refused, then the file fetched
                        3, // the corrupt body, every time
                        1); // the damaged file is deleted and fetched again
        assertThat(got).extracting(GdeltFetcher.Download::resumed).as("nothing was resumed: no part was appended to")
                .containsOnly(false);
        assertThat(got.get(5).alreadyPresent()).isFalse();
        assertThat(requests.get("20130402").get()).isEqualTo(1);
        assertThat(requests.get("20130403").get()).isEqualTo(1);
        GdeltFetcher.Download corrupt = got.get(4);
        assertThat(corrupt.error()).contains("MD5").contains("nothing kept");
        assertThat(corrupt.attempts()).isEqualTo(3);
        assertThat(tmp.resolve("dl/20130405.export.CSV.zip")).doesNotExist();
        assertKeptFilesAreTheServedOnes();
        // a second run finds every kept file good and fetches nothing again
        requests.clear();
        assertThat(fetch(3)).filteredOn(GdeltFetcher.Download::alreadyPresent).hasSize(5);
        assertThat(requests.keySet()).containsExactly("20130405");
    }

    @Test
    void withOneTryEachMisbehaviourIsCaughtByItsOwnCheck() throws Exception {
        misbehaveOnDaysOneToFive();
        List<GdeltFetcher.Download> got = fetch(1);
        assertThat(got).extracting(d -> d.date().getDayOfMonth() + " " + (d.ok() ? "ok" : "failed")).containsExactly(
                "1 failed", "2 ok", "3 ok", "4 failed", "5 failed", "6 ok");
        assertThat(got.get(0).error()).contains("published size " + files.get("20130401").length);
        assertThat(got.get(3).error()).as("refused by its Content-Type").contains("HTML page")
                .contains("text/html");
        assertThat(got.get(4).error()).contains("MD5");
        assertKeptFilesAreTheServedOnes();
        // the next run (the server misbehaves on a day's first request only) fetches what failed, and no more
        Map<String, Integer> before = new LinkedHashMap<>();
        requests.forEach((day, n) -> before.put(day, n.get()));
        List<GdeltFetcher.Download> again = fetch(1);
        assertThat(again).filteredOn(GdeltFetcher.Download::ok).extracting(d -> d.date().getDayOfMonth())
                .containsExactly(1, 2, 3, 4, 6);
        assertThat(again).filteredOn(GdeltFetcher.Download::alreadyPresent).extracting(d -> d.date().getDayOfMonth())
                .containsExactly(2, 3, 6);
        assertThat(requests).allSatisfy((day, n) -> assertThat(n.get() - before.getOrDefault(day, 0)).as(day)
                .isEqualTo(List.of("20130401", "20130404", "20130405").contains(day) ? 1 : 0));
        assertKeptFilesAreTheServedOnes();
    }

    @Test
    void withoutPublishedSizesAStalePartAnswered416IsDeletedAndFetchedAgain() throws Exception {
        publishSizes = false;
        Files.createDirectories(tmp.resolve("dl"));
        Files.write(tmp.resolve("dl/20130403.export.CSV.zip.part"), new byte[files.get("20130403").length + 500]);
        List<GdeltFetcher.Download> got = fetch(2);
        assertThat(got).allMatch(GdeltFetcher.Download::ok);
        assertKeptFilesAreTheServedOnes();
    }

    @Test
    void withoutThePublishedListNothingIsKeptUnlessVerificationIsTurnedOff() throws Exception {
        String template = "http://127.0.0.1:" + server.getAddress().getPort() + "/nolist/{yyyyMMdd}.export.CSV.zip";
        List<GdeltFetcher.Download> got = new GdeltFetcher(new GdeltFetcher.Options(template, tmp.resolve("dl"), 1,
                Duration.ofMillis(1), Duration.ofSeconds(5), true)).fetch(LocalDate.of(2013, 4, 1),
                        LocalDate.of(2013, 4, 1), null);
        assertThat(got).singleElement().satisfies(d -> assertThat(d.error()).contains("published MD5 list")
                .contains("--no-verify"));
        assertThat(tmp.resolve("dl/20130401.export.CSV.zip")).doesNotExist();
        List<GdeltFetcher.Download> unverified = new GdeltFetcher(new GdeltFetcher.Options(template, tmp.resolve("dl"), 1,
                Duration.ofMillis(1), Duration.ofSeconds(5), false)).fetch(LocalDate.of(2013, 4, 1),
                        LocalDate.of(2013, 4, 1), null);
        assertThat(unverified).allMatch(GdeltFetcher.Download::ok);
        assertKeptFilesAreTheServedOnes();
    }
}
