package org.statecraft.io.bargaining;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.statecraft.core.DataFormatException;
import org.statecraft.core.bargaining.BargainingProblem;

/**
 * Reads DEU III ({@code deu3.tsv}; Arregui &amp; Perarnaud 2021, doi 10.34810/data53): tab-separated, quoted
 * header; row 2 holds the actors' capability weights (scaled here to a maximum of 1); then one row per issue
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

    public static List<DeuIssue> parse(String text, String file) {
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
            Csv.Field f = field(capRow, col.get("p" + actors.get(a)));
            capability[a] = f.text().isEmpty() ? 0 : Csv.number(file, 2, f, "capability of " + actors.get(a));
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
