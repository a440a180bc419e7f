package org.statecraft.events;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * A streaming reader of one event format. It reads line by line with constant memory, hands each good row to
 * {@link RowHandler#event} and each bad one, with its line and reason, to {@link RowHandler#malformed}; it
 * never stops at a bad row. IO errors propagate.
 */
public interface EventReader {
    /**
     * @param in the text, positioned at its start
     * @param file the name used in reports
     * @return the number of data rows seen (good + malformed, header excluded)
     */
    long read(BufferedReader in, String file, RowHandler handler) throws IOException;
}
