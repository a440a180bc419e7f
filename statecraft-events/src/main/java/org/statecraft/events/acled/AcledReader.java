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
import org.statecraft.core.DataFormatException;
import org.statecraft.events.Countries;
import org.statecraft.events.EventRecord;
import org.statecraft.events.EventReader;
import org.statecraft.events.EventRules;
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
    private static final Pattern OF_COUNTRY = Pattern.compile("\\bof (?:the )?([^()]+?)\\s*(\\(|$)",
            Pattern.CASE_INSENSITIVE);
    /** An ACLED event id: the country's ISO letters and a number (PAK1234), as event_id_cnty holds it. */
    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z]{2,4}\\d+");
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final Map<String, String> CAMEO = loadMapping();

    private final CameoCodebook gdelt = CameoCodebook.of(CameoCodebook.Scale.GDELT);
    private final CameoCodebook icews = CameoCodebook.of(CameoCodebook.Scale.ICEWS);

    @Override
    public long read(BufferedReader in, String file, RowHandler handler) throws IOException {
        CsvRecords records = new CsvRecords(in);
        CsvRecords.Rec first = records.next();
        if (first == null) {
            return 0;
        }
        if (first.fields() == null) {
            throw new DataFormatException(file, 1, 0, "not an ACLED header: " + first.error());
        }
        List<String> header = new ArrayList<>(first.fields());
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.put(header.get(i).trim(), i);
        }
        for (String r : REQUIRED) {
            if (!col.containsKey(r)) {
                throw new DataFormatException(file, 1, 0, "not an ACLED header: column '" + r + "' missing");
            }
        }
        int idCol = col.get("event_id_cnty");
        records.recordStart(line -> {
            List<String> f = CsvRecords.wholeLine(line);
            return f != null && f.size() == header.size() && EVENT_ID.matcher(f.get(idCol).trim()).matches();
        });
        long rows = 0;
        CsvRecords.Rec rec;
        while ((rec = records.next()) != null) {
            rows++;
            long start = rec.line();
            List<String> f = rec.fields();
            if (f == null) {
                handler.malformed(new MalformedRow(file, start, rec.error()));
                continue;
            }
            if (f.size() != header.size()) {
                handler.malformed(new MalformedRow(file, start, f.size() + " columns, expected " + header.size()
                        + " (as the header)"));
                continue;
            }
            String id = f.get(idCol).trim();
            if (id.isEmpty()) {
                handler.malformed(new MalformedRow(file, start, "empty event_id_cnty"));
                continue;
            }
            LocalDate date = date(f.get(col.get("event_date")).trim());
            if (date == null) {
                handler.malformed(new MalformedRow(file, start, "event_date '" + f.get(col.get("event_date"))
                        + "' is not yyyy-MM-dd or dd Month yyyy in " + EventRules.FIRST_YEAR + "-" + EventRules.LAST_YEAR));
                continue;
            }
            String type = f.get(col.get("event_type")).trim();
            String sub = f.get(col.get("sub_event_type")).trim();
            String code = cameo(type, sub);
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

    /** The CAMEO code of an ACLED event type and sub-event type, either spelling (case does not matter), or null. */
    static String cameo(String type, String sub) {
        String t = type.toLowerCase(Locale.ROOT);
        String code = CAMEO.get(t + "\t" + sub.toLowerCase(Locale.ROOT));
        return code != null ? code : CAMEO.get(t + "\t*");
    }

    /**
     * The country an actor belongs to: the one its name gives after "of" ("Military Forces of Pakistan (2018-)",
     * "Military Forces of the United States (2021-)": an article before the name is dropped); else, for state forces
     * (inter code 1, or the text "State forces" of newer exports), the event's country; else none.
     */
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
        return stateForces(inter) ? eventCountry : null;
    }

    /** ACLED's inter code 1 (state forces), written as a number ("1", "1.0") or as text ("State forces"). */
    static boolean stateForces(String inter) {
        String t = inter == null ? "" : inter.trim();
        if (t.equalsIgnoreCase("state forces")) {
            return true;
        }
        try {
            return Double.parseDouble(t) == 1.0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String blank(String s) {
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }

    private static LocalDate date(String s) {
        try {
            LocalDate d = s.length() == 10 && s.charAt(4) == '-' ? LocalDate.parse(s) : LocalDate.parse(s, LONG_DATE);
            return EventRules.plausible(d) ? d : null;
        } catch (DateTimeParseException e) {
            return null;
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
                m.put(f[0].toLowerCase(Locale.ROOT) + "\t" + f[1].toLowerCase(Locale.ROOT), f[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    /** The bundled ACLED → CAMEO mapping ({@code type \t subtype} → code, lower case), for tests and docs. */
    public static Map<String, String> mapping() {
        return Map.copyOf(CAMEO);
    }
}
