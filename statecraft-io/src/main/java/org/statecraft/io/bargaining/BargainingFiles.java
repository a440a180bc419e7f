package org.statecraft.io.bargaining;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.statecraft.core.DataFormatException;
import org.statecraft.core.bargaining.BargainingProblem;

/**
 * Recognises a bargaining input by extension and content: {@code .xml} → KTAB XML; {@code .csv} whose first line
 * is {@code Actor,Capability,Position,Salience} (or {@code Stakeholder,Resources,...}) → BdM; other {@code .csv}
 * → KTAB CSV; {@code .tsv} → DEU III (not a single problem).
 */
public final class BargainingFiles {
    private BargainingFiles() {
    }

    /** The recognised kinds of file. */
    public enum Kind { KTAB_CSV, KTAB_XML, BDM_CSV, DEU_TSV, UNKNOWN }

    public static Kind kind(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xml")) {
            return Kind.KTAB_XML;
        }
        if (name.endsWith(".tsv")) {
            return Kind.DEU_TSV;
        }
        if (name.endsWith(".csv")) {
            List<String> lines = Csv.lines(Csv.read(path));
            return !lines.isEmpty() && BdmCsvReader.looksLikeBdm(lines.get(0)) ? Kind.BDM_CSV : Kind.KTAB_CSV;
        }
        return Kind.UNKNOWN;
    }

    /** Reads a KTAB CSV or BdM CSV problem (for XML use {@link KtabXmlReader}, which also gives its parameters). */
    public static BargainingProblem readCsv(Path path) {
        return switch (kind(path)) {
            case BDM_CSV -> BdmCsvReader.read(path);
            case KTAB_CSV -> KtabCsvReader.read(path);
            default -> throw new DataFormatException(path.toString(), 0, 0, "not a KTAB or BdM CSV file");
        };
    }
}
