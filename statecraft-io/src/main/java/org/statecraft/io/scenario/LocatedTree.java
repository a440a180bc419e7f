package org.statecraft.io.scenario;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.statecraft.core.scenario.ScenarioChecks;

/**
 * A YAML document read into a Jackson tree together with the source position of every node, keyed by JSON
 * pointer (RFC 6901), so that a problem found anywhere later (schema, records, cross-references) can be
 * reported at {@code line:column}. Built by walking the token stream once: O(size of the document).
 *
 * <p>Duplicate keys, which YAML forbids but parsers silently resolve, are reported as problems; a syntax
 * error stops the walk and is reported at the parser's position.
 *
 * <p>Scalars are resolved by YAML 1.2's core schema (§10.3), not by YAML 1.1's rules the parser applies: {@code yes},
 * {@code no}, {@code on}, {@code off} are text; {@code 1_000} and {@code 0b101} are text (so a number field reports
 * them); an integer with a leading zero ({@code 0264}, {@code 010}) is refused, since YAML 1.1 reads it as octal
 * (180, 8) and YAML 1.2 as decimal (264, 10), and an unquoted code such as CAMEO {@code 010} would lose its zero
 * either way. Aliases ({@code *name}) and merge keys ({@code <<}) are refused at their position: the parser does
 * not expand them (it reads {@code *taliban} as the text "taliban"), a value written once but used in several
 * places cannot be reported at one line, and aliases allow exponential expansion ("billion laughs"). Write the
 * value out where it is used.
 */
final class LocatedTree {
    /** A 1-based line and column. */
    record Position(int line, int column) {
    }

    private static final YAMLFactory YAML = YAMLFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance; // decimals not exact (the default factory)

    private final JsonNode root;
    private final Map<String, Position> values;
    private final Map<String, Position> keys;
    private final List<LocatedProblem> problems;
    private final List<Finding> findings;

    private LocatedTree(JsonNode root, Map<String, Position> values, Map<String, Position> keys,
                        List<LocatedProblem> problems, List<Finding> findings) {
        this.root = root;
        this.values = values;
        this.keys = keys;
        this.problems = problems;
        this.findings = findings;
    }

    /** The tree, or null when the text is not a readable YAML document. */
    JsonNode root() {
        return root;
    }

    /** Syntax problems and duplicate keys, each at its position. */
    List<LocatedProblem> problems() {
        return problems;
    }

    /** Values the tree holds but no later stage can take (non-finite numbers), by pointer. */
    List<Finding> findings() {
        return findings;
    }

