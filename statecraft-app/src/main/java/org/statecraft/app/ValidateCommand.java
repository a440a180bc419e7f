package org.statecraft.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.statecraft.core.DataFormatException;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.io.scenario.LoadedScenario;
import org.statecraft.io.scenario.LocatedProblem;
import org.statecraft.io.scenario.ScenarioReader;
import org.statecraft.io.scenario.ScenarioValidationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code statecraft validate FILE...}: reads each scenario file and prints {@code FILE: ok (...)} on standard
 * output, or every problem as {@code file:line:column: message} on standard error. Exit code 0 when every
 * file is valid, 2 otherwise. Structure the engine would ignore (a weight on another actor's constituency) is
 * printed as {@code file:line:column: warning: message} on standard error and does not change the exit code;
 * {@code --strict} makes those warnings problems, and also requires every number written in a file to carry
 * a source or an assumption, and every assumption to come with a range.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check scenario files and report every problem as file:line:column: message.")
public final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario YAML files.")
    List<Path> files;

    @Option(names = "--strict", description = "Also report every number with neither a source nor an assumption,"
            + " and every assumption given on a fixed value rather than a range; warnings become problems.")
    boolean strict;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean allValid = true;
        for (Path file : files) {
            allValid &= validate(file, out, err);
        }
        out.flush();
        err.flush();
        return allValid ? StatecraftCommand.EXIT_OK : StatecraftCommand.EXIT_USAGE;
    }

    private boolean validate(Path file, PrintWriter out, PrintWriter err) {
        try {
            LoadedScenario loaded = ScenarioReader.load(file);
            List<LocatedProblem> problems = strict ? loaded.strictProblems() : List.of();
            if (!problems.isEmpty()) {
                problems.forEach(err::println);
                err.println(file + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                        + " in strict mode");
                return false;
            }
            if (!strict) {
                loaded.warnings().forEach(w -> err.println(warning(w)));
            }
            Scenario s = loaded.scenario();
            out.println(file + ": ok (" + count(s.actors().size(), "actor", "actors") + ", "
                    + count(s.levers().size(), "lever", "levers") + ", "
                    + count(s.policies().size(), "policy", "policies") + ")");
            return true;
        } catch (ScenarioValidationException e) {
            err.println(e.getMessage());
            return false;
        } catch (DataFormatException e) {
            err.println(e.located());
            return false;
        }
    }

    /** {@code file:line:column: warning: message}: a located finding that {@code --strict} makes an error. */
    static String warning(LocatedProblem w) {
        return w.file() + ":" + w.line() + ":" + w.column() + ": warning: " + w.message();
    }

    /** "1 lever", "2 levers". */
    static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
