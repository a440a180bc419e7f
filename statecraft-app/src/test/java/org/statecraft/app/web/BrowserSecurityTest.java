package org.statecraft.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.statecraft.app.web.WebApiTest.SCENARIO;

import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The attacks of issue 11, made in Debian's headless Chromium as a user of the app would meet them, all traffic on
 * 127.0.0.1 ({@code evil.test} and {@code rebind.test} are mapped to it): a page on another origin — another site,
 * and another port of 127.0.0.1, which is the same site — tries to start a run, read a scenario and write a file
 * by fetch, form and image while the user's browser holds the app's cookie; a rebinding host name is refused; a
 * scenario whose names are HTML renders them as text in every chart tooltip and table of the app and the report;
 * the caps hold in the page.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserSecurityTest {
    static final String CRAFTED = "<img src=x onerror=window.__xss=1>";
    /** A title that, unescaped in the report's {@code <title>}, would close it and add an image to the page. */
    static final String CRAFTED_TITLE = "</title><img id=title-xss src=x onerror=window.__xss=4><script>window.__xss=2</script> crafted";

    @TempDir
    static Path dir;
    static WebServer server;
    static Javalin evil;
    static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        Browser.requireBrowser();
        server = WebApiTest.start(dir.resolve("ws"), 2, 4, WebLimits.defaults().withWork(20_000, 1_000, 20_000L * 180 * 8));
        evil = Javalin.create(c -> c.showJavalinBanner = false)
                .get("/evil.html", ctx -> ctx.contentType("text/html").result(attackPage("http://127.0.0.1:" + server.port())))
                .start("127.0.0.1", 0);
        driver = Browser.start(dir.resolve("profile"), "evil.test", "rebind.test");
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (evil != null) {
            evil.stop();
        }
        if (server != null) {
            server.close();
        }
    }

    /** The attacker's page: every way a page can reach another origin without its consent. */
    static String attackPage(String app) {
        String run = "{\"scenario\":\"" + SCENARIO + "\",\"runs\":10}";
        return "<!DOCTYPE html><html><body><iframe name=sink></iframe>"
                + "<form id=f1 method=POST action='" + app + "/api/runs' enctype='text/plain' target=sink>"
                + "<input name='{\"scenario\":\"" + SCENARIO + "\",\"runs\":10,\"x\":\"' value='\"}'></form>"
                + "<form id=f2 method=POST action='" + app + "/api/bundled/restore' target=sink></form>"
                + "<form id=f3 method=POST action='" + app + "/api/scenarios/" + SCENARIO + "/rename' enctype='text/plain' target=sink>"
                + "<input name='{\"to\":\"stolen.yaml\",\"x\":\"' value='\"}'></form>"
                + "<script>\n"
                + "var app = '" + app + "', out = {};\n"
                + "function note(k, v) { out[k] = v; }\n"
                + "var tries = [\n"
                + " fetch(app + '/api/runs', {method: 'POST', mode: 'no-cors', credentials: 'include', headers: {'Content-Type': 'text/plain'}, body: '" + run + "'})"
                + "   .then(function (r) { note('post-run', 'opaque ' + r.type); }, function (e) { note('post-run', 'error'); }),\n"
                + " fetch(app + '/api/scenarios/" + SCENARIO + "', {credentials: 'include'}).then(function (r) { return r.text(); })"
                + "   .then(function (t) { note('read', 'READ ' + t.length); }, function (e) { note('read', 'blocked'); }),\n"
                + " fetch(app + '/api/scenarios/pwned.yaml', {method: 'PUT', credentials: 'include', headers: {'Content-Type': 'text/yaml'}, body: 'statecraft: 1'})"
                + "   .then(function (r) { note('put', 'status ' + r.status); }, function (e) { note('put', 'blocked'); }),\n"
                + " fetch(app + '/api/scenarios/" + SCENARIO + "', {method: 'DELETE', mode: 'no-cors', credentials: 'include'})"
                + "   .then(function (r) { note('delete', 'opaque'); }, function (e) { note('delete', 'blocked'); }),\n"
                + " new Promise(function (ok) { var i = new Image(); i.onload = function () { note('img', 'loaded'); ok(); };"
                + "   i.onerror = function () { note('img', 'error'); ok(); }; i.src = app + '/api/scenarios/" + SCENARIO + "'; }),\n"
                + " new Promise(function (ok) { var i = new Image(); i.onload = function () { note('img-restore', 'loaded'); ok(); };"
                + "   i.onerror = function () { note('img-restore', 'error'); ok(); }; i.src = app + '/api/bundled/restore'; })\n"
                + "];\n"
                + "document.getElementById('f1').submit();\n"
                + "setTimeout(function () { document.getElementById('f2').submit(); }, 300);\n"
                + "setTimeout(function () { document.getElementById('f3').submit(); }, 600);\n"
                + "Promise.all(tries).then(function () { setTimeout(function () { window.done = JSON.stringify(out); }, 1500); });\n"
                + "</script></body></html>";
    }

    static String workspaceState() throws Exception {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> s = Files.list(server.workspace())) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                b.append(p.getFileName()).append('=').append(Files.readString(p).hashCode()).append(';');
            }
        }
        return b.toString();
    }

    @Test
    @Order(1)
    void aPageOnAnotherOriginCannotStartARunReadAScenarioOrWriteAFile() throws Exception {
        // the user has the app open: the browser holds its cookie
        driver.get(server.url());
        Browser.waiting(driver, 30).until(d -> "valid".equals(d.findElement(By.id("validity")).getText()));
        // a marker in the bundled scenario shows whether a forged "restore" went through
        Files.writeString(server.workspace().resolve(SCENARIO), WebApiTest.bundledYaml() + "# user's own edit\n");
        String files = workspaceState();
        int runs = server.store().count();

        for (String origin : List.of("http://evil.test:" + evil.port(), "http://127.0.0.1:" + evil.port())) {
            driver.get(origin + "/evil.html");
            Browser.waiting(driver, 30).until(d -> driver.executeScript("return window.done || null;") != null);
            String out = (String) driver.executeScript("return window.done;");
            assertThat(out).as(origin).doesNotContain("READ").contains("\"read\":\"blocked\"").contains("\"put\":\"blocked\"");
            // every attempt was made and settled (the refusals are not a page that stopped early); what the image
            // requests could do is checked on the server's side below: no run, no change to the workspace
            assertThat(WebApiTest.JSON.readTree(out).fieldNames()).toIterable().as(origin)
                    .containsExactlyInAnyOrder("post-run", "read", "put", "delete", "img", "img-restore");
            Thread.sleep(1500); // let the forms' requests land
            assertThat(server.store().count()).as(origin + " started a run").isEqualTo(runs);
            assertThat(workspaceState()).as(origin + " changed the workspace").isEqualTo(files);
        }
        // control: the same run request from the app's own page goes through, so the refusals above are the defences'
        driver.get("http://127.0.0.1:" + server.port() + "/");
        Object status = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch('/api/runs', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: '{\"scenario\":\"" + SCENARIO
                + "\",\"runs\":10}'}).then(function (r) { done(r.status); });");
        assertThat(((Number) status).intValue()).isEqualTo(202);
        assertThat(server.store().count()).isEqualTo(runs + 1);
    }

    @Test
    @Order(2)
    void aRebindingHostNameIsRefused() {
        driver.get("http://rebind.test:" + server.port() + "/");
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("host names").doesNotContain("Scenarios");
        driver.get("http://rebind.test:" + server.port() + "/api/scenarios/" + SCENARIO);
        assertThat(driver.getPageSource()).doesNotContain("horizonDays").contains("403");
    }

    /** The bundled scenario with HTML in its title, a policy's name and a constituency's name. */
    static String crafted() throws Exception {
        String y = WebApiTest.bundledYaml();
        String out = y.replace("name: Stop lobbying\n", "name: 'Stop lobbying " + CRAFTED + "'\n")
                .replace("name: Taliban regime security\n", "name: 'Taliban <b onmouseover=window.__xss=3>regime</b> security'\n");
        out = out.replaceFirst("(?m)^title: .*$", "title: '" + CRAFTED_TITLE + "'");
        assertThat(out).contains(CRAFTED).contains("onmouseover").contains("<script>").contains("</title>");
        return out;
    }

    /** Shows every tooltip of every chart on the page; the texts shown, and any element or flag the names made. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> hoverEverything() {
        return (Map<String, Object>) driver.executeScript(
                "var texts = [];"
                + "StatecraftCharts.instances().forEach(function (c) {"
                + "  var o = c.getOption();"
                + "  (o.series || []).forEach(function (s, si) {"
                + "    var n = Math.min((s.data || []).length, 12);"
                + "    for (var i = 0; i < n; i++) {"
                + "      c.dispatchAction({type: 'showTip', seriesIndex: si, dataIndex: i});"
                + "      Array.from(c.getDom().querySelectorAll('div')).forEach(function (d) { if (d.textContent) { texts.push(d.textContent); } });"
                + "    }"
                + "  });"
                + "  c.dispatchAction({type: 'hideTip'});"
                + "});"
                + "return {texts: texts, xss: window.__xss || null,"
                + "  injected: document.querySelectorAll('img[src=\"x\"], b[onmouseover], #report script:not([type]), #results script').length};");
    }

    @Test
    @Order(3)
    void aCraftedNameRendersAsTextInEveryChartAndTableOfTheAppAndTheReport() throws Exception {
        assertThat(WebApiTest.send(server, "PUT", "/api/scenarios/crafted.yaml", crafted(), "text/yaml").statusCode()).isEqualTo(200);
        driver.get(server.url());
        Browser.waiting(driver, 30).until(d -> !d.findElements(By.cssSelector("[data-scenario='crafted.yaml']")).isEmpty());
        driver.findElement(By.cssSelector("[data-scenario='crafted.yaml']")).click();
        Browser.waiting(driver, 30).until(d -> "crafted.yaml".equals(d.findElement(By.id("scenario-name")).getText())
                && "valid".equals(d.findElement(By.id("validity")).getText()));
        driver.findElement(By.id("runs-n")).clear();
        driver.findElement(By.id("runs-n")).sendKeys("40");
        driver.findElement(By.id("label")).sendKeys("label " + CRAFTED);
        driver.findElement(By.id("run")).click();
        Browser.waiting(driver, 120).until(d -> !d.findElements(By.cssSelector("#results table.ranking tbody tr")).isEmpty());
        Map<String, Object> app = hoverEverything();
        assertThat(app.get("xss")).isNull();
        assertThat(((Number) app.get("injected")).intValue()).isZero();
        assertThat((List<String>) app.get("texts")).anyMatch(t -> t.contains(CRAFTED));
        assertThat((List<String>) app.get("texts")).anyMatch(t -> t.contains("<b onmouseover=window.__xss=3>regime</b>"));
        assertThat(driver.findElement(By.id("results")).getText()).contains("Stop lobbying " + CRAFTED).contains(CRAFTED_TITLE);
        assertThat(driver.findElement(By.id("runs")).getText()).contains("label " + CRAFTED);
        Browser.shot(driver, "security-crafted-app");

        String id = driver.findElement(By.id("results")).getAttribute("data-run");
        driver.get("http://127.0.0.1:" + server.port() + "/api/runs/" + id + "/report");
        Browser.waiting(driver, 30).until(d -> "true".equals(d.findElement(By.id("report")).getAttribute("data-rendered")));
        Map<String, Object> report = hoverEverything();
        assertThat(report.get("xss")).isNull();
        assertThat(((Number) report.get("injected")).intValue()).isZero();
        assertThat((List<String>) report.get("texts")).anyMatch(t -> t.contains(CRAFTED));
        assertThat(driver.findElement(By.id("report")).getText()).contains("Stop lobbying " + CRAFTED);
        // the title is text: the whole crafted title is the document's title, and it added no element to the page
        assertThat(driver.getTitle()).isEqualTo("Statecraft report: " + CRAFTED_TITLE);
        assertThat(driver.findElements(By.cssSelector("#title-xss, head img, head script:not([type])"))).isEmpty();
        assertThat(driver.executeScript("return document.head.querySelector('title').childElementCount;")).isEqualTo(0L);
    }

    @Test
    @Order(4)
    void theCapsHoldInThePage() throws Exception {
        driver.get(server.url());
        Browser.waiting(driver, 30).until(d -> "valid".equals(d.findElement(By.id("validity")).getText()));
        int before = server.store().count();
        driver.findElement(By.id("runs-n")).clear();
        driver.findElement(By.id("runs-n")).sendKeys("20001");
        driver.findElement(By.id("run")).click();
        Browser.waiting(driver, 20).until(d -> d.findElement(By.id("progress-text")).getText().contains("maxRuns"));
        String yaml = (String) driver.executeScript("return document.getElementById('yaml').value;");
        driver.executeScript("var t = document.getElementById('yaml'); t.value = arguments[0];"
                + "t.dispatchEvent(new Event('input', {bubbles: true}));", yaml.replace("horizonDays: 180", "horizonDays: 20000"));
        Browser.waiting(driver, 20).until(d -> d.findElement(By.id("problems")).getText().contains("maxDays"));
        assertThat(driver.findElement(By.id("problems")).getText()).contains("line " + WebApiTest.lineOf(yaml, "horizonDays: 180"));
        assertThat(driver.findElement(By.id("run")).isEnabled()).isFalse();
        Browser.shot(driver, "security-caps");
        assertThat(server.store().count()).isEqualTo(before);
    }
}
