package org.statecraft.core.scenario;

/**
 * One thing wrong with a scenario. {@code path} is a JSON pointer into the scenario document
 * ({@code /levers/2/harms/0/constituency}, {@code /weights/taliban/refugees}) that the IO layer turns into
 * file:line:column; {@code message} says what is wrong and what was expected.
 */
public record Problem(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
