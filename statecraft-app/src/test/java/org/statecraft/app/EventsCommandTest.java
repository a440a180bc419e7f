package org.statecraft.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statecraft.events.FileDigest;

/** The events commands through {@link StatecraftCommand#commandLine()}, output captured. */
class EventsCommandTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Path shared(String rel) {
        return Path.of(System.getProperty("statecraft.shared", "../../shared")).resolve(rel);
    }

    Run run(String... args) {
        Cli r = Cli.run(args);
        return new Run(r.exit(), r.out(), r.err());
    }

    String store() {
        return tmp.resolve("store").toString();
    }

    @Test
    void ingestSummarisesAndIsIdempotent() {
        Run r = run("events", "ingest", "--store", store(), shared("data/gdelt/mixed-v1-sample-100.tsv").toString(),
                shared("data/icews/events.2018.sample.tab").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("gdelt1, 100 rows read, 100 stored, 0 duplicates, 0 malformed")
                .contains("total: 3805 rows read, 3805 stored, 0 duplicates, 0 malformed");
        assertThat(r.err()).isEmpty(); // no progress bar without a console
        Run again = run("events", "ingest", "--store", store(), shared("data/gdelt/mixed-v1-sample-100.tsv").toString());
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("already ingested").contains("holds 3805 events");
    }

    @Test
    void aScenarioSuppliesTheAliasesOfItsActors() {
        run("events", "ingest", "-q", "--store", store(), shared("data/icews/events.2018.sample.tab").toString());
        Run byCode = run("events", "tension", "--store", store(), "--dyad", "USA:PRK", "--format", "csv");
        Run byScenario = run("events", "tension", "--store", store(), "--dyad", "us:PRK", "--format", "csv",
                "--scenario", DefaultScenarioTest.FILE.toString());
        assertThat(byScenario.code()).as(byScenario.err()).isZero();
        assertThat(byScenario.out()).isEqualTo(byCode.out()).contains("2018-06-01");
    }

    @Test
    void tensionCsvAndJsonCarryTheSeries() throws Exception {
        run("events", "ingest", "-q", "--store", store(), shared("data/icews/events.2018.sample.tab").toString());
        Run csv = run("events", "tension", "--store", store(), "--dyad", "USA:PRK", "--scale", "icews", "--format", "csv");
        assertThat(csv.code()).as(csv.err()).isZero();
        List<String> lines = csv.out().lines().toList();
        assertThat(lines.get(0)).startsWith("period,events,goldstein_sum");
        assertThat(lines.subList(1, lines.size()).stream().mapToLong(l -> Long.parseLong(l.split(",")[1])).sum())
                .isEqualTo(312);
        Run json = run("events", "tension", "--store", store(), "--dyad", "usa:prk", "--by", "week", "--format", "json");
        JsonNode node = new ObjectMapper().readTree(json.out());
        assertThat(node.get(0).get("events").asLong()).isEqualTo(312);
        Run table = run("events", "tension", "--store", store(), "--dyad", "nk:USA", "--alias", "nk=PRK", "--directed");
        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out()).contains("2018-06-01");
        Run changes = run("events", "changes", "--store", store(), "--dyad", "USA:PRK", "--format", "json");
        assertThat(changes.code()).as(changes.err()).isZero();
        assertThat(new ObjectMapper().readTree(changes.out()).get("periods").asInt()).isEqualTo(2);
        // enum options in any case: --by WEEK is --by week, --method CUSUM is --method cusum
        Run upper = run("events", "tension", "--store", store(), "--dyad", "usa:prk", "--by", "WEEK", "--format", "json");
        assertThat(upper.out()).isEqualTo(json.out());
        Run cusum = run("events", "changes", "--store", store(), "--dyad", "USA:PRK", "--method", "CUSUM", "--by",
                "day", "--format", "json");
        assertThat(cusum.code()).as(cusum.err()).isZero();
        assertThat(cusum.out()).isEqualTo(run("events", "changes", "--store", store(), "--dyad", "USA:PRK", "--method",
                "cusum", "--by", "day", "--format", "json").out());
    }

    @Test
    void badFlagsAndBadFilesGiveAMessageAndExitCode2WithoutAStackTrace() throws IOException {
        Path garbage = Files.writeString(tmp.resolve("garbage.txt"), "this is not event data\n");
        run("events", "ingest", "-q", "--store", store(), shared("data/gdelt/v2-sample-100.tsv").toString());
        List<String[]> cases = List.of(
                new String[] {"events", "ingest", "--store", store(), tmp.resolve("missing.tsv").toString()},
                new String[] {"events", "ingest", "--store", store(), garbage.toString()},
                new String[] {"events", "ingest", "--store", store(), "--format", "cameo", garbage.toString()},
                new String[] {"events", "ingest", "--bogus"},
                new String[] {"events", "tension", "--store", store(), "--dyad", "PAK:AFG", "--by", "year"},
                new String[] {"events", "tension", "--store", store(), "--dyad", "PAKISTAN:AFG"},
                new String[] {"events", "tension", "--store", store(), "--dyad", "PAK"},
                new String[] {"events", "tension", "--store", store(), "--dyad", "PAK:AFG", "--from", "2023-13-01"},
                new String[] {"events", "tension", "--store", store(), "--dyad", "PAK:AFG", "--format", "xml"},
                new String[] {"events", "tension", "--store", store(), "--dyad", "PAK:AFG", "--alias", "taliban"},
                new String[] {"events", "tension", "--store", tmp.resolve("nowhere").toString(), "--dyad", "PAK:AFG"},
                new String[] {"events", "changes", "--store", store(), "--dyad", "PAK:AFG", "--cusum-h", "-1"},
                new String[] {"events", "changes", "--store", store(), "--dyad", "PAK:AFG", "--metric", "vibes"},
                new String[] {"events", "changes", "--store", store(), "--dyad", "PAK:AFG", "--method", "vibes"},
                new String[] {"events", "tension", "--store", store(), "--dyad", "PAK:AFG", "--scale", "acled"},
                new String[] {"events", "fetch", "--from", "2023-09-10", "--to", "2023-09-01"});
        for (String[] args : cases) {
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).isNotBlank().doesNotContain("\tat ").doesNotContain("Exception");
        }
        assertThat(run("events", "ingest", "--store", store(), garbage.toString()).err())
                .contains(garbage.toString() + ":1:");
    }

    @Test
    void anIngestGoesOnPastARefusedFileNamesItPrintsTheTotalsAndExits2() throws IOException {
        Path bad = Files.write(tmp.resolve("bad.export.CSV.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
        String a = shared("data/gdelt/mixed-v1-sample-100.tsv").toString();
        String b = shared("data/icews/events.2018.sample.tab").toString();
        Run r = run("events", "ingest", "-q", "--store", store(), a, bad.toString(), b);
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("refused " + bad).doesNotContain("\tat ");
        assertThat(r.out()).contains(b + ": icews").contains("total: 3805 rows read, 3805 stored")
                .contains("2 of 3 files ingested, 1 refused");
    }

    @Test
    void aFileWhoseMd5DiffersFromThePublishedListIsRefusedByNameWithNoneOfItsRowsStoredAndExits2() throws Exception {
        Path good = Files.copy(shared("data/gdelt/mixed-v1-sample-100.tsv"), tmp.resolve("20240101.export.CSV"));
        // 100 other events under a name the list gives the good file's MD5: not the published file
        Path bad = Files.copy(shared("data/gdelt/v2-sample-100.tsv"), tmp.resolve("20240102.export.CSV"));
        String md5 = FileDigest.hex(good, "MD5");
        Path list = Files.writeString(tmp.resolve("md5sums"), md5 + "  20240101.export.CSV\n" + md5 + "  20240102.export.CSV\n");
        Run r = run("events", "ingest", "-q", "--store", store(), "--md5sums", list.toString(), good.toString(),
                bad.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("refused " + bad).contains("MD5 ").contains("published " + md5).doesNotContain("\tat ");
        assertThat(r.out()).contains(good + ": gdelt1, 100 rows read, 100 stored").contains("1 of 2 files ingested, 1 refused")
                .contains("holds 100 events");
        // the store holds the good file's 100 events only (200 if the refused file's had been kept)
        Run again = run("events", "ingest", "-q", "--store", store(), good.toString());
        assertThat(again.out()).contains("already ingested").contains("holds 100 events");
        Run unlisted = run("events", "ingest", "-q", "--store", store(), "--filesizes", list.toString(), good.toString());
        assertThat(unlisted.code()).isEqualTo(2);
        assertThat(unlisted.err()).contains("--md5sums");
    }

    @Test
    void aDyadNotInTheStoreGivesAnEmptySeriesWithAHint() {
        run("events", "ingest", "-q", "--store", store(), shared("data/icews/events.2018.sample.tab").toString());
        Run r = run("events", "tension", "--store", store(), "--dyad", "FRA:NZL", "--format", "csv");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines().count()).isEqualTo(1); // the header alone
        assertThat(r.err()).contains("no stored event matches --dyad FRA:NZL").contains("holds 3705 events");
    }

    @Test
    void tensionOnAFolderWithoutAStoreIsAnErrorAndCreatesNothing() {
        Path empty = tmp.resolve("empty");
        Run r = run("events", "tension", "--store", empty.toString(), "--dyad", "PAK:AFG");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no event store in " + empty);
        assertThat(empty).doesNotExist();
    }

    /** Zipped GDELT 1.0 daily files made from the shared sample (three slices with distinct events). */
    private Map<String, byte[]> dailyZips() throws IOException {
        List<String> lines = Files.readAllLines(shared("data/gdelt/mixed-v1-sample-100.tsv"));
        Map<String, byte[]> files = new ConcurrentHashMap<>();
        String[] days = {"20130401", "20130402", "20130403"};
        for (int i = 0; i < 3; i++) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry(days[i] + ".export.CSV"));
                zip.write((String.join("\n", lines.subList(i * 30, i * 30 + 30)) + "\n").getBytes());
                zip.closeEntry();
            }
            files.put("/events/" + days[i] + ".export.CSV.zip", bytes.toByteArray());
        }
        return files;
    }

    /** GDELT's {@code md5sums} list ({@code <md5>  <name>} per line) of the files served. */
    static byte[] md5sums(Map<String, byte[]> files) {
        StringBuilder b = new StringBuilder();
        files.forEach((path, body) -> {
            try {
                b.append(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(body)))
                        .append("  ").append(path.substring(path.lastIndexOf('/') + 1)).append('\n');
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
        return b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void fetchRetriesResumesReportsMissingDaysThenIngests() throws Exception {
        Map<String, byte[]> files = dailyZips();
        AtomicInteger failOnce = new AtomicInteger();
        AtomicInteger truncateOnce = new AtomicInteger();
        List<String> ranges = new ArrayList<>();
        files.put("/events/md5sums", md5sums(files));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", (HttpExchange ex) -> {
            String path = ex.getRequestURI().getPath();
            byte[] body = files.get(path);
            String range = ex.getRequestHeaders().getFirst("Range");
            try (ex) {
                if (body == null) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                if (path.contains("20130401") && failOnce.getAndIncrement() == 0) {
                    ex.sendResponseHeaders(503, -1);
                    return;
                }
                if (path.contains("20130402") && truncateOnce.getAndIncrement() == 0) {
                    ex.sendResponseHeaders(200, body.length);
                    OutputStream os = ex.getResponseBody();
                    os.write(body, 0, body.length / 2);
                    os.flush();
                    return; // closes early: the client sees a broken download
                }
                if (range != null) {
                    ranges.add(path + " " + range);
                    int from = Integer.parseInt(range.replace("bytes=", "").replace("-", ""));
                    ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
                    ex.sendResponseHeaders(206, body.length - from);
                    ex.getResponseBody().write(body, from, body.length - from);
                    return;
                }
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
        });
        server.start();
        try {
            String template = "http://127.0.0.1:" + server.getAddress().getPort() + "/events/{yyyyMMdd}.export.CSV.zip";
            String[] args = {"events", "fetch", "--store", store(), "--from", "2013-04-01", "--to", "2013-04-04",
                "--url-template", template, "--backoff-ms", "10", "--timeout-s", "5"};
            Run r = run(args);
            assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1); // 2013-04-04 does not exist on the server
            assertThat(r.out()).contains("fetched").contains("(resumed)").contains("failed").contains("HTTP 404")
                    .contains("total: 90 rows read, 90 stored");
            assertThat(r.err()).contains("1 of 4 files could not be downloaded");
            assertThat(ranges).hasSize(1).allMatch(s -> s.contains("20130402"));
            assertThat(Files.list(tmp.resolve("store/downloads")).map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("20130401.export.CSV.zip", "20130402.export.CSV.zip", "20130403.export.CSV.zip");
            // running it again fetches nothing and adds nothing
            Run again = run(args);
            assertThat(again.out()).contains("present").contains("already ingested").contains("holds 90 events");
        } finally {
            server.stop(0);
        }
    }
}
