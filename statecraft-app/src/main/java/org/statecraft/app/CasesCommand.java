package org.statecraft.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.statecraft.app.FormatOption.Format;
import org.statecraft.core.StatecraftException;
import org.statecraft.core.record.CasePrior;
import org.statecraft.core.record.Scorecard;
import org.statecraft.io.results.AnalysisJson;
import org.statecraft.io.results.RecordResults;
import org.statecraft.io.results.TextTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code statecraft cases score}: every bundled case hindcast, one scorecard. */
@Command(name = "cases", mixinStandardHelpOptions = true,
        description = "The case library: bundled scenarios of coercion with recorded outcomes.",
        subcommands = {CasesCommand.Score.class})
public final class CasesCommand {

    @Command(name = "score", mixinStandardHelpOptions = true,
            description = {"Hindcast every bundled case (scenarios/ and scenarios/cases/, or the files given) and print "
                    + "one scorecard: the model against the baselines, per outcome kind and overall.",
                "Cases in scenarios/cases/ must use the shared case prior (docs/models/case-prior.md)."})
    static final class Score implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "0..*", paramLabel = "SCENARIO", description = "Scenario files (default: the bundled cases).")
        List<Path> files;

        @Option(names = "--response-curve", paramLabel = "FILE", description = {"Score every case with this resolve "
                + "distribution (from 'statecraft calibrate --out FILE', its estimation error carried into the runs) "
                + "in place of the case prior's complianceCost: one prior for all cases, to compare with the default."})
        Path responseCurve;

        @Mixin
        RunOptions run;

        @Mixin
        FormatOption format;

        @Override
        public Integer call() throws IOException {
            Format form = format.of(Format.table, Format.json);
            List<Path> paths = files == null || files.isEmpty() ? bundled() : files;
            List<Scorecard> cards = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (Path p : paths) {
                Scenarios.Loaded loaded = Scenarios.load(p);
                if (p.getParent() != null && p.getParent().getFileName() != null
                        && p.getParent().getFileName().toString().equals("cases")) {
                    List<String> dev = new ArrayList<>(CasePrior.deviations(loaded.scenario()));
                    if (responseCurve != null) {
                        dev.removeIf(d -> d.startsWith("demand/complianceCost"));
                    }
                    if (!dev.isEmpty()) {
                        problems.add(p + " departs from the case prior: " + String.join("; ", dev));
                        continue;
                    }
                }
                if (loaded.scenario().observed().until() == null) {
                    problems.add(p + " has no record window (observed/until): not scored");
                    continue;
                }
                cards.add(HindcastCommand.score(HindcastCommand.withCurve(loaded, responseCurve), null, run));
            }
            PrintWriter o = spec.commandLine().getOut();
            if (form == Format.json) {
                var root = AnalysisJson.mapper().createObjectNode();
                var arr = root.putArray("cases");
                cards.forEach(c -> arr.add(RecordResults.json(c)));
                var pooled = root.putArray("pooled");
                for (Pooled pl : pool(cards).values()) {
                    var n = pooled.addObject();
                    n.put("kind", pl.kind);
                    n.put("rule", pl.rule);
                    n.put("n", pl.n);
                    n.put("model", pl.model / pl.n);
                    n.put("baseline", pl.baseline / pl.n);
                    n.put("modelWins", pl.wins);
                }
                var pr = root.putArray("notScored");
                problems.forEach(pr::add);
                o.println(AnalysisJson.write(root));
            } else {
                o.print(text(cards, problems));
            }
            o.flush();
            if (!problems.isEmpty() && cards.isEmpty()) {
                throw new StatecraftException("no case could be scored: " + String.join("; ", problems));
            }
            return StatecraftCommand.EXIT_OK;
        }

        static List<Path> bundled() throws IOException {
            String home = System.getProperty("statecraft.home", ".");
            List<Path> out = new ArrayList<>();
            for (Path dir : new Path[] {Path.of(home, "scenarios"), Path.of(home, "scenarios", "cases")}) {
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> s = Files.list(dir)) {
                    s.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(out::add);
                }
            }
            if (out.isEmpty()) {
                throw new StatecraftException("no bundled cases under " + Path.of(home, "scenarios"));
            }
            return out;
        }

        /** Item scores pooled over all cases, by kind and rule (only items that have a baseline). */
        static final class Pooled {
            String kind;
            String rule;
            int n;
            double model;
            double baseline;
            int wins;
        }

        static Map<String, Pooled> pool(List<Scorecard> cards) {
            Map<String, Pooled> m = new LinkedHashMap<>();
            for (Scorecard c : cards) {
                for (Scorecard.Item i : c.items()) {
                    for (Scorecard.Score s : i.scores()) {
                        if (Double.isNaN(s.baseline()) || Double.isNaN(s.model())) {
                            continue;
                        }
                        Pooled p = m.computeIfAbsent(i.kind().label() + "/" + s.rule(), k -> new Pooled());
                        p.kind = i.kind().label();
                        p.rule = s.rule();
                        p.n++;
                        p.model += s.model();
                        p.baseline += s.baseline();
                        p.wins += s.modelBetter() ? 1 : 0;
                    }
                }
            }
            return m;
        }

        static String text(List<Scorecard> cards, List<String> problems) {
            StringBuilder b = new StringBuilder();
            b.append("Case library scorecard (lower is better; baselines need no model; docs/models/hindcast.md)\n\n");
            TextTable t = new TextTable("case", "window", "outcomes", "scores won", "the model").leftAlign(0)
                    .leftAlign(1).leftAlign(4);
            for (Scorecard c : cards) {
                t.row(c.scenario(), c.start() + " to " + c.until(), String.valueOf(c.items().size()),
                        c.rulesWon() + "/" + c.compared().size(), c.outcome());
            }
            b.append(t.render(false)).append('\n');
            b.append("Pooled over every case (mean score per outcome):\n");
            TextTable p = new TextTable("outcomes", "score", "n", "model", "baseline", "model wins").leftAlign(0).leftAlign(1);
            int won = 0;
            Map<String, Pooled> pooled = pool(cards);
            for (Pooled pl : pooled.values()) {
                p.row(pl.kind, pl.rule, String.valueOf(pl.n), String.format(Locale.ROOT, "%.3f", pl.model / pl.n),
                        String.format(Locale.ROOT, "%.3f", pl.baseline / pl.n), pl.wins + "/" + pl.n);
                won += pl.model < pl.baseline ? 1 : 0;
            }
            b.append(p.render(false));
            b.append(String.format(Locale.ROOT, "%nOverall: the model %s the baselines on %d of %d pooled scores.%n",
                    won * 2 > pooled.size() ? "beats" : won * 2 == pooled.size() ? "ties with" : "loses to", won,
                    pooled.size()));
            for (String pr : problems) {
                b.append("not scored: ").append(pr).append('\n');
            }
            return b.toString();
        }
    }
}
