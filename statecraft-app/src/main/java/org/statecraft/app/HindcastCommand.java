package org.statecraft.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.statecraft.app.FormatOption.Format;
import org.statecraft.core.UsageException;
import org.statecraft.core.record.Conditioning;
import org.statecraft.core.record.Hindcast;
import org.statecraft.core.record.OutOfSample;
import org.statecraft.core.record.Scorecard;
import org.statecraft.io.calibration.ResponseCurveFitFile;
import org.statecraft.io.results.AnalysisJson;
import org.statecraft.io.results.RecordResults;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code statecraft hindcast [SCENARIO] [--until DATE]}: the model scored against the scenario's record. */
@Command(name = "hindcast", mixinStandardHelpOptions = true,
        description = {"Replay what the coercer actually did (from the scenario's record) and score every recorded "
                + "outcome against the model's predictive distribution, each beside a baseline that needs no model.",
            "Without SCENARIO, the bundled Pakistan-Taliban 2023 case."})
public final class HindcastCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "Scenario YAML file with a record (observed/until).")
    Path scenario;

    @Option(names = "--until", paramLabel = "DATE", description = "Score the record up to this date (default: the record's end).")
    LocalDate until;

    @Option(names = "--train-until", paramLabel = "DATE", description = {"Out of sample: weigh the runs by the record "
            + "to DATE (as analyze --condition does), then score only what happened after DATE, under that posterior "
            + "and under the prior."})
    LocalDate trainUntil;

    @Option(names = "--response-curve", paramLabel = "FILE", description = {"Replace the scenario's resolve "
            + "distribution (demand.complianceCost) with the fit written by 'statecraft calibrate --out FILE', its "
            + "estimation error carried into the runs."})
    Path responseCurve;

    @Mixin
    RunOptions run;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        Format form = format.of(Format.table, Format.json);
        Scenarios.Loaded loaded = withCurve(Scenarios.load(scenario), responseCurve);
        PrintWriter o = spec.commandLine().getOut();
        if (trainUntil != null) {
            OutOfSample oos;
            try {
                oos = OutOfSample.of(loaded.scenario(), trainUntil, until, run.runs, run.parallel.seed,
                        run.parallel.threads(), Conditioning.Bandwidths.DEFAULT, Conditioning.SMC_GENERATIONS);
            } catch (IllegalArgumentException e) {
                throw new UsageException(loaded.file() + ": " + e.getMessage());
            }
            o.print(form == Format.json ? AnalysisJson.write(RecordResults.json(oos)) + "\n" : RecordResults.text(oos));
            o.flush();
            return StatecraftCommand.EXIT_OK;
        }
        Scorecard card = score(loaded, until, run);
        o.print(form == Format.json ? AnalysisJson.write(RecordResults.json(card)) + "\n" : RecordResults.text(card));
        o.flush();
        return StatecraftCommand.EXIT_OK;
    }

    /** {@code loaded} with its resolve replaced by the fit in {@code file} (null: unchanged). */
    static Scenarios.Loaded withCurve(Scenarios.Loaded loaded, Path file) {
        if (file == null) {
            return loaded;
        }
        var fit = ResponseCurveFitFile.read(file);
        return new Scenarios.Loaded(fit.applyTo(loaded.scenario()), loaded.file(), loaded.hash(), loaded.yaml());
    }

    static Scorecard score(Scenarios.Loaded loaded, LocalDate until, RunOptions run) {
        if (run.runs < 1) {
            throw new UsageException("--runs must be >= 1, was " + run.runs);
        }
        try {
            return Scorecard.of(Hindcast.simulate(loaded.scenario(), until, run.runs, run.parallel.seed,
                    run.parallel.threads()));
        } catch (IllegalArgumentException e) {
            throw new UsageException(loaded.file() + ": " + e.getMessage());
        }
    }
}
