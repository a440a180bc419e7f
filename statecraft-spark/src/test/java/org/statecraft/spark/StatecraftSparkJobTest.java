package org.statecraft.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.statecraft.core.FailureKind;
import org.statecraft.core.montecarlo.MonteCarloOptions;
import org.statecraft.core.sensitivity.LeverageSensitivityModel;
import picocli.CommandLine;

/** The spark-submit entry point's argument parsing (no Spark session is started: every case fails or is parsed first). */
class StatecraftSparkJobTest {
    private record Outcome(int code, String err) {
    }

    private static Outcome run(String... args) {
        CommandLine cl = StatecraftSparkJob.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return new Outcome(cl.execute(args), err.toString());
    }

    @Test
    void badArgumentsAreUsageErrorsWithTheSharedExitCode() {
        int usage = FailureKind.USAGE.exitCode();
        assertThat(run().code()).isEqualTo(usage);
        assertThat(run("bogus", "x.yaml").code()).isEqualTo(usage);
        assertThat(run("montecarlo").code()).isEqualTo(usage);
        assertThat(run("montecarlo", "x.yaml", "--runs", "many").code()).isEqualTo(usage);
        assertThat(run("montecarlo", "x.yaml", "--runs").code()).isEqualTo(usage);
        Outcome grouping = run("sensitivity", "x.yaml", "--group-by", "everything");
        assertThat(grouping.code()).isEqualTo(usage);
        assertThat(grouping.err()).contains("statecraft-spark:", "none, section or lever", "everything");
        assertThat(run("gdelt-dyad", "PAK", "AFG").code()).isEqualTo(usage);
        assertThat(run("montecarlo", "x.yaml", "--partitions", "0").code()).isEqualTo(usage);
        Outcome samples = run("sensitivity", "x.yaml", "--samples", "1", "--partitions", "0");
        assertThat(samples.code()).isEqualTo(usage);
        assertThat(samples.err()).doesNotContain("internal error");
    }

    @Test
    void defaultsAreTheLocalCommandsOnes() {
        StatecraftSparkJob.MonteCarloJob mc = new StatecraftSparkJob.MonteCarloJob();
        new CommandLine(mc).parseArgs("x.yaml");
        assertThat(mc.runs).isEqualTo(MonteCarloOptions.DEFAULT_RUNS);
        assertThat(mc.scenario.seed).isEqualTo(MonteCarloOptions.DEFAULT_SEED);
        assertThat(mc.scenario.partitions).isNull();

        StatecraftSparkJob.SensitivityJob s = new StatecraftSparkJob.SensitivityJob();
        new CommandLine(s).parseArgs("x.yaml", "--group-by", "Section", "--policy", "a,b", "--seed", "7");
        assertThat(s.groupBy).isEqualTo(LeverageSensitivityModel.Grouping.SECTION);
        assertThat(s.policies).containsExactly("a", "b");
        assertThat(s.scenario.seed).isEqualTo(7L);

        StatecraftSparkJob.GdeltDyadJob g = new StatecraftSparkJob.GdeltDyadJob();
        new CommandLine(g).parseArgs("PAK", "AFG", "one.tsv", "two.tsv", "--directed", "--out", "o.json");
        assertThat(g.paths).containsExactly("one.tsv", "two.tsv");
        assertThat(g.directed).isTrue();
        assertThat(g.output.out).hasToString("o.json");
    }
}
