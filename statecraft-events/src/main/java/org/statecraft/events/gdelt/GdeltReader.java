package org.statecraft.events.gdelt;

import static org.statecraft.events.gdelt.GdeltColumns.A1CODE;
import static org.statecraft.events.gdelt.GdeltColumns.A1COUNTRY;
import static org.statecraft.events.gdelt.GdeltColumns.A1GROUP;
import static org.statecraft.events.gdelt.GdeltColumns.A2CODE;
import static org.statecraft.events.gdelt.GdeltColumns.A2COUNTRY;
import static org.statecraft.events.gdelt.GdeltColumns.A2GROUP;
import static org.statecraft.events.gdelt.GdeltColumns.EVENTCODE;
import static org.statecraft.events.gdelt.GdeltColumns.GOLDSTEIN;
import static org.statecraft.events.gdelt.GdeltColumns.ID;
import static org.statecraft.events.gdelt.GdeltColumns.QUADCLASS;
import static org.statecraft.events.gdelt.GdeltColumns.SQLDATE;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.statecraft.events.EventRecord;
import org.statecraft.events.EventReader;
import org.statecraft.events.EventRules;
import org.statecraft.events.MalformedRow;
import org.statecraft.events.RowHandler;
import org.statecraft.io.cameo.CameoCodebook;

/**
 * GDELT 1.0 (57 or 58 columns, mixed within one file is fine) and 2.0 (61 columns) event exports.
 *
 * <p>Tab-separated despite the {@code .CSV} name, with no quoting: lines are split on tabs only. Event codes
 * are kept as strings. Goldstein values come from the bundled GDELT and ICEWS tables ({@link CameoCodebook});
 * the file's own GoldsteinScale column is used only for a code neither table knows. A row is malformed when
 * its column count is wrong for the version, its GLOBALEVENTID is not a whole number, its SQLDATE is not a
 * real yyyyMMdd date in the years {@link EventRules} allows, its event code is not a CAMEO code ({@link EventRules}), its QuadClass is not 1–4, or no
 * Goldstein value can be had.
 *
 * <p>One pass, O(1) memory per row.
 */
public final class GdeltReader implements EventReader {

    private final boolean v2;
    private final CameoCodebook gdelt = CameoCodebook.of(CameoCodebook.Scale.GDELT);
    private final CameoCodebook icews = CameoCodebook.of(CameoCodebook.Scale.ICEWS);
    private final Map<String, double[]> goldsteinCache = new HashMap<>();

    /** @param v2 GDELT 2.0 (61 columns) rather than 1.0 (57/58) */
    public GdeltReader(boolean v2) {
        this.v2 = v2;
    }

