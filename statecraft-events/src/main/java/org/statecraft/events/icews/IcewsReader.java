package org.statecraft.events.icews;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.statecraft.events.Countries;
import org.statecraft.events.EventRecord;
import org.statecraft.events.EventReader;
import org.statecraft.events.EventRules;
import org.statecraft.events.MalformedRow;
import org.statecraft.events.RowHandler;
import org.statecraft.io.cameo.CameoCodebook;

/**
 * ICEWS coded event data, the Dataverse layout: 20 tab-separated columns with a header (Event ID, Event Date,
 * Source Name, Source Sectors, Source Country, Event Text, CAMEO Code, Intensity, Target Name, Target Sectors,
 * Target Country, Story ID, Sentence Number, Publisher, City, District, Province, Country, Latitude, Longitude).
 *
 * <p>{@code Event ID} alone is not unique in ICEWS; the key is {@code ID|date}. Countries are names, mapped to
 * CAMEO codes by {@link Countries}; "NA" is missing. ICEWS has no known-group codes. Goldstein values come from
 * the bundled tables; ICEWS's own Intensity column is used only for a code neither table knows.
 */
public final class IcewsReader implements EventReader {
    private static final int COLUMNS = 20;
    private final CameoCodebook gdelt = CameoCodebook.of(CameoCodebook.Scale.GDELT);
    private final CameoCodebook icews = CameoCodebook.of(CameoCodebook.Scale.ICEWS);

    @Override
    public long read(BufferedReader in, String file, RowHandler handler) throws IOException {
        String line;
        long lineNo = 0;
        long rows = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && (line.startsWith("Event ID\t") || line.startsWith("\uFEFFEvent ID\t"))) {
                continue;
            }
            rows++;
            String[] f = line.split("\t", -1);
            if (f.length != COLUMNS) {
                handler.malformed(new MalformedRow(file, lineNo, f.length + " tab-separated columns, expected 20 (ICEWS)"));
                continue;
            }
            String id = f[0].trim();
            if (id.isEmpty()) {
                handler.malformed(new MalformedRow(file, lineNo, "empty Event ID"));
                continue;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(f[1].trim());
                if (!EventRules.plausible(date)) {
                    throw new DateTimeParseException("year out of range", f[1], 0);
                }
            } catch (DateTimeParseException e) {
                handler.malformed(new MalformedRow(file, lineNo, "Event Date '" + f[1] + "' is not a yyyy-MM-dd date in "
                        + EventRules.FIRST_YEAR + "-" + EventRules.LAST_YEAR));
                continue;
            }
            String code = f[6].trim();
            int quad = EventRules.quadClassOfCode(code);
            if (quad == 0 || code.length() < 3) {
                handler.malformed(new MalformedRow(file, lineNo, "CAMEO Code '" + code + "' is not a CAMEO code"));
                continue;
            }
            Double gd = gdelt.goldstein(code).orElse(null);
            Double ic = icews.goldstein(code).orElse(null);
            if (gd == null || ic == null) {
                Double own = parse(f[7]);
                if (own == null) {
                    handler.malformed(new MalformedRow(file, lineNo, "no Goldstein value for CAMEO Code '" + code
                            + "' and Intensity '" + f[7] + "' is not a number in [-10, 10]"));
                    continue;
                }
                gd = gd != null ? gd : ic != null ? ic : own;
                ic = ic != null ? ic : gd;
            }
            handler.event(new EventRecord("icews", id + "|" + date, date, null, na(f[2]), Countries.code(f[4].trim()),
                    null, null, na(f[8]), Countries.code(f[10].trim()), null, code, quad, gd, ic,
                    parse(f[7]) == null ? Double.NaN : parse(f[7]), 0, null, null));
        }
        return rows;
    }

    private static Double parse(String s) {
        try {
            double v = Double.parseDouble(s.trim());
            return v >= -10 && v <= 10 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String na(String s) {
        String t = s.trim();
        return t.isEmpty() || t.equals("NA") ? null : t;
    }
}
