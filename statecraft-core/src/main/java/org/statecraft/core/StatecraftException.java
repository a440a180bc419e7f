package org.statecraft.core;

/**
 * Root of Statecraft's small unchecked exception hierarchy. Edges (CLI, HTTP) convert these to messages
 * and exit codes; engines and readers only throw them.
 */
public class StatecraftException extends RuntimeException {
    public StatecraftException(String message) {
        super(message);
    }

    public StatecraftException(String message, Throwable cause) {
        super(message, cause);
    }
}
