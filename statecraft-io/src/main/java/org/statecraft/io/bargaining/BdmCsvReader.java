package org.statecraft.io.bargaining;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.statecraft.core.DataFormatException;
import org.statecraft.core.bargaining.BargainingProblem;

/**
 * Reads the one-issue CSV layout of the Bueno de Mesquita examples ({@code shared/data/bdm/}): a header
 * {@code Actor|Stakeholder, Capability|Resources, Position, Salience}, then one line per actor. Lines may end in
 * LF, CRLF or a lone CR. Saliences are on [0, 1], or on [0, 100] when any exceeds 1 (then divided by 100).
 * Positions are in the issue's own units: when all lie in [0, 100] the scale is 0–100, otherwise the scale is
 * the range of the positions (e.g. USD per barrel). Errors carry file, line and column.
 */
public final class BdmCsvReader {
    private BdmCsvReader() {
    }

    /** True when the first line looks like a BdM header. */
    public static boolean looksLikeBdm(String firstLine) {
        List<Csv.Field> f = Csv.trimTrailingEmpty(Csv.split(firstLine, ','));
        return f.size() == 4 && f.get(2).text().equalsIgnoreCase("position") && f.get(3).text().equalsIgnoreCase("salience");
    }

    public static BargainingProblem read(Path path) {
        return parse(Csv.read(path), path.toString());
    }

    public static BargainingProblem parse(String text, String file) {
        List<String> lines = Csv.lines(text);
        if (lines.isEmpty() || !looksLikeBdm(lines.get(0))) {
            throw new DataFormatException(file, 1, 1, "expected the header 'Actor,Capability,Position,Salience'");
        }
        List<String> names = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<Integer> lineNos = new ArrayList<>();
        for (int li = 1; li < lines.size(); li++) {
            if (lines.get(li).isBlank()) {
                continue;
            }
            int lineNo = li + 1;
            List<Csv.Field> f = Csv.trimTrailingEmpty(Csv.split(lines.get(li), ','));
            if (f.size() != 4) {
                throw new DataFormatException(file, lineNo, 0,
                        "expected 4 columns (actor, capability, position, salience), found " + f.size());
            }
            if (f.get(0).text().isEmpty()) {
                throw new DataFormatException(file, lineNo, 1, "actor name is empty");
            }
            double c = Csv.number(file, lineNo, f.get(1), "capability");
            if (c < 0) {
                throw new DataFormatException(file, lineNo, f.get(1).column(), "capability must be >= 0, was " + f.get(1).text());
            }
            double x = Csv.number(file, lineNo, f.get(2), "position");
            double s = Csv.inRange(file, lineNo, f.get(3), "salience", 0, 100);
            names.add(f.get(0).text());
            rows.add(new double[] {c, x, s});
            lineNos.add(lineNo);
        }
        if (rows.isEmpty()) {
            throw new DataFormatException(file, lines.size(), 0, "no actor lines");
        }
        boolean percent = rows.stream().anyMatch(r -> r[2] > 1);
        double lo = rows.stream().mapToDouble(r -> r[1]).min().orElseThrow();
        double hi = rows.stream().mapToDouble(r -> r[1]).max().orElseThrow();
        double min = 0;
        double max = 100;
        if (lo < 0 || hi > 100) {
            min = lo;
            max = hi;
        }
        List<double[]> scaled = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            double[] r = rows.get(i);
            double s = percent ? r[2] / 100 : r[2];
            if (!percent && s > 1) {
                throw new DataFormatException(file, lineNos.get(i), 4, "salience must be in [0, 1], was " + r[2]);
            }
            scaled.add(new double[] {r[0], (r[1] - min) / (max - min), s});
        }
        String name = Path.of(file).getFileName().toString().replaceFirst("\\.[^.]*$", "");
        double rangeMin = min;
        double rangeMax = max;
        return DataFormatException.check(file, 0, () -> BargainingProblem.oneDimensional(name, names, "issue", scaled,
                rangeMin, rangeMax));
    }
}
