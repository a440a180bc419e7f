package org.statecraft.bench.events;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.statecraft.io.cameo.CameoCodebook;

/**
 * Writes a synthetic GDELT 2.0 export (61 tab-separated columns) for benchmarks: seeded, with CAMEO codes and
 * Goldstein values from the bundled codebook (verbal codes more frequent, as in GDELT), actors drawn from a
 * weighted list of countries with roles and the Taliban (AFGINSTAL), GDELT-like geography and URLs.
 *
 * <p>Usage: {@code SyntheticGdelt OUT ROWS [SEED]}.
 */
public final class SyntheticGdelt {
    private static final String[] COUNTRIES = {"USA", "USA", "USA", "PAK", "PAK", "AFG", "AFG", "IND", "IND", "CHN",
        "RUS", "GBR", "IRN", "ISR", "PSE", "UKR", "FRA", "DEU", "JPN", "TUR", "SAU", "NGA", "BRA", "MEX", "CAN",
        "AUS", "EGY", "SYR", "IRQ", "KOR", "PRK", "ZAF"};
    private static final String[] FIPS = {"US", "US", "US", "PK", "PK", "AF", "AF", "IN", "IN", "CH", "RS", "UK",
        "IR", "IS", "WE", "UP", "FR", "GM", "JA", "TU", "SA", "NI", "BR", "MX", "CA", "AS", "EG", "SY", "IZ", "KS",
        "KN", "SF"};
    private static final String[] ROLES = {"GOV", "MIL", "COP", "BUS", "MED", "CVL", "JUD", "LEG", "OPP", "REB"};

    private SyntheticGdelt() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        long rows = Long.parseLong(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        write(out, rows, seed);
    }

    public static void write(Path out, long rows, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<CameoCodebook.Code> codes = CameoCodebook.gdelt().all().stream()
                .filter(c -> c.code().length() >= 3).toList();
        // verbal cooperation dominates GDELT: weight codes by root (roots 01-05 x6, 06-09 x2, 10-14 x2, 15-20 x1)
        int[] weights = codes.stream().mapToInt(c -> switch (c.quadClass()) {
            case 1 -> 6;
            case 2, 3 -> 2;
            default -> 1;
        }).toArray();
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int[] cumulative = new int[weights.length];
        int acc = 0;
        for (int i = 0; i < weights.length; i++) {
            acc += weights[i];
            cumulative[i] = acc;
        }
        LocalDate start = LocalDate.of(2023, 1, 1);
        DateTimeFormatter ymd = DateTimeFormatter.BASIC_ISO_DATE;
        long id = 1_000_000_000L;
        StringBuilder sb = new StringBuilder(1024);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (long r = 0; r < rows; r++) {
                sb.setLength(0);
                LocalDate d = start.plusDays(r * 365 / rows);
                String day = d.format(ymd);
                int pick = rnd.nextInt(total);
                int ci = Arrays.binarySearch(cumulative, pick + 1);
                CameoCodebook.Code code = codes.get(ci >= 0 ? ci : -ci - 1);
                sb.append(id++).append('\t').append(day).append('\t').append(day, 0, 6).append('\t')
                        .append(day, 0, 4).append('\t')
                        .append(String.format(Locale.ROOT, "%.4f", d.getYear() + d.getDayOfYear() / 365.0)).append('\t');
                int c1 = actor(sb, rnd);
                int c2 = actor(sb, rnd);
                sb.append(rnd.nextInt(2)).append('\t').append(code.code()).append('\t')
                        .append(code.code(), 0, 3).append('\t').append(code.rootCode()).append('\t')
                        .append(code.quadClass()).append('\t').append(code.goldstein()).append('\t');
                int mentions = 1 + rnd.nextInt(20);
                sb.append(mentions).append('\t').append(1 + rnd.nextInt(mentions)).append('\t').append(mentions)
                        .append('\t').append(String.format(Locale.ROOT, "%.6f", rnd.nextDouble() * 20 - 10)).append('\t');
                geo(sb, rnd, c1);
                geo(sb, rnd, c2);
                geo(sb, rnd, c1 >= 0 ? c1 : c2);
                sb.append(day).append(String.format(Locale.ROOT, "%02d%02d00", rnd.nextInt(24), rnd.nextInt(4) * 15)).append('\t')
                        .append("https://www.example-news.com/").append(d.getYear()).append('/')
                        .append(d.getMonthValue()).append('/').append(d.getDayOfMonth()).append("/story-")
                        .append(rnd.nextInt(1_000_000)).append(".html\n");
                w.append(sb);
            }
        }
    }

    /** Appends the ten actor columns; returns the country index or -1 for an actor without a country. */
    private static int actor(StringBuilder sb, SplittableRandom rnd) {
        if (rnd.nextInt(10) < 2) {
            sb.append("\t\t\t\t\t\t\t\t\t\t");
            return -1;
        }
        int c = rnd.nextInt(COUNTRIES.length);
        String country = COUNTRIES[c];
        boolean taliban = country.equals("AFG") && rnd.nextInt(3) == 0;
        String role = taliban ? "INS" : ROLES[rnd.nextInt(ROLES.length)];
        String group = taliban ? "TAL" : "";
        sb.append(country).append(role).append(group).append('\t').append(taliban ? "TALIBAN" : country + " " + role)
                .append('\t').append(country).append('\t').append(group).append("\t\t\t\t").append(role)
                .append("\t\t\t");
        return c;
    }

    /** Appends the eight geography columns of GDELT 2.0 (type, name, country, ADM1, ADM2, lat, long, feature). */
    private static void geo(StringBuilder sb, SplittableRandom rnd, int c) {
        if (c < 0) {
            sb.append("0\t\t\t\t\t\t\t\t");
            return;
        }
        String fips = FIPS[c];
        int adm = 1 + rnd.nextInt(20);
        sb.append(rnd.nextBoolean() ? 1 : 4).append('\t').append("Place ").append(adm).append(", ").append(COUNTRIES[c])
                .append('\t').append(fips).append('\t').append(fips).append(String.format(Locale.ROOT, "%02d", adm)).append('\t')
                .append(rnd.nextInt(100000)).append('\t').append(String.format(Locale.ROOT, "%.4f", rnd.nextDouble() * 120 - 60))
                .append('\t').append(String.format(Locale.ROOT, "%.4f", rnd.nextDouble() * 360 - 180)).append('\t')
                .append(-rnd.nextInt(3_000_000)).append('\t');
    }
}
