package org.statecraft.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.statecraft.core.DataFormatException;
import org.statecraft.core.UsageException;
import org.statecraft.events.EventFormat;
import org.statecraft.events.MalformedRow;
import org.statecraft.events.fetch.PublishedChecksums;
import org.statecraft.events.store.EventStore;
import org.statecraft.events.store.IngestOptions;
import org.statecraft.events.store.IngestResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code statecraft events ingest}: files into the store, each in its own transaction. A file that cannot be read (not
 * found, not recognised, damaged compression) is refused with its name and reason and the others are still ingested;
 * the totals are printed, and the exit code is 2 when any file was refused. With {@code --md5sums} (GDELT's published
 * list, and {@code --filesizes}), a file the list names is also refused when its MD5 or size differs, none of its rows
 * stored; the MD5 is computed in the ingest's one read of the file.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Read GDELT/ICEWS/ACLED files (plain, .zip or .gz) into the store; idempotent.")
final class EventsIngestCommand implements Callable<Integer> {
    /** How many malformed rows per file are printed (all are kept in the store). */
    static final int MALFORMED_PRINTED = 20;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    EventsOptions.StoreOption store;

    @Option(names = "--format", paramLabel = "gdelt1|gdelt2|icews|acled",
            description = "the files' format (default: recognised from each file)")
    String format;

    @Option(names = "--collapse-reemitted",
            description = "drop GDELT 2.0 events re-emitted within 90 minutes (off by default; see docs/events.md)")
    boolean collapse;

    @Option(names = "--replace-changed",
            description = "a file ingested before under the same name with other content is replaced: its rows are "
                    + "deleted in the transaction that stores the new version's (default: reported as changed)")
    boolean replaceChanged;

    @Option(names = "--md5sums", paramLabel = "FILE",
            description = "GDELT's published MD5 list (md5sum format): a file it names is refused unless its MD5 matches")
    Path md5sums;

    @Option(names = "--filesizes", paramLabel = "FILE",
            description = "GDELT's published size list (<bytes> <name> per line), checked with --md5sums")
    Path filesizes;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "files to ingest")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        EventFormat fmt = format == null ? null : EventFormat.parse(format);
        IngestOptions options = new IngestOptions(fmt, collapse, replaceChanged);
        if (filesizes != null && md5sums == null) {
            throw new UsageException("--filesizes is checked with --md5sums: give both");
        }
        if (md5sums != null) {
            PublishedChecksums lists = PublishedChecksums.parse(list(md5sums), filesizes == null ? null : list(filesizes));
            if (lists.isEmpty()) {
                throw new UsageException("--md5sums " + md5sums + " names no file (expected md5sum lines: <md5>  <name>)");
            }
            options = options.verifiedAgainst(lists);
        }
        return ingest(store.store, files, options, quiet, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    private static String list(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Ingests every file it can; returns 0, or 2 when any file was refused. */
    static int ingest(Path storeDir, List<Path> files, IngestOptions options, boolean quiet, PrintWriter out,
            PrintWriter err) throws IOException {
        Totals t = new Totals();
        List<String> refused = new ArrayList<>();
        boolean bar = ProgressBar.terminal(quiet);
        try (EventStore s = EventStore.open(storeDir)) {
            for (Path f : files) {
                IngestResult r;
                try (ProgressBar progress = new ProgressBar(err, f.getFileName().toString(), bar)) {
                    if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
                        throw new DataFormatException(f.toString(), 0, 0, "no such file, or not readable");
                    }
                    long size = Files.size(f);
                    r = s.ingest(f, options, bar ? bytes -> progress.progress(bytes, size) : null);
                } catch (DataFormatException e) {
                    refused.add(e.located());
                    err.println("refused " + e.located());
                    continue;
                }
                report(f, r, out, err);
                t.add(r);
            }
            out.printf("total: %d rows read, %d stored, %d duplicates, %d malformed%s; %d of %d files ingested%s; "
                    + "store %s holds %d events%n", t.read, t.stored, t.dup, t.bad,
                    t.collapsed > 0 ? ", " + t.collapsed + " collapsed" : "", files.size() - refused.size(), files.size(),
                    refused.isEmpty() ? "" : ", " + refused.size() + " refused", storeDir, s.count());
        }
        if (!refused.isEmpty()) {
            err.printf("statecraft: %d of %d files refused (each above, with its reason); the others were ingested%n",
                    refused.size(), files.size());
            return StatecraftCommand.EXIT_USAGE;
        }
        return StatecraftCommand.EXIT_OK;
    }

    private static void report(Path f, IngestResult r, PrintWriter out, PrintWriter err) {
        if (r.skipped()) {
            out.printf("%s: already ingested (same content), skipped%n", f);
            return;
        }
        out.printf("%s: %s, %d rows read, %d stored, %d duplicates, %d malformed%s%n", f, r.format().storeName(),
                r.rowsRead(), r.stored(), r.duplicates(), r.malformed(),
                r.collapsed() > 0 ? ", " + r.collapsed() + " re-emissions collapsed" : "");
        if (r.changedFrom() != null) {
            if (r.replaced()) {
                out.printf("%s: changed version of %s, whose rows it replaced%n", f, r.changedFrom());
            } else {
                err.printf("%s: changed since %s was ingested with the same name; its events with a known key were "
                        + "counted as duplicates (give --replace-changed to replace the earlier version's rows)%n", f,
                        r.changedFrom());
            }
        }
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
    }

    /** Sums over the ingested files. */
    private static final class Totals {
        long read;
        long stored;
        long dup;
        long bad;
        long collapsed;

        void add(IngestResult r) {
            read += r.rowsRead();
            stored += r.stored();
            dup += r.duplicates();
            bad += r.malformed();
            collapsed += r.collapsed();
        }
    }
}
