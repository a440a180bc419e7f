package org.statecraft.io.calibration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.statecraft.core.DataFormatException;
import org.statecraft.core.calibration.ResponseCurveFit;
import org.statecraft.core.calibration.TargetCostPressure;

/**
 * Reads and writes a {@link ResponseCurveFit} as a small YAML ({@code .yaml}/{@code .yml}) or JSON (any other
 * extension) document, format {@value #FORMAT} (described in docs/models/calibration.md):
 * <pre>
 * format: statecraft-response-curve/1
 * source: TIES v4.1 (Morgan, Bapat &amp; Kobayashi 2014)
 * split: random(seed=1, training=0.7)
 * trainingCases: 355
 * resolve: {distribution: lognormal, mu: -2.2, sigma: 1.4, muStandardError: 0.3, sigmaStandardError: 0.4,
 *           muSigmaCorrelation: -0.5}
 * logResolveShifts: {institution: 0.1}
 * pressureByTargetCosts: {minor: 0.02, major: 0.08, severe: 0.25}
 * </pre>
 * Writing is atomic (temporary file, then move).
 */
public final class ResponseCurveFitFile {
    public static final String FORMAT = "statecraft-response-curve/1";

    private ResponseCurveFitFile() {
    }

    private static ObjectMapper mapper(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".yaml") || n.endsWith(".yml")) {
            return new ObjectMapper(YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build());
        }
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** The document as a JSON tree (also used by the CLI's JSON output). */
    public static ObjectNode toTree(ResponseCurveFit fit) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("format", FORMAT);
        root.put("source", fit.source());
        root.put("split", fit.split());
        root.put("trainingCases", fit.trainingCases());
        ObjectNode resolve = root.putObject("resolve");
        resolve.put("distribution", "lognormal");
        resolve.put("mu", fit.mu());
        resolve.put("sigma", fit.sigma());
        putNumber(resolve, "muStandardError", fit.muStandardError());
        putNumber(resolve, "sigmaStandardError", fit.sigmaStandardError());
        putNumber(resolve, "muSigmaCorrelation", fit.muSigmaCorrelation());
        ObjectNode shifts = root.putObject("logResolveShifts");
        fit.orderedShifts().forEach(shifts::put);
        ObjectNode p = root.putObject("pressureByTargetCosts");
        p.put("minor", fit.pressure().minor());
        p.put("major", fit.pressure().major());
        p.put("severe", fit.pressure().severe());
        return root;
    }

    private static void putNumber(ObjectNode node, String key, double v) {
        if (Double.isFinite(v)) {
            node.put(key, v);
        } else {
            node.putNull(key);
        }
    }

    public static void write(ResponseCurveFit fit, Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Path tmp = Files.createTempFile(dir, ".response-curve", ".tmp");
            try {
                Files.writeString(tmp, mapper(file).writeValueAsString(toTree(fit)));
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static ResponseCurveFit read(Path file) {
        String name = file.toString();
        JsonNode root;
        try {
            root = mapper(file).readTree(file.toFile());
        } catch (NoSuchFileException | FileNotFoundException e) {
            throw new DataFormatException(name, 0, 0, "no such file");
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            long column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new DataFormatException(name, Math.max(line, 0), Math.max(column, 0), e.getOriginalMessage());
        } catch (IOException e) {
            throw new DataFormatException(name, 0, 0, "cannot read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new DataFormatException(name, 0, 0, "expected a response-curve document (format: " + FORMAT + ")");
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new DataFormatException(name, 0, 0, "expected format: " + FORMAT + ", was '" + root.path("format").asText() + "'");
        }
        JsonNode resolve = root.path("resolve");
        if (!"lognormal".equals(resolve.path("distribution").asText())) {
            throw new DataFormatException(name, 0, 0, "resolve.distribution must be lognormal");
        }
        Map<String, Double> shifts = new LinkedHashMap<>();
        JsonNode s = root.path("logResolveShifts");
        for (Map.Entry<String, JsonNode> e : s.properties()) {
            shifts.put(e.getKey(), number(e.getValue(), "logResolveShifts." + e.getKey(), name));
        }
        JsonNode p = root.path("pressureByTargetCosts");
        try {
            return new ResponseCurveFit(number(resolve.path("mu"), "resolve.mu", name),
                    number(resolve.path("sigma"), "resolve.sigma", name),
                    optional(resolve.path("muStandardError")), optional(resolve.path("sigmaStandardError")), shifts,
                    new TargetCostPressure(number(p.path("minor"), "pressureByTargetCosts.minor", name),
                            number(p.path("major"), "pressureByTargetCosts.major", name),
                            number(p.path("severe"), "pressureByTargetCosts.severe", name)),
                    root.path("trainingCases").asInt(0), root.path("split").asText(""), root.path("source").asText(""),
                    optional(resolve.path("muSigmaCorrelation")));
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(name, 0, 0, e.getMessage());
        }
    }

    private static double number(JsonNode n, String what, String file) {
        if (!n.isNumber()) {
            throw new DataFormatException(file, 0, 0, what + " must be a number" + (n.isMissingNode() ? " (missing)" : ", was " + n));
        }
        return n.asDouble();
    }

    private static double optional(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }
}
