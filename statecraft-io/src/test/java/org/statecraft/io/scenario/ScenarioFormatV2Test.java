package org.statecraft.io.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.statecraft.io.scenario.ScenarioReaderTest.FILE;
import static org.statecraft.io.scenario.ScenarioReaderTest.columnOf;
import static org.statecraft.io.scenario.ScenarioReaderTest.lineOf;
import static org.statecraft.io.scenario.ScenarioReaderTest.only;
import static org.statecraft.io.scenario.ScenarioReaderTest.problems;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statecraft.core.scenario.AttackEffect;
import org.statecraft.core.scenario.ClashProcess;
import org.statecraft.core.scenario.Constituency;
import org.statecraft.core.scenario.ConstituencyKind;
import org.statecraft.core.scenario.ConstituencyRole;
import org.statecraft.core.scenario.Demand;
import org.statecraft.core.scenario.Harm;
import org.statecraft.core.scenario.Lever;
import org.statecraft.core.scenario.Offset;
import org.statecraft.core.scenario.Provenance;
import org.statecraft.core.scenario.Quantity;
import org.statecraft.core.scenario.Rule;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.core.scenario.StanceEffect;
import org.statecraft.core.scenario.Trigger;

/**
 * The fields of the leverage engine v2 (several roles, stocks, saturating and adapting harms, stance effects,
 * offsets, attack effects, stop and ease rules, lever and concession triggers, responses, the demand's decision
 * rate and partial levels, clash harms, uncertain network weights and drift): each is read into its record, and
 * each kind of mistake in it is reported at its line and column.
 */
class ScenarioFormatV2Test {
    static final String V2 = ScenarioReaderTest.resource("counter-moves.yaml");

