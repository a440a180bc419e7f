package org.statecraft.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.statecraft.core.StatecraftException;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.io.scenario.ScenarioFiles;
import org.statecraft.io.scenario.ScenarioReader;

/** Finds and loads scenarios: a given file, or the bundled default. */
final class Scenarios {
    static final String DEFAULT = "pakistan-taliban-2023.yaml";

    /** A loaded scenario with where it came from and its hash. */
    record Loaded(Scenario scenario, String file, String hash, String yaml) {
    }

    private Scenarios() {
    }

    /**
     * The scenario at {@code path}; without one, {@code scenarios/pakistan-taliban-2023.yaml} under the
     * Statecraft home (set by the launcher) or the working directory, else the copy inside the application.
     */
    static Loaded load(Path path) {
        if (path != null) {
            return fromFile(path);
        }
        for (String home : new String[] {System.getProperty("statecraft.home"), "."}) {
            if (home != null) {
                Path p = Path.of(home, "scenarios", DEFAULT);
                if (Files.isRegularFile(p)) {
                    return fromFile(p);
                }
            }
        }
        try (InputStream in = Scenarios.class.getResourceAsStream("/scenarios/" + DEFAULT)) {
            if (in == null) {
                throw new IllegalStateException("the bundled scenario is missing from the application");
            }
            byte[] bytes = in.readAllBytes();
            String yaml = new String(bytes, StandardCharsets.UTF_8);
            return new Loaded(ScenarioReader.readString(yaml, "(bundled) scenarios/" + DEFAULT), "(bundled) " + DEFAULT,
                    ScenarioFiles.hash(bytes), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Loaded fromFile(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new StatecraftException(p + ": no such scenario file");
        }
        try {
            byte[] bytes = Files.readAllBytes(p);
            return new Loaded(ScenarioReader.read(p), p.toString(), ScenarioFiles.hash(bytes),
                    new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StatecraftException(p + ": cannot read: " + e.getMessage());
        }
    }
}
