package org.statecraft.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.statecraft.app.report.FiguresExporter;
import org.statecraft.app.report.ReportBuilder;
import org.statecraft.app.report.ReportData;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code statecraft report RESULTS.json}: the HTML report (and figures) from saved results. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the self-contained HTML report from saved results (analyze --out DIR writes DIR/results.json).",
            "Optional sections are attached from the JSON of other commands; without them the report says 'not in this result'."})
public final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESULTS.json", description = "Results JSON written by analyze.")
    Path results;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.html",
            description = "Where to write the report (default: report.html beside RESULTS.json).")
    Path output;

    @Option(names = "--figures", paramLabel = "DIR",
            description = "Also export every chart as SVG and PNG to DIR (needs headless Chromium; exit 2 without it).")
    Path figures;

    @Option(names = "--sensitivity", paramLabel = "FILE.json", description = "Sensitivity results to draw as a tornado.")
    Path sensitivity;

    @Option(names = "--tension", paramLabel = "FILE.json", description = "Event-data tension series (statecraft events tension --format json), drawn beside the simulated and observed index.")
    Path tension;

    @Override
    public Integer call() throws IOException {
        ObjectNode data = ReportData.read(results);
        seedAsString(data);
        ReportData.attach(data, "sensitivity", sensitivity);
        ReportData.attach(data, "eventsTension", tension);
        PrintWriter err = spec.commandLine().getErr();
        Path out = output != null ? output
                : (results.toAbsolutePath().getParent() == null ? Path.of("report.html")
                        : results.toAbsolutePath().getParent().resolve("report.html"));
        ReportBuilder.write(data, out);
        err.println("wrote the report to " + out);
        if (figures != null) {
            int n = FiguresExporter.export(data, figures).size();
            err.println("wrote " + n + " figures (SVG and PNG) to " + figures);
        }
        err.flush();
        return StatecraftCommand.EXIT_OK;
    }

    /**
     * {@code run.seed} is a string since results JSON carries it so; a file written before that holds a number,
     * exact here (Jackson reads it as a long) but rounded by JavaScript's Number past 2^53: made a string before
     * the report's script reads it.
     */
    static void seedAsString(ObjectNode data) {
        if (data.get("run") instanceof ObjectNode run && run.get("seed") != null && run.get("seed").isIntegralNumber()) {
            run.put("seed", run.get("seed").bigIntegerValue().toString());
        }
    }
}
