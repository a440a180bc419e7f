package org.statecraft.io.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.statecraft.core.scenario.ScenarioChecks;

/**
 * The JSON Schema (draft 2020-12) of the scenario format, bundled as
 * {@code org/statecraft/io/scenario/scenario.schema.json}, and structural validation against it with
 * networknt's json-schema-validator. Validator messages are rewritten to say what was expected and what was
 * found, and unknown keys get a "did you mean" hint from the keys the schema allows at that place.
 */
public final class ScenarioSchema {
    /** Classpath resource of the schema. */
    public static final String RESOURCE = "/org/statecraft/io/scenario/scenario.schema.json";

    private static final class Holder {
        static final String TEXT = load();
        static final JsonNode NODE = parse(TEXT);
        static final Schema SCHEMA = compile(NODE);
    }

    private ScenarioSchema() {
    }

    /** The schema's text, as {@code statecraft schema} prints it. */
    public static String text() {
        return Holder.TEXT;
    }

    /** The schema as a tree. */
    static JsonNode node() {
        return Holder.NODE;
    }

    /** Validates a document; every violation, in no particular order. */
    static List<Finding> validate(JsonNode document) {
        List<Error> errors = Holder.SCHEMA.validate(document);
        Set<Finding> out = new LinkedHashSet<>();
        for (Error e : errors) {
            out.add(translate(e));
        }
        // "perday: 3" with perDay required: the unknown key's hint says it all, drop "missing perDay"
        Set<String> suggested = new HashSet<>();
        for (Finding f : out) {
            if (f.atKey()) {
                suggested.add(f.scope());
            }
        }
        out.removeIf(f -> !f.atKey() && f.message().startsWith("missing required") && suggested.contains(f.scope()));
        return new ArrayList<>(out);
    }

    private static Finding translate(Error e) {
        String at = pointer(e.getInstanceLocation());
        JsonNode instance = e.getInstanceNode();
        JsonNode schemaNode = e.getSchemaNode();
        Object[] args = e.getArguments() == null ? new Object[0] : e.getArguments();
        String keyword = e.getKeyword() == null ? "" : e.getKeyword();
        switch (keyword) {
            case "additionalProperties", "unevaluatedProperties" -> {
                String name = e.getProperty() != null ? e.getProperty() : String.valueOf(args.length > 0 ? args[0] : "?");
                List<String> allowed = allowedKeys(e);
                String hint = Suggestions.closest(name, allowed).map(s -> "; did you mean '" + s + "'?").orElse("");
                String expected = allowed.isEmpty() ? "" : " (expected one of " + allowed + ")";
                String key = at + "/" + ScenarioChecks.esc(name);
                // a near-miss of an allowed key takes that key's place: "missing perDay" is the same mistake
                String scope = Suggestions.closest(name, allowed).map(s -> at + "/" + ScenarioChecks.esc(s)).orElse(key);
                return new Finding(key, scope, true,
                        "unknown field '" + name + "'" + hint + (hint.isEmpty() ? expected : ""));
            }
            case "required" -> {
                String name = e.getProperty() != null ? e.getProperty() : String.valueOf(args.length > 0 ? args[0] : "?");
                return new Finding(at, at + "/" + ScenarioChecks.esc(name), false,
                        "missing required field '" + name + "'" + where(at));
            }
            case "type" -> {
                String def = definition(e);
                String expected = switch (def) {
                    case "id" -> "an id (a word without spaces)";
                    case "date" -> "a date YYYY-MM-DD";
                    case "quantity" -> "a number or a quantity such as {value: 0.5, source: id} or "
                            + "{uniform: [min, max], assumption: ...}";
                    case "eventCode" -> "a CAMEO code in quotes such as \"190\" (unquoted, 010 would be read as the "
                            + "number 10), or {cameo: \"190\", goldstein: -10}";
                    default -> schemaNode == null ? String.valueOf(args.length > 1 ? args[1] : "?")
                            : typeNames(schemaNode);
                };
                return new Finding(at, false, "expected " + expected + ", found " + describe(instance));
            }
            case "minimum" -> {
                return new Finding(at, false, "expected a number >= " + number(schemaNode) + ", was " + describe(instance));
            }
            case "maximum" -> {
                return new Finding(at, false, "expected a number <= " + number(schemaNode) + ", was " + describe(instance));
            }
            case "exclusiveMinimum" -> {
                return new Finding(at, false, "expected a number > " + number(schemaNode) + ", was " + describe(instance));
            }
            case "exclusiveMaximum" -> {
                return new Finding(at, false, "expected a number < " + number(schemaNode) + ", was " + describe(instance));
            }
            case "enum" -> {
                return new Finding(at, false, "expected one of " + schemaNode + ", was " + describe(instance));
            }
            case "const" -> {
                return new Finding(at, false, "expected " + schemaNode + ", was " + describe(instance));
            }
            case "minItems" -> {
                return new Finding(at, false, "expected at least " + number(schemaNode) + " item(s), found "
                        + (instance == null ? "?" : instance.size()));
            }
            case "maxItems" -> {
                return new Finding(at, false, "expected at most " + number(schemaNode) + " item(s), found "
                        + (instance == null ? "?" : instance.size()));
            }
            case "minProperties" -> {
                return new Finding(at, false, "expected at least " + number(schemaNode) + " field(s) here");
            }
            case "maxProperties" -> {
                return new Finding(at, false, "expected at most " + number(schemaNode) + " field(s) here, found "
                        + (instance == null ? "?" : instance.size()));
            }
            case "minLength" -> {
                return new Finding(at, false, "expected a non-empty text");
            }
            case "pattern" -> {
                return new Finding(at, false, "expected " + patternMeaning(at, schemaNode) + ", was "
                        + describe(instance));
            }
            default -> {
                String m = e.getMessage() == null ? keyword : e.getMessage();
                return new Finding(at, false, m);
            }
        }
    }

