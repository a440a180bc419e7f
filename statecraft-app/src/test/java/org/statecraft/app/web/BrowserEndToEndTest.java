package org.statecraft.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End to end in Debian's headless Chromium (skipped when it is not installed; CI installs it): edit the default
 * scenario, run it, see the ranking change, open the report; the report opens offline without console errors.
 * Screenshots go to target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserEndToEndTest {
    @TempDir
    static Path dir;
    static WebServer server;
    static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        Browser.requireBrowser();
        server = WebApiTest.start(dir.resolve("ws"), 2, 4);
        driver = Browser.start(dir.resolve("profile"));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    static void shot(String name) throws Exception {
        Browser.shot(driver, name);
    }

    static List<String> severe() {
        return Browser.severe(driver);
    }

    static WebDriverWait waiting(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    @SuppressWarnings("unchecked")
    static List<String> ranking() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('#results table.ranking tbody tr')).map(r => r.dataset.policy);");
    }

    static String runAndWait(String previousRun) {
        driver.findElement(By.id("run")).click();
        waiting(180).until(d -> {
            String run = d.findElement(By.id("results")).getAttribute("data-run");
            return run != null && !run.equals(previousRun) && !d.findElements(By.cssSelector("#results table.ranking tbody tr")).isEmpty();
        });
        return driver.findElement(By.id("results")).getAttribute("data-run");
    }

    @Test
    @Order(1)
    void editTheDefaultScenarioRunItSeeTheRankingChangeAndOpenTheReport() throws Exception {
        JavascriptExecutor js = driver;
        driver.get(server.url());
        try {
            waiting(30).until(d -> "valid".equals(d.findElement(By.id("validity")).getText()));
        } catch (org.openqa.selenium.TimeoutException e) {
            shot("00-failed-to-load");
            throw new AssertionError("the app did not load: console " + driver.manage().logs().get(LogType.BROWSER).getAll()
                    + "\n" + driver.findElement(By.tagName("body")).getText(), e);
        }
        driver.findElement(By.id("runs-n")).clear();
        driver.findElement(By.id("runs-n")).sendKeys("200");
        String first = runAndWait(null);
        List<String> before = ranking();
        assertThat(before).hasSize(8);
        shot("01-default-run");
        assertThat(Browser.hiddenLegendEntries(driver)).isEmpty();
        // the shown run is highlighted in the list, which tells its time, scenario hash and headline
        org.openqa.selenium.WebElement item = driver.findElement(By.cssSelector("#runs li.selected"));
        assertThat(item.getAttribute("data-run")).isEqualTo(first);
        assertThat(item.getText()).contains("200 runs", "seed 20230906", "#", "top: ");
        Browser.shotOf(driver, "#layout", "app-run");

        // a typo is shown at its line as one types
        String yaml = (String) js.executeScript("return document.getElementById('yaml').value;");
        setYaml(yaml.replace("horizonDays: 180", "horizonDays: 18O"));
        waiting(20).until(d -> !d.findElements(By.cssSelector("#gutter .bad")).isEmpty());
        int badLine = Integer.parseInt(driver.findElement(By.cssSelector("#gutter .bad")).getAttribute("data-line"));
        assertThat(badLine).isEqualTo(WebApiTest.lineOf(yaml, "horizonDays: 180"));
        assertThat(driver.findElement(By.id("problems")).getText()).contains("line " + badLine);
        // the gutter does not drift: every line number, marked or not, is one 18 px line, so line n starts at (n-1) * 18
        Number top = (Number) js.executeScript("var g = document.getElementById('gutter');"
                + "return g.querySelector('.bad').offsetTop - g.firstChild.offsetTop;");
        assertThat(top.intValue()).isEqualTo((badLine - 1) * 18);
        Number last = (Number) js.executeScript("var g = document.getElementById('gutter');"
                + "return g.lastChild.offsetTop - g.firstChild.offsetTop;");
        assertThat(last.intValue()).isEqualTo((driver.findElements(By.cssSelector("#gutter span")).size() - 1) * 18);
        shot("02-validation-error");

        // edit a number: the opposition's pressure on regime security all but vanishes
        String edited = yaml.replace("perDay: {triangular: [5, 12, 25]", "perDay: {triangular: [0.01, 0.02, 0.03]");
        assertThat(edited).isNotEqualTo(yaml);
        setYaml(edited);
        waiting(20).until(d -> "valid".equals(d.findElement(By.id("validity")).getText()));
        String second = runAndWait(first);
        List<String> after = ranking();
        assertThat(after).hasSize(8).isNotEqualTo(before);
        assertThat(after.indexOf("contact-opposition")).isGreaterThan(before.indexOf("contact-opposition"));
        shot("03-edited-run");

        // compare the two runs side by side
        driver.findElement(By.cssSelector("#runs input[value='" + first + "']")).click();
        driver.findElement(By.cssSelector("#runs input[value='" + second + "']")).click();
        driver.findElement(By.id("compare")).click();
        waiting(30).until(d -> d.findElements(By.cssSelector("#results [data-figure='compare-pareto'] svg")).size() == 1);
        assertThat(driver.findElements(By.cssSelector(".compare [data-compare]"))).hasSize(2);
        // side by side: the two runs' cards share a row and do not intersect; nothing in the comparison overlaps
        List<org.openqa.selenium.WebElement> cards = driver.findElements(By.cssSelector(".compare [data-compare]"));
        assertThat(cards.get(0).getRect().getY()).isEqualTo(cards.get(1).getRect().getY());
        assertThat(cards.get(0).getRect().getX() + cards.get(0).getRect().getWidth()).isLessThanOrEqualTo(cards.get(1).getRect().getX());
        assertThat(Browser.intersecting(driver, "#results > *")).isEmpty();
        assertThat(Browser.intersecting(driver, ".compare [data-compare]")).isEmpty();
        // the delta table has each policy once, with both runs' figures and their difference
        assertThat(driver.findElements(By.cssSelector("table.delta tbody tr"))).hasSize(8);
        assertThat(driver.findElement(By.id("scenario-diff")).getText()).contains("0.01, 0.02, 0.03").contains("5, 12, 25");
        assertThat(Browser.hiddenLegendEntries(driver)).isEmpty();
        // the Pareto plot of the comparison labels the eight policies, no two labels on top of each other
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) driver.executeScript("var x = new XMLHttpRequest();"
                + "x.open('GET', '/api/runs/' + arguments[0] + '/results', false); x.send();"
                + "return JSON.parse(x.responseText).policies.map(p => p.name);", second);
        assertThat(names).hasSize(8);
        assertThat(Browser.overlappingLabels(driver, "compare-pareto", names)).isEmpty();
        shot("04-compare");
        Browser.shotOf(driver, "#results", "app-compare");

        driver.get("http://127.0.0.1:" + server.port() + "/api/runs/" + second + "/report");
        waiting(30).until(d -> "true".equals(d.findElement(By.id("report")).getAttribute("data-rendered")));
        assertThat(driver.findElements(By.cssSelector("#report .chart svg")).size()).isGreaterThanOrEqualTo(6);
        shot("05-report-from-app");
        // the only errors Chromium logs are the 400 answers to the invalid YAML typed above, which the page shows
        assertThat(severe()).allMatch(m -> m.contains("/api/validate") && m.contains("400"));
    }

    static void setYaml(String text) {
        driver.executeScript("var t = document.getElementById('yaml'); t.value = arguments[0];"
                + "t.dispatchEvent(new Event('input', {bubbles: true}));", text);
    }

    @Test
    @Order(2)
    void theReportOfTheDefaultScenarioOpensOfflineWithoutConsoleErrors() throws Exception {
        Path report = dir.resolve("report.html");
        assertThat(org.statecraft.app.Cli.run("analyze", "--runs", "200", "-q", "--report", report.toString()).exit())
                .isZero();

        driver.manage().logs().get(LogType.BROWSER); // drop earlier entries
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
                "downloadThroughput", 0, "uploadThroughput", 0));
        try {
            driver.get(report.toUri().toString());
            waiting(30).until(d -> "true".equals(d.findElement(By.id("report")).getAttribute("data-rendered")));
            assertThat(driver.findElements(By.cssSelector("#report .chart svg")).size()).isGreaterThanOrEqualTo(7);
            assertThat(driver.findElement(By.id("ranking-section")).getText()).contains("The article's recommendation");
            assertThat(driver.findElement(By.id("sensitivity-section")).getText()).contains("Not in this result");
            // the tension index from the results' event data is drawn, and the replay of the observed closure
            assertThat(driver.findElements(By.cssSelector("[data-figure='events-tension'] svg"))).hasSize(1);
            assertThat(driver.findElements(By.cssSelector("[data-figure^='spells-'] svg"))).isNotEmpty();
            assertThat(driver.findElement(By.id("replay-section")).getText()).contains("observed");
            assertThat(driver.findElements(By.cssSelector("[data-figure='forest'] svg"))).hasSize(1);
            assertThat(Browser.hiddenLegendEntries(driver)).isEmpty();
            @SuppressWarnings("unchecked")
            List<String> names = (List<String>) driver.executeScript(
                    "return JSON.parse(document.getElementById('statecraft-data').textContent).policies.map(p => p.name);");
            assertThat(Browser.overlappingLabels(driver, "pareto", names)).isEmpty();
            for (String part : List.of("ranking-section", "pareto-section", "concession-section", "harm-section", "replay-section", "tension-section")) {
                Browser.shotOf(driver, "#" + part, "report-" + part);
            }
            assertThat(driver.findElement(By.id("sources-section")).getText()).contains("dawn-2023-09-10");
            shot("06-report-offline");
            assertThat(severe()).isEmpty();
        } finally {
            driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
            driver.executeCdpCommand("Network.disable", Map.of());
        }
    }
}
