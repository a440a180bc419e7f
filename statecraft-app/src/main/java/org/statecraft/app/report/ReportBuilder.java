package org.statecraft.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.statecraft.io.results.AnalysisJson;

/**
 * Writes the self-contained HTML report: one file with the data, Apache ECharts, the chart code and the styles
 * inlined, and a Content-Security-Policy that forbids every network request, so it opens offline and stays the
 * same wherever it is mailed.
 */
public final class ReportBuilder {
    /** ECharts from its WebJar (org.webjars.npm:echarts). */
    public static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    public static final String CHARTS = "/web/charts.js";
    public static final String CSS = "/web/charts.css";
    private static final String TEMPLATE = "/org/statecraft/app/report/report.html";

    private ReportBuilder() {
    }

    /** The report as HTML text. */
    public static String html(JsonNode data) {
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
                case "TITLE" -> escapeHtml("Statecraft report: " + title);
                case "CSS" -> resource(CSS);
                case "DATA" -> AnalysisJson.write(data).replace("<", "\\u003c"); // only inside JSON strings
                case "ECHARTS" -> scriptSafe(resource(ECHARTS));
                case "CHARTS" -> scriptSafe(resource(CHARTS));
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
