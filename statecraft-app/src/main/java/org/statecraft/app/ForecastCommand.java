package org.statecraft.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.statecraft.core.StatecraftException;
import org.statecraft.core.UsageException;
import org.statecraft.core.bargaining.BargainingModel;
import org.statecraft.core.bargaining.BargainingProblem;
import org.statecraft.core.bargaining.CompromiseModel;
import org.statecraft.core.bargaining.EumParameters;
import org.statecraft.core.bargaining.ExpectedUtilityModel;
import org.statecraft.core.bargaining.ForecastResult;
import org.statecraft.core.bargaining.KtabCompatibility;
import org.statecraft.core.bargaining.SmpParameters;
import org.statecraft.core.bargaining.SpatialModelOfPolitics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code statecraft forecast FILE}: per-turn positions and the forecast outcome of a bargaining model. */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = "Forecast a bargaining outcome (KTAB CSV/XML, BdM CSV or a scenario YAML): positions at every turn and the outcome.")
public final class ForecastCommand implements Callable<Integer> {
    /** The models the command offers. */
    public enum Model { smp, eum, compromise }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "KTAB .csv or .xml, or BdM .csv")
    Path file;

    @Option(names = "--model", defaultValue = "smp", description = "smp, eum or compromise (default: ${DEFAULT-VALUE})")
    Model model;

    @Option(names = "--rounds", description = "SMP: turn limit (default 100); EUM: rounds (default 10)")
    Integer rounds;

    @Mixin
    FormatOption format;

    @Option(names = "--threads", paramLabel = "N", description = "cores for SMP's challenge step (default: all cores); results do not depend on it")
    Integer threads;

    /** EUM parameter sets. */
    public enum EumPreset { published, scholz }

    @Option(names = "--eum-preset", defaultValue = "published",
            description = "EUM: published (the published formulas) or scholz (reproduces the Scholz-code replication) (default: ${DEFAULT-VALUE})")
    EumPreset eumPreset;

    @Option(names = "--ktab-strict", description = "refuse, with KTAB's reason, the problems KTAB's SMP refuses")
    boolean ktabStrict;

    private final BargainingInputs inputs;

    public ForecastCommand() {
        this(BargainingInputs.standard());
    }

    public ForecastCommand(BargainingInputs inputs) {
        this.inputs = inputs;
    }

    @Override
    public Integer call() throws Exception {
        if (rounds != null && rounds < 1) {
            throw new UsageException("--rounds must be >= 1, was " + rounds);
        }
        int threads = ParallelOptions.threads(this.threads);
        BargainingInputs.Loaded loaded = inputs.load(file);
        BargainingProblem problem = loaded.problem();
        if (ktabStrict) {
            Optional<String> refusal = KtabCompatibility.refusal(problem);
            if (refusal.isPresent()) {
                throw new StatecraftException("statecraft: KTAB refuses " + file + ": " + refusal.get());
            }
        }
        EumParameters eum = eumPreset == EumPreset.scholz ? EumParameters.SCHOLZ_CODE : EumParameters.DEFAULTS;
        BargainingModel engine = switch (model) {
            case smp -> {
                SmpParameters p = loaded.smpParameters().orElse(SmpParameters.DEFAULTS);
                yield new SpatialModelOfPolitics(rounds == null ? p : p.withMaxTurns(rounds), threads);
            }
            case eum -> new ExpectedUtilityModel(rounds == null ? eum : eum.withRounds(rounds));
            case compromise -> new CompromiseModel();
        };
        ForecastResult result = engine.forecast(problem);
        PrintWriter out = spec.commandLine().getOut();
        switch (format.get()) {
            case csv -> csv(out, problem, result);
            case json -> json(out, problem, result);
            default -> table(out, problem, result);
        }
        out.flush();
        return StatecraftCommand.EXIT_OK;
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static String csvField(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static void csv(PrintWriter out, BargainingProblem p, ForecastResult r) {
        out.println("turn,actor,dimension,position");
        for (int t = 0; t < r.states().size(); t++) {
            double[][] st = r.states().get(t);
            for (int i = 0; i < p.actorCount(); i++) {
                for (int d = 0; d < p.dimensionCount(); d++) {
                    out.println(t + "," + csvField(p.actors().get(i)) + "," + d + "," + num(p.toFileScale(st[i][d])));
                }
            }
        }
        double[] outcome = r.outcome();
        for (int d = 0; d < p.dimensionCount(); d++) {
            out.println(r.turns() + ",(outcome)," + d + "," + num(p.toFileScale(outcome[d])));
        }
        List<double[]> ktab = r.statistics().get(SpatialModelOfPolitics.KTAB_EXPECTED);
        if (ktab != null) {
            for (int d = 0; d < p.dimensionCount(); d++) {
                out.println(r.turns() + ",(ktab outcome)," + d + "," + num(p.toFileScale(ktab.get(ktab.size() - 1)[d])));
            }
        }
    }

    private static void json(PrintWriter out, BargainingProblem p, ForecastResult r) throws Exception {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("model", r.model());
        root.put("scenario", p.name());
        root.put("actors", p.actors());
        root.put("dimensions", p.dimensions());
        root.put("scale", List.of(p.scaleMin(), p.scaleMax()));
        root.put("converged", r.converged());
        List<Object> turns = new ArrayList<>();
        for (int t = 0; t < r.states().size(); t++) {
            Map<String, Object> turn = new LinkedHashMap<>();
            turn.put("turn", t);
            turn.put("positions", scaled(p, r.states().get(t)));
            for (Map.Entry<String, List<double[]>> e : r.statistics().entrySet()) {
                if (t < e.getValue().size()) {
                    turn.put(e.getKey(), scaled(p, e.getValue().get(t)));
                }
            }
            turns.add(turn);
        }
        root.put("turns", turns);
        root.put("outcome", scaled(p, r.outcome()));
        List<double[]> ktab = r.statistics().get(SpatialModelOfPolitics.KTAB_EXPECTED);
        if (ktab != null) {
            root.put("ktabOutcome", scaled(p, ktab.get(ktab.size() - 1)));
        }
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        out.println(mapper.writeValueAsString(root));
    }

    private static double[][] scaled(BargainingProblem p, double[][] state) {
        double[][] s = new double[state.length][];
        for (int i = 0; i < state.length; i++) {
            s[i] = scaled(p, state[i]);
        }
        return s;
    }

    private static double[] scaled(BargainingProblem p, double[] v) {
        double[] s = new double[v.length];
        for (int d = 0; d < v.length; d++) {
            s[d] = Math.round(p.toFileScale(v[d]) * 1e6) / 1e6;
        }
        return s;
    }

    private static void table(PrintWriter out, BargainingProblem p, ForecastResult r) {
        out.printf(Locale.ROOT, "%s forecast of %s: %d actors, %d dimension(s), %d turn(s)%s%n", r.model(), p.name(),
                p.actorCount(), p.dimensionCount(), r.turns(), r.converged() ? "" : " (turn limit reached before convergence)");
        int width = Math.max(5, p.actors().stream().mapToInt(String::length).max().orElse(5));
        for (int d = 0; d < p.dimensionCount(); d++) {
            out.printf(Locale.ROOT, "%nDimension %d (%s)%n", d, p.dimensions().get(d));
            StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", "actor"));
            for (int t = 0; t < r.states().size(); t++) {
                head.append(String.format(Locale.ROOT, " %7s", "t" + t));
            }
            out.println(head);
            for (int i = 0; i < p.actorCount(); i++) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", p.actors().get(i)));
                for (double[][] st : r.states()) {
                    row.append(String.format(Locale.ROOT, " %7.2f", p.toFileScale(st[i][d])));
                }
                out.println(row);
            }
            for (Map.Entry<String, List<double[]>> e : r.statistics().entrySet()) {
                if (e.getValue().size() != r.states().size()) {
                    continue;
                }
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", e.getKey()));
                for (double[] v : e.getValue()) {
                    row.append(String.format(Locale.ROOT, " %7.3f", p.toFileScale(v[d])));
                }
                out.println(row);
            }
            out.printf(Locale.ROOT, "Forecast outcome: %.2f%n", p.toFileScale(r.outcome()[d]));
            List<double[]> ktab = r.statistics().get(SpatialModelOfPolitics.KTAB_EXPECTED);
            if (ktab != null) {
                out.printf(Locale.ROOT, "KTAB's outcome (risk-adjusted PCE over unique positions): %.2f%n",
                        p.toFileScale(ktab.get(ktab.size() - 1)[d]));
            }
        }
    }
}
