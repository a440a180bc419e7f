package org.statecraft.events.store;

import java.util.List;
import org.statecraft.events.EventFormat;
import org.statecraft.events.MalformedRow;

/**
 * What ingesting one file did.
 *
 * @param file the file as given
 * @param format its format
 * @param skipped true when a file with the same content hash had already been ingested (nothing was read)
 * @param rowsRead data rows in the file (good and malformed)
 * @param stored events added to the store
 * @param duplicates good rows whose key was already in the store or earlier in the file
 * @param collapsed GDELT 2.0 re-emissions dropped by the collapse option
 * @param malformed rows that could not be read
 * @param malformedRows the first malformed rows (at most {@link EventStore#MALFORMED_KEPT_IN_RESULT}); all of
 *     them are in the store's {@code malformed_rows} table
 * @param method how the file was read: {@code bulk parser} (GDELT files, {@link
 *     org.statecraft.events.gdelt.GdeltBulkParser}), {@code reader} (the streaming Java readers) or {@code none}
 *     (skipped)
 * @param changedFrom the path of an earlier ingested file of the same name and format whose content differs (this
 *     file is a changed version of it), else null
 * @param replaced true when that earlier version's rows were deleted ({@link IngestOptions#replaceChanged()})
 */
public record IngestResult(String file, EventFormat format, boolean skipped, long rowsRead, long stored,
        long duplicates, long collapsed, long malformed, List<MalformedRow> malformedRows, String method,
        String changedFrom, boolean replaced) {
}
