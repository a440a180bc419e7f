package org.statecraft.app.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium under Selenium for the browser tests, with every host name but those mapped to
 * 127.0.0.1 unresolvable, so no request can leave the machine; and the page checks the tests share (legend
 * entries visible, labels apart, boxes apart).
 *
 * <p>When Chromium is missing the browser tests skip with a message, except under
 * {@code STATECRAFT_REQUIRE_BROWSER=1} (set by .ci/run), where they fail: CI never loses them silently.
 */
public final class Browser {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Where screenshots go: target/screenshots, or -Dstatecraft.screenshots=DIR (docs/screenshots.sh). */
    static final Path SHOTS = Path.of(System.getProperty("statecraft.screenshots", "target/screenshots"));

    private Browser() {
    }

    /** The environment variable that turns a missing browser from a skip into a failure. */
    public static final String REQUIRE = "STATECRAFT_REQUIRE_BROWSER";

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Whether {@link #REQUIRE} is set (to anything but empty, 0 or false). */
    static boolean required() {
        String v = System.getenv(REQUIRE);
        return v != null && !v.isBlank() && !v.equals("0") && !v.equalsIgnoreCase("false");
    }

    /** Skips the calling test (or class) unless Chromium and chromedriver are installed; fails instead under {@link #REQUIRE}. */
    public static void requireBrowser() {
        require(available(), CHROMIUM + " and " + CHROMEDRIVER + " (Debian's chromium and chromium-driver)");
    }

    /** As {@link #requireBrowser()}, for tests that need Chromium alone (no WebDriver). */
    public static void requireChromium() {
        require(Files.isExecutable(CHROMIUM), CHROMIUM + " (Debian's chromium)");
    }

    private static void require(boolean present, String what) {
        if (present) {
            return;
        }
        if (required()) {
            Assertions.fail("not installed: " + what + "; but " + REQUIRE + " is set: the browser tests must run here"
                    + " (.ci/run installs them; a failed install must fail CI, not skip these tests)");
        }
        Assumptions.abort("browser test skipped, not installed: " + what + " (set " + REQUIRE
                + "=1 to make this a failure, as CI does)");
    }

    /** A driver; {@code names} are host names that resolve to 127.0.0.1 (to play a foreign site or rebinding). */
    static ChromeDriver start(Path profile, String... names) throws Exception {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString()); // no Selenium Manager, no download
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        StringBuilder rules = new StringBuilder();
        for (String n : names) {
            rules.append("MAP ").append(n).append(" 127.0.0.1, ");
        }
        rules.append("MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost");
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1280,1600", "--host-resolver-rules=" + rules, "--user-data-dir=" + Files.createDirectories(profile));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver d = new ChromeDriver(service, o);
        Files.createDirectories(SHOTS);
        return d;
    }

    static WebDriverWait waiting(ChromeDriver d, int seconds) {
        return new WebDriverWait(d, Duration.ofSeconds(seconds));
    }

    static void shot(ChromeDriver d, String name) throws Exception {
        File f = ((TakesScreenshot) d).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    static void shot(WebElement e, String name) throws Exception {
        File f = e.getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    static void shotOf(ChromeDriver d, String css, String name) throws Exception {
        WebElement e = d.findElement(By.cssSelector(css));
        d.executeScript("arguments[0].scrollIntoView(true);", e);
        shot(e, name);
    }

    static List<String> severe(ChromeDriver d) {
        return d.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    /**
     * Every legend entry of every chart on the page that is not drawn fully inside its chart: "figure: name"
     * per entry missing. A legend entry is a text element of the chart's SVG whose text is the name.
     */
    @SuppressWarnings("unchecked")
    static List<String> hiddenLegendEntries(ChromeDriver d) {
        return (List<String>) d.executeScript(
                "var out = [];"
                + "StatecraftCharts.instances().forEach(function (c) {"
                + "  var o = c.getOption(); var lg = (o.legend || [])[0]; if (!lg) { return; }"
                + "  var dom = c.getDom(), box = dom.getBoundingClientRect(), fig = dom.getAttribute('data-figure');"
                + "  if (lg.type !== 'plain') { out.push(fig + ': legend is ' + lg.type); }"
                + "  var texts = Array.from(dom.querySelectorAll('text'));"
                + "  (lg.data || []).forEach(function (n) {"
                + "    var name = typeof n === 'string' ? n : n.name;"
                + "    var ok = texts.some(function (t) { if (t.textContent !== name) { return false; } var r = t.getBoundingClientRect();"
                + "      return r.width > 0 && r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1; });"
                + "    if (!ok) { out.push(fig + ': ' + name); }"
                + "  });"
                + "});"
                + "return out;");
    }

    /** Pairs of point labels of a chart (text elements whose text is a policy name) whose boxes intersect. */
    @SuppressWarnings("unchecked")
    static List<String> overlappingLabels(ChromeDriver d, String figure, List<String> names) {
        return (List<String>) d.executeScript(
                "var dom = document.querySelector('[data-figure=\"' + arguments[0] + '\"]'); if (!dom) { return ['no figure ' + arguments[0]]; }"
                + "var names = arguments[1];"
                + "var ts = Array.from(dom.querySelectorAll('text')).filter(function (t) { return names.indexOf(t.textContent) >= 0; });"
                + "var out = []; if (ts.length < names.length) { out.push('only ' + ts.length + ' labels'); }"
                + "for (var i = 0; i < ts.length; i++) { for (var j = i + 1; j < ts.length; j++) {"
                + "  var a = ts[i].getBoundingClientRect(), b = ts[j].getBoundingClientRect();"
                + "  if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) { out.push(ts[i].textContent + ' / ' + ts[j].textContent); } } }"
                + "return out;", figure, names);
    }

    /** Pairs of the given elements whose boxes intersect (by their index and selector). */
    @SuppressWarnings("unchecked")
    static List<String> intersecting(ChromeDriver d, String css) {
        return (List<String>) d.executeScript(
                "var es = Array.from(document.querySelectorAll(arguments[0])), out = [];"
                + "for (var i = 0; i < es.length; i++) { for (var j = i + 1; j < es.length; j++) {"
                + "  var a = es[i].getBoundingClientRect(), b = es[j].getBoundingClientRect();"
                + "  if (a.width && b.width && a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) {"
                + "    out.push(i + ' ' + es[i].className + ' / ' + j + ' ' + es[j].className); } } }"
                + "return out;", css);
    }

}
