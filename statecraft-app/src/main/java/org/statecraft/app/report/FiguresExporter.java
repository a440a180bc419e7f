package org.statecraft.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.statecraft.core.StatecraftException;
import org.statecraft.io.results.AnalysisJson;

/**
 * Exports every chart of the report as SVG and PNG for papers. The charts are drawn by the same ECharts code as
 * the report, in headless Chromium ({@code --dump-dom} of the report opened at {@code #export-figures}): the
 * page renders each figure with ECharts' SVG renderer and its canvas renderer and leaves them, base64-encoded, in
 * the DOM. Without Chromium the export fails with {@link BrowserMissingException} (exit 2): the report itself
 * never needs a browser to be written.
 */
public final class FiguresExporter {
    /** Where Chromium is looked for: {@code STATECRAFT_CHROMIUM}, then Debian's and common paths. */
    static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");

    /** No headless browser to draw the figures with. */
    public static final class BrowserMissingException extends StatecraftException {
        public BrowserMissingException(String message) {
            super(message);
        }
    }

    /** One exported figure. */
    public record Figure(String name, Path svg, Path png) {
    }

    private FiguresExporter() {
    }

    public static Path chromium() {
        String env = System.getenv("STATECRAFT_CHROMIUM");
        List<String> c = new ArrayList<>();
        if (env != null && !env.isBlank()) {
            c.add(env);
        }
        c.addAll(CANDIDATES);
        for (String s : c) {
            Path p = Path.of(s);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new BrowserMissingException("--figures needs headless Chromium to draw the charts, and none was found ("
                + String.join(", ", c) + "); install it (Debian: apt-get install chromium) or set STATECRAFT_CHROMIUM;"
                + " the HTML report itself needs no browser");
    }

    /** Writes NAME.svg and NAME.png for every figure of {@code data} into {@code dir}. */
    public static List<Figure> export(JsonNode data, Path dir) throws IOException {
        Path browser = chromium();
        Files.createDirectories(dir);
        Path tmp = Files.createTempDirectory("statecraft-figures");
        try {
            Path html = tmp.resolve("report.html");
            Files.writeString(html, ReportBuilder.html(data), StandardCharsets.UTF_8);
            String dom = dumpDom(browser, tmp, html.toUri() + "#export-figures");
            int a = dom.indexOf("<pre id=\"statecraft-figures\">");
            if (a < 0) {
                throw new IOException("Chromium did not draw the figures (no output in the page); "
                        + "run with STATECRAFT_DEBUG=1 to keep " + tmp);
            }
            int b = dom.indexOf("</pre>", a);
            String b64 = dom.substring(a + "<pre id=\"statecraft-figures\">".length(), b).trim();
            JsonNode figs = AnalysisJson.mapper().readTree(new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8));
            List<Figure> out = new ArrayList<>();
            for (JsonNode f : figs) {
                String name = f.get("name").asText().replaceAll("[^A-Za-z0-9._-]", "_");
                Path svg = dir.resolve(name + ".svg");
                Path png = dir.resolve(name + ".png");
                Files.writeString(svg, f.get("svg").asText(), StandardCharsets.UTF_8);
                Files.write(png, Base64.getDecoder().decode(f.get("png").asText()));
                out.add(new Figure(name, svg, png));
            }
            return out;
        } finally {
            if (System.getenv("STATECRAFT_DEBUG") == null) {
                deleteTree(tmp);
            }
        }
    }

    private static String dumpDom(Path browser, Path tmp, String url) throws IOException {
        Path profile = Files.createDirectories(tmp.resolve("profile"));
        Path out = tmp.resolve("dom.html");
        Path err = tmp.resolve("chromium.log");
        List<String> cmd = List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--virtual-time-budget=20000",
                "--window-size=1200,900", "--dump-dom", url);
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("Chromium did not finish drawing the figures within 120 s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while drawing the figures");
        }
        if (p.exitValue() != 0) {
            throw new IOException("Chromium failed (exit " + p.exitValue() + "): " + tail(err));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String tail(Path log) throws IOException {
        String s = Files.exists(log) ? Files.readString(log) : "";
        return s.length() > 600 ? s.substring(s.length() - 600) : s;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
