package org.statecraft.app.web;

import java.util.List;
import java.util.regex.Pattern;
import org.statecraft.io.scenario.LocatedProblem;

/** An error answered to the client with its HTTP status and a JSON body {@code {error, problems?}}. */
public final class ApiError extends RuntimeException {
    private final int status;
    private final transient List<LocatedProblem> problems;

    public ApiError(int status, String message) {
        this(status, message, List.of());
    }

    public ApiError(int status, String message, List<LocatedProblem> problems) {
        super(message);
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    public int status() {
        return status;
    }

    public List<LocatedProblem> problems() {
        return problems;
    }

    private static final Pattern PATH = Pattern.compile("(?<![\\w.:/])(?:/[\\w.@+-]+){2,}/?");
    private static final Pattern CLASS = Pattern.compile(
            "\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*");

    /** A message fit for a client: absolute server paths become "…" and Java class names are dropped. */
    public static String plain(String message) {
        if (message == null || message.isBlank()) {
            return "no further detail";
        }
        return CLASS.matcher(PATH.matcher(message).replaceAll("…")).replaceAll("").trim();
    }
}