    /** The v2 scenario with the first occurrence of {@code from} replaced by {@code to}. */
    static String with(String from, String to) {
        assertThat(V2).contains(from);
        return V2.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    static Quantity uniform(double min, double max, String assumption) {
        return new Quantity.Uniform(min, max, Provenance.assumption(assumption));
    }

    /** The only problem, checked to sit at the first occurrence of {@code needle}. */
    static LocatedProblem at(String yaml, String needle) {
        LocatedProblem p = only(problems(yaml));
        assertThat(p.line()).as(p.toString()).isEqualTo(lineOf(yaml, needle));
        assertThat(p.column()).as(p.toString()).isEqualTo(columnOf(yaml, needle));
        return p;
    }

    /** The only problem, checked to sit at the first occurrence of {@code value} after that of {@code context}. */
    static LocatedProblem at(String yaml, String context, String value) {
        int from = yaml.indexOf(context);
        assertThat(from).as(context).isNotNegative();
        int i = yaml.indexOf(value, from);
        assertThat(i).as(value).isNotNegative();
        LocatedProblem p = only(problems(yaml));
        assertThat(p.line()).as(p.toString()).isEqualTo(yaml.substring(0, i).chars().filter(c -> c == '\n').count() + 1);
        assertThat(p.column()).as(p.toString()).isEqualTo(i - yaml.lastIndexOf('\n', i - 1));
        return p;
    }

    // ---- parsing ----------------------------------------------------------------------------------------

    @Test
    void constituenciesTakeSeveralRolesAndAKind() {
        Scenario s = ScenarioReader.readString(V2, FILE);
        Constituency aid = s.constituency("aid").orElseThrow();
        assertThat(aid.roles()).containsExactly(ConstituencyRole.INTERNATIONAL, ConstituencyRole.COLLATERAL);
        assertThat(aid.kind()).as("default kind").isEqualTo(ConstituencyKind.FLOW);
        Constituency refugees = s.constituency("refugees").orElseThrow();
        assertThat(refugees.roles()).as("the single role: form").containsExactly(ConstituencyRole.COLLATERAL);
        assertThat(refugees.kind()).isEqualTo(ConstituencyKind.STOCK);
    }

    @Test
    void harmsTakeACapAHalfLifeAndAFloor() {
        Harm traders = ScenarioReader.readString(V2, FILE).lever("close-border").orElseThrow().harms().get(0);
        assertThat(traders.accumulationCap())
                .isEqualTo(uniform(0.5, 2, "savings run out, then losses stop growing"));
        assertThat(traders.halfLifeDays()).isEqualTo(uniform(20, 60, "trade diverts to other crossings"));
        assertThat(traders.floor()).isEqualTo(uniform(0.3, 0.6, "other routes carry only part of the trade"));
        Harm customs = ScenarioReader.readString(V2, FILE).lever("close-border").orElseThrow().harms().get(1);
        assertThat(customs.accumulationCap()).as("default cap").isEqualTo(Quantity.of(1));
        assertThat(customs.halfLifeDays()).as("no adaptation").isNull();
        assertThat(customs.floor()).isNull();
    }

    @Test
    void leversTakeToleranceGainStanceEffectsOffsetsAndAttackEffects() {
        Scenario s = ScenarioReader.readString(V2, FILE);
        Lever close = s.lever("close-border").orElseThrow();
        assertThat(close.toleranceGainPerAttack())
                .isEqualTo(uniform(0.1, 0.5, "each attack hardens the coercer's public"));
        assertThat(close.stanceEffects()).containsExactly(new StanceEffect("patron",
                uniform(0, 0.3, "the patron sympathises with the blockaded")));
        Lever credit = s.lever("patron-credit").orElseThrow();
        assertThat(credit.owner()).isEqualTo("patron");
        assertThat(credit.offsets()).containsExactly(
                new Offset("traders", uniform(0.1, 0.4, "the patron's market absorbs part of the goods")),
                new Offset("aid", uniform(0.2, 0.5, "a credit line replaces part of the aid")));
        assertThat(s.lever("airstrike").orElseThrow().attackEffect()).isEqualTo(new AttackEffect(
                uniform(0.2, 0.5, "strikes hit camps, not every cell"),
                uniform(30, 90, "the proxy recruits again within months")));
        Lever expel = s.lever("expel-refugees").orElseThrow();
        assertThat(expel.toleranceGainPerAttack()).isNull();
        assertThat(expel.stanceEffects()).isEmpty();
        assertThat(expel.offsets()).isEmpty();
        assertThat(expel.attackEffect()).isNull();
    }

    @Test
    void rulesEaseAndStopLeversAndFireOnConcessions() {
        Scenario s = ScenarioReader.readString(V2, FILE);
        assertThat(s.policy("graduated").orElseThrow().rules()).containsExactly(
                new Rule(new Trigger.OnDay(0), Rule.Action.USE, "close-border", null, true),
                new Rule(new Trigger.OnDay(30), Rule.Action.EASE, "close-border", null, true, 0.5),
                new Rule(new Trigger.AttackCount(7, 3), Rule.Action.USE, "airstrike", 3, false),
                new Rule(new Trigger.OnConcession(), Rule.Action.STOP, "airstrike", null, false));
    }

    @Test
    void responsesAreRulesOutsideThePolicies() {
        Scenario s = ScenarioReader.readString(V2, FILE);
        assertThat(s.responses()).containsExactly(
                new Rule(new Trigger.OnLeverUse("close-border"), Rule.Action.USE, "retaliate", 14, false),
                new Rule(new Trigger.OnLeverUse("close-border"), Rule.Action.USE, "patron-credit", null, false),
                new Rule(new Trigger.OnConcession(), Rule.Action.STOP, "retaliate", null, false));
        assertThat(ScenarioReader.readString(ScenarioReaderTest.VALID, FILE).responses()).isEmpty();
    }

    @Test
    void theDemandTakesADecisionRateAPartialLevelAndABacksliding() {
        Demand d = ScenarioReader.readString(V2, FILE).demand();
        assertThat(d.decisionRatePerDay()).isEqualTo(uniform(0.1, 0.3, "the leadership meets every few days"));
        assertThat(d.partialLevel()).isEqualTo(0.2);
        assertThat(d.allOrNothing()).isFalse();
        assertThat(d.backslideBelow()).isEqualTo(0.4);

        Demand old = ScenarioReader.readString(ScenarioReaderTest.VALID, FILE).demand();
        assertThat(old.decisionRatePerDay()).as("absent: decisions every day").isNull();
        assertThat(old.partialLevel()).isEqualTo(Math.min(Demand.DEFAULT_PARTIAL_LEVEL, old.releaseLevel()));
        assertThat(old.backslideBelow()).isEqualTo(Demand.DEFAULT_BACKSLIDE_BELOW);

        String whole = with("  releaseLevel: 0.6\n", "  releaseLevel: 1\n  allOrNothing: true\n")
                .replace("  partialLevel: 0.2\n", "");
        assertThat(ScenarioReader.readString(whole, FILE).demand().allOrNothing()).isTrue();
        String small = with("  releaseLevel: 0.6\n", "  releaseLevel: 0.05\n").replace("  partialLevel: 0.2\n", "");
        assertThat(ScenarioReader.readString(small, FILE).demand().partialLevel())
                .as("the default partial level is capped at the release level").isEqualTo(0.05);
    }

    @Test
    void clashesTakeOneOffHarms() {
        ClashProcess c = ScenarioReader.readString(V2, FILE).clashes();
        assertThat(c.harms()).containsExactly(new ClashProcess.ClashHarm("coercer-traders",
                uniform(10000, 50000, "a day's trucks turned back")));
    }

    @Test
    void theNetworkTakesUncertainWeightsAStepDistributionAndDrift() {
        var n = ScenarioReader.readString(V2, FILE).network();
        assertThat(n.influence().get("patron")).containsEntry("coercer", uniform(0.2, 0.5, "but hears the coercer"));
        assertThat(n.influence().get("coercer")).containsEntry("coercer",
                new Quantity.Fixed(1, Provenance.source("report-a")));
        assertThat(n.stepDays()).isEqualTo(new Quantity.Triangular(5, 7, 14,
                Provenance.assumption("capitals react within one to two weeks")));
        assertThat(n.interest()).containsOnlyKeys("patron");
        assertThat(n.driftDays().get("patron")).isEqualTo(uniform(60, 180,
                "interests reassert themselves over months"));

        String plain = with("  stepDays: {triangular: [5, 7, 14], assumption: \"capitals react within one to two weeks\"}",
                "  stepDays: 7").replace("coercer: {coercer: {value: 1, source: report-a}}", "coercer: {coercer: 1}");
        var p = ScenarioReader.readString(plain, FILE).network();
        assertThat(p.stepDays()).as("a plain integer still works").isEqualTo(Quantity.of(7));
        assertThat(p.influence().get("coercer")).as("a plain weight is a fixed one")
                .containsEntry("coercer", Quantity.of(1));
    }

    @Test
    void strictModeAuditsTheNewNumbersToo() {
        assertThat(ScenarioReader.loadString(V2, FILE).strictProblems())
                .as("the v2 test scenario documents every number it writes").isEmpty();
        String yaml = with("share: {uniform: [0.1, 0.4], assumption: \"the patron's market absorbs part of the goods\"}",
                "share: 0.3").replace("perClash: {uniform: [10000, 50000], assumption: \"a day's trucks turned back\"}",
                "perClash: 20000");
        List<LocatedProblem> strict = ScenarioReader.loadString(yaml, FILE).strictProblems();
        assertThat(strict).extracting(LocatedProblem::line)
                .containsExactly(lineOf(yaml, "share: 0.3"), lineOf(yaml, "perClash: 20000"));
        assertThat(strict).allSatisfy(p -> assertThat(p.message()).contains("neither a source nor an assumption"));
    }

    /**
     * The format still reads the bundled scenarios: no schema finding and no problem building the records.
     * (Whether their numbers pass the v2 records' cross-checks is the scenarios' business, not the format's.)
     */
    @Test
    void theBundledScenariosStillParse() throws Exception {
        Path dir = Path.of(System.getProperty("statecraft.root", ".."), "scenarios");
        List<Path> files = new java.util.ArrayList<>();
        for (Path d : List.of(dir, dir.resolve("cases"))) {
            try (var list = Files.list(d)) {
                list.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(files::add);
            }
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            LocatedTree tree = LocatedTree.parse(Files.readString(f), f.toString());
            assertThat(tree.problems()).as(f.toString()).isEmpty();
            assertThat(ScenarioSchema.validate(tree.root())).as(f.toString()).isEmpty();
            ScenarioBuilder builder = new ScenarioBuilder();
            assertThat(builder.build(tree.root()).levers()).as(f.toString()).isNotEmpty();
            assertThat(builder.problems()).as(f.toString()).isEmpty();
        }
    }

    // ---- located errors ---------------------------------------------------------------------------------

    @Test
    void roleAndRolesTogetherAreAnError() {
        String yaml = with("    roles: [international, collateral]\n",
                "    role: international\n    roles: [international, collateral]\n");
        assertThat(at(yaml, "[international, collateral]").message()).contains("found both");
    }

    @Test
    void aConstituencyWithoutARoleIsReportedAtItsMapping() {
        String yaml = with("    roles: [international, collateral]\n", "");
        LocatedProblem p = at(yaml, "id: aid");
        assertThat(p.message()).contains("missing required field 'role'");
    }

    @Test
    void aMisspeltRoleKeyIsReportedOnceWithAHint() {
        String roles = with("    roles: [international, collateral]\n", "    rolse: [international, collateral]\n");
        assertThat(at(roles, "rolse").message()).contains("did you mean 'role");
        String role = with("    role: collateral\n    kind: stock\n", "    rol: collateral\n    kind: stock\n");
        assertThat(at(role, "rol:").message()).contains("did you mean 'role'?");
    }

    @Test
    void aRoleListedTwiceOrUnknownIsReportedAtTheItem() {
        String twice = with("roles: [international, collateral]", "roles: [international, international]");
        LocatedProblem p = only(problems(twice));
        assertThat(p.pointer()).isEqualTo("/constituencies/4/roles/1");
        assertThat(p.message()).contains("listed twice");
        String unknown = with("roles: [international, collateral]", "roles: [international, civilians]");
        assertThat(at(unknown, "civilians").message()).contains("collateral");
        String empty = with("roles: [international, collateral]", "roles: []");
        assertThat(at(empty, "[]").message()).contains("at least 1");
    }

    @Test
    void anUnknownKindIsReportedWithTheKinds() {
        String yaml = with("kind: stock", "kind: stocks");
        assertThat(at(yaml, "kind: stocks", "stocks").message()).contains("flow").contains("stock");
    }

    @Test
    void aFloorWithoutHalfLifeIsReportedAtTheFloor() {
        String yaml = with("        halfLifeDays: {uniform: [20, 60], assumption: \"trade diverts to other crossings\"}\n", "");
        assertThat(at(yaml, "floor: ", "{uniform: [0.3, 0.6]").message()).contains("a floor needs a halfLifeDays");
    }

    @Test
    void harmFieldsOutOfRangeAreReported() {
        String floor = with("floor: {uniform: [0.3, 0.6]", "floor: {uniform: [0.3, 1.6]");
        assertThat(at(floor, "{uniform: [0.3, 1.6]").message()).contains("[0, 1]").contains("1.6");
        String halfLife = with("halfLifeDays: {uniform: [20, 60]", "halfLifeDays: {uniform: [-20, 60]");
        assertThat(at(halfLife, "{uniform: [-20, 60]").message()).contains("> 0");
        String negative = with("perDay: {uniform: [100000, 300000], source: report-a}", "perDay: -5");
        assertThat(at(negative, "-5").message()).contains(">= 0");
    }

    @Test
    void aToleranceGainWithoutToleranceIsReported() {
        String yaml = with("    tolerance: {uniform: [3, 10], assumption: \"the coercer's traders protest within two weeks\"}\n",
                "");
        assertThat(at(yaml, "{uniform: [0.1, 0.5], assumption: \"each attack").message()).contains("needs a tolerance");
    }

    @Test
    void anUnknownStanceEffectMemberIsReportedAtTheMember() {
        String yaml = with("      - member: patron", "      - member: regime");
        LocatedProblem p = at(yaml, "regime\n        shift");
        assertThat(p.pointer()).isEqualTo("/levers/0/stanceEffects/0/member");
        assertThat(p.message()).contains("unknown network member 'regime'").contains("patron");
    }

    @Test
    void aStanceShiftOutOfRangeOrOfTheWrongTypeIsReported() {
        String range = with("shift: {uniform: [0, 0.3]", "shift: {uniform: [0, 3]");
        assertThat(at(range, "{uniform: [0, 3]").message()).contains("[-2, 2]");
        String type = with("shift: {uniform: [0, 0.3], assumption: \"the patron sympathises with the blockaded\"}",
                "shift: a lot");
        assertThat(at(type, "a lot").message()).contains("expected a number or a quantity");
    }

    @Test
    void anUnknownOffsetConstituencyIsReportedAtTheReference() {
        String yaml = with("      - constituency: aid\n        share", "      - constituency: aide\n        share");
        LocatedProblem p = at(yaml, "aide");
        assertThat(p.pointer()).isEqualTo("/levers/3/offsets/1/constituency");
        assertThat(p.message()).contains("unknown constituency 'aide'");
        String typo = with("        share: {uniform: [0.1, 0.4]", "        shares: {uniform: [0.1, 0.4]");
        assertThat(at(typo, "shares").message()).contains("did you mean 'share'?");
    }

    @Test
    void attackEffectsNeedBothFieldsInRange() {
        String missing = with("      recoveryHalfLifeDays: {uniform: [30, 90], assumption: \"the proxy recruits again within months\"}\n",
                "");
        assertThat(at(missing, "reduction").message()).isEqualTo("missing required field 'recoveryHalfLifeDays'");
        String range = with("reduction: {uniform: [0.2, 0.5]", "reduction: {uniform: [0.2, 1.5]");
        assertThat(at(range, "{uniform: [0.2, 1.5]").message()).contains("reaches up to 1.5");
        String type = with("    attackEffect:\n      reduction", "    attackEffect: 0.3\n    attackEffects:\n      reduction");
        assertThat(problems(type)).extracting(LocatedProblem::message)
                .anySatisfy(m -> assertThat(m).contains("expected a mapping"));
    }

    @Test
    void aRuleWithTwoActionsIsReported() {
        String yaml = with("        ease: close-border\n", "        ease: close-border\n        stop: close-border\n");
        LocatedProblem p = only(problems(yaml));
        assertThat(p.line()).isEqualTo(lineOf(yaml, "- when: {day: 30}"));
        assertThat(p.message()).contains("exactly one action").contains("stop and ease");
        String none = with("        ease: close-border\n        level: 0.5\n", "");
        assertThat(only(problems(none)).message()).contains("use: <lever id>").contains("ease: <lever id>");
    }

    @Test
    void anEaseNeedsALevelInRangeAndOnlyAnEaseTakesOne() {
        String noLevel = with("        level: 0.5\n", "");
        LocatedProblem p = only(problems(noLevel));
        assertThat(p.line()).isEqualTo(lineOf(noLevel, "- when: {day: 30}"));
        assertThat(p.message()).isEqualTo("missing required field 'level'");
        String zero = with("level: 0.5", "level: 0");
        assertThat(at(zero, "level: 0\n", "0\n").message()).contains("> 0");
        String onUse = with("    use: retaliate\n    days: 14\n", "    use: retaliate\n    level: 0.5\n");
        assertThat(at(onUse, "use: retaliate\n    level", "0.5").message()).contains("only an ease rule takes a level");
    }

    @Test
    void aStopTakesNoDays() {
        String yaml = with("        stop: airstrike\n", "        stop: airstrike\n        days: 3\n");
        LocatedProblem p = at(yaml, "3\nresponses");
        assertThat(p.pointer()).isEqualTo("/policies/3/rules/3/days");
        assertThat(p.message()).contains("takes no days");
    }

    @Test
    void unknownLeversInRulesAndTriggersAreReportedWithTheirPointers() {
        String stop = with("    stop: retaliate", "    stop: retaliation");
        LocatedProblem p = at(stop, "retaliation");
        assertThat(p.pointer()).isEqualTo("/responses/2/stop");
        assertThat(p.message()).contains("unknown lever 'retaliation'").contains("retaliate");
        String ease = with("ease: close-border", "ease: close-bordr");
        assertThat(at(ease, "close-bordr").pointer()).isEqualTo("/policies/3/rules/1/ease");
        String trigger = with("  - when: {lever: close-border}", "  - when: {lever: close-borders}");
        LocatedProblem t = at(trigger, "close-borders");
        assertThat(t.pointer()).isEqualTo("/responses/0/when/lever");
        assertThat(t.message()).contains("unknown lever 'close-borders'");
    }

    @Test
    void triggersAreCheckedForTheirForm() {
        String concession = with("  - when: {concession: true}", "  - when: {concession: false}");
        assertThat(at(concession, "{concession: false}", "false").message()).contains("expected true");
        String two = with("  - when: {lever: close-border}", "  - when: {lever: close-border, day: 3}");
        assertThat(at(two, "when: {lever: close-border, day: 3}", "{lever").message())
                .contains("expected exactly one trigger").contains("found day and lever");
        String empty = with("  - when: {lever: close-border}", "  - when: {}");
        assertThat(at(empty, "when: {}", "{}").message()).contains("{lever: <lever id>} or {concession: true}");
        String typo = with("  - when: {lever: close-border}", "  - when: {levr: close-border}");
        assertThat(at(typo, "levr").message()).contains("did you mean 'lever'?");
    }

    @Test
    void aTypoInAResponseGetsAHint() {
        String yaml = with("    use: retaliate\n    days: 14\n", "    use: retaliate\n    dayz: 14\n");
        LocatedProblem p = at(yaml, "dayz");
        assertThat(p.message()).contains("unknown field 'dayz'").contains("did you mean 'days'?");
        String list = with("responses:\n  - when: {lever: close-border}",
                "responses: {when: {lever: close-border}}\nresponsez:\n  - when: {lever: close-border}");
        assertThat(problems(list)).extracting(LocatedProblem::message)
                .anySatisfy(m -> assertThat(m).contains("expected a list"));
    }

    @Test
    void demandFieldsOutOfRangeAreReportedAtTheField() {
        String rate = with("decisionRatePerDay: {uniform: [0.1, 0.3]", "decisionRatePerDay: {uniform: [0, 0.3]");
        assertThat(at(rate, "{uniform: [0, 0.3]").message()).contains("(0, 1]");
        String partial = with("partialLevel: 0.2", "partialLevel: 0.8");
        assertThat(at(partial, "partialLevel: 0.8", "0.8").message()).contains("releaseLevel 0.6");
        String all = with("  partialLevel: 0.2\n", "  allOrNothing: true\n");
        assertThat(at(all, "allOrNothing: true", "true").message()).contains("expected releaseLevel 1");
        String type = with("  partialLevel: 0.2\n", "  allOrNothing: yes please\n");
        assertThat(at(type, "yes please").message()).contains("true or false");
        String below = with("below: 0.4", "below: 1.5");
        assertThat(at(below, "below: 1.5", "1.5").message()).contains("<= 1");
    }

    @Test
    void clashHarmsAreChecked() {
        String unknown = with("    - constituency: coercer-traders\n      perClash",
                "    - constituency: coercer-trader\n      perClash");
        LocatedProblem p = at(unknown, "coercer-trader\n");
        assertThat(p.pointer()).isEqualTo("/clashes/harms/0/constituency");
        String missing = with("      perClash: {uniform: [10000, 50000], assumption: \"a day's trucks turned back\"}\n", "");
        assertThat(only(problems(missing)).message()).isEqualTo("missing required field 'perClash'");
        String negative = with("perClash: {uniform: [10000, 50000]", "perClash: {uniform: [-10000, 50000]");
        assertThat(at(negative, "{uniform: [-10000, 50000]").message()).contains(">= 0");
    }

    @Test
    void networkQuantitiesAreChecked() {
        String weight = with("coercer: {uniform: [0.2, 0.5], assumption: \"but hears the coercer\"}",
                "coercer: {uniform: [0.2, 1.5], assumption: \"but hears the coercer\"}");
        assertThat(at(weight, "{uniform: [0.2, 1.5]").message()).contains("[0, 1]");
        String step = with("stepDays: {triangular: [5, 7, 14]", "stepDays: {triangular: [0.5, 7, 14]");
        assertThat(at(step, "{triangular: [0.5, 7, 14]").message()).contains(">= 1");
        String text = with("stepDays: {triangular: [5, 7, 14], assumption: \"capitals react within one to two weeks\"}",
                "stepDays: weekly");
        assertThat(at(text, "weekly").message()).contains("expected a number or a quantity");
        String drift = with("patron: {uniform: [60, 180]", "patron: {uniform: [0, 180]");
        assertThat(at(drift, "{uniform: [0, 180]").message()).contains("> 0");
    }

    @Test
    void driftNeedsBothInterestAndTimeConstantForAKnownMember() {
        String noDrift = with("  driftDays:\n    patron: {uniform: [60, 180], assumption: \"interests reassert themselves over months\"}\n",
                "");
        LocatedProblem p = only(problems(noDrift));
        assertThat(p.pointer()).isEqualTo("/network/interest/patron");
        assertThat(p.line()).isEqualTo(lineOf(noDrift, "patron: {uniform: [0.2, 0.5]"));
        assertThat(p.message()).contains("no driftDays entry");
        String stranger = with("  interest:\n    patron:", "  interest:\n    regime:")
                .replace("  driftDays:\n    patron:", "  driftDays:\n    regime:");
        List<LocatedProblem> ps = problems(stranger);
        assertThat(ps).extracting(LocatedProblem::pointer)
                .containsExactly("/network/interest/regime", "/network/driftDays/regime");
        assertThat(ps).allSatisfy(q -> assertThat(q.message()).contains("unknown network member 'regime'"));
    }
}
