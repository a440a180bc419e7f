package org.statecraft.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.statecraft.io.results.AnalysisJson;

/**
 * Writes the self-contained HTML report: one file with the data, Apache ECharts, the chart code and the styles
 * inlined, and a Content-Security-Policy that forbids every network request and lets only its own scripts run (by
 * their SHA-256), so it opens offline, stays the same wherever it is mailed, and no name in the data can run as
 * script.
 */
public final class ReportBuilder {
    /** ECharts from its WebJar (org.webjars.npm:echarts). */
    public static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    public static final String CHARTS = "/web/charts.js";
    public static final String CSS = "/web/charts.css";
    private static final String TEMPLATE = "/org/statecraft/app/report/report.html";
    private static final String INIT = "/org/statecraft/app/report/report-init.js";

    private ReportBuilder() {
    }

    /**
     * A report page and the Content-Security-Policy it carries: scripts only by the SHA-256 hashes of its own
     * inline scripts (so no injected script runs), no network request.
     */
    public record Page(String html, String csp) {
    }

    /** The report as HTML text. */
    public static String html(JsonNode data) {
        return page(data).html();
    }

    /** The report and its policy. */
    public static Page page(JsonNode data) {
        String csp = "default-src 'none'; script-src " + Hashes.SCRIPTS + "; style-src 'unsafe-inline'; img-src data: blob:; "
                + "base-uri 'none'; form-action 'none'";
        return new Page(fill(data, csp), csp);
    }

    /** The scripts' hashes, computed once (ECharts is a megabyte). */
    private static final class Hashes {
        static final String SCRIPTS = hashes(resource(ECHARTS), resource(CHARTS), resource(INIT));
    }

    private static String hashes(String... scripts) {
        StringBuilder b = new StringBuilder();
        for (String s : scripts) {
            try {
                byte[] d = MessageDigest.getInstance("SHA-256").digest(inline(s).getBytes(StandardCharsets.UTF_8));
                b.append(b.length() == 0 ? "" : " ").append("'sha256-").append(Base64.getEncoder().encodeToString(d)).append('\'');
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return b.toString();
    }

    /** The exact text placed between {@code <script>} and {@code </script>}. */
    private static String inline(String script) {
        return "\n" + scriptSafe(script) + "\n";
    }

    private static String fill(JsonNode data, String csp) {
        String template = resource(TEMPLATE);
        String title = data.path("scenario").path("title").asText(data.path("scenario").path("id").asText("Statecraft"));
        StringBuilder out = new StringBuilder(1_300_000);
        int i = 0;
        while (true) {
            int a = template.indexOf("@@", i);
            if (a < 0) {
                out.append(template, i, template.length());
                break;
            }
            int b = template.indexOf("@@", a + 2);
            out.append(template, i, a);
            String key = template.substring(a + 2, b);
            out.append(switch (key) {
                case "VERSION" -> AnalysisJson.VERSION;
                case "CSP" -> escapeHtml(csp);
                case "TITLE" -> escapeHtml("Statecraft report: " + title);
                case "CSS" -> resource(CSS);
                case "DATA" -> AnalysisJson.write(data).replace("<", "\\u003c"); // only inside JSON strings
                case "ECHARTS" -> inline(resource(ECHARTS));
                case "CHARTS" -> inline(resource(CHARTS));
                case "INIT" -> inline(resource(INIT));
                default -> throw new IllegalStateException("unknown placeholder " + key);
            });
            i = b + 2;
        }
        return out.toString();
    }

    /** Writes the report to {@code file}, creating its folder. */
    public static void write(JsonNode data, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, html(data), StandardCharsets.UTF_8);
    }

    /** Text that cannot close the script element it is inlined in ({@code </script} becomes {@code <\/script}). */
    static String scriptSafe(String s) {
        return s.replace("</", "<\\/").replace("<!--", "<\\!--");
    }

    static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String resource(String name) {
        try (InputStream in = ReportBuilder.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing application resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
