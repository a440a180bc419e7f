package org.statecraft.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A Statecraft scenario's demand issue as a bargaining problem: `statecraft forecast scenario.yaml`. */
class ForecastScenarioTest {
    @Test
    void theDemandIssueOfTheBundledScenarioIsForecastWithEveryActorThatHasAStance() {
        Cli r = Cli.run("forecast", DefaultScenarioTest.FILE.toString(), "--format", "csv");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Arrays.asList(r.out().split("\n"));
        assertThat(lines.get(0)).isEqualTo("turn,actor,dimension,position");
        // turn 0 is the input: each actor at the mean of its position distribution (triangular(85, 90, 95) = 90)
        assertThat(lines).contains("0,pakistan,0,90.0000", "0,taliban,0,15.0000", "0,us,0,70.0000",
                "0,armed-opposition,0,90.0000");
        assertThat(lines.stream().filter(l -> l.startsWith("0,")).count())
                .as("actors with a stance: pakistan, taliban, ttp, us, china, turkey, gcc, central-asia, armed-opposition")
                .isEqualTo(9);
        // populations without a stance (refugees, traders) take no part
        assertThat(r.out()).doesNotContain("afghan-refugees", "pakistani-traders");
        // the PCE outcome, then KTAB's own outcome (risk-adjusted PCE over unique positions), both within the positions
        String outcome = lines.get(lines.size() - 2);
        assertThat(outcome).contains(",(outcome),");
        String ktab = lines.get(lines.size() - 1);
        assertThat(ktab).contains(",(ktab outcome),");
        for (String line : List.of(outcome, ktab)) {
            double forecast = Double.parseDouble(line.substring(line.lastIndexOf(',') + 1));
            assertThat(forecast).isBetween(15.0, 90.0);
        }
    }
}
