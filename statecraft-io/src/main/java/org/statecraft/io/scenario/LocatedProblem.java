package org.statecraft.io.scenario;

/**
 * One problem of a scenario file, located: the file's name as given, the 1-based line and column of the
 * offending value, the JSON pointer of that value in the document (empty for a syntax error, which has no
 * value) and a message that says what is wrong and what was expected.
 */
public record LocatedProblem(String file, int line, int column, String pointer, String message) {
    public LocatedProblem {
        file = file == null ? "<input>" : file;
        pointer = pointer == null ? "" : pointer;
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based, were " + line + ":" + column);
        }
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("a problem needs a message");
        }
    }

    /** {@code file:line:column: message}, the form editors and terminals link to. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
