package org.statecraft.io.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The range of every number of a scenario, read from the bundled JSON Schema: the schema is the one place
 * where a bound is written, and the builder asks this class for the range of the value it reads, by the
 * value's JSON pointer. So what an editor checks with the schema, what {@code validate} reports and what
 * the records receive cannot drift apart.
 *
 * <p>A pointer is resolved as JSON Schema applies subschemas to an instance (draft 2020-12, §10.3): an
 * object member by {@code properties}, else {@code additionalProperties}; an array element by
 * {@code items}; {@code $ref} and {@code allOf} add their schemas. The bound keywords ({@code minimum},
 * {@code maximum}, {@code exclusiveMinimum}, {@code exclusiveMaximum}) of every schema that applies are
 * intersected. Resolution is O(depth of the pointer × schemas per level) and memoised per pointer pattern.
 */
final class SchemaBounds {
    /** The definition of a model number (a bare number or a distribution); its own bounds are a magnitude limit. */
    private static final String QUANTITY = "#/$defs/quantity";
    private static final Map<String, Bounds> NUMBER = new ConcurrentHashMap<>();
    private static final Map<String, Bounds> SUPPORT = new ConcurrentHashMap<>();

    private SchemaBounds() {
    }

    /** An allowed range; {@code integer} when the schema asks for a whole number there. */
    record Bounds(double lo, boolean loOpen, double hi, boolean hiOpen, boolean integer) {
        static final Bounds ANY = new Bounds(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false,
                false);

        boolean admits(double v) {
            return admitsLower(v) && admitsUpper(v);
        }

        boolean admitsLower(double v) {
            return loOpen ? v > lo : v >= lo;
        }

        boolean admitsUpper(double v) {
            return hiOpen ? v < hi : v <= hi;
        }

        /** A value inside the range, used in place of an unreadable one: 0, else 1, else an end. */
        double fallback() {
            if (admits(0)) {
                return 0;
            }
            if (admits(1)) {
                return 1;
            }
            if (!loOpen && Double.isFinite(lo)) {
                return lo;
            }
            return !hiOpen && Double.isFinite(hi) ? hi : (lo + hi) / 2;
        }

        /** {@code in [0, 1]}, {@code in (0, 1e15]}, {@code >= 0}. */
        String describe() {
            if (Double.isInfinite(hi)) {
                return Double.isInfinite(lo) ? "that is finite" : (loOpen ? "> " : ">= ") + format(lo);
            }
            if (Double.isInfinite(lo)) {
                return (hiOpen ? "< " : "<= ") + format(hi);
            }
            return "in " + (loOpen ? "(" : "[") + format(lo) + ", " + format(hi) + (hiOpen ? ")" : "]");
        }
    }

    /** The range of a plain number written at {@code pointer}: every bound the schema applies there. */
    static Bounds number(String pointer) {
        return NUMBER.computeIfAbsent(pattern(pointer), k -> fold(resolve(pointer), true));
    }

    /**
     * The range every value of the quantity at {@code pointer} must lie in (a distribution's whole support):
     * the field's own bounds. The quantity definition's magnitude limit bounds each number written in it
     * ({@link #number} at {@code pointer/value}, {@code pointer/uniform/0}...), not a lognormal's support.
     */
    static Bounds support(String pointer) {
        return SUPPORT.computeIfAbsent(pattern(pointer), k -> fold(resolve(pointer), false));
    }

    /** A bound as messages write it: whole numbers up to a million in full, powers of ten as 1e15. */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) <= 1e7) {
            return Long.toString((long) v);
        }
        double exponent = Math.log10(Math.abs(v));
        if (exponent == Math.rint(exponent)) {
            return (v < 0 ? "-" : "") + "1e" + (long) exponent;
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** Array indices as {@code []}: every element of a list has the same schema. */
    private static String pattern(String pointer) {
        return pointer.replaceAll("/[0-9]+(?=/|$)", "/[]");
    }

    /** The schemas that apply to the value at {@code pointer} (an RFC 6901 pointer of the document). */
    static List<JsonNode> resolve(String pointer) {
        JsonNode root = ScenarioSchema.node();
        List<JsonNode> here = new ArrayList<>();
        expand(root, root, here);
        if (pointer.isEmpty()) {
            return here;
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode s : here) {
                JsonNode props = s.get("properties");
                JsonNode extra = s.get("additionalProperties");
                JsonNode items = s.get("items");
                if (props != null && props.has(token)) {
                    expand(root, props.get(token), next);
                } else if (extra != null && extra.isObject()) {
                    expand(root, extra, next);
                }
                if (items != null && items.isObject() && token.chars().allMatch(Character::isDigit)) {
                    expand(root, items, next);
                }
            }
            here = next;
        }
        return here;
    }

    private static void expand(JsonNode root, JsonNode s, List<JsonNode> out) {
        if (s == null || !s.isObject() || out.contains(s)) {
            return;
        }
        out.add(s);
        JsonNode ref = s.get("$ref");
        if (ref != null) {
            expand(root, root.at(ref.asText().substring(1)), out);
        }
        JsonNode all = s.get("allOf");
        if (all != null) {
            all.forEach(a -> expand(root, a, out));
        }
    }

    private static Bounds fold(List<JsonNode> schemas, boolean withMagnitude) {
        JsonNode quantity = ScenarioSchema.node().at(QUANTITY.substring(1));
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        boolean loOpen = false;
        boolean hiOpen = false;
        boolean integer = false;
        for (JsonNode s : schemas) {
            integer |= s.has("type") && "integer".equals(s.get("type").asText());
            if (s == quantity && !withMagnitude) {
                continue;
            }
            for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                double v = s.get(k).asDouble();
                switch (k) {
                    case "minimum", "exclusiveMinimum" -> {
                        boolean open = k.equals("exclusiveMinimum");
                        if (v > lo || (v == lo && open)) {
                            lo = v;
                            loOpen = open;
                        }
                    }
                    case "maximum", "exclusiveMaximum" -> {
                        boolean open = k.equals("exclusiveMaximum");
                        if (v < hi || (v == hi && open)) {
                            hi = v;
                            hiOpen = open;
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return new Bounds(lo, loOpen, hi, hiOpen, integer);
    }
}
