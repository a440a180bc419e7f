package org.statecraft.events.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real kill (SIGKILL) of a fetching JVM in the middle of a download, at a random byte of it (seeded), once per
 * file: the kill leaves the file's {@code .part}, never a file under its final name that is not the published one;
 * the next run resumes the part from where it ends (a {@code Range} request from its size, reported "(resumed)"), and
 * a run after the kills completes the range with every file byte for byte the published one.
 */
class KilledFetchTest {
    private static final int SIZE = 400_000;
    private static final int CHUNK = 20_000;

    @Test
    void aFetchKilledAtRandomMomentsNeverKeepsADamagedFile(@TempDir Path tmp) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Random content = new Random(7);
        for (int d = 1; d <= 4; d++) {
            byte[] b = new byte[SIZE];
            content.nextBytes(b);
            files.put("2013040" + d + ".export.CSV", b); // plain files: checked by size and MD5 only
        }
        List<String> requests = Collections.synchronizedList(new ArrayList<>()); // "NAME FROM" per file request
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            try (ex) {
                String name = ex.getRequestURI().getPath().substring("/events/".length());
                if (name.equals("md5sums") || name.equals("filesizes")) {
                    StringBuilder s = new StringBuilder();
                    files.forEach((n, b) -> s.append(name.equals("md5sums") ? GdeltFetcherTest.md5(b) + "  " : b.length + " ")
                            .append(n).append('\n'));
                    byte[] body = s.toString().getBytes(StandardCharsets.UTF_8);
                    ex.sendResponseHeaders(200, body.length);
                    ex.getResponseBody().write(body);
                    return;
                }
                byte[] body = files.get(name);
                String range = ex.getRequestHeaders().getFirst("Range");
                int from = range == null ? 0 : Integer.parseInt(range.replace("bytes=", "").replace("-", ""));
                requests.add(name + " " + from);
                if (from > 0) {
                    ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
                }
                ex.sendResponseHeaders(from > 0 ? 206 : 200, body.length - from);
                OutputStream os = ex.getResponseBody();
                for (int i = from; i < body.length; i += CHUNK) { // slowly (some 400 ms a file): the kills land mid-body
                    os.write(body, i, Math.min(CHUNK, body.length - i));
                    os.flush();
                    Thread.sleep(20);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.io.IOException ignored) {
                // the killed client went away
            }
        });
        server.start();
        try {
            String template = "http://127.0.0.1:" + server.getAddress().getPort() + "/events/{yyyyMMdd}.export.CSV";
            Path dl = tmp.resolve("dl");
            List<String> names = List.copyOf(files.keySet());
            SplittableRandom when = new SplittableRandom(12);
            long leftBefore = -1; // the part the kill before left (of the file before this round's)
            for (int round = 0; round < names.size(); round++) {
                String name = names.get(round);
                Path part = dl.resolve(name + ".part");
                // kill once this round's file's part holds at least this many bytes: at least 10 chunks (200 ms of the
                // server's pace) before its end, so the kill comes while the body is still arriving even if this thread
                // or its JVM's collector stalls for a while on a loaded machine
                long killAt = CHUNK + when.nextInt(SIZE - 11 * CHUNK);
                requests.clear();
                Child child = new Child(template, dl);
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!(Files.exists(part) && Files.size(part) >= killAt)) {
                    if (!child.process.isAlive() || System.nanoTime() > end) {
                        child.process.toHandle().destroyForcibly();
                        fail("round " + round + ": the child never had " + killAt + " bytes of " + name + " (alive "
                                + child.process.isAlive() + "): " + child.finish());
                    }
                    Thread.sleep(1);
                }
                child.process.toHandle().destroyForcibly(); // SIGKILL; the child's output is read to its end
                String out = child.finish();
                String why = "round " + round + ", killed at " + killAt + " bytes of " + name + "; printed: " + out;
                assertThat(child.process.exitValue()).as(why).isNotZero();
                assertThat(out).as(why).doesNotContain("done").doesNotContain("failed");
                assertThat(part).as("the kill came mid-download: " + why).exists();
                long left = Files.size(part);
                assertThat(left).as(why).isBetween(killAt, SIZE - 1L);
                assertThat(dl.resolve(name)).as(why).doesNotExist();
                assertOnlyGoodFilesUnderFinalNames(dl, files);
                for (int d = 0; d < round; d++) {
                    assertThat(dl.resolve(names.get(d))).as(why).exists();
                }
                if (round > 0) { // the part the previous kill left was resumed from its end, not fetched again
                    String before = names.get(round - 1);
                    assertThat(requests).as(why).startsWith(before + " " + leftBefore);
                    assertThat(out).as(why).contains("fetched " + dl.resolve(before) + " (resumed)");
                }
                leftBefore = left;
            }
            requests.clear();
            Child last = new Child(template, dl);
            assertThat(last.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = last.finish();
            assertThat(last.process.exitValue()).as(out).isZero();
            assertThat(out).contains("done").doesNotContain("failed");
            String lastName = names.get(names.size() - 1);
            assertThat(out).contains("fetched " + dl.resolve(lastName) + " (resumed)");
            for (String n : names.subList(0, names.size() - 1)) {
                assertThat(out).contains("present " + dl.resolve(n));
            }
            assertThat(requests).as("only the last part is fetched, from where it ends")
                    .containsExactly(lastName + " " + leftBefore);
            assertOnlyGoodFilesUnderFinalNames(dl, files);
            for (String n : names) {
                assertThat(dl.resolve(n)).exists();
                assertThat(dl.resolve(n + ".part")).doesNotExist();
                assertThat(GdeltFetcher.md5(dl.resolve(n))).isEqualTo(GdeltFetcherTest.md5(files.get(n)));
            }
        } finally {
            server.stop(0);
        }
    }

    /** A {@link FetchChild} of the range, its output (stdout and stderr) read as it comes. */
    private static final class Child {
        final Process process;
        private final StringBuilder out = new StringBuilder();
        private final Thread reader;

        Child(String template, Path dl) throws Exception {
            process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), FetchChild.class.getName(), template, dl.toString(),
                    "2013-04-01", "2013-04-04").redirectErrorStream(true).start();
            reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        synchronized (out) {
                            out.append(line).append('\n');
                        }
                    }
                } catch (java.io.IOException ignored) {
                    // the child is gone
                }
            }, "fetch-child-output");
            reader.setDaemon(true);
            reader.start();
        }

        /** Waits for the child to end and returns all it printed. */
        String finish() throws Exception {
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            synchronized (out) {
                return out.toString();
            }
        }
    }

    private static void assertOnlyGoodFilesUnderFinalNames(Path dl, Map<String, byte[]> files) throws Exception {
        assertThat(dl).isDirectory();
        try (var listing = Files.list(dl)) {
            for (Path p : listing.toList()) {
                String name = p.getFileName().toString();
                if (!name.endsWith(".part")) {
                    assertThat(Files.readAllBytes(p)).as(name).isEqualTo(files.get(name));
                }
            }
        }
    }
}
