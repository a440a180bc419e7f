package org.statecraft.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.statecraft.core.StatecraftException;
import org.statecraft.core.bargaining.BargainingProblem;
import org.statecraft.core.bargaining.SmpParameters;
import org.statecraft.io.bargaining.BargainingFiles;
import org.statecraft.io.bargaining.KtabXmlReader;
import org.statecraft.io.scenario.ScenarioReader;

/**
 * Which reader turns a file into a bargaining problem, by extension. {@link #standard()} knows KTAB CSV, BdM CSV
 * (told apart by content), KTAB XML (which also carries SMP parameters) and Statecraft scenarios (.yaml, .yml:
 * the demand issue, with every actor that has a stance on it, at the quantities' means). Further formats plug in
 * with {@link #register(String, Function)}.
 * Immutable: {@code register} returns a new registry.
 */
public final class BargainingInputs {
    /** A problem and, when the file specifies them, its SMP parameters. */
    public record Loaded(BargainingProblem problem, Optional<SmpParameters> smpParameters) {
    }

    private final Map<String, Function<Path, Loaded>> byExtension;

    private BargainingInputs(Map<String, Function<Path, Loaded>> byExtension) {
        this.byExtension = Map.copyOf(byExtension);
    }

    public static BargainingInputs standard() {
        Map<String, Function<Path, Loaded>> m = new LinkedHashMap<>();
        m.put("csv", path -> new Loaded(BargainingFiles.readCsv(path), Optional.empty()));
        m.put("xml", path -> {
            KtabXmlReader.KtabScenario s = KtabXmlReader.read(path);
            return new Loaded(s.problem(), Optional.of(s.parameters()));
        });
        Function<Path, Loaded> scenario = path -> new Loaded(
                BargainingProblem.fromScenario(ScenarioReader.read(path)), Optional.empty());
        m.put("yaml", scenario);
        m.put("yml", scenario);
        return new BargainingInputs(m);
    }

    /** A registry that also reads files ending in {@code .extension} with {@code reader}. */
    public BargainingInputs register(String extension, Function<Path, BargainingProblem> reader) {
        Map<String, Function<Path, Loaded>> m = new LinkedHashMap<>(byExtension);
        m.put(extension.toLowerCase(Locale.ROOT), path -> new Loaded(reader.apply(path), Optional.empty()));
        return new BargainingInputs(m);
    }

    public Loaded load(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        Function<Path, Loaded> reader = byExtension.get(ext);
        if (reader == null) {
            throw new StatecraftException("statecraft: cannot tell the format of " + path + "; known extensions: "
                    + String.join(", ", byExtension.keySet().stream().sorted().toList()));
        }
        if (!Files.isRegularFile(path)) {
            throw new StatecraftException("statecraft: no such file: " + path);
        }
        return reader.apply(path);
    }
}
