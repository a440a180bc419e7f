package org.statecraft.events;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Country names (as ICEWS and ACLED write them) to CAMEO country codes. CAMEO country codes are ISO 3166
 * alpha-3 codes for nearly every state, so names are mapped through the JDK's ISO 3166 table (English names),
 * plus the spellings the data sets use that differ from it and the codes where CAMEO departs from ISO
 * (listed below). Unknown names map to null: such an actor matches no dyad side.
 */
public final class Countries {
    private static final Map<String, String> BY_NAME = new HashMap<>();

    static {
        for (String cc : Locale.getISOCountries()) {
            Locale l = new Locale("", cc);
            BY_NAME.put(norm(l.getDisplayCountry(Locale.ENGLISH)), l.getISO3Country());
        }
        String[][] extra = {
            {"United States", "USA"}, {"United States of America", "USA"}, {"Russia", "RUS"},
            {"Russian Federation", "RUS"}, {"North Korea", "PRK"}, {"South Korea", "KOR"},
            {"Korea, Republic of", "KOR"}, {"Korea, Democratic People's Republic of", "PRK"}, {"Iran", "IRN"},
            {"Iran, Islamic Republic of", "IRN"}, {"Syria", "SYR"}, {"Syrian Arab Republic", "SYR"},
            {"Occupied Palestinian Territory", "PSE"}, {"Palestine", "PSE"}, {"Palestinian Territory", "PSE"},
            {"Taiwan", "TWN"}, {"Vietnam", "VNM"}, {"Viet Nam", "VNM"}, {"Laos", "LAO"},
            {"Lao People's Democratic Republic", "LAO"}, {"Bolivia", "BOL"}, {"Venezuela", "VEN"},
            {"Tanzania", "TZA"}, {"Tanzania, United Republic of", "TZA"}, {"Moldova", "MDA"},
            {"Moldova, Republic of", "MDA"}, {"Macedonia", "MKD"}, {"North Macedonia", "MKD"},
            {"Congo, The Democratic Republic of the", "COD"}, {"Democratic Republic of Congo", "COD"},
            {"Democratic Republic of the Congo", "COD"}, {"Congo", "COG"}, {"Republic of Congo", "COG"},
            {"Ivory Coast", "CIV"}, {"Cote d'Ivoire", "CIV"}, {"Côte d'Ivoire", "CIV"}, {"Czech Republic", "CZE"},
            {"Czechia", "CZE"}, {"Myanmar", "MMR"}, {"Burma", "MMR"}, {"Brunei", "BRN"},
            {"Brunei Darussalam", "BRN"}, {"Libya", "LBY"}, {"Libyan Arab Jamahiriya", "LBY"},
            {"East Timor", "TLS"}, {"Timor-Leste", "TLS"}, {"Swaziland", "SWZ"}, {"eSwatini", "SWZ"},
            {"Cape Verde", "CPV"}, {"Micronesia", "FSM"}, {"Vatican City", "VAT"}, {"Holy See", "VAT"},
            {"Turkey", "TUR"}, {"Türkiye", "TUR"}, {"Bosnia and Herzegovina", "BIH"}, {"Serbia", "SRB"},
            {"Kosovo", "KSV"}, {"Romania", "ROM"}, {"United Kingdom", "GBR"}, {"Hong Kong", "HKG"},
            {"Macau", "MAC"}, {"Macao", "MAC"}, {"Sao Tome and Principe", "STP"}, {"Saint Kitts and Nevis", "KNA"},
            {"Saint Lucia", "LCA"}, {"Saint Vincent and the Grenadines", "VCT"}, {"Gambia", "GMB"},
            {"The Gambia", "GMB"}, {"Bahamas", "BHS"}, {"The Bahamas", "BHS"}, {"Netherlands", "NLD"},
            {"The Netherlands", "NLD"}, {"Curacao", "CUW"},
            // ICEWS writes ISO 3166's older long names
            {"former Yugoslav Republic of Macedonia", "MKD"}, {"Macedonia, the former Yugoslav Republic of", "MKD"},
            {"Bolivia, Plurinational State of", "BOL"}, {"Venezuela, Bolivarian Republic of", "VEN"},
            {"Micronesia, Federated States of", "FSM"}, {"Taiwan, Province of China", "TWN"},
            {"Palestine, State of", "PSE"}, {"Republic of Macedonia", "MKD"},
        };
        for (String[] e : extra) {
            BY_NAME.put(norm(e[0]), e[1]);
        }
    }

    private Countries() {
    }

    /**
     * The CAMEO country code of a country name, or null (also for null, empty and R's "NA"). A leading article
     * ("the United States", "the former Yugoslav Republic of Macedonia") is dropped when the name with it is unknown.
     */
    public static String code(String name) {
        if (name == null || name.isEmpty() || name.equals("NA")) {
            return null;
        }
        String n = norm(name);
        String c = BY_NAME.get(n);
        if (c == null && n.startsWith("the ")) {
            c = BY_NAME.get(n.substring(4).trim());
        }
        return c;
    }

    private static String norm(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }
}
