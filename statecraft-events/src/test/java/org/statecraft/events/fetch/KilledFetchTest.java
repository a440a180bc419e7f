package org.statecraft.events.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real kill (SIGKILL) of a fetching JVM at random moments (seeded): whatever the moment, every file under its final
 * name is the published one, and a run after the kills completes the range.
 */
class KilledFetchTest {
    @Test
    void aFetchKilledAtRandomMomentsNeverKeepsADamagedFile(@TempDir Path tmp) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Random content = new Random(7);
        for (int d = 1; d <= 4; d++) {
            byte[] b = new byte[400_000];
            content.nextBytes(b);
            files.put("2013040" + d + ".export.CSV", b); // plain files: checked by size and MD5 only
        }
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
                if (from > 0) {
                    ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
                }
                ex.sendResponseHeaders(from > 0 ? 206 : 200, body.length - from);
                OutputStream os = ex.getResponseBody();
                for (int i = from; i < body.length; i += 20_000) { // slowly, so that kills land mid-body
                    os.write(body, i, Math.min(20_000, body.length - i));
                    os.flush();
                    Thread.sleep(5);
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
            SplittableRandom when = new SplittableRandom(12);
            for (int round = 0; round < 4; round++) {
                Process child = child(template, dl);
                Thread.sleep(300 + when.nextInt(700)); // JVM start-up, then somewhere in the downloads
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertOnlyGoodFilesUnderFinalNames(dl, files);
            }
            Process last = child(template, dl);
            String out = new String(last.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(last.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(out).contains("done").doesNotContain("failed");
            assertOnlyGoodFilesUnderFinalNames(dl, files);
            for (String n : files.keySet()) {
                assertThat(dl.resolve(n)).exists();
            }
        } finally {
            server.stop(0);
        }
    }

    private static Process child(String template, Path dl) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), FetchChild.class.getName(), template, dl.toString(), "2013-04-01",
                "2013-04-04").redirectErrorStream(true).start();
    }

    private static void assertOnlyGoodFilesUnderFinalNames(Path dl, Map<String, byte[]> files) throws Exception {
        if (!Files.isDirectory(dl)) {
            return;
        }
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
