package org.statecraft.core;

import java.util.function.Supplier;

/**
 * An input file that cannot be read as what it claims to be. Carries the file and the 1-based line (and
 * column where known, else 0) so that the edges can print {@code file:line:column: message}.
 */
public class DataFormatException extends StatecraftException {
    private final String file;
    private final long line;
    private final long column;

    public DataFormatException(String file, long line, long column, String message) {
        super(message);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public long column() {
        return column;
    }

    /**
     * Builds a record from values a reader took from {@code file}: a precondition the record checks (an
     * {@link IllegalArgumentException}, a bug when an engine passes the value) is then the file's fault, reported
     * at {@code line} (0 when it is the file as a whole).
     */
    public static <T> T check(String file, long line, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(file, line, 0, e.getMessage());
        }
    }

    /** {@code file:line:column: message}, the form editors and terminals link to. */
    public String located() {
        StringBuilder s = new StringBuilder(file == null ? "<input>" : file);
        if (line > 0) {
            s.append(':').append(line);
            if (column > 0) {
                s.append(':').append(column);
            }
        }
        return s.append(": ").append(getMessage()).toString();
    }
}
