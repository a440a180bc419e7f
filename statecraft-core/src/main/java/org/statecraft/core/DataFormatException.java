package org.statecraft.core;

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
