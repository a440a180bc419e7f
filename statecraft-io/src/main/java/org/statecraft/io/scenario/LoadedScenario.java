package org.statecraft.io.scenario;

import java.util.ArrayList;
import java.util.List;
import org.statecraft.core.scenario.Problem;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.core.scenario.ScenarioChecks;

/**
 * A scenario read from a file, with the file's name, the SHA-256 of its bytes and the positions of its
 * values, so that later findings about it (the strict provenance audit, an engine's complaint about a
 * pointer) can still be reported at {@code file:line:column}.
 */
public final class LoadedScenario {
    private final Scenario scenario;
    private final String file;
    private final String sha256;
    private final LocatedTree tree;

    LoadedScenario(Scenario scenario, String file, String sha256, LocatedTree tree) {
        this.scenario = scenario;
        this.file = file;
        this.sha256 = sha256;
        this.tree = tree;
    }

    public Scenario scenario() {
        return scenario;
    }

    public String file() {
        return file;
    }

    /** SHA-256 of the file's bytes, hex (see {@link ScenarioFiles#hash}). */
    public String sha256() {
        return sha256;
    }

    /** A problem about the value at {@code pointer} (or its nearest ancestor present in the file), located. */
    public LocatedProblem problemAt(String pointer, String message) {
        LocatedTree.Position pos = tree.locate(pointer);
        return new LocatedProblem(file, pos.line(), pos.column(), pointer, message);
    }

    /**
     * Structure the engine accepts but ignores ({@link ScenarioChecks#warnings}), located: {@code validate}
     * prints these as warnings, and {@link #strictProblems()} includes them, so that {@code --strict} fails.
     */
    public List<LocatedProblem> warnings() {
        List<LocatedProblem> out = new ArrayList<>();
        for (Problem p : ScenarioChecks.warnings(scenario)) {
            out.add(problemAt(p.path(), p.message()));
        }
        return out;
    }

    /**
     * The strict audit ({@code statecraft validate --strict}): every number written in the file that carries
     * neither a {@code source} nor an {@code assumption}, and every {@code assumption} given on a fixed value
     * rather than a range. Numbers the format fills in by default are not in the file and not reported; plain
     * numbers that cannot carry provenance (releaseLevel, partialLevel, day counts) are not quantities.
     * Every {@link #warnings() warning} comes first.
     */
    public List<LocatedProblem> strictProblems() {
        List<LocatedProblem> out = new ArrayList<>(warnings());
        ScenarioChecks.forEachQuantity(scenario, (pointer, q) -> {
            if (!tree.has(pointer)) {
                return;
            }
            if (!q.provenance().isDocumented()) {
                out.add(problemAt(pointer, "the number " + q.describe() + " has neither a source nor an "
                        + "assumption; expected {value: x, source: id} or a range with an assumption"));
            } else if (q.provenance().isAssumption() && !q.isUncertain()) {
                out.add(problemAt(pointer, "an assumption should come with a range: expected "
                        + "{uniform: [min, max], assumption: ...} or another distribution instead of the fixed "
                        + "value " + q.describe()));
            }
        });
        return out;
    }
}
