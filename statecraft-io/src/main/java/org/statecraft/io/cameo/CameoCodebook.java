package org.statecraft.io.cameo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.statecraft.io.DelimitedText;

/**
 * The CAMEO event codebook bundled with Statecraft: code, name, root code, QuadClass and Goldstein value.
 * Goldstein values come from GDELT's table by default or from ICEWS's (they differ on 016, 022, 164, 165).
 * Provenance of the tables: {@code PROVENANCE.md} beside the resources.
 *
 * <p>Codes are strings: "010" is not "10".
 */
public final class CameoCodebook {
    /** Whose Goldstein values to use. */
    public enum Scale {
        GDELT, ICEWS
    }

    /** One CAMEO code. {@code quadClass} follows GDELT: roots 01–05 → 1, 06–09 → 2, 10–14 → 3, 15–20 → 4. */
    public record Code(String code, String name, String rootCode, int quadClass, double goldstein) {
    }

    private static final Map<Scale, CameoCodebook> CACHE = new ConcurrentHashMap<>();

    private final Scale scale;
    private final Map<String, Code> codes;

    private CameoCodebook(Scale scale, Map<String, Code> codes) {
        this.scale = scale;
        this.codes = Collections.unmodifiableMap(codes);
    }

    /** The codebook with GDELT's Goldstein values. */
    public static CameoCodebook gdelt() {
        return of(Scale.GDELT);
    }

    public static CameoCodebook of(Scale scale) {
        return CACHE.computeIfAbsent(scale, CameoCodebook::load);
    }

    public Scale scale() {
        return scale;
    }

    public Optional<Code> find(String code) {
        return Optional.ofNullable(codes.get(code));
    }

    public Optional<Double> goldstein(String code) {
        return find(code).map(Code::goldstein);
    }

    public List<Code> all() {
        return List.copyOf(codes.values());
    }

    /** GDELT's QuadClass of a root code ("01".."20"), or 0 if it is not a CAMEO root. */
    public static int quadClassOfRoot(String root) {
        int r;
        try {
            r = Integer.parseInt(root);
        } catch (NumberFormatException e) {
            return 0;
        }
        if (r >= 1 && r <= 5) {
            return 1;
        }
        if (r >= 6 && r <= 9) {
            return 2;
        }
        if (r >= 10 && r <= 14) {
            return 3;
        }
        if (r >= 15 && r <= 20) {
            return 4;
        }
        return 0;
    }

    private static CameoCodebook load(Scale scale) {
        Map<String, Double> gdelt = new LinkedHashMap<>();
        for (String[] row : read("gdelt-goldstein.tsv", '\t')) {
            if (row.length == 2 && !row[0].equals("CAMEOEVENTCODE")) {
                gdelt.put(row[0].trim(), Double.parseDouble(row[1].trim()));
            }
        }
        Map<String, Code> codes = new LinkedHashMap<>();
        List<String[]> icews = read("icews-cameo-codes.csv", ',');
        for (String[] row : icews.subList(1, icews.size())) {
            String code = row[3];
            String root = row[10];
            Double g = scale == Scale.GDELT ? gdelt.get(code) : parseOrNull(row[4]);
            if (g == null) {
                g = gdelt.containsKey(code) ? gdelt.get(code) : parseOrNull(row[4]);
            }
            if (g == null) {
                continue;
            }
            codes.put(code, new Code(code, row[2], root, quadClassOfRoot(root), g));
        }
        for (Map.Entry<String, Double> e : gdelt.entrySet()) {
            if (!codes.containsKey(e.getKey())) {
                String root = e.getKey().substring(0, 2);
                codes.put(e.getKey(), new Code(e.getKey(), e.getKey(), root, quadClassOfRoot(root), e.getValue()));
            }
        }
        return new CameoCodebook(scale, codes);
    }

    private static Double parseOrNull(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Reads a bundled table; a minimal RFC 4180 splitter (quoted fields with doubled quotes). */
    private static List<String[]> read(String resource, char sep) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = CameoCodebook.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled CAMEO table missing: " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            StringBuilder pending = null;
            String line;
            while ((line = r.readLine()) != null) {
                String text = pending == null ? line : pending.append('\n').append(line).toString();
                if (countQuotes(text) % 2 == 1) {
                    pending = new StringBuilder(text);
                    continue;
                }
                pending = null;
                if (!text.isBlank()) {
                    rows.add(split(text, sep));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static int countQuotes(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '"') {
                n++;
            }
        }
        return n;
    }

    private static String[] split(String line, char sep) {
        return DelimitedText.split(line, sep).stream().map(DelimitedText.Field::text).toArray(String[]::new);
    }
}
