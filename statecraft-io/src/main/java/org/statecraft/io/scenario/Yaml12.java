package org.statecraft.io.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * The scalar forms of YAML 1.2's core schema (YAML 1.2.2 §10.3.2) that the parser, which follows YAML 1.1, reads
 * otherwise: the tests {@link LocatedTree} applies to what the parser calls a number or a boolean.
 */
final class Yaml12 {
    private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern OCTAL = Pattern.compile("0o[0-7]+");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern LEADING_ZERO = Pattern.compile("[-+]?0[0-9]+");

    private Yaml12() {
    }

    /** True for a decimal integer as YAML 1.2 writes one. */
    static boolean isDecimal(String text) {
        return DECIMAL.matcher(text).matches() && !LEADING_ZERO.matcher(text).matches();
    }

    /** True for a decimal integer with a leading zero ({@code 0264}, {@code -012}): octal in YAML 1.1. */
    static boolean leadingZero(String text) {
        return LEADING_ZERO.matcher(text).matches();
    }

    /** {@code 0o17} or {@code 0x1F} as a number node, else null (decimals are left to the parser). */
    static JsonNode integer(String text) {
        if (OCTAL.matcher(text).matches()) {
            return number(new BigInteger(text.substring(2), 8));
        }
        if (HEX.matcher(text).matches()) {
            return number(new BigInteger(text.substring(2), 16));
        }
        return null;
    }

    private static JsonNode number(BigInteger v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v.bitLength() < 32) {
            return f.numberNode(v.intValue());
        }
        return v.bitLength() < 64 ? f.numberNode(v.longValue()) : f.numberNode(v);
    }

    /** True for a float (or an integer) as YAML 1.2 writes one ({@code .inf} and {@code .nan} are handled apart). */
    static boolean isFloat(String text) {
        return FLOAT.matcher(text).matches() && !LEADING_ZERO.matcher(text.split("[.eE]", 2)[0]).matches()
                || text.matches("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    }

    /** True for YAML 1.2's booleans. */
    static boolean isBoolean(String text) {
        return switch (text) {
            case "true", "True", "TRUE", "false", "False", "FALSE" -> true;
            default -> false;
        };
    }
}
