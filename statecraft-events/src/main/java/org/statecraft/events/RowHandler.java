package org.statecraft.events;

/** Receives what a reader reads, row by row, in file order. */
public interface RowHandler {
    void event(EventRecord event);

    void malformed(MalformedRow row);
}
