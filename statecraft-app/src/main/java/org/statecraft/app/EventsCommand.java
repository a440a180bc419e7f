package org.statecraft.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.statecraft.core.StatecraftException;
import org.statecraft.core.UsageException;
import org.statecraft.core.tension.ActorSpec;
import org.statecraft.core.tension.BayesianChangePoint;
import org.statecraft.core.tension.ChangePoint;
import org.statecraft.core.tension.CusumDetector;
import org.statecraft.core.tension.Dyad;
import org.statecraft.core.tension.Period;
import org.statecraft.core.tension.TensionIndex;
import org.statecraft.core.tension.TensionPoint;
import org.statecraft.events.EventFormat;
import org.statecraft.events.MalformedRow;
import org.statecraft.events.fetch.GdeltFetcher;
import org.statecraft.events.store.EventStore;
import org.statecraft.events.store.IngestOptions;
import org.statecraft.events.store.IngestResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code statecraft events}: ingest, fetch, tension and changes over the event store. See docs/events.md. */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Event data (GDELT, ICEWS, ACLED): ingest into a DuckDB store, fetch GDELT, tension index, changes.",
        subcommands = {EventsCommand.Ingest.class, EventsCommand.Fetch.class, EventsCommand.Tension.class,
            EventsCommand.Changes.class})
public final class EventsCommand implements Runnable {
    /** Where the store lives unless {@code --store} says otherwise. */
    public static final String DEFAULT_STORE = ".statecraft/events";
    /** How many malformed rows per file are printed (all are kept in the store). */
    static final int MALFORMED_PRINTED = 20;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The {@code --store} option. */
    static final class StoreOption {
        @Option(names = "--store", paramLabel = "DIR", description = "event store folder (default: ${DEFAULT-VALUE})",
                defaultValue = DEFAULT_STORE)
        Path store;
    }

    /** Options that pick a series: dyad, direction, period, range, aliases, Goldstein scale. */
    static final class SeriesOptions {
        @Mixin
        StoreOption store;

        @Option(names = "--dyad", required = true, paramLabel = "A:B",
                description = "the two sides: CAMEO country codes (PAK:AFG), CTRY/GROUP (AFG/TAL) or alias names")
        String dyad;

        @Option(names = "--directed", description = "only events from A to B (default: both ways)")
        boolean directed;

        @Option(names = "--by", defaultValue = "day", paramLabel = "day|week|month",
                description = "period length (default: ${DEFAULT-VALUE}); weeks start on Monday")
        String by;

        @Option(names = "--from", paramLabel = "yyyy-MM-dd", description = "first day", converter = IsoDate.class)
        LocalDate from;

        @Option(names = "--to", paramLabel = "yyyy-MM-dd", description = "last day", converter = IsoDate.class)
        LocalDate to;

        @Option(names = "--alias", paramLabel = "NAME=CTRY[/GROUP]",
                description = "a name for a side, e.g. taliban=AFG/TAL (repeatable)")
        List<String> aliases = new ArrayList<>();

        @Option(names = "--scenario", paramLabel = "FILE",
                description = "take aliases from a scenario's actors (their `cameo` codes), e.g. --dyad pakistan:taliban")
        java.nio.file.Path scenario;

        @Option(names = "--scale", defaultValue = "gdelt", paramLabel = "gdelt|icews",
                description = "Goldstein values: GDELT's (default) or ICEWS's")
        String scale;

        Period period() {
            return switch (by.toLowerCase(Locale.ROOT)) {
                case "day" -> Period.DAY;
                case "week" -> Period.WEEK;
                case "month" -> Period.MONTH;
                default -> throw new UsageException("--by must be day, week or month, was '" + by + "'");
            };
        }

        boolean icews() {
            return switch (scale.toLowerCase(Locale.ROOT)) {
                case "gdelt" -> false;
                case "icews" -> true;
                default -> throw new UsageException("--scale must be gdelt or icews, was '" + scale + "'");
            };
        }

