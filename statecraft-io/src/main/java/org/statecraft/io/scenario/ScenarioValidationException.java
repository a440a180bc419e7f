package org.statecraft.io.scenario;

import java.util.List;
import org.statecraft.core.StatecraftException;

/**
 * A scenario file with problems: all of them, each located by file, line and column. The message lists
 * them one per line as {@code file:line:column: message}, then a count line, so the CLI can print it as is.
 */
public class ScenarioValidationException extends StatecraftException {
    private final transient List<LocatedProblem> problems;

    public ScenarioValidationException(List<LocatedProblem> problems) {
        super(format(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<LocatedProblem> problems() {
        return problems;
    }

    private static String format(List<LocatedProblem> problems) {
        StringBuilder s = new StringBuilder();
        for (LocatedProblem p : problems) {
            s.append(p).append('\n');
        }
        String file = problems.isEmpty() ? "<input>" : problems.get(0).file();
        s.append(file).append(": ").append(problems.size()).append(problems.size() == 1 ? " problem" : " problems");
        return s.toString();
    }
}
