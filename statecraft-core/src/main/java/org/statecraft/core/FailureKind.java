package org.statecraft.core;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one mapping from a failure to what the edges report: the command line's exit code, the web app's HTTP
 * status and the message shown. The CLI, the web app and the Spark job all classify through {@link #of}.
 *
 * <p>User errors are typed: {@link UsageException} (bad option or argument), {@link DataFormatException} (a file
 * that is not what it claims to be, reported as {@code file:line:column: message}) and the rest of
 * {@link StatecraftException} (a scenario inconsistent as a model, a file that does not exist). A failure to read
 * or write is {@link #IO}. Anything else, an {@link IllegalArgumentException} from an engine's precondition
 * included, is a bug: {@link #INTERNAL}, whose stack trace the edges print under {@code STATECRAFT_DEBUG}.
 */
public enum FailureKind {
    /** A bad option, argument or request: exit 2, HTTP 400. */
    USAGE(2, 400),
    /** A bad input file or scenario: exit 2, HTTP 400. */
    INPUT(2, 400),
    /** Reading or writing failed: exit 1, HTTP 500. */
    IO(1, 500),
    /** A bug: exit 1, HTTP 500. */
    INTERNAL(1, 500);

    /** Exit code of a run that succeeded (the others come from the kinds). */
    public static final int EXIT_OK = 0;

    private final int exitCode;
    private final int httpStatus;

    FailureKind(int exitCode, int httpStatus) {
        this.exitCode = exitCode;
        this.httpStatus = httpStatus;
    }

    public int exitCode() {
        return exitCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Whether the edges should print the stack trace (only under {@code STATECRAFT_DEBUG}). */
    public boolean isBug() {
        return this == INTERNAL;
    }

    public static FailureKind of(Throwable t) {
        if (t instanceof UsageException) {
            return USAGE;
        }
        if (t instanceof StatecraftException) {
            return INPUT;
        }
        if (t instanceof UncheckedIOException || t instanceof IOException) {
            return IO;
        }
        return INTERNAL;
    }

    /** The one-line message for the user: located for a data-format error, marked as a bug for an internal one. */
    public static String message(Throwable t) {
        if (t instanceof DataFormatException dfe) {
            return dfe.located();
        }
        return of(t) == INTERNAL ? "internal error: " + t : t.getMessage();
    }
}