        Map<String, ActorSpec> aliasMap() {
            Map<String, ActorSpec> m = new LinkedHashMap<>();
            if (scenario != null) {
                for (org.statecraft.core.scenario.Actor actor
                        : org.statecraft.io.scenario.ScenarioReader.read(scenario).actors()) {
                    if (actor.cameo() != null) {
                        m.put(actor.id().toLowerCase(Locale.ROOT), ActorSpec.parse(actor.cameo()));
                    }
                }
            }
            for (String a : aliases) {
                int eq = a.indexOf('=');
                if (eq <= 0 || eq == a.length() - 1) {
                    throw new UsageException("--alias must be NAME=CTRY or NAME=CTRY/GROUP, was '" + a + "'");
                }
                m.put(a.substring(0, eq).trim().toLowerCase(Locale.ROOT), ActorSpec.parse(a.substring(eq + 1)));
            }
            return m;
        }

        TensionIndex index() {
            return UsageException.check(() -> new TensionIndex(Dyad.parse(dyad, aliasMap(), directed), period(), from, to));
        }

        List<TensionPoint> series() {
            TensionIndex index = index();
            boolean icews = icews();
            if (!Files.isDirectory(store.store)) {
                throw new StatecraftException("no event store at " + store.store + " (run 'statecraft events ingest' first)");
            }
            try (EventStore s = EventStore.open(store.store)) {
                return s.tension(index, from, to, icews);
            }
        }
    }

