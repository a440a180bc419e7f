package org.statecraft.app.web;

import java.util.List;
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
}