    /** Where the value at {@code pointer} starts; failing that, its nearest ancestor; failing that, 1:1. */
    Position locate(String pointer) {
        String p = pointer == null ? "" : pointer;
        while (true) {
            Position pos = values.get(p);
            if (pos != null) {
                return pos;
            }
            if (p.isEmpty()) {
                return new Position(1, 1);
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** Where the key of the member at {@code pointer} is written, else where its value (or an ancestor) is. */
    Position locateKey(String pointer) {
        Position pos = keys.get(pointer);
        return pos != null ? pos : locate(pointer);
    }

    /** True when the document holds a value at exactly this pointer. */
    boolean has(String pointer) {
        return values.containsKey(pointer);
    }

    static LocatedTree parse(String text, String file) {
        Map<String, Position> values = new HashMap<>();
        Map<String, Position> keys = new HashMap<>();
        List<LocatedProblem> problems = new ArrayList<>();
        Walker w = new Walker(file, values, keys, problems);
        JsonNode root = null;
        try (JsonParser p = YAML.createParser(text)) {
            w.parser = p;
            JsonToken first = p.nextToken();
            if (first == null) {
                problems.add(syntax(file, new Position(1, 1), "the file is empty; expected a scenario mapping that starts "
                        + "with 'statecraft: 1'"));
                return new LocatedTree(null, values, keys, problems, w.findings);
            }
            root = w.value("");
            if (p.nextToken() != null) {
                problems.add(syntax(file, w.here(), "a second YAML document starts here; expected one scenario per file"));
            }
        } catch (JacksonException e) {
            JsonLocation loc = e.getLocation();
            Position pos = loc != null && loc.getLineNr() > 0
                    ? new Position(loc.getLineNr(), Math.max(1, loc.getColumnNr())) : w.lastPosition();
            String m = e.getOriginalMessage();
            if (m != null && m.startsWith("Expected a field name")) {
                m = "expected a plain key before ':' (a key that is itself a list or mapping is not allowed)";
            } else if (m != null && m.startsWith("Malformed numeric value")) {
                // the YAML parser gives up on .nan and .inf; no model number may be either
                m = m.replace("Malformed numeric value", "expected a finite number, was");
            }
            problems.add(syntax(file, pos, "YAML syntax error: " + describe(m)));
            root = null;
        } catch (IOException | RuntimeException e) {
            // SnakeYAML reports some scanner errors and its safety limits as unchecked exceptions
            problems.add(syntax(file, w.lastPosition(), "YAML syntax error: " + describe(e.getMessage())));
            root = null;
        }
        return new LocatedTree(root, values, keys, problems, w.findings);
    }

    private static LocatedProblem syntax(String file, Position pos, String message) {
        return new LocatedProblem(file, pos.line(), pos.column(), "", message);
    }

    /** SnakeYAML messages span several lines with a snippet of the file; keep the sentences. */
    private static String describe(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable YAML";
        }
        StringBuilder s = new StringBuilder();
        for (String line : message.split("\\R")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("in 'reader'") || t.startsWith("in 'string'") || t.equals("^")
                    || line.startsWith("    ") || t.startsWith("at [Source")) {
                continue;
            }
            if (!s.isEmpty()) {
                s.append("; ");
            }
            s.append(t);
        }
        return s.isEmpty() ? "unreadable YAML" : s.toString();
    }

    /** Reads one value from the token stream, recording positions. */
    private static final class Walker {
        private final String file;
        private final Map<String, Position> values;
        private final Map<String, Position> keys;
        private final List<LocatedProblem> problems;
        private final List<Finding> findings = new ArrayList<>();
        private JsonParser parser;
        private Position last = new Position(1, 1);

        Walker(String file, Map<String, Position> values, Map<String, Position> keys, List<LocatedProblem> problems) {
            this.file = file;
            this.values = values;
            this.keys = keys;
            this.problems = problems;
        }

        Position here() {
            JsonLocation loc = parser.currentTokenLocation();
            int line = loc.getLineNr() > 0 ? loc.getLineNr() : last.line();
            last = new Position(line, Math.max(1, loc.getColumnNr()));
            return last;
        }

        Position lastPosition() {
            return last;
        }

        /** The current token starts the value at {@code pointer}. */
        JsonNode value(String pointer) throws IOException {
            values.putIfAbsent(pointer, here());
            JsonToken t = parser.currentToken();
            if (t == null) {
                return NODES.nullNode();
            }
            if (parser instanceof YAMLParser y && y.isCurrentAlias()) {
                findings.add(new Finding(pointer, "YAML aliases ('*" + parser.getText() + "') are not supported (the "
                        + "value would be read as the text '" + parser.getText() + "'); write the value out here"));
                return NODES.textNode("*" + parser.getText());
            }
            switch (t) {
                case START_OBJECT -> {
                    ObjectNode o = NODES.objectNode();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        Position keyPos = here();
                        String child = pointer + "/" + ScenarioChecks.esc(name);
                        parser.nextToken();
                        if (name.equals("<<")) {
                            // scoped to the whole mapping: its missing fields are consequences
                            keys.put(child, keyPos);
                            findings.add(new Finding(child, pointer, true, "YAML merge keys ('<<') are not supported "
                                    + "(YAML 1.1 only); write the merged fields out in this mapping"));
                            value(child + "/#merge");
                            findings.removeIf(f -> f.pointer().startsWith(child + "/#merge"));
                            continue;
                        }
                        if (o.has(name)) {
                            Position first = keys.get(child);
                            problems.add(syntax(file, keyPos, "duplicate key '" + name + "'"
                                    + (first == null ? "" : " (first given at line " + first.line() + ")")
                                    + "; expected each key once in a mapping"));
                            value(child + "/#duplicate");
                            continue;
                        }
                        keys.put(child, keyPos);
                        o.set(name, value(child));
                    }
                    return o;
                }
                case START_ARRAY -> {
                    ArrayNode a = NODES.arrayNode();
                    int i = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY && parser.currentToken() != null) {
                        a.add(value(pointer + "/" + i++));
                    }
                    return a;
                }
                case VALUE_STRING -> {
                    return NODES.textNode(parser.getText());
                }
                case VALUE_NUMBER_INT -> {
                    String text = parser.getText();
                    JsonNode core = Yaml12.integer(text);
                    if (core != null) {
                        return core;
                    }
                    if (Yaml12.leadingZero(text)) {
                        findings.add(new Finding(pointer, "'" + text + "' has a leading zero: YAML 1.1 reads it as an "
                                + "octal number, YAML 1.2 as a decimal one; write it without the zero, or in quotes if it "
                                + "is a code"));
                        return NODES.textNode(text);
                    }
                    if (!Yaml12.isDecimal(text)) {
                        return NODES.textNode(text); // 1_000, 0b101, 1:30: text in YAML 1.2
                    }
                    return switch (parser.getNumberType()) {
                        case INT -> NODES.numberNode(parser.getIntValue());
                        case LONG -> NODES.numberNode(parser.getLongValue());
                        default -> NODES.numberNode(parser.getBigIntegerValue());
                    };
                }
                case VALUE_NUMBER_FLOAT -> {
                    if (!Yaml12.isFloat(parser.getText())) {
                        return NODES.textNode(parser.getText());
                    }
                    double d = parser.getDoubleValue();
                    if (!Double.isFinite(d)) {
                        // .nan, .inf, 1e400: no model number is infinite, and validators cannot compare them
                        findings.add(new Finding(pointer, "expected a finite number, was " + parser.getText()
                                + (Double.isNaN(d) ? " (not a number)" : " (out of range)")));
                        return NODES.textNode(parser.getText());
                    }
                    return NODES.numberNode(d);
                }
                case VALUE_TRUE, VALUE_FALSE -> {
                    // YAML 1.2: only true/True/TRUE/false/False/FALSE; yes, no, on, off are text
                    return Yaml12.isBoolean(parser.getText()) ? NODES.booleanNode(t == JsonToken.VALUE_TRUE)
                            : NODES.textNode(parser.getText());
                }
                case VALUE_NULL -> {
                    return NODES.nullNode();
                }
                default -> {
                    return NODES.textNode(parser.getText());
                }
            }
        }
    }
}