    /** yyyy-MM-dd, with a plain message for anything else. */
    static final class IsoDate implements CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a date yyyy-MM-dd");
            }
        }
    }

    static String format(String f) {
        String v = f.toLowerCase(Locale.ROOT);
        if (!v.equals("table") && !v.equals("json") && !v.equals("csv")) {
            throw new UsageException("--format must be table, json or csv, was '" + f + "'");
        }
        return v;
    }

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Read GDELT/ICEWS/ACLED files (plain, .zip or .gz) into the store; idempotent.")
    static final class Ingest implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOption store;

        @Option(names = "--format", paramLabel = "gdelt1|gdelt2|icews|acled",
                description = "the files' format (default: recognised from each file)")
        String format;

        @Option(names = "--collapse-reemitted",
                description = "drop GDELT 2.0 events re-emitted within 90 minutes (off by default; see docs/events.md)")
        boolean collapse;

        @Option(names = {"-q", "--quiet"}, description = "no progress bar")
        boolean quiet;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "files to ingest")
        List<Path> files;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            EventFormat fmt = format == null ? null : EventFormat.parse(format);
            for (Path f : files) {
                if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
                    throw new StatecraftException("statecraft: cannot read " + f + ": no such file");
                }
            }
            return ingest(store.store, files, new IngestOptions(fmt, collapse), quiet, out, err);
        }
    }

    static int ingest(Path storeDir, List<Path> files, IngestOptions options, boolean quiet, PrintWriter out,
            PrintWriter err) throws IOException {
        long read = 0;
        long stored = 0;
        long dup = 0;
        long bad = 0;
        long collapsed = 0;
        boolean bar = !quiet && System.console() != null;
        try (EventStore s = EventStore.open(storeDir)) {
            for (Path f : files) {
                long size = Files.size(f);
                String name = f.getFileName().toString();
                IngestResult r = s.ingest(f, options, bar ? bytes -> progress(err, name, bytes, size) : null);
                if (bar) {
                    err.print("\r\033[K");
                    err.flush();
                }
                if (r.skipped()) {
                    out.printf("%s: already ingested (same content), skipped%n", f);
                    continue;
                }
                out.printf("%s: %s, %d rows read, %d stored, %d duplicates, %d malformed%s%n", f, r.format().storeName(),
                        r.rowsRead(), r.stored(), r.duplicates(), r.malformed(),
                        r.collapsed() > 0 ? ", " + r.collapsed() + " re-emissions collapsed" : "");
                int shown = 0;
                for (MalformedRow m : r.malformedRows()) {
                    if (shown++ == MALFORMED_PRINTED) {
                        break;
                    }
                    err.println(m);
                }
                if (r.malformed() > MALFORMED_PRINTED) {
                    err.printf("%s: ... and %d more malformed rows (all are in the store's malformed_rows table)%n", f,
                            r.malformed() - MALFORMED_PRINTED);
                }
                read += r.rowsRead();
                stored += r.stored();
                dup += r.duplicates();
                bad += r.malformed();
                collapsed += r.collapsed();
            }
            out.printf("total: %d rows read, %d stored, %d duplicates, %d malformed%s; store %s holds %d events%n", read,
                    stored, dup, bad, collapsed > 0 ? ", " + collapsed + " collapsed" : "", storeDir, s.count());
        }
        return StatecraftCommand.EXIT_OK;
    }

    private static void progress(PrintWriter err, String name, long bytes, long size) {
        int width = 30;
        double f = size == 0 ? 1 : Math.min(1, (double) bytes / size);
        int done = (int) Math.round(f * width);
        err.printf("\r[%s%s] %3d%% %s", "#".repeat(done), " ".repeat(width - done), Math.round(f * 100), name);
        err.flush();
    }

    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = "Download GDELT 1.0 daily files for a date range (retries, resume), then ingest them.")
    static final class Fetch implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOption store;

        @Option(names = "--from", required = true, paramLabel = "yyyy-MM-dd", converter = IsoDate.class)
        LocalDate from;

        @Option(names = "--to", required = true, paramLabel = "yyyy-MM-dd", converter = IsoDate.class)
        LocalDate to;

        @Option(names = "--url-template", defaultValue = GdeltFetcher.DEFAULT_TEMPLATE, paramLabel = "URL",
                description = "URL with {yyyyMMdd} (default: ${DEFAULT-VALUE})")
        String template;

        @Option(names = "--downloads", paramLabel = "DIR", description = "where files go (default: STORE/downloads)")
        Path downloads;

        @Option(names = "--attempts", defaultValue = "4", description = "tries per file (default: ${DEFAULT-VALUE})")
        int attempts;

        @Option(names = "--backoff-ms", defaultValue = "1000",
                description = "wait before the second try, doubled each time (default: ${DEFAULT-VALUE})")
        long backoffMs;

        @Option(names = "--timeout-s", defaultValue = "60", description = "connect/read timeout (default: ${DEFAULT-VALUE})")
        long timeoutS;

        @Option(names = {"-q", "--quiet"}, description = "no progress bar")
        boolean quiet;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (to.isBefore(from)) {
                throw new UsageException("--to " + to + " is before --from " + from);
            }
            if (backoffMs < 0 || timeoutS <= 0) {
                throw new UsageException("--backoff-ms must be >= 0 and --timeout-s > 0");
            }
            Path dir = downloads != null ? downloads : store.store.resolve("downloads");
            GdeltFetcher fetcher = new GdeltFetcher(UsageException.check(() -> new GdeltFetcher.Options(template, dir,
                    attempts, Duration.ofMillis(backoffMs), Duration.ofSeconds(timeoutS))));
            List<GdeltFetcher.Download> got = fetcher.fetch(from, to, line -> {
                out.println(line);
                out.flush();
            });
            List<Path> files = got.stream().filter(GdeltFetcher.Download::ok).map(GdeltFetcher.Download::file).toList();
            if (!files.isEmpty()) {
                ingest(store.store, files, new IngestOptions(EventFormat.GDELT1, false), quiet, out, err);
            }
            long failed = got.stream().filter(d -> !d.ok()).count();
            if (failed > 0) {
                err.printf("statecraft: %d of %d files could not be downloaded (see above); run again to retry%n", failed,
                        got.size());
                return StatecraftCommand.EXIT_FAILURE;
            }
            return StatecraftCommand.EXIT_OK;
        }
    }

    @Command(name = "tension", mixinStandardHelpOptions = true,
            description = "The dyadic tension index per period (see docs/events.md for the definitions).")
    static final class Tension implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        SeriesOptions series;

        @Option(names = "--format", defaultValue = "table", paramLabel = "table|json|csv")
        String format;

        @Override
        public Integer call() throws IOException {
            String f = format(format);
            List<TensionPoint> points = series.series();
            PrintWriter out = spec.commandLine().getOut();
            switch (f) {
                case "csv" -> {
                    out.println("period,events,goldstein_sum,goldstein_mean,cooperative_sum,conflictual_sum,"
                            + "verbal_cooperation_share,material_cooperation_share,verbal_conflict_share,"
                            + "material_conflict_share,index");
                    for (TensionPoint p : points) {
                        out.println(String.join(",", p.period().toString(), Long.toString(p.events()), num(p.goldsteinSum()),
                                num(p.goldsteinMean()), num(p.cooperativeSum()), num(p.conflictualSum()),
                                num(p.verbalCooperationShare()), num(p.materialCooperationShare()),
                                num(p.verbalConflictShare()), num(p.materialConflictShare()), num(p.index())));
                    }
                }
                case "json" -> out.println(JSON.writeValueAsString(json(points)));
                default -> {
                    out.printf("%-10s %8s %10s %8s %9s %9s %5s %5s %5s %5s %7s%n", "period", "events", "goldstein", "mean",
                            "coop", "conflict", "q1", "q2", "q3", "q4", "index");
                    for (TensionPoint p : points) {
                        out.printf(Locale.ROOT, "%-10s %8d %10.1f %8.2f %9.1f %9.1f %5.2f %5.2f %5.2f %5.2f %7.3f%n",
                                p.period(), p.events(), p.goldsteinSum(), p.goldsteinMean(), p.cooperativeSum(),
                                p.conflictualSum(), p.verbalCooperationShare(), p.materialCooperationShare(),
                                p.verbalConflictShare(), p.materialConflictShare(), p.index());
                    }
                }
            }
            out.flush();
            return StatecraftCommand.EXIT_OK;
        }
    }

    static List<Map<String, Object>> json(List<TensionPoint> points) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TensionPoint p : points) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("period", p.period().toString());
            m.put("events", p.events());
            m.put("goldstein_sum", p.goldsteinSum());
            m.put("goldstein_mean", p.goldsteinMean());
            m.put("cooperative_sum", p.cooperativeSum());
            m.put("conflictual_sum", p.conflictualSum());
            m.put("quad_shares", List.of(p.verbalCooperationShare(), p.materialCooperationShare(),
                    p.verbalConflictShare(), p.materialConflictShare()));
            m.put("index", p.index());
            rows.add(m);
        }
        return rows;
    }

    static String num(double v) {
        return Double.toString(v);
    }

    @Command(name = "changes", mixinStandardHelpOptions = true,
            description = "Escalation detection on the tension series: CUSUM and Bayesian online change points.")
    static final class Changes implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        SeriesOptions series;

        @Option(names = "--method", defaultValue = "both", paramLabel = "cusum|bocpd|both")
        String method;

        @Option(names = "--metric", defaultValue = "index",
                paramLabel = "index|events|goldstein_sum|goldstein_mean|conflictual_sum",
                description = "which statistic of the series to watch (default: ${DEFAULT-VALUE})")
        String metric;

        @Option(names = "--cusum-k", defaultValue = "0.5", description = "CUSUM allowance in σ (default: ${DEFAULT-VALUE})")
        double k;

        @Option(names = "--cusum-h", defaultValue = "5", description = "CUSUM decision interval in σ (default: ${DEFAULT-VALUE})")
        double h;

        @Option(names = "--cusum-baseline", defaultValue = "14",
                description = "leading periods that set the in-control mean (default: ${DEFAULT-VALUE})")
        int baseline;

        @Option(names = "--hazard", defaultValue = "50",
                description = "BOCPD expected run length λ between changes, in periods (default: ${DEFAULT-VALUE})")
        double hazard;

        @Option(names = "--confirm", defaultValue = "3",
                description = "BOCPD periods of a new regime before it is reported (default: ${DEFAULT-VALUE})")
        int confirm;

        @Option(names = "--format", defaultValue = "table", paramLabel = "table|json|csv")
        String format;

        @Override
        public Integer call() throws IOException {
            String f = format(format);
            String m = method.toLowerCase(Locale.ROOT);
            if (!List.of("cusum", "bocpd", "both").contains(m)) {
                throw new UsageException("--method must be cusum, bocpd or both, was '" + method + "'");
            }
            value(new TensionPoint(LocalDate.EPOCH, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)); // checks --metric before any work
            CusumDetector cusum = UsageException.check(() -> new CusumDetector(k, h, baseline));
            BayesianChangePoint bocpd = UsageException.check(() -> new BayesianChangePoint(hazard, 0, 1, 1, 1, confirm, true));
            List<TensionPoint> points = series.series();
            double[] x = points.stream().mapToDouble(this::value).toArray();
            List<Map<String, Object>> rows = new ArrayList<>();
            if (!m.equals("bocpd")) {
                cusum.detect(x).forEach(c -> rows.add(row("cusum", c, points)));
            }
            if (!m.equals("cusum")) {
                bocpd.detect(x).forEach(c -> rows.add(row("bocpd", c, points)));
            }
            PrintWriter out = spec.commandLine().getOut();
            switch (f) {
                case "csv" -> {
                    out.println("method,period,direction,score," + metric);
                    rows.forEach(r -> out.println(r.get("method") + "," + r.get("period") + "," + r.get("direction") + ","
                            + r.get("score") + "," + r.get("value")));
                }
                case "json" -> {
                    Map<String, Object> doc = new LinkedHashMap<>();
                    doc.put("metric", metric);
                    doc.put("periods", points.size());
                    doc.put("cusum", Map.of("k", k, "h", h, "baseline", baseline));
                    doc.put("bocpd", Map.of("hazard_lambda", hazard, "confirm", confirm, "prior", "Normal-Gamma(0,1,1,1) on z-scores"));
                    doc.put("changes", rows);
                    out.println(JSON.writeValueAsString(doc));
                }
                default -> {
                    out.printf("%d periods, metric %s%n", points.size(), metric);
                    out.printf("%-6s %-10s %-5s %9s %12s%n", "method", "period", "dir", "score", metric);
                    rows.forEach(r -> out.printf(Locale.ROOT, "%-6s %-10s %-5s %9.3f %12.4f%n", r.get("method"),
                            r.get("period"), r.get("direction"), (Double) r.get("score"), (Double) r.get("value")));
                }
            }
            out.flush();
            return StatecraftCommand.EXIT_OK;
        }

        private double value(TensionPoint p) {
            return switch (metric.toLowerCase(Locale.ROOT)) {
                case "index" -> p.index();
                case "events" -> p.events();
                case "goldstein_sum" -> p.goldsteinSum();
                case "goldstein_mean" -> p.goldsteinMean();
                case "conflictual_sum" -> p.conflictualSum();
                default -> throw new UsageException("--metric must be index, events, goldstein_sum, "
                        + "goldstein_mean or conflictual_sum, was '" + metric + "'");
            };
        }

        private Map<String, Object> row(String method, ChangePoint c, List<TensionPoint> points) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("method", method);
            r.put("period", points.get(c.index()).period().toString());
            r.put("direction", c.direction().name().toLowerCase(Locale.ROOT));
            r.put("score", c.score());
            r.put("value", value(points.get(c.index())));
            return r;
        }
    }
}
