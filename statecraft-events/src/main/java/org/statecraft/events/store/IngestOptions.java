package org.statecraft.events.store;

import org.statecraft.events.EventFormat;
import org.statecraft.events.fetch.PublishedChecksums;

/**
 * How to ingest.
 *
 * @param format the format, or null to recognise it from the file ({@link EventFormat#detect})
 * @param collapseReemitted drop GDELT 2.0 events that repeat an event already stored or read (same
 *     {@code near_key}: date, both actor codes, event code, ActionGeo feature and URL) whose DATEADDED is at most
 *     {@link EventStore#REEMISSION_WINDOW_MINUTES} minutes later. Off by default: it removes rows GDELT did
 *     publish, and which of two re-emissions survives depends on the order files are ingested in.
 * @param replaceChanged when a file of the same name and format was ingested before with other content (a corrected
 *     version), delete its rows in the same transaction that stores the new version's; without it the new version is
 *     stored beside the old (its events with a known key counting as duplicates) and reported as changed
 * @param published GDELT's published MD5s and sizes, or null: a file the list names (by file name) is checked against
 *     them, its MD5 computed in the same read as the parse and the SHA-256; a file that differs is refused (a {@link
 *     org.statecraft.core.DataFormatException} naming it and saying why) and none of its rows are stored. A file the
 *     list does not name is not checked.
 */
public record IngestOptions(EventFormat format, boolean collapseReemitted, boolean replaceChanged,
        PublishedChecksums published) {
    public IngestOptions(EventFormat format, boolean collapseReemitted, boolean replaceChanged) {
        this(format, collapseReemitted, replaceChanged, null);
    }

    public IngestOptions(EventFormat format, boolean collapseReemitted) {
        this(format, collapseReemitted, false);
    }

    public static IngestOptions defaults() {
        return new IngestOptions(null, false, false);
    }

    /** These options with files checked against {@code list}. */
    public IngestOptions verifiedAgainst(PublishedChecksums list) {
        return new IngestOptions(format, collapseReemitted, replaceChanged, list);
    }
}
