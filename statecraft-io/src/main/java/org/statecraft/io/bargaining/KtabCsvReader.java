package org.statecraft.io.bargaining;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.statecraft.core.DataFormatException;
import org.statecraft.core.bargaining.BargainingProblem;

/**
 * Reads KTAB's SMP CSV scenario: line 1 {@code name, description, numActors, numDims}; line 2 headers
 * ({@code ..., <dim> Position, <dim> Salience, ...}, used for the dimension names); then one line per actor
 * {@code name, description, capability, pos1, sal1, pos2, sal2, ...}. Positions and saliences on [0, 100],
 * an actor's saliences summing to at most 100, capability in [0, 1e8], names of at most 25 characters; a
 * trailing comma is allowed. Every violation is a {@link DataFormatException} with file, line and column.
 */
public final class KtabCsvReader {
    private KtabCsvReader() {
    }

    public static BargainingProblem read(Path path) {
        return parse(Csv.read(path), path.toString());
    }

    public static BargainingProblem parse(String text, String file) {
        List<String> lines = Csv.lines(text);
        if (lines.size() < 2) {
            throw new DataFormatException(file, Math.max(1, lines.size()), 0,
                    "a KTAB CSV needs a scenario line, a header line and actor lines");
        }
        List<Csv.Field> head = Csv.split(lines.get(0), ',');
        if (head.size() < 4) {
            throw new DataFormatException(file, 1, 0, "expected 'name, description, numActors, numDims', found "
                    + head.size() + " fields");
        }
        String name = head.get(0).text();
        int numActors = integer(file, 1, head.get(2), "numActors");
        int numDims = integer(file, 1, head.get(3), "numDims");
        if (numActors < 1) {
            throw new DataFormatException(file, 1, head.get(2).column(), "numActors must be >= 1, was " + numActors);
        }
        if (numDims < 1) {
            throw new DataFormatException(file, 1, head.get(3).column(), "numDims must be >= 1, was " + numDims);
        }
        List<Csv.Field> header = Csv.trimTrailingEmpty(Csv.split(lines.get(1), ','));
        List<String> dims = new ArrayList<>();
        for (int d = 0; d < numDims; d++) {
            int col = 3 + 2 * d;
            String h = col < header.size() ? header.get(col).text() : "";
            h = h.replaceFirst("(?i)\\s*position$", "").trim();
            dims.add(h.isEmpty() ? "dim" + d : h);
        }
        int expected = 3 + 2 * numDims;
        List<String> actors = new ArrayList<>();
        double[] cap = new double[numActors];
        double[][] pos = new double[numActors][numDims];
        double[][] sal = new double[numActors][numDims];
        int a = 0;
        for (int li = 2; li < lines.size(); li++) {
            int lineNo = li + 1;
            if (lines.get(li).isBlank()) {
                continue;
            }
            List<Csv.Field> f = Csv.trimTrailingEmpty(Csv.split(lines.get(li), ','));
            if (f.size() != expected) {
                throw new DataFormatException(file, lineNo, 0, "expected " + expected
                        + " columns (name, description, capability, then position and salience for each of " + numDims
                        + " dimensions), found " + f.size());
            }
            if (a >= numActors) {
                throw new DataFormatException(file, lineNo, 1, "more actor lines than numActors = " + numActors);
            }
            String actor = f.get(0).text();
            if (actor.isEmpty() || actor.length() > 25) {
                throw new DataFormatException(file, lineNo, 1, "actor name must have 1 to 25 characters, was '" + actor + "'");
            }
            actors.add(actor);
            cap[a] = Csv.inRange(file, lineNo, f.get(2), "capability", 0, 1e8);
            double sum = 0;
            for (int d = 0; d < numDims; d++) {
                pos[a][d] = Csv.inRange(file, lineNo, f.get(3 + 2 * d), "position", 0, 100) / 100.0;
                double s = Csv.inRange(file, lineNo, f.get(4 + 2 * d), "salience", 0, 100);
                sal[a][d] = s / 100.0;
                sum += s;
            }
            if (sum > 100 + 1e-6) {
                throw new DataFormatException(file, lineNo, f.get(4).column(),
                        "saliences of " + actor + " sum to " + sum + ", more than 100");
            }
            a++;
        }
        if (a != numActors) {
            throw new DataFormatException(file, lines.size(), 0, "numActors says " + numActors + " but found " + a
                    + " actor lines");
        }
        return DataFormatException.check(file, 0, () -> new BargainingProblem(name, actors, dims, cap, pos,
                normalise(sal)));
    }

    /** Guards the ≤ 1 check against rounding of a sum of exactly 100. */
    static double[][] normalise(double[][] sal) {
        for (double[] row : sal) {
            double s = 0;
            for (double v : row) {
                s += v;
            }
            if (s > 1) {
                for (int d = 0; d < row.length; d++) {
                    row[d] /= s;
                }
            }
        }
        return sal;
    }

    static int integer(String file, int line, Csv.Field f, String what) {
        try {
            return Integer.parseInt(f.text());
        } catch (NumberFormatException e) {
            throw new DataFormatException(file, line, f.column(), what + " must be an integer, was '" + f.text() + "'");
        }
    }
}
