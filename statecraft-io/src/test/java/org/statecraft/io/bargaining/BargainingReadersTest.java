package org.statecraft.io.bargaining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statecraft.core.DataFormatException;
import org.statecraft.core.bargaining.BargainingProblem;
import org.statecraft.core.bargaining.PceModel;
import org.statecraft.core.bargaining.SpatialModelOfPolitics;
import org.statecraft.core.bargaining.VictoryLaw;
import org.statecraft.core.bargaining.VotingRule;

class BargainingReadersTest {
    static Path data(String rel) {
        return Path.of(System.getProperty("statecraft.shared", "../../shared")).resolve("data").resolve(rel);
    }

    @Test
    void readsKtabCsvWithTrailingCommasAndDimensionNames() {
        BargainingProblem p = KtabCsvReader.read(data("ktab/dummyData_3Dim.csv"));
        assertThat(p.actorCount()).isEqualTo(7);
        assertThat(p.dimensions()).containsExactly("Pstn1", "Pstn2", "Pstn3");
        assertThat(p.capability(0)).isEqualTo(102.543);
        assertThat(p.position(2, 2)).isCloseTo(0.0007, within(1e-12));
        assertThat(p.salience(6, 2)).isCloseTo(0.2603, within(1e-12));
        assertThat(KtabCsvReader.read(data("ktab/dummyData_6Dim.csv")).dimensionCount()).isEqualTo(6);
    }

    @Test
    void smpRunsSoePolicyAndTheFortyAndEightyActorFilesToConvergence() {
        for (String f : List.of("ktab/SOE-Policy.csv", "ktab/dummyData-a040.csv", "ktab/dummyData-a080.csv")) {
            SpatialModelOfPolitics.Run run = new SpatialModelOfPolitics().run(KtabCsvReader.read(data(f)));
            assertThat(run.converged()).as(f).isTrue();
            assertThat(run.states().size()).as(f).isLessThan(101);
        }
    }

    @Test
    void readsBdmFilesWithCrLineEndingsPercentSaliencesAndOwnUnits() {
        BargainingProblem eu = BdmCsvReader.read(data("bdm/eu-emissions.csv"));
        assertThat(eu.actorCount()).isEqualTo(10);
        assertThat(eu.toFileScale(eu.position(1, 0))).isCloseTo(7, within(1e-9));
        BargainingProblem china = BdmCsvReader.read(data("bdm/china.csv")); // CR line ends, salience 0–100
        assertThat(china.actorCount()).isEqualTo(24);
        assertThat(china.salience(0, 0)).isCloseTo(0.5, within(1e-12));
        BargainingProblem oil = BdmCsvReader.read(data("bdm/oil-price.csv")); // positions in USD
        assertThat(oil.scaleMin()).isEqualTo(0.0); // 12.85–14.25 USD lie inside 0–100
        assertThat(oil.toFileScale(oil.position(0, 0))).isCloseTo(14.25, within(1e-9));
        assertThat(BargainingFiles.kind(data("bdm/honduras-nicaragua.csv"))).isEqualTo(BargainingFiles.Kind.BDM_CSV);
        assertThat(BargainingFiles.kind(data("ktab/SOE-Policy.csv"))).isEqualTo(BargainingFiles.Kind.KTAB_CSV);
    }

    @Test
    void readsDeuIiiIssuesWithOutcomesVotingRulesAndCapabilitiesScaledToOne() {
        List<DeuIssue> issues = DeuReader.read(data("deu3/deu3.tsv"));
        assertThat(issues).hasSize(364);
        assertThat(issues.stream().filter(i -> i.outcome().isPresent()).count()).isEqualTo(353);
        assertThat(issues.stream().map(DeuIssue::votingRule).distinct()).contains("QMV", "Unan");
        DeuIssue first = issues.get(0);
        assertThat(first.id()).isEqualTo("d00032i1");
        assertThat(first.problem().actors().get(0)).isEqualTo("com");
        assertThat(first.problem().capability(0)).isEqualTo(1.0); // Commission 4.1 / max 4.1
        assertThat(first.outcome().getAsDouble()).isEqualTo(100);
    }

    @Test
    void ktabCsvErrorsNameFileLineAndColumn() {
        String head = "S,desc,2,1,\nActor,Desc,Cap,P,S,\n";
        assertThatThrownBy(() -> KtabCsvReader.parse(head + "A,d,1,50,50,\nB,d,1,50\n", "x.csv"))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("expected 5 columns")
                .satisfies(e -> assertThat(((DataFormatException) e).line()).isEqualTo(4));
        assertThatThrownBy(() -> KtabCsvReader.parse(head + "A,d,1,150,50,\nB,d,1,50,5\n", "x.csv"))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("position must be in [0, 100]")
                .satisfies(e -> assertThat(((DataFormatException) e).located()).startsWith("x.csv:3:7:"));
        String twoDims = "S,desc,1,2,\nActor,Desc,Cap,P,S,P,S\nA,d,1,50,60,50,41\n";
        assertThatThrownBy(() -> KtabCsvReader.parse(twoDims, "y.csv"))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("sum to 101")
                .satisfies(e -> assertThat(((DataFormatException) e).line()).isEqualTo(3));
    }

    @Test
    void ktabXmlCarriesModelParametersAndRejectsUnknownOptionsWithLine() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Scenario>
                  <name>T</name><desc>d</desc><prngSeed>1</prngSeed>
                  <ModelParameters>
                    <VictoryProbModel>Square</VictoryProbModel>
                    <VotingRule>PropCbc</VotingRule>
                    <PCEModel>MarkovUPCM</PCEModel>
                    <StateTransitions>Deterministic</StateTransitions>
                  </ModelParameters>
                  <Dimensions><dName>D</dName></Dimensions>
                  <Actors>
                    <Actor><name>A</name><description>a</description><capability>10</capability>
                      <Position><dCoord>20</dCoord></Position><Salience><dSal>50</dSal></Salience></Actor>
                    <Actor><name>B</name><description>b</description><capability>5</capability>
                      <Position><dCoord>80</dCoord></Position><Salience><dSal>70</dSal></Salience></Actor>
                  </Actors>
                </Scenario>
                """;
        KtabXmlReader.KtabScenario s = KtabXmlReader.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "t.xml");
        assertThat(s.parameters().victoryLaw()).isEqualTo(VictoryLaw.SQUARE);
        assertThat(s.parameters().votingRule()).isEqualTo(VotingRule.PROP_CBC);
        assertThat(s.parameters().pceModel()).isEqualTo(PceModel.MARKOV_UNIFORM);
        assertThat(s.problem().position(1, 0)).isEqualTo(0.8);
        String bad = xml.replace("<VotingRule>PropCbc</VotingRule>", "<VotingRule>Plurality</VotingRule>");
        assertThatThrownBy(() -> KtabXmlReader.parse(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)), "t.xml"))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("VotingRule 'Plurality'")
                .satisfies(e -> assertThat(((DataFormatException) e).line()).isEqualTo(6));
    }
}