    @Override
    public long read(BufferedReader in, String file, RowHandler handler) throws IOException {
        String source = v2 ? "gdelt2" : "gdelt1";
        int[] starts = new int[64];
        int[] ends = new int[64];
        String line;
        long lineNo = 0;
        long rows = 0;
        String lastDateText = null;
        LocalDate lastDate = null;
        while ((line = in.readLine()) != null) {
            lineNo++;
            rows++;
            int n = split(line, starts, ends);
            boolean ok = v2 ? n == 61 : n == 57 || n == 58;
            if (!ok) {
                handler.malformed(new MalformedRow(file, lineNo, n + " tab-separated columns, expected "
                        + (v2 ? "61 (GDELT 2.0)" : "57 or 58 (GDELT 1.0)")));
                continue;
            }
            String id = field(line, starts, ends, ID);
            if (id.isEmpty() || !digits(id)) {
                handler.malformed(new MalformedRow(file, lineNo, "GLOBALEVENTID '" + id + "' is not a whole number"));
                continue;
            }
            String dateText = field(line, starts, ends, SQLDATE);
            LocalDate date;
            if (dateText.equals(lastDateText)) {
                date = lastDate;
            } else {
                date = yyyymmdd(dateText);
                if (date == null) {
                    handler.malformed(new MalformedRow(file, lineNo, "SQLDATE '" + dateText + "' is not a yyyyMMdd date"));
                    continue;
                }
                lastDateText = dateText;
                lastDate = date;
            }
            String code = field(line, starts, ends, EVENTCODE);
            if (EventRules.quadClassOfCode(code) == 0) {
                handler.malformed(new MalformedRow(file, lineNo, "EventCode '" + code + "' is not a CAMEO code"));
                continue;
            }
            String quadText = field(line, starts, ends, QUADCLASS);
            int quad = quadText.length() == 1 ? quadText.charAt(0) - '0' : -1;
            if (quad < 1 || quad > 4) {
                handler.malformed(new MalformedRow(file, lineNo, "QuadClass '" + quadText + "' is not 1-4"));
                continue;
            }
            double[] g = goldstein(code, field(line, starts, ends, GOLDSTEIN));
            if (g == null) {
                handler.malformed(new MalformedRow(file, lineNo, "no Goldstein value for EventCode '" + code
                        + "' and GoldsteinScale '" + field(line, starts, ends, GOLDSTEIN) + "' is not a number"));
                continue;
            }
            long dateAdded;
            String url;
            String geoFeature;
            if (v2) {
                dateAdded = parseLongOrZero(line, starts[59], ends[59]);
                url = nullIfEmpty(field(line, starts, ends, 60));
                geoFeature = nullIfEmpty(field(line, starts, ends, 58));
            } else {
                dateAdded = parseLongOrZero(line, starts[56], ends[56]);
                url = n == 58 ? nullIfEmpty(field(line, starts, ends, 57)) : null;
                geoFeature = nullIfEmpty(field(line, starts, ends, 55));
            }
            // Actor*Name is not kept: GDELT derives it from the actor code, which is kept (see docs/events.md)
            handler.event(new EventRecord(source, id, date, nullIfEmpty(field(line, starts, ends, A1CODE)),
                    null, nullIfEmpty(field(line, starts, ends, A1COUNTRY)),
                    nullIfEmpty(field(line, starts, ends, A1GROUP)), nullIfEmpty(field(line, starts, ends, A2CODE)),
                    null, nullIfEmpty(field(line, starts, ends, A2COUNTRY)),
                    nullIfEmpty(field(line, starts, ends, A2GROUP)), code, quad, g[0], g[1],
                    own(field(line, starts, ends, GOLDSTEIN)), dateAdded, url, geoFeature));
        }
        return rows;
    }

    /** The file's own value if it is a number in [-10, 10], else NaN. */
    static double own(String text) {
        try {
            double v = Double.parseDouble(text);
            return v >= -10 && v <= 10 ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private double[] goldstein(String code, String fileValue) {
        double[] cached = goldsteinCache.get(code);
        if (cached != null) {
            return cached;
        }
        Double gd = gdelt.goldstein(code).orElse(null);
        Double ic = icews.goldstein(code).orElse(null);
        if (gd == null || ic == null) {
            Double own;
            try {
                own = Double.parseDouble(fileValue);
            } catch (NumberFormatException e) {
                own = null;
            }
            if (own == null || !(own >= -10 && own <= 10)) {
                return null;
            }
            // not cached: the file's own value may differ between rows
            return new double[] {gd != null ? gd : own, ic != null ? ic : gd != null ? gd : own};
        }
        double[] v = {gd, ic};
        goldsteinCache.put(code, v);
        return v;
    }

    /** Splits on tabs: field i is line[starts[i], ends[i]). Returns the field count (up to the arrays' size + 1). */
    static int split(String line, int[] starts, int[] ends) {
        int n = 0;
        int start = 0;
        int len = line.length();
        for (int i = 0; i < len; i++) {
            if (line.charAt(i) == '\t') {
                if (n < starts.length) {
                    starts[n] = start;
                    ends[n] = i;
                }
                n++;
                start = i + 1;
            }
        }
        if (n < starts.length) {
            starts[n] = start;
            ends[n] = len;
        }
        return n + 1;
    }

    private static String field(String line, int[] starts, int[] ends, int i) {
        return line.substring(starts[i], ends[i]);
    }

    private static String nullIfEmpty(String s) {
        return s.isEmpty() ? null : s;
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return s.length() <= 18;
    }

    private static long parseLongOrZero(String line, int from, int to) {
        long v = 0;
        if (to - from > 18 || to == from) {
            return 0;
        }
        for (int i = from; i < to; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** A yyyyMMdd date, or null. */
    static LocalDate yyyymmdd(String s) {
        if (s.length() != 8 || !digits(s)) {
            return null;
        }
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(s, 0, 4, 10), Integer.parseInt(s, 4, 6, 10),
                    Integer.parseInt(s, 6, 8, 10));
            return EventRules.plausible(d) ? d : null;
        } catch (DateTimeException e) {
            return null;
        }
    }
}
