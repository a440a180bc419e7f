package org.statecraft.events.store;

import org.statecraft.events.EventFormat;

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
 */
public record IngestOptions(EventFormat format, boolean collapseReemitted, boolean replaceChanged) {
    public IngestOptions(EventFormat format, boolean collapseReemitted) {
        this(format, collapseReemitted, false);
    }

    public static IngestOptions defaults() {
        return new IngestOptions(null, false, false);
    }
}
