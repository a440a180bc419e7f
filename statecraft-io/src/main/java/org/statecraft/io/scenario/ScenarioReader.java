package org.statecraft.io.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import org.statecraft.core.DataFormatException;
import org.statecraft.core.scenario.Problem;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.core.scenario.ScenarioChecks;

/**
 * Reads a scenario file (the YAML layout of {@code docs/scenario-format.md}) into validated core records,
 * reporting every problem at once, each at its {@code file:line:column}.
 *
 * <p>Four stages, each reporting only what the earlier ones did not already explain: the YAML is parsed
 * into a tree that remembers every value's position ({@link LocatedTree}); the tree is checked against the
 * JSON Schema ({@link ScenarioSchema}: unknown fields with a "did you mean" hint, missing fields, types,
 * ranges of plain numbers); the records are built ({@link ScenarioBuilder}: quantity forms, bounds of
 * distributions, CAMEO codes, the records' own checks); and the cross-references are checked
 * ({@link ScenarioChecks}: unknown ids, duplicates, row-stochastic influence, sources). Throws one
 * {@link ScenarioValidationException} listing them all, ordered by position. O(size of the file).
 */
public final class ScenarioReader {
    private ScenarioReader() {
    }

    /** Reads and validates a scenario file. */
    public static Scenario read(Path file) {
        return load(file).scenario();
    }

    /** Reads and validates scenario text; {@code nameForMessages} stands for the file in messages. */
    public static Scenario readString(String yaml, String nameForMessages) {
        return loadString(yaml, nameForMessages).scenario();
    }

    /**
     * Reads a scenario file and keeps what a caller may need beside the records: the SHA-256 of its bytes
     * (for run records) and the positions of its values (for {@link LoadedScenario#strictProblems()}).
     *
     * @throws ScenarioValidationException listing every problem of the file
     * @throws DataFormatException         when the file cannot be read at all
     */
    public static LoadedScenario load(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // read at most one byte past the limit: a larger file (or an endless stream) is never read whole
            bytes = in.readNBytes(ReadingRules.MAX_FILE_BYTES + 1);
            if (bytes.length > ReadingRules.MAX_FILE_BYTES) {
                long size = Files.isRegularFile(file) ? Files.size(file) : bytes.length;
                throw new ScenarioValidationException(List.of(ReadingRules.tooLarge(
                        ReadingRules.printable(file.toString()), size)));
            }
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file.toString(), 0, 0, "no such file");
        } catch (IOException e) {
            throw new DataFormatException(file.toString(), 0, 0, "cannot read the file: " + e.getMessage());
        }
        return load(bytes, file.toString());
    }

    /** As {@link #load(Path)}, from bytes already read; {@code name} stands for the file in messages. */
    public static LoadedScenario load(byte[] bytes, String name) {
        if (bytes.length > ReadingRules.MAX_FILE_BYTES) {
            throw new ScenarioValidationException(List.of(ReadingRules.tooLarge(
                    ReadingRules.printable(name == null ? "<input>" : name), bytes.length)));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ScenarioValidationException(List.of(new LocatedProblem(name, 1, 1, "",
                    "the file is not UTF-8 text; expected a YAML file saved as UTF-8")));
        }
        return load(text, name, ScenarioFiles.hash(bytes));
    }

    /** As {@link #load(Path)}, from text (hashed as UTF-8). */
    public static LoadedScenario loadString(String yaml, String nameForMessages) {
        byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > ReadingRules.MAX_FILE_BYTES) {
            throw new ScenarioValidationException(List.of(ReadingRules.tooLarge(
                    ReadingRules.printable(nameForMessages == null ? "<input>" : nameForMessages), bytes.length)));
        }
        return load(yaml, nameForMessages, ScenarioFiles.hash(bytes));
    }

    private static LoadedScenario load(String text, String name, String hash) {
        String file = ReadingRules.printable(name == null ? "<input>" : name);
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<LocatedProblem> screened = ReadingRules.screen(body, file);
        if (!screened.isEmpty()) {
            throw new ScenarioValidationException(screened);
        }
        LocatedTree tree = LocatedTree.parse(body, file);
        List<LocatedProblem> located = new ArrayList<>(tree.problems());
        JsonNode root = tree.root();
        if (root == null) {
            throw new ScenarioValidationException(located);
        }
        List<Finding> kept = new ArrayList<>(tree.findings());
        addUncovered(kept, ScenarioSchema.validate(root));
        ScenarioBuilder builder = new ScenarioBuilder();
        Scenario scenario = builder.build(root);
        addUncovered(kept, builder.problems());
        if (scenario != null) {
            List<Finding> checks = new ArrayList<>();
            for (Problem p : ScenarioChecks.check(scenario)) {
                if (!ScenarioBuilder.mentionsPlaceholder(p.message())) {
                    checks.add(new Finding(p.path(), p.path(), false, true, ScenarioBuilder.withoutPlaceholders(p.message())));
                }
            }
            addUncovered(kept, checks);
        }
        LinkedHashSet<LocatedProblem> all = new LinkedHashSet<>();
        for (LocatedProblem p : located) {
            all.add(new LocatedProblem(p.file(), p.line(), p.column(), p.pointer(), ReadingRules.printable(p.message())));
        }
        for (Finding f : kept) {
            LocatedTree.Position pos = f.atKey() ? tree.locateKey(f.pointer()) : tree.locate(f.pointer());
            all.add(new LocatedProblem(file, pos.line(), pos.column(), f.pointer(), ReadingRules.printable(f.message())));
        }
        if (!all.isEmpty() || scenario == null) {
            List<LocatedProblem> sorted = new ArrayList<>(all);
            sorted.sort(Comparator.comparingInt(LocatedProblem::line).thenComparingInt(LocatedProblem::column));
            if (sorted.isEmpty()) {
                sorted.add(new LocatedProblem(file, 1, 1, "", "expected a scenario mapping (statecraft: 1, id: ..., "
                        + "actors: ...), found " + ScenarioSchema.describe(root)));
            }
            throw new ScenarioValidationException(Cascades.collapse(sorted));
        }
        return new LoadedScenario(scenario, file, hash, tree);
    }

    /** Adds each new finding unless an earlier stage's finding already explains it. */
    private static void addUncovered(List<Finding> kept, List<Finding> next) {
        List<Finding> earlier = List.copyOf(kept);
        for (Finding f : next) {
            if (earlier.stream().noneMatch(f::isCoveredBy) && !kept.contains(f)) {
                kept.add(f);
            }
        }
    }
}
