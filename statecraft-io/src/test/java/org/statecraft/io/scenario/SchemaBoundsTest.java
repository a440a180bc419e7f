package org.statecraft.io.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every numeric field of the schema, walked from the schema itself (so a field added later is covered or
 * makes this test fail): a value just beyond each of its bounds is refused by the schema, by the builder
 * (which reads its bounds from the schema) and by the reader, at the field's JSON pointer and the value's
 * line; the value at the bound is accepted by all three. For an exclusive bound "at" is the nearest double
 * inside and "beyond" the bound itself. Values are written into the bundled scenarios (as JSON, which is
 * YAML), into the first one that holds the field's parent.
 */
class SchemaBoundsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUANTITY = "#/$defs/quantity";
    /** A number field of the quantity definition is tried inside a quantity with no range of its own. */
    private static final String HOST = "/network/hostilityHarms/0/perDay";

    /** A field's pattern: tokens, with [] for any list element and * for any key of a map. */
    record Field(List<String> path, boolean quantity, boolean integer) {
        String pattern() {
            return "/" + String.join("/", path);
        }
    }

    /**
     * Parents that no bundled scenario writes, grafted in (pattern of the parent, value): a new field whose
     * parent is nowhere fails the walk with a message asking for a line here.
     */
    private static final Map<String, String> GRAFTS = Map.of(
            "/levers/[]/offsets", "[{\"constituency\": \"$constituency\", \"share\": 0.5}]",
            "/responses/[]/when", "{\"attacks\": {\"windowDays\": 30, \"atLeast\": 3}}");

    /** Edits a value at the bound needs so that no other check fires at the same place. */
    private static final Map<String, Map<String, JsonNode>> COMPANIONS = Map.of(
            "/demand/partialLevel", Map.of("/demand/releaseLevel", new DoubleNode(1)),
            "/policies/[]/rules/[]/when/day", Map.of("/horizonDays", new IntNode(36500)),
            "/responses/[]/when/day", Map.of("/horizonDays", new IntNode(36500)));

    /** Rules whose level is tried become ease rules: only those take a level. */
    private static final List<String> EASE = List.of("/policies/[]/rules/[]/level", "/responses/[]/level");

    @Test
    void theWalkFindsTheFieldsTheIssueNamesWithAnUpperBound() {
        List<Field> fields = numericFields();
        assertThat(fields).extracting(Field::pattern).contains("/horizonDays", "/attacks/baseRatePerDay",
                "/policies/[]/rules/[]/days", "/levers/[]/harms/[]/perDay", "/constituencies/[]/baseline");
        for (Field f : fields) {
            assertThat(Double.isFinite(SchemaBounds.number(concrete(f)).hi()))
                    .as("%s has an upper bound", f.pattern()).isTrue();
            assertThat(Double.isFinite(SchemaBounds.number(concrete(f)).lo()))
                    .as("%s has a lower bound", f.pattern()).isTrue();
        }
    }

    @Test
    void theIssuesOverflowAndHangValuesAreRefusedAtTheirOwnLines() throws IOException {
        Path file = Path.of(System.getProperty("statecraft.root", ".."), "scenarios", "pakistan-taliban-2023.yaml");
        String yaml = Files.readString(file);
        String rate = yaml.lines().filter(l -> l.startsWith("  baseRatePerDay:")).findFirst().orElseThrow();
        Map<String, String> cases = Map.of(
                "horizonDays: 180", "horizonDays: 2147483647",
                "        days: 30", "        days: 2147483645",
                rate, "  baseRatePerDay: 1e300");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String bad = yaml.replaceFirst(java.util.regex.Pattern.quote(c.getKey()), c.getValue());
            int line = bad.lines().toList().indexOf(c.getValue()) + 1;
            try {
                ScenarioReader.loadString(bad, "bad.yaml");
                throw new AssertionError(c.getValue() + " was accepted");
            } catch (ScenarioValidationException e) {
                assertThat(e.problems()).as(c.getValue()).anyMatch(p -> p.line() == line
                        && p.message().startsWith("expected a "));
            }
        }
        for (String r : List.of("1e6", "2e9", "{value: 1e6, assumption: a hang}")) {
            String bad = yaml.replace(rate, "  baseRatePerDay: " + r);
            int line = bad.lines().toList().indexOf("  baseRatePerDay: " + r) + 1;
            try {
                ScenarioReader.loadString(bad, "bad.yaml");
                throw new AssertionError(r + " was accepted");
            } catch (ScenarioValidationException e) {
                assertThat(e.problems()).as(r).anyMatch(p -> p.line() == line && p.message().contains("100"));
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> aValueBeyondEachBoundIsRefusedAtItsPointerAndTheBoundItselfIsAccepted() throws IOException {
        List<JsonNode> bases = bundled();
        List<DynamicTest> tests = new ArrayList<>();
        for (Field f : numericFields()) {
            SchemaBounds.Bounds b = SchemaBounds.number(concrete(f));
            for (boolean upper : new boolean[] {false, true}) {
                double bound = upper ? b.hi() : b.lo();
                boolean open = upper ? b.hiOpen() : b.loOpen();
                double inward = upper ? -1 : 1;
                double at = open ? (f.integer() ? bound + inward : Math.nextAfter(bound, bound + inward)) : bound;
                double beyond = open ? bound : (f.integer() ? bound - inward : Math.nextAfter(bound, bound - inward));
                String name = f.pattern() + (upper ? " <= " : " >= ") + SchemaBounds.format(bound);
                tests.add(DynamicTest.dynamicTest(name, () -> check(bases, f, at, beyond)));
            }
        }
        return tests.stream();
    }

    private static void check(List<JsonNode> bases, Field f, double at, double beyond) throws IOException {
        for (boolean objectForm : f.quantity() ? new boolean[] {false, true} : new boolean[] {false}) {
            Placed ok = place(bases, f, at, objectForm);
            assertThat(problemsAt(ok)).as("%s = %s accepted", ok.pointer, at).isEmpty();
            Placed bad = place(bases, f, beyond, objectForm);
            List<LocatedProblem> refused = problemsAt(bad);
            assertThat(refused).as("%s = %s refused by the reader", bad.pointer, beyond).isNotEmpty();
            String[] lines = bad.text.split("\n", -1);
            // located: the line holds the number written, or the key of the quantity whose range it breaks
            assertThat(refused).anyMatch(p -> lines[p.line() - 1].contains(bad.written)
                    || lines[p.line() - 1].contains(key(p.pointer())));
            if (!objectForm) {
                assertThat(ScenarioSchema.validate(bad.root)).as("schema refuses %s = %s", bad.pointer, beyond)
                        .anyMatch(x -> within(x.pointer(), bad.pointer));
                assertThat(ScenarioSchema.validate(ok.root)).as("schema accepts %s = %s", ok.pointer, at)
                        .noneMatch(x -> within(x.pointer(), ok.pointer));
            }
            assertThat(builderProblems(bad)).as("builder refuses %s = %s", bad.pointer, beyond).isNotEmpty();
            assertThat(builderProblems(ok)).as("builder accepts %s = %s", ok.pointer, at).isEmpty();
        }
    }

    /** A document with the value written, the pointer of the number and how it is written in the text. */
    private record Placed(JsonNode root, String pointer, String text, String written) {
    }

    private static Placed place(List<JsonNode> bases, Field f, double value, boolean objectForm) throws IOException {
        boolean internal = f.path.get(0).equals("(quantity)");
        List<String> path = internal ? List.of(HOST.substring(1).replace("/0/", "/[]/").split("/")) : f.path;
        for (JsonNode base : bases) {
            JsonNode root = base.deepCopy();
            String parent = resolve(root, path.subList(0, path.size() - 1));
            if (parent == null) {
                continue;
            }
            JsonNode number = f.integer() ? new IntNode((int) value) : new DoubleNode(value);
            ObjectNode holder = (ObjectNode) root.at(parent);
            String leaf = path.get(path.size() - 1);
            if (leaf.equals("*")) {
                leaf = holder.fieldNames().next();
            }
            if (EASE.contains(f.pattern())) {
                easeRule(holder);
            }
            String pointer = parent + "/" + leaf;
            if (internal) {
                holder.set(leaf, quantityHolding(f.path.subList(1, f.path.size()), number));
                pointer += "/" + String.join("/", f.path.subList(1, f.path.size())).replace("[]", "0");
            } else if (objectForm) {
                ObjectNode q = holder.putObject(leaf);
                q.set("value", number);
                q.put("assumption", "a bound under test");
            } else {
                holder.set(leaf, number);
            }
            for (Map.Entry<String, JsonNode> c : COMPANIONS.getOrDefault(f.pattern(), Map.of()).entrySet()) {
                String at = c.getKey();
                int cut = at.lastIndexOf('/');
                ((ObjectNode) root.at(at.substring(0, cut))).set(at.substring(cut + 1), c.getValue());
            }
            return new Placed(root, pointer, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root),
                    JSON.writeValueAsString(number));
        }
        throw new AssertionError("no bundled scenario holds the parent of " + f.pattern()
                + "; add a graft to SchemaBoundsTest.GRAFTS");
    }

    /**
     * A quantity whose number at {@code sub} (value, uniform/[], lognormal/median...) is {@code number}, the
     * others ordinary; as the first element of a list.
     */
    private static ObjectNode quantityHolding(List<String> sub, JsonNode number) {
        ObjectNode q = JsonNodeFactory.instance.objectNode();
        q.put("assumption", "a bound under test");
        String form = sub.get(0);
        switch (form) {
            case "value" -> q.set("value", number);
            case "min", "max" -> {
                q.set("normal", JSON.createArrayNode().add(0).add(1));
                q.set(form, number);
            }
            case "uniform", "triangular", "normal" -> {
                ArrayNode a = q.putArray(form);
                a.add(number);
                int rest = form.equals("triangular") ? 2 : 1;
                for (int i = 0; i < rest; i++) {
                    a.add(form.equals("normal") ? 1 : 1e15);
                }
            }
            case "lognormal" -> q.putObject("lognormal").put("median", 2).put("gsd", 2).set(sub.get(1), number);
            default -> q.putObject("fittedLognormal").put("mu", 0).put("sigma", 1).put("muStandardError", 0.1)
                    .put("sigmaStandardError", 0.1).set(sub.get(1), number);
        }
        return q;
    }

    /**
     * The pointer of the first concrete node matching {@code tokens} ([] any element, * any key), grafting a
     * parent from {@link #GRAFTS} where the document has none; null when there is none.
     */
    private static String resolve(JsonNode root, List<String> tokens) {
        String found = find(root, "", tokens, 0);
        if (found != null) {
            return found;
        }
        for (Map.Entry<String, String> g : GRAFTS.entrySet()) {
            String pattern = "/" + String.join("/", tokens);
            if (pattern.startsWith(g.getKey())) {
                List<String> graftAt = List.of(g.getKey().substring(1).split("/"));
                String parent = find(root, "", graftAt.subList(0, graftAt.size() - 1), 0);
                if (parent == null) {
                    continue;
                }
                JsonNode value;
                try {
                    value = JSON.readTree(g.getValue().replace("$constituency",
                            root.at("/constituencies/0/id").asText()));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                String last = graftAt.get(graftAt.size() - 1);
                ObjectNode p = (ObjectNode) root.at(parent);
                if (last.equals("[]")) {
                    throw new IllegalStateException("a graft names its list, not an element: " + g.getKey());
                }
                p.set(last, value);
                return find(root, "", tokens, 0);
            }
        }
        return null;
    }

    private static String find(JsonNode node, String at, List<String> tokens, int i) {
        if (i == tokens.size()) {
            return node.isObject() ? at : null;
        }
        if (i == tokens.size() - 1 && node.isObject() && node.path(tokens.get(i)).isTextual()
                && isEventCode(at + "/" + tokens.get(i))) {
            // an event code written as text takes its {cameo, goldstein} form
            ObjectNode code = JsonNodeFactory.instance.objectNode().put("cameo", node.get(tokens.get(i)).asText());
            ((ObjectNode) node).set(tokens.get(i), code);
        }
        String t = tokens.get(i);
        if (t.equals("[]")) {
            if (!node.isArray()) {
                return null;
            }
            for (int k = 0; k < node.size(); k++) {
                String r = find(node.get(k), at + "/" + k, tokens, i + 1);
                if (r != null) {
                    return r;
                }
            }
            return null;
        }
        if (t.equals("*")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String r = find(e.getValue(), at + "/" + e.getKey(), tokens, i + 1);
                if (r != null) {
                    return r;
                }
            }
            return null;
        }
        JsonNode next = node.get(t);
        return next == null ? null : find(next, at + "/" + t, tokens, i + 1);
    }

    /** The reader's problems at or below the pointer (none when the file loads). */
    private static List<LocatedProblem> problemsAt(Placed d) {
        try {
            ScenarioReader.loadString(d.text, "bounds.json");
            return List.of();
        } catch (ScenarioValidationException e) {
            return e.problems().stream().filter(p -> within(p.pointer(), d.pointer)).toList();
        }
    }

    private static List<Finding> builderProblems(Placed d) {
        ScenarioBuilder builder = new ScenarioBuilder();
        builder.build(d.root);
        return builder.problems().stream().filter(p -> within(p.pointer(), d.pointer)).toList();
    }

    private static boolean isEventCode(String pointer) {
        JsonNode eventCode = ScenarioSchema.node().at("/$defs/eventCode");
        return SchemaBounds.resolve(pointer).contains(eventCode);
    }

    /** Makes a rule an ease rule on the lever it acts on. */
    private static void easeRule(ObjectNode rule) {
        for (String action : List.of("use", "threaten", "stop")) {
            if (rule.has(action)) {
                rule.set("ease", rule.remove(action));
            }
        }
        rule.remove("days");
    }

    /** The last token of a pointer as the JSON text writes it as a key. */
    private static String key(String pointer) {
        return "\"" + pointer.substring(pointer.lastIndexOf('/') + 1) + "\" :";
    }

    /** True when {@code p} is {@code at} or below it. */
    private static boolean within(String p, String at) {
        return p.equals(at) || p.startsWith(at + "/");
    }

    /** A concrete pointer of the pattern (0 for every element, k for every key). */
    private static String concrete(Field f) {
        List<String> path = f.path.get(0).equals("(quantity)")
                ? new ArrayList<>(List.of((HOST + "/" + String.join("/", f.path.subList(1, f.path.size())))
                        .substring(1).split("/")))
                : f.path;
        return "/" + String.join("/", path.stream().map(t -> t.equals("[]") ? "0" : t.equals("*") ? "k" : t)
                .toList());
    }

    /** Every numeric property of the schema: fields of the document, and the numbers of the quantity form. */
    static List<Field> numericFields() {
        JsonNode schema = ScenarioSchema.node();
        List<Field> out = new ArrayList<>();
        walk(schema, schema, new ArrayList<>(), out, new ArrayList<>());
        List<Field> internal = new ArrayList<>();
        walk(schema, schema.at(QUANTITY.substring(1)), new ArrayList<>(List.of("(quantity)")), internal,
                new ArrayList<>(List.of(QUANTITY)));
        internal.removeIf(f -> f.path.size() == 1);
        out.addAll(internal);
        return out;
    }

    private static void walk(JsonNode root, JsonNode s, List<String> path, List<Field> out, List<String> seen) {
        boolean quantity = refs(s).contains(QUANTITY);
        String type = s.path("type").asText("");
        if (quantity || type.equals("number") || type.equals("integer")) {
            out.add(new Field(List.copyOf(path), quantity, type.equals("integer")));
        }
        String ref = s.path("$ref").asText("");
        if (!ref.isEmpty() && !ref.equals(QUANTITY) && !seen.contains(ref)) {
            List<String> now = new ArrayList<>(seen);
            now.add(ref);
            walk(root, root.at(ref.substring(1)), path, out, now);
        }
        s.path("properties").fields().forEachRemaining(e -> walk(root, e.getValue(), with(path, e.getKey()), out,
                seen));
        if (s.path("additionalProperties").isObject()) {
            walk(root, s.get("additionalProperties"), with(path, "*"), out, seen);
        }
        if (s.path("items").isObject()) {
            walk(root, s.get("items"), with(path, "[]"), out, seen);
        }
    }

    private static List<String> refs(JsonNode s) {
        List<String> r = new ArrayList<>();
        if (s.has("$ref")) {
            r.add(s.get("$ref").asText());
        }
        s.path("allOf").forEach(a -> r.add(a.path("$ref").asText("")));
        return r;
    }

    private static List<String> with(List<String> path, String t) {
        List<String> p = new ArrayList<>(path);
        p.add(t);
        return p;
    }

    private static List<JsonNode> bundled() throws IOException {
        Path dir = Path.of(System.getProperty("statecraft.root", ".."), "scenarios");
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(x -> x.toString().endsWith(".yaml")).sorted().toList()) {
                out.add(LocatedTree.parse(Files.readString(p), p.toString()).root());
            }
        }
        return out;
    }
}
