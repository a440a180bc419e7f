package org.statecraft.io.bargaining;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.statecraft.core.DataFormatException;
import org.statecraft.core.bargaining.BargainingProblem;

/**
 * Reads DEU III ({@code deu3.tsv}; Arregui &amp; Perarnaud 2021, doi 10.34810/data53): tab-separated, quoted
 * header; row 2 holds weights per actor (scaled here to a maximum of 1) — member states' GDPs that the preparing
 * repository (blksv/predictioneers_game) added, Commission and Parliament set to the largest (4.1), not the DEU
 * project's capability measures; {@link #read(Path, Map)} takes a user's own weights instead; then one row per issue
 * with positions {@code p<actor>} and saliences {@code s<actor>} (0–100) of the Commission, the Parliament and
 * the member states, the reference point {@code rp} and the outcome {@code out}. An actor takes part in an issue
 * when its position is given; a missing salience is taken as 50 (the scale's midpoint). Issues without any
 * position are skipped.
 */
public final class DeuReader {
    private DeuReader() {
    }

    public static List<DeuIssue> read(Path path) {
        return parse(Csv.read(path), path.toString());
    }

    /** {@link #read(Path)} with capability weights from {@code capabilities} instead of the file's row 2. */
    public static List<DeuIssue> read(Path path, Map<String, Double> capabilities) {
        return parse(Csv.read(path), path.toString(), capabilities);
    }

    /**
     * Reads capability weights, one actor a line: a header {@code actor,capability}, then the DEU III actor code
     * ({@code com}, {@code ep}, {@code de}, ...: the column names without their {@code p}) and a weight &gt;= 0.
     * Errors carry file, line and column.
     */
    public static Map<String, Double> readCapabilities(Path path) {
        String file = path.toString();
        List<String> lines = Csv.lines(Csv.read(path));
        if (lines.isEmpty() || !Csv.split(lines.get(0), ',').stream().map(f -> f.text().toLowerCase(Locale.ROOT))
                .toList().equals(List.of("actor", "capability"))) {
            throw new DataFormatException(file, 1, 1, "expected the header 'actor,capability'");
        }
        Map<String, Double> m = new LinkedHashMap<>();
        for (int li = 1; li < lines.size(); li++) {
            if (lines.get(li).isBlank()) {
                continue;
            }
            List<Csv.Field> f = Csv.split(lines.get(li), ',');
            if (f.size() != 2) {
                throw new DataFormatException(file, li + 1, 0, "expected 2 columns (actor, capability), found " + f.size());
            }
            double c = Csv.number(file, li + 1, f.get(1), "capability");
            if (!(c >= 0)) {
                throw new DataFormatException(file, li + 1, f.get(1).column(), "capability must be >= 0, was " + f.get(1).text());
            }
            m.put(f.get(0).text().toLowerCase(Locale.ROOT), c);
        }
        return m;
    }

    public static List<DeuIssue> parse(String text, String file) {
        return parse(text, file, null);
    }

    /** @param capabilities weights by actor code, or {@code null} for the file's row 2 */
    public static List<DeuIssue> parse(String text, String file, Map<String, Double> capabilities) {
        List<String> lines = Csv.lines(text);
        if (lines.size() < 2) {
            throw new DataFormatException(file, 1, 0, "DEU III needs a header row and a capability row");
        }
        List<String> header = Csv.split(lines.get(0), '\t').stream().map(Csv.Field::text).toList();
        Map<String, Integer> col = IntStream.range(0, header.size()).boxed()
                .collect(Collectors.toMap(header::get, Function.identity(), (a, b) -> a));
        for (String required : List.of("isnr", "counvte", "proc", "rp", "out", "prname")) {
            if (!col.containsKey(required)) {
                throw new DataFormatException(file, 1, 0, "DEU III header lacks column '" + required + "'");
            }
        }
        List<String> actors = new ArrayList<>();
        for (String h : header) {
            if (h.length() > 1 && h.startsWith("p") && col.containsKey("s" + h.substring(1))
                    && !List.of("prnrnmc", "prnr", "prname", "proc", "proccde").contains(h)) {
                actors.add(h.substring(1));
            }
        }
        List<Csv.Field> capRow = Csv.split(lines.get(1), '\t');
        double[] capability = new double[actors.size()];
        double maxCap = 0;
        for (int a = 0; a < actors.size(); a++) {
            if (capabilities != null) {
                Double c = capabilities.get(actors.get(a));
                if (c == null) {
                    throw new DataFormatException(file, 1, 0, "the capability weights give no weight for actor '"
                            + actors.get(a) + "' (DEU III actors: " + String.join(", ", actors) + ")");
                }
                capability[a] = c;
            } else {
                Csv.Field f = field(capRow, col.get("p" + actors.get(a)));
                capability[a] = f.text().isEmpty() ? 0 : Csv.number(file, 2, f, "capability of " + actors.get(a));
            }
            maxCap = Math.max(maxCap, capability[a]);
        }
        if (maxCap <= 0) {
            throw new DataFormatException(file, 2, 0, "capability row has no positive weight");
        }
        List<DeuIssue> issues = new ArrayList<>();
        for (int li = 2; li < lines.size(); li++) {
            if (lines.get(li).isBlank()) {
                continue;
            }
            int lineNo = li + 1;
            List<Csv.Field> f = Csv.split(lines.get(li), '\t');
            if (f.size() != header.size()) {
                throw new DataFormatException(file, lineNo, 0, "expected " + header.size() + " columns, found " + f.size());
            }
            List<String> names = new ArrayList<>();
            List<double[]> rows = new ArrayList<>();
            for (int a = 0; a < actors.size(); a++) {
                Csv.Field p = f.get(col.get("p" + actors.get(a)));
                if (p.text().isEmpty()) {
                    continue;
                }
                double x = Csv.inRange(file, lineNo, p, "position of " + actors.get(a), 0, 100);
                Csv.Field s = f.get(col.get("s" + actors.get(a)));
                double sal = s.text().isEmpty() ? 50 : Csv.inRange(file, lineNo, s, "salience of " + actors.get(a), 0, 100);
                names.add(actors.get(a));
                rows.add(new double[] {capability[a] / maxCap, x / 100, sal / 100});
            }
            String id = f.get(col.get("isnr")).text();
            if (rows.isEmpty()) {
                continue;
            }
            BargainingProblem problem = DataFormatException.check(file, lineNo,
                    () -> BargainingProblem.oneDimensional(id, names, id, rows));
            issues.add(new DeuIssue(id, f.get(col.get("prname")).text(), f.get(col.get("counvte")).text(),
                    f.get(col.get("proc")).text(), problem, optional(file, lineNo, f.get(col.get("rp")), "rp"),
                    optional(file, lineNo, f.get(col.get("out")), "out")));
        }
        return issues;
    }

    private static Csv.Field field(List<Csv.Field> row, int index) {
        return index < row.size() ? row.get(index) : new Csv.Field("", index + 1);
    }

    private static OptionalDouble optional(String file, int line, Csv.Field f, String what) {
        if (f.text().isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Csv.inRange(file, line, f, what, 0, 100));
    }
}
