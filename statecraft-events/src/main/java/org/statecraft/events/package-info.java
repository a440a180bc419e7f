/**
 * Event data: one {@link org.statecraft.events.EventReader} per file layout (GDELT 1.0 and 2.0 in {@code gdelt},
 * ICEWS in {@code icews}, ACLED in {@code acled}), malformed rows counted with file and line; the GDELT downloader
 * with checksum verification ({@code fetch}); and the embedded DuckDB event store ({@code store}: schema and
 * migration, the ingest transaction, the bulk pipeline, deduplication, dyad-day aggregates and queries). The
 * tension index and change-point detectors that read the store's aggregates are in statecraft-core
 * ({@code org.statecraft.core.tension}); the CAMEO tables are in statecraft-io ({@code org.statecraft.io.cameo}).
 */
package org.statecraft.events;
