package org.statecraft.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.statecraft.app.JsonFieldNamesTest;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint of the web app's API, against a server on an ephemeral loopback port. */
class WebApiTest {
    static final String SCENARIO = "pakistan-taliban-2023.yaml";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    static Path dir;
    static WebServer server;
    static String yaml;

    static String bundledYaml() throws Exception {
        try (InputStream in = WebApiTest.class.getResourceAsStream("/scenarios/" + SCENARIO)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static WebServer start(Path workspace, int workers, int queue) throws Exception {
        return start(workspace, workers, queue, WebLimits.defaults());
    }

    static WebServer start(Path workspace, int workers, int queue, WebLimits limits) throws Exception {
        return WebServer.start(new WebServer.Config("127.0.0.1", 0, workspace, SCENARIO, bundledYaml(), workers, queue, 1,
                limits, null, List.of()));
    }

    @BeforeAll
    static void startServer() throws Exception {
        yaml = bundledYaml();
        Files.writeString(dir.resolve("outside.yaml"), "secret: outside the workspace");
        server = start(dir.resolve("ws"), 2, 12);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> send(WebServer s, String method, String path, String body, String type) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).timeout(Duration.ofSeconds(60));
        b.header("X-Statecraft-Token", s.token());
        if (body != null) {
            b.header("Content-Type", type);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            // a kept-alive connection the server closed after refusing a request without reading its body: the JDK
            // client sends the next request on it and gets no bytes back; a browser retries such a request, so do we
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    static HttpResponse<String> send(String method, String path, String body, String type) throws Exception {
        return send(server, method, path, body, type);
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    static JsonNode waitFor(WebServer s, String id) throws Exception {
        long end = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < end) {
            JsonNode run = JSON.readTree(send(s, "GET", "/api/runs/" + id, null, null).body());
            String st = run.get("status").asText();
            if (st.equals("done") || st.equals("failed")) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not finish");
    }

    static String submit(WebServer s, int runs) throws Exception {
        HttpResponse<String> r = send(s, "POST", "/api/runs", "{\"scenario\":\"" + SCENARIO + "\",\"runs\":" + runs + "}", "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return json(r).get("id").asText();
    }

    @Test
    void openApiDocumentDescribesEveryEndpoint() throws Exception {
        HttpResponse<String> r = send("GET", "/api/openapi.json", null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = json(r);
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.get("paths").fieldNames()).toIterable().contains("/api/health", "/api/scenarios", "/api/scenarios/{name}",
                "/api/validate", "/api/runs", "/api/runs/{id}", "/api/runs/{id}/results", "/api/runs/{id}/report", "/api/runs/{id}/rerun",
                "/api/runs/{id}/cancel", "/api/runs/{id}/scenario", "/api/scenarios/{name}/copy", "/api/scenarios/{name}/rename",
                "/api/bundled/restore", "/api/limits");
        assertThat(json(send("GET", "/api/health", null, null)).get("status").asText()).isEqualTo("ok");
        // the page takes its default seed from here, as a string (JavaScript rounds a 64-bit number)
        assertThat(json(send("GET", "/api/limits", null, null)).get("defaultSeed").asText())
                .isEqualTo(Long.toString(org.statecraft.core.montecarlo.MonteCarloOptions.DEFAULT_SEED));
    }

    @Test
    void anEmptyWorkspaceIsSeededWithTheBundledScenario() throws Exception {
        JsonNode list = json(send("GET", "/api/scenarios", null, null));
        assertThat(list.findValuesAsText("name")).contains(SCENARIO);
        HttpResponse<String> r = send("GET", "/api/scenarios/" + SCENARIO, null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(yaml);
        assertThat(send("GET", "/api/scenarios/missing.yaml", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void validateAnswersBadYamlWith400AndEveryProblemsLineAndColumn() throws Exception {
        HttpResponse<String> ok = send("POST", "/api/validate", yaml, "text/yaml");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(ok).get("valid").asBoolean()).isTrue();

        String bad = yaml.replace("horizonDays: 180", "horizonDays: soon").replace("rampUpDays: 60", "rampUpDayz: 60");
        HttpResponse<String> r = send("POST", "/api/validate", bad, "text/yaml");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode problems = json(r).get("problems");
        assertThat(problems.size()).isGreaterThanOrEqualTo(2);
        int horizonLine = lineOf(bad, "horizonDays: soon");
        assertThat(problems.findValues("line").stream().map(JsonNode::asInt)).contains(horizonLine);
        problems.forEach(p -> assertThat(p.get("column").asInt()).isPositive());

        HttpResponse<String> syntax = send("POST", "/api/validate", "a: [1, 2\nb: }", "text/yaml");
        assertThat(syntax.statusCode()).isEqualTo(400);
        assertThat(json(syntax).get("problems").get(0).get("line").asInt()).isPositive();
    }

    static int lineOf(String text, String needle) {
        return text.substring(0, text.indexOf(needle)).split("\n", -1).length;
    }

    @Test
    void putSavesValidScenariosAndRefusesInvalidOnes() throws Exception {
        HttpResponse<String> r = send("PUT", "/api/scenarios/copy.yaml", yaml.replace("horizonDays: 180", "horizonDays: 120"), "text/yaml");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(send("GET", "/api/scenarios/copy.yaml", null, null).body()).contains("horizonDays: 120");
        HttpResponse<String> bad = send("PUT", "/api/scenarios/copy.yaml", "statecraft: 1\nid: [", "text/yaml");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("problems").get(0).get("line").asInt()).isPositive();
        assertThat(send("GET", "/api/scenarios/copy.yaml", null, null).body()).contains("horizonDays: 120");
        assertThat(send("DELETE", "/api/scenarios/copy.yaml", null, null).statusCode()).isEqualTo(204);
        assertThat(send("DELETE", "/api/scenarios/copy.yaml", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void scenarioNamesThatTryToLeaveTheWorkspaceAreRefused() throws Exception {
        for (String name : List.of("..%2Foutside.yaml", "..%2F..%2Fetc%2Fpasswd", "%2E%2E%2Foutside.yaml", ".hidden.yaml",
                "..outside.yaml", "passwd", "a%00.yaml", "..%5Coutside.yaml")) {
            HttpResponse<String> get = send("GET", "/api/scenarios/" + name, null, null);
            assertThat(get.statusCode()).as(name).isEqualTo(400);
            assertThat(get.body()).doesNotContain("secret");
            assertThat(send("PUT", "/api/scenarios/" + name, yaml, "text/yaml").statusCode()).as(name).isEqualTo(400);
        }
        HttpResponse<String> run = send("POST", "/api/runs", "{\"scenario\":\"../outside.yaml\"}", "application/json");
        assertThat(run.statusCode()).isEqualTo(400);
    }

    @Test
    void bodiesOverTheLimitAre413() throws Exception {
        String big = "#".repeat((1 << 20) + 10);
        assertThat(send("POST", "/api/validate", big, "text/yaml").statusCode()).isEqualTo(413);
        assertThat(send("PUT", "/api/scenarios/big.yaml", big, "text/yaml").statusCode()).isEqualTo(413);
        assertThat(send("POST", "/api/runs", big, "application/json").statusCode()).isEqualTo(413);
        assertThat(send("GET", "/api/scenarios/big.yaml", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void onlyTheAppsOwnAssetsAreServed() throws Exception {
        assertThat(send("GET", "/", null, null).body()).contains("Statecraft");
        assertThat(send("GET", "/charts.js", null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/webjars/echarts/5.3.1/dist/echarts.min.js", null, null).statusCode()).isEqualTo(200);
        for (String path : List.of("/pakistan-taliban-2023.yaml", "/.statecraft/runs.duckdb", "/../outside.yaml", "/%2E%2E/outside.yaml",
                "/org/statecraft/app/web/WebServer.class", "/META-INF/MANIFEST.MF", "/web/../scenarios/" + SCENARIO)) {
            HttpResponse<String> r = send("GET", path, null, null);
            assertThat(r.statusCode()).as(path).isIn(400, 404);
            assertThat(r.body()).doesNotContain("secret").doesNotContain("horizonDays");
        }
        // the escapes that would reach real files: the static handler serves classpath /web, and one level up are the
        // bundled scenarios and the app's classes. Sent over a raw socket so that no client normalises the path.
        String scenarioText = yaml.substring(0, yaml.indexOf("horizonDays"));
        assertThat(WebServer.class.getResource("/scenarios/" + SCENARIO)).as("the target is on the classpath").isNotNull();
        assertThat(WebServer.class.getResource("/org/statecraft/app/web/WebServer.class")).isNotNull();
        String control = rawGet("/charts.js");
        assertThat(status(control)).as("the raw request itself is accepted").isEqualTo(200);
        for (String path : List.of("/../scenarios/" + SCENARIO, "/%2e%2e/scenarios/" + SCENARIO, "/..%2fscenarios/" + SCENARIO,
                "/%2e%2e%2fscenarios%2f" + SCENARIO, "/./../scenarios/" + SCENARIO, "/web/../../scenarios/" + SCENARIO,
                "/..\\scenarios\\" + SCENARIO, "/%2e%2e/org/statecraft/app/web/WebServer.class",
                "/../org/statecraft/app/web/WebServer.class", "/..%2forg%2fstatecraft%2fapp%2fweb%2fWebServer.class")) {
            String answer = rawGet(path);
            assertThat(status(answer)).as(path).isBetween(400, 499);
            assertThat(answer).as(path).doesNotContain("horizonDays").doesNotContain(scenarioText)
                    .doesNotContain("org/statecraft/app/web/WebServer").doesNotContain("WebServer.java");
        }
    }

    /** A GET with the token over a raw socket: the path reaches the server exactly as written. */
    static String rawGet(String path) throws Exception {
        return WebSecurityTest.raw(server.port(), "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                + "\r\nX-Statecraft-Token: " + server.token() + "\r\nConnection: close\r\n\r\n");
    }

    /** The status code of a raw HTTP/1.1 answer. */
    static int status(String answer) {
        assertThat(answer).startsWith("HTTP/1.1 ");
        return Integer.parseInt(answer.substring(9, 12));
    }

    @Test
    void aRunIsRecordedWithItsResultsReportAndRerun() throws Exception {
        String id = submit(server, 50);
        JsonNode run = waitFor(server, id);
        assertThat(run.get("status").asText()).isEqualTo("done");
        assertThat(run.get("scenarioHash").asText()).hasSize(64);
        assertThat(run.get("seed").asLong()).isEqualTo(20230906L);
        assertThat(run.get("version").asText()).isNotBlank();
        assertThat(run.get("parameters").get("runs").asInt()).isEqualTo(50);

        HttpResponse<String> results = send("GET", "/api/runs/" + id + "/results", null, null);
        assertThat(results.statusCode()).isEqualTo(200);
        assertThat(results.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        JsonNode res = json(results);
        assertThat(res.get("policies").size()).isEqualTo(8);
        assertThat(res.get("run").get("runs").asInt()).isEqualTo(50);
        assertThat(JsonFieldNamesTest.notCamelCase(res)).as("results field names").isEmpty();
        assertThat(JsonFieldNamesTest.notCamelCase(run)).as("run field names").isEmpty();

        HttpResponse<String> report = send("GET", "/api/runs/" + id + "/report", null, null);
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("statecraft-data", "StatecraftCharts");

        HttpResponse<String> rerun = send("POST", "/api/runs/" + id + "/rerun", null, null);
        assertThat(rerun.statusCode()).isEqualTo(202);
        String again = json(rerun).get("id").asText();
        assertThat(json(rerun).get("rerunOf").asText()).isEqualTo(id);
        waitFor(server, again);
        // same scenario, same seed: the same numbers
        JsonNode res2 = json(send("GET", "/api/runs/" + again + "/results", null, null));
        assertThat(res2.get("policies")).isEqualTo(res.get("policies"));

        assertThat(json(send("GET", "/api/runs", null, null)).findValuesAsText("id")).contains(id, again);
        assertThat(send("GET", "/api/runs/00000000-0000-0000-0000-000000000000", null, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/runs/..%2F..%2Fx", null, null).statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/runs", "{\"scenario\":\"" + SCENARIO + "\",\"runs\":0}", "application/json").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/runs", "not json", "application/json").statusCode()).isEqualTo(400);
        HttpResponse<String> badYaml = send("POST", "/api/runs", JSON.createObjectNode().put("scenario", "x.yaml").put("yaml", "id: [").toString(), "application/json");
        assertThat(badYaml.statusCode()).isEqualTo(400);
        assertThat(json(badYaml).get("problems").get(0).get("line").asInt()).isPositive();
    }

    @Test
    void aDoneRunsSensitivityIsComputedAndAttachedToItsResultsAndReport() throws Exception {
        String id = submit(server, 10);
        waitFor(server, id);
        assertThat(send("POST", "/api/runs/" + id + "/sensitivity", "{\"samples\":5000}", "application/json").body()).contains("1024");
        assertThat(send("POST", "/api/runs/" + id + "/sensitivity", "{\"samples\":true}", "application/json").body()).contains("'samples'");
        HttpResponse<String> r = send("POST", "/api/runs/" + id + "/sensitivity", "{\"samples\":4,\"replicates\":1}", "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        long end = System.nanoTime() + 300_000_000_000L;
        String st;
        do {
            Thread.sleep(200);
            st = json(send("GET", "/api/runs/" + id, null, null)).get("sensitivity").asText();
        } while ((st.equals("queued") || st.equals("running")) && System.nanoTime() < end);
        assertThat(st).isEqualTo("done");
        JsonNode res = json(send("GET", "/api/runs/" + id + "/results", null, null));
        assertThat(res.get("sensitivity").get("run").get("samples").asInt()).isEqualTo(4);
        assertThat(res.get("sensitivity").get("results").size()).isPositive();
        assertThat(res.get("policies").size()).isEqualTo(8);
        assertThat(JsonFieldNamesTest.notCamelCase(res)).as("results and sensitivity field names").isEmpty();
        assertThat(send("GET", "/api/runs/" + id + "/report", null, null).body()).contains("\"sensitivity\"");
    }

    @Test
    void aFullPoolAnswers429AndRecordsNothingForTheRefusedRun() throws Exception {
        try (WebServer small = start(dir.resolve("small"), 1, 0)) {
            String first = submit(small, 400);
            HttpResponse<String> refused = send(small, "POST", "/api/runs", "{\"scenario\":\"" + SCENARIO + "\",\"runs\":10}", "application/json");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(small.store().count()).isEqualTo(1);
            waitFor(small, first);
            HttpResponse<String> next = send(small, "POST", "/api/runs", "{\"scenario\":\"" + SCENARIO + "\",\"runs\":10}", "application/json");
            assertThat(next.statusCode()).isEqualTo(202);
            waitFor(small, json(next).get("id").asText());
        }
    }

    /**
     * The load test: 100 concurrent requests of eight kinds from 16 client threads, each bounded by a 60 s time-out
     * (so the test ends by itself); every answer is checked for its status and its content, none is a 5xx, and
     * every accepted run finishes and is in the store.
     */
    @Test
    void aHundredConcurrentMixedRequestsAreAllAnsweredRightAndNoRunIsLost() throws Exception {
        String done = submit(server, 20);
        waitFor(server, done);
        int before = server.store().count();
        String bad = yaml.replace("horizonDays: 180", "horizonDays: soon");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                int k = i % 8;
                calls.add(() -> {
                    HttpResponse<String> r;
                    switch (k) {
                        case 0 -> {
                            r = send("POST", "/api/runs", "{\"scenario\":\"" + SCENARIO + "\",\"runs\":10}", "application/json");
                            if (r.statusCode() == 429) {
                                return "busy";
                            }
                            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
                            assertThat(json(r).get("status").asText()).isIn("queued", "running");
                            return "run " + json(r).get("id").asText();
                        }
                        case 1 -> {
                            r = send("POST", "/api/validate", yaml, "text/yaml");
                            assertThat(r.statusCode()).isEqualTo(200);
                            assertThat(json(r).get("valid").asBoolean()).isTrue();
                        }
                        case 2 -> {
                            r = send("POST", "/api/validate", bad, "text/yaml");
                            assertThat(r.statusCode()).isEqualTo(400);
                            assertThat(json(r).get("problems").findValues("line").stream().map(JsonNode::asInt)).contains(lineOf(bad, "horizonDays: soon"));
                        }
                        case 3 -> {
                            r = send("GET", "/api/scenarios", null, null);
                            assertThat(r.statusCode()).isEqualTo(200);
                            assertThat(json(r).findValuesAsText("name")).contains(SCENARIO);
                        }
                        case 4 -> {
                            r = send("GET", "/api/runs", null, null);
                            assertThat(r.statusCode()).isEqualTo(200);
                            assertThat(json(r).findValuesAsText("id")).contains(done);
                        }
                        case 5 -> {
                            r = send("GET", "/api/scenarios/" + SCENARIO, null, null);
                            assertThat(r.statusCode()).isEqualTo(200);
                            assertThat(r.body()).isEqualTo(yaml);
                        }
                        case 6 -> {
                            r = send("GET", "/api/runs/" + done + "/results", null, null);
                            assertThat(r.statusCode()).isEqualTo(200);
                            assertThat(json(r).get("policies").size()).isEqualTo(8);
                            assertThat(json(r).get("record").get("runId").asText()).isEqualTo(done);
                        }
                        default -> {
                            r = send("GET", "/api/runs/00000000-0000-0000-0000-000000000000", null, null);
                            assertThat(r.statusCode()).isEqualTo(404);
                            assertThat(json(r).get("error").asText()).contains("no run");
                        }
                    }
                    assertThat(r.statusCode()).isLessThan(500);
                    return "ok";
                });
            }
            List<String> ids = new ArrayList<>();
            int answered = 0;
            for (Future<String> f : pool.invokeAll(calls, 5, java.util.concurrent.TimeUnit.MINUTES)) {
                String out = f.get();
                answered++;
                if (out.startsWith("run ")) {
                    ids.add(out.substring(4));
                }
            }
            assertThat(answered).isEqualTo(100);
            assertThat(ids).doesNotHaveDuplicates().isNotEmpty();
            for (String id : ids) {
                assertThat(waitFor(server, id).get("status").asText()).isEqualTo("done");
            }
            assertThat(server.store().count()).isEqualTo(before + ids.size());
        } finally {
            pool.shutdownNow();
        }
    }
}
