package org.statecraft.app.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.statecraft.core.DataFormatException;
import org.statecraft.core.montecarlo.Analysis;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.io.results.AnalysisJson;

/**
 * The data a report is drawn from: the analysis JSON of {@link AnalysisJson}, which already carries the bargaining
 * forecast of the scenario's demand issue (computed once in core). Optional sections
 * ({@code sensitivity}, {@code eventsTension}) are attached by whoever computed them; the report says "not in this result"
 * when they are absent.
 */
public final class ReportData {
    private ReportData() {
    }

    /** The analysis JSON (the bargaining forecast is part of it, computed once in core). */
    public static ObjectNode of(Scenario scenario, Analysis analysis, AnalysisJson.RunInfo info) {
        return AnalysisJson.toJson(scenario, analysis, info);
    }

    /** Reads saved results ({@code analyze --out DIR} writes DIR/results.json). */
    public static ObjectNode read(Path file) {
        JsonNode node;
        try {
            node = AnalysisJson.mapper().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new DataFormatException(file.toString(), e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    e.getLocation() == null ? 0 : e.getLocation().getColumnNr(), "not valid JSON: " + e.getOriginalMessage());
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file.toString(), 0, 0, "no such file");
        } catch (IOException e) {
            throw new DataFormatException(file.toString(), 0, 0, "cannot read: " + e.getMessage());
        }
        if (!(node instanceof ObjectNode obj) || !obj.has("policies") || !obj.has("scenario")) {
            throw new DataFormatException(file.toString(), 1, 1,
                    "expected the results JSON of 'statecraft analyze' (an object with scenario and policies)");
        }
        return obj;
    }

    /** Attaches an optional section (e.g. {@code sensitivity} or {@code tension}) read from a JSON file. */
    public static void attach(ObjectNode root, String section, Path file) {
        if (file == null) {
            return;
        }
        try {
            root.set(section, AnalysisJson.mapper().readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new DataFormatException(file.toString(), 0, 0, "cannot read the " + section + " JSON: " + e.getMessage());
        }
    }

    /** Sections the report draws when present. */
    public static final List<String> OPTIONAL_SECTIONS = List.of("sensitivity", "eventsTension", "bargaining");
}
