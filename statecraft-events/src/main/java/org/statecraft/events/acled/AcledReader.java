package org.statecraft.events.acled;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.statecraft.events.Countries;
import org.statecraft.events.EventRecord;
import org.statecraft.events.EventReader;
import org.statecraft.events.MalformedRow;
import org.statecraft.events.RowHandler;
import org.statecraft.io.cameo.CameoCodebook;

/**
 * ACLED's CSV export: a header naming the columns (event_id_cnty, event_date, year, time_precision,
 * disorder_type, event_type, sub_event_type, actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2,
 * interaction, civilian_targeting, iso, region, country, admin1, admin2, admin3, location, latitude, longitude,
 * geo_precision, source, source_scale, notes, fatalities, tags, timestamp), RFC 4180 quoting (notes may span
 * lines). Columns are found by name, so their order may vary.
 *
 * <p>ACLED codes no CAMEO: {@code acled-cameo.tsv} (bundled) maps event and sub-event types to CAMEO codes.
 * An actor's country is the one its name gives ("Military Forces of Pakistan (2018-)"), else, for state forces
 * (inter code 1), the event's country; otherwise none. Dates are {@code yyyy-MM-dd} or {@code dd MMMM yyyy}.
 * The key is event_id_cnty. A malformed row is reported with the line it starts on.
 */
public final class AcledReader implements EventReader {
    private static final String[] REQUIRED = {"event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1",
        "inter1", "actor2", "inter2", "country"};
    private static final Pattern OF_COUNTRY = Pattern.compile("\\bof ([^()]+?)\\s*(\\(|$)");
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final Map<String, String> CAMEO = loadMapping();

    private final CameoCodebook gdelt = CameoCodebook.of(CameoCodebook.Scale.GDELT);
    private final CameoCodebook icews = CameoCodebook.of(CameoCodebook.Scale.ICEWS);

    @Override
    public long read(BufferedReader in, String file, RowHandler handler) throws IOException {
        long[] lineNo = {0};
        List<String> header = record(in, lineNo);
        if (header == null) {
            return 0;
        }
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.put(header.get(i).trim(), i);
        }
        for (String r : REQUIRED) {
            if (!col.containsKey(r)) {
                throw new org.statecraft.core.DataFormatException(file, 1, 0,
                        "not an ACLED header: column '" + r + "' missing");
            }
        }
        long rows = 0;
        while (true) {
            long start = lineNo[0] + 1;
            List<String> f;
            try {
                f = record(in, lineNo);
            } catch (UnclosedQuote e) {
                rows++;
                handler.malformed(new MalformedRow(file, start, "quoted field not closed before the end of the file"));
                break;
            }
            if (f == null) {
                break;
            }
            rows++;
            if (f.size() != header.size()) {
                handler.malformed(new MalformedRow(file, start, f.size() + " columns, expected " + header.size()
                        + " (as the header)"));
                continue;
            }
            String id = f.get(col.get("event_id_cnty")).trim();
            if (id.isEmpty()) {
                handler.malformed(new MalformedRow(file, start, "empty event_id_cnty"));
                continue;
            }
            LocalDate date = date(f.get(col.get("event_date")).trim());
            if (date == null) {
                handler.malformed(new MalformedRow(file, start, "event_date '" + f.get(col.get("event_date"))
                        + "' is not yyyy-MM-dd or dd Month yyyy"));
                continue;
            }
            String type = f.get(col.get("event_type")).trim();
            String sub = f.get(col.get("sub_event_type")).trim();
            String code = CAMEO.getOrDefault(type + "\t" + sub, CAMEO.get(type + "\t*"));
            if (code == null) {
                handler.malformed(new MalformedRow(file, start, "event_type '" + type + "' is not an ACLED event type"));
                continue;
            }
            String country = Countries.code(f.get(col.get("country")).trim());
            String a1 = blank(f.get(col.get("actor1")));
            String a2 = blank(f.get(col.get("actor2")));
            double gd = gdelt.goldstein(code).orElseThrow();
            double ic = icews.goldstein(code).orElse(gd);
            handler.event(new EventRecord("acled", id, date, null, a1, actorCountry(a1, f.get(col.get("inter1")), country),
                    null, null, a2, actorCountry(a2, f.get(col.get("inter2")), country), null, code,
                    CameoCodebook.quadClassOfRoot(code.substring(0, 2)), gd, ic, Double.NaN, 0, null, null));
        }
        return rows;
    }

    static String actorCountry(String actor, String inter, String eventCountry) {
        if (actor == null) {
            return null;
        }
        Matcher m = OF_COUNTRY.matcher(actor);
        while (m.find()) {
            String c = Countries.code(m.group(1));
            if (c != null) {
                return c;
            }
        }
        return inter.trim().equals("1") ? eventCountry : null;
    }

    private static String blank(String s) {
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }

    private static LocalDate date(String s) {
        try {
            return s.length() == 10 && s.charAt(4) == '-' ? LocalDate.parse(s) : LocalDate.parse(s, LONG_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static final class UnclosedQuote extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** One CSV record (possibly several physical lines), or null at the end. */
    private static List<String> record(BufferedReader in, long[] lineNo) throws IOException {
        String line = in.readLine();
        if (line == null) {
            return null;
        }
        lineNo[0]++;
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (true) {
            if (i >= line.length()) {
                if (quoted) {
                    line = in.readLine();
                    if (line == null) {
                        throw new UnclosedQuote();
                    }
                    lineNo[0]++;
                    cur.append('\n');
                    i = 0;
                    continue;
                }
                out.add(cur.toString());
                return out;
            }
            char c = line.charAt(i++);
            if (quoted) {
                if (c == '"') {
                    if (i < line.length() && line.charAt(i) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
    }

    private static Map<String, String> loadMapping() {
        Map<String, String> m = new HashMap<>();
        try (InputStream s = AcledReader.class.getResourceAsStream("/org/statecraft/events/acled/acled-cameo.tsv")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(s, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                m.put(f[0] + "\t" + f[1], f[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    /** The bundled ACLED → CAMEO mapping ({@code type \t subtype} → code), for tests and docs. */
    public static Map<String, String> mapping() {
        return Map.copyOf(CAMEO);
    }
}
