package org.statecraft.events;

/** A row that could not be read: reported with its file and 1-based line, never silently dropped. */
public record MalformedRow(String file, long line, String reason) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
