package org.statecraft.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code statecraft events}: ingest, fetch, tension and changes over the event store, one file per subcommand
 * ({@link EventsIngestCommand}, {@link EventsFetchCommand}, {@link EventsTensionCommand}, {@link
 * EventsChangesCommand}) and their shared options in {@link EventsOptions}. See docs/events.md.
 */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Event data (GDELT, ICEWS, ACLED): ingest into a DuckDB store, fetch GDELT, tension index, changes.",
        subcommands = {EventsIngestCommand.class, EventsFetchCommand.class, EventsTensionCommand.class,
            EventsChangesCommand.class})
public final class EventsCommand implements Runnable {
    /** Where the store lives unless {@code --store} says otherwise. */
    public static final String DEFAULT_STORE = ".statecraft/events";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
