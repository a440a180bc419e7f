package org.statecraft.core;

/** A scenario that is well-formed as a file but inconsistent as a model (unknown id, weight out of range...). */
public class ScenarioException extends StatecraftException {
    public ScenarioException(String message) {
        super(message);
    }
}
