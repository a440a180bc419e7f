package org.statecraft.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End to end in Debian's headless Chromium (skipped when it is not installed; CI installs it): edit the default
 * scenario, run it, see the ranking change, open the report; the report opens offline without console errors.
 * Screenshots go to target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserEndToEndTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path dir;
    static WebServer server;
    static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString()); // no Selenium Manager, no download
        server = WebApiTest.start(dir.resolve("ws"), 2, 4);
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1280,1600", "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
        Files.createDirectories(SHOTS);
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
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    static WebDriverWait waiting(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    static List<String> severe() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
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

        // a typo is shown at its line as one types
        String yaml = (String) js.executeScript("return document.getElementById('yaml').value;");
        setYaml(yaml.replace("horizonDays: 180", "horizonDays: 18O"));
        waiting(20).until(d -> !d.findElements(By.cssSelector("#gutter .bad")).isEmpty());
        int badLine = Integer.parseInt(driver.findElement(By.cssSelector("#gutter .bad")).getAttribute("data-line"));
        assertThat(badLine).isEqualTo(WebApiTest.lineOf(yaml, "horizonDays: 180"));
        assertThat(driver.findElement(By.id("problems")).getText()).contains("line " + badLine);
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
        waiting(20).until(d -> d.findElements(By.cssSelector(".compare table.ranking")).size() == 2);
        shot("04-compare");

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
            assertThat(driver.findElement(By.id("sensitivity-section")).getText()).contains("Not computed");
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
