package org.statecraft.core;

import java.util.function.Supplier;

/** A command line or request the program cannot act on: a bad option value, a missing argument, an unknown name. */
public class UsageException extends StatecraftException {
    public UsageException(String message) {
        super(message);
    }

    /**
     * Builds a value straight from the user's option values. Core checks its arguments with
     * {@link IllegalArgumentException}, which is a bug when an engine passes a bad value; when the values are
     * the user's, a failed check is the user's usage error and says why.
     */
    public static <T> T check(Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
