package org.statecraft.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.statecraft.core.UsageException;
import org.statecraft.events.EventFormat;
import org.statecraft.events.fetch.GdeltFetcher;
import org.statecraft.events.store.IngestOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code statecraft events fetch}: GDELT 1.0 daily files for a date range, each verified against GDELT's published MD5
 * list and sizes before it is kept ({@link GdeltFetcher}), then ingested. Exit 1 when a file could not be downloaded,
 * else 2 when one was refused at ingest, else 0.
 */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Download GDELT 1.0 daily files for a date range (verified, retries, resume), then ingest them.")
final class EventsFetchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    EventsOptions.StoreOption store;

    @Option(names = "--from", required = true, paramLabel = "yyyy-MM-dd", converter = EventsOptions.IsoDate.class)
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "yyyy-MM-dd", converter = EventsOptions.IsoDate.class)
    LocalDate to;

    @Option(names = "--url-template", defaultValue = GdeltFetcher.DEFAULT_TEMPLATE, paramLabel = "URL",
            description = "URL with {yyyyMMdd} (default: ${DEFAULT-VALUE}); md5sums and filesizes are read beside it")
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

    @Option(names = "--no-verify",
            description = "keep files without checking them against the published MD5 list and sizes (a mirror "
                    + "without them); a .zip is still read through to check its CRCs")
    boolean noVerify;

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
        GdeltFetcher fetcher = new GdeltFetcher(new GdeltFetcher.Options(template, dir, attempts,
                Duration.ofMillis(backoffMs), Duration.ofSeconds(timeoutS), !noVerify));
        List<GdeltFetcher.Download> got = fetcher.fetch(from, to, line -> {
            out.println(line);
            out.flush();
        });
        List<Path> files = got.stream().filter(GdeltFetcher.Download::ok).map(GdeltFetcher.Download::file).toList();
        int ingested = StatecraftCommand.EXIT_OK;
        if (!files.isEmpty()) {
            ingested = EventsIngestCommand.ingest(store.store, files, new IngestOptions(EventFormat.GDELT1, false), quiet,
                    out, err);
        }
        long failed = got.stream().filter(d -> !d.ok()).count();
        if (failed > 0) {
            err.printf("statecraft: %d of %d files could not be downloaded (see above); run again to retry%n", failed,
                    got.size());
            return StatecraftCommand.EXIT_FAILURE;
        }
        return ingested;
    }
}
