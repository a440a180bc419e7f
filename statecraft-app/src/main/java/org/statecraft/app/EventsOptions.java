package org.statecraft.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.statecraft.core.UsageException;
import org.statecraft.core.scenario.Actor;
import org.statecraft.core.tension.ActorSpec;
import org.statecraft.core.tension.Dyad;
import org.statecraft.core.tension.Period;
import org.statecraft.core.tension.TensionIndex;
import org.statecraft.core.tension.TensionPoint;
import org.statecraft.events.store.EventStore;
import org.statecraft.io.scenario.ScenarioReader;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options the {@code events} subcommands share, and their conversions. */
final class EventsOptions {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EventsOptions() {
    }

    /** The {@code --store} option. */
    static final class StoreOption {
        @Option(names = "--store", paramLabel = "DIR", description = "event store folder (default: ${DEFAULT-VALUE})",
                defaultValue = EventsCommand.DEFAULT_STORE)
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
                description = "period length (default: day); weeks start on Monday")
        Period by;

        @Option(names = "--from", paramLabel = "yyyy-MM-dd", description = "first day", converter = IsoDate.class)
        LocalDate from;

        @Option(names = "--to", paramLabel = "yyyy-MM-dd", description = "last day", converter = IsoDate.class)
        LocalDate to;

        @Option(names = "--alias", paramLabel = "NAME=CTRY[/GROUP]",
                description = "a name for a side, e.g. taliban=AFG/TAL (repeatable)")
        List<String> aliases = new ArrayList<>();

        @Option(names = "--scenario", paramLabel = "FILE",
                description = "take aliases from a scenario's actors (their `cameo` codes), e.g. --dyad pakistan:taliban")
        Path scenario;

        @Option(names = "--scale", defaultValue = "gdelt", paramLabel = "gdelt|icews",
                description = "Goldstein values: GDELT's (default) or ICEWS's")
        GoldsteinScale scale;

        /** Whose Goldstein values weigh the events. */
        enum GoldsteinScale { GDELT, ICEWS }

        Period period() {
            return by;
        }

        boolean icews() {
            return scale == GoldsteinScale.ICEWS;
        }

        Map<String, ActorSpec> aliasMap() {
            Map<String, ActorSpec> m = new LinkedHashMap<>();
            if (scenario != null) {
                for (Actor actor : ScenarioReader.read(scenario).actors()) {
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

        /**
         * The series from the store, opened read-only: a folder without a store is an error (nothing is created), and
         * the query works while another process ingests when DuckDB allows it.
         */
        List<TensionPoint> series(PrintWriter err) {
            TensionIndex index = index();
            boolean icews = icews();
            try (EventStore s = EventStore.openReadOnly(store.store)) {
                List<TensionPoint> points = s.tension(index, from, to, icews);
                if (points.isEmpty()) {
                    // an empty result is a valid answer, but say why it may be empty
                    err.printf("statecraft: no stored event matches --dyad %s%s (the store %s holds %d events; sides are "
                            + "CAMEO country codes such as PAK or AFG/TAL, the same codes the files use)%n", dyad,
                            from == null && to == null ? "" : " between " + (from == null ? "the start" : from) + " and "
                                    + (to == null ? "the end" : to), store.store, s.count());
                    err.flush();
                }
                return points;
            }
        }
    }

    /** yyyy-MM-dd, with a plain message for anything else. */
    static final class IsoDate implements CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a date yyyy-MM-dd");
            }
        }
    }
}