    private static String where(String at) {
        return at.isEmpty() ? " at the top level" : "";
    }

    /** JSON pointer (RFC 6901) of a validator node path. */
    static String pointer(NodePath path) {
        if (path == null) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            s.append('/').append(ScenarioChecks.esc(String.valueOf(path.getElement(i))));
        }
        return s.toString();
    }

    /** The keys the schema object holding the failing {@code additionalProperties} declares. */
    private static List<String> allowedKeys(Error e) {
        List<String> keys = new ArrayList<>();
        if (e.getSchemaLocation() == null || e.getSchemaLocation().getFragment() == null) {
            return keys;
        }
        NodePath fragment = e.getSchemaLocation().getFragment();
        JsonNode n = node();
        for (int i = 0; i < fragment.getNameCount() - 1 && n != null; i++) {
            Object el = fragment.getElement(i);
            n = el instanceof Integer idx ? n.get(idx) : n.get(String.valueOf(el));
        }
        if (n != null && n.get("properties") != null) {
            for (Iterator<String> it = n.get("properties").fieldNames(); it.hasNext(); ) {
                keys.add(it.next());
            }
        }
        return keys;
    }

    private static String typeNames(JsonNode schemaNode) {
        List<String> names = new ArrayList<>();
        if (schemaNode.isArray()) {
            schemaNode.forEach(t -> names.add(article(t.asText())));
        } else {
            names.add(article(schemaNode.asText()));
        }
        return String.join(" or ", names);
    }

    private static String article(String type) {
        return switch (type) {
            case "object" -> "a mapping";
            case "array" -> "a list";
            case "integer" -> "an integer";
            case "number" -> "a number";
            case "string" -> "a text";
            case "boolean" -> "true or false";
            default -> type;
        };
    }

    /** The name of the {@code $defs} entry whose own keyword failed ("id", "quantity"...), else "". */
    private static String definition(Error e) {
        if (e.getSchemaLocation() == null || e.getSchemaLocation().getFragment() == null) {
            return "";
        }
        NodePath f = e.getSchemaLocation().getFragment();
        int n = f.getNameCount();
        if (n == 3 && "$defs".equals(String.valueOf(f.getElement(0)))) {
            return String.valueOf(f.getElement(1));
        }
        return "";
    }

    private static String patternMeaning(String at, JsonNode schemaNode) {
        String pattern = schemaNode == null ? "" : schemaNode.asText();
        if (pattern.contains("{2,4}")) {
            return "a CAMEO code of 2 to 4 digits in quotes, such as \"190\"";
        }
        if (pattern.contains("{4}-")) {
            return "a date YYYY-MM-DD";
        }
        if (pattern.contains("\\s")) {
            return "an id without spaces";
        }
        return "text matching " + pattern;
    }

    private static String number(JsonNode n) {
        if (n == null) {
            return "?";
        }
        return SchemaBounds.format(n.asDouble());
    }

    /** A short, user-facing rendering of a value found in the file. */
    static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isNull()) {
            return "an empty value";
        }
        if (n.isObject()) {
            return "a mapping";
        }
        if (n.isArray()) {
            return "a list of " + n.size();
        }
        if (n.isTextual()) {
            String t = n.asText();
            return t.length() > 40 ? "the text '" + t.substring(0, 37) + "...'" : "the text '" + t + "'";
        }
        if (n.isBoolean()) {
            return n.asText();
        }
        return n.asText();
    }

    private static String load() {
        try (InputStream in = ScenarioSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled schema missing: " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("bundled schema is not JSON", e);
        }
    }

    private static Schema compile(JsonNode node) {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .locale(Locale.ROOT)
                .pathType(PathType.JSON_POINTER)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(config));
        return registry.getSchema(node);
    }
}
