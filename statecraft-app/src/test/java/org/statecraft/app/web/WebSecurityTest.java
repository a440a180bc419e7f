package org.statecraft.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.statecraft.app.web.WebApiTest.SCENARIO;
import static org.statecraft.app.web.WebApiTest.json;
import static org.statecraft.app.web.WebApiTest.lineOf;
import static org.statecraft.app.web.WebApiTest.send;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web app's defences, request by request against a loopback server: token, Host, Origin, media types,
 * headers, symbolic links, caps, field types, cancellation and error messages. The browser-level attacks
 * (another page driving the app) are in {@link BrowserSecurityTest}.
 */
class WebSecurityTest {
    @TempDir
    static Path dir;
    static WebServer server;
    static String yaml;

    @BeforeAll
    static void start() throws Exception {
        yaml = WebApiTest.bundledYaml();
        Files.writeString(dir.resolve("secret.txt"), "secret: outside the workspace");
        server = WebApiTest.start(dir.resolve("ws"), 1, 2,
                WebLimits.defaults().withWork(5_000, 400, 5_000L * 180 * 8));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A raw HTTP/1.1 request, so that any Host and Origin can be sent; the answer's status line and body. */
    static String raw(int port, String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return b.toString(StandardCharsets.UTF_8);
        }
    }

    static String get(String path, String host, String extraHeaders) throws Exception {
        return raw(server.port(), "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nX-Statecraft-Token: " + server.token()
                + "\r\n" + extraHeaders + "Connection: close\r\n\r\n");
    }

    static HttpResponse<String> plain(String method, String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(Duration.ofSeconds(30));
        headers.forEach(b::header);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postRun(String body) throws Exception {
        return send(server, "POST", "/api/runs", body, "application/json");
    }

    @Test
    void everyApiRequestNeedsTheTokenAndTheTokenUrlSetsAnHttpOnlyStrictCookie() throws Exception {
        assertThat(plain("GET", "/api/scenarios", null, Map.of()).statusCode()).isEqualTo(401);
        String wrong = (server.token().charAt(0) == '0' ? "1" : "0") + server.token().substring(1);
        assertThat(plain("GET", "/api/scenarios", null, Map.of("X-Statecraft-Token", wrong)).statusCode()).isEqualTo(401);
        assertThat(plain("GET", "/api/scenarios", null, Map.of("Authorization", "token " + server.token())).statusCode()).isEqualTo(200);
        assertThat(plain("POST", "/api/runs", "{\"scenario\":\"" + SCENARIO + "\"}", Map.of("Content-Type", "application/json")).statusCode()).isEqualTo(401);
        assertThat(server.url()).contains("?token=" + server.token()).startsWith("http://127.0.0.1:");

        HttpResponse<String> open = plain("GET", "/?token=" + server.token(), null, Map.of());
        assertThat(open.statusCode()).isEqualTo(303);
        String cookie = open.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains(server.token(), "HttpOnly", "SameSite=Strict");
        String pair = cookie.split(";")[0];
        assertThat(plain("GET", "/api/scenarios", null, Map.of("Cookie", pair)).statusCode()).isEqualTo(200);
        // with the cookie alone (no Origin, no header token) nothing may change: that is what a form or image sends
        assertThat(plain("DELETE", "/api/scenarios/" + SCENARIO, null, Map.of("Cookie", pair)).statusCode()).isEqualTo(403);
        assertThat(plain("GET", "/?token=wrong", null, Map.of()).statusCode()).isEqualTo(401);
        // the page itself loads without the token (it then says how to get in)
        assertThat(plain("GET", "/", null, Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void aForeignHostHeaderIsRefusedOnPagesAndApiAlike() throws Exception {
        int port = server.port();
        for (String path : List.of("/", "/api/scenarios", "/api/scenarios/" + SCENARIO, "/charts.js")) {
            String r = get(path, "evil.example:" + port, "");
            assertThat(r).as(path).startsWith("HTTP/1.1 403");
            assertThat(r).doesNotContain("horizonDays");
        }
        assertThat(get("/api/scenarios", "evil.example", "")).startsWith("HTTP/1.1 403");
        assertThat(get("/api/scenarios", "127.0.0.1:" + (port + 1), "")).startsWith("HTTP/1.1 403");
        assertThat(get("/api/scenarios", "localhost:" + port, "")).startsWith("HTTP/1.1 200");
        assertThat(get("/api/scenarios", "127.0.0.1:" + port, "")).startsWith("HTTP/1.1 200");
        String put = raw(port, "PUT /api/scenarios/x.yaml HTTP/1.1\r\nHost: evil.example:" + port + "\r\nX-Statecraft-Token: "
                + server.token() + "\r\nContent-Type: text/yaml\r\nContent-Length: " + yaml.getBytes(StandardCharsets.UTF_8).length
                + "\r\nConnection: close\r\n\r\n" + yaml);
        assertThat(put).startsWith("HTTP/1.1 403");
        assertThat(Files.exists(server.workspace().resolve("x.yaml"))).isFalse();
    }

    @Test
    void aForeignOriginOrSiteIsRefusedAndChangesNothing() throws Exception {
        int before = server.store().count();
        int port = server.port();
        String body = "{\"scenario\":\"" + SCENARIO + "\",\"runs\":10}";
        for (String origin : List.of("http://evil.example", "http://127.0.0.1:" + (port + 1), "null", "https://127.0.0.1:" + port)) {
            String r = raw(port, "POST /api/runs HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nOrigin: " + origin
                    + "\r\nX-Statecraft-Token: " + server.token() + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length() + "\r\nConnection: close\r\n\r\n" + body);
            assertThat(r).as(origin).startsWith("HTTP/1.1 403");
        }
        assertThat(get("/api/scenarios/" + SCENARIO, "127.0.0.1:" + port, "Sec-Fetch-Site: same-site\r\n")).startsWith("HTTP/1.1 403");
        assertThat(get("/api/scenarios/" + SCENARIO, "127.0.0.1:" + port, "Sec-Fetch-Site: cross-site\r\n")).startsWith("HTTP/1.1 403");
        assertThat(get("/api/scenarios/" + SCENARIO, "127.0.0.1:" + port, "Sec-Fetch-Site: same-origin\r\nOrigin: http://127.0.0.1:" + port + "\r\n"))
                .startsWith("HTTP/1.1 200");
        assertThat(server.store().count()).isEqualTo(before);
    }

    @Test
    void jsonAndYamlEndpointsRefuseOtherMediaTypesWith415() throws Exception {
        String body = "{\"scenario\":\"" + SCENARIO + "\",\"runs\":10}";
        int before = server.store().count();
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
            assertThat(send(server, "POST", "/api/runs", body, type).statusCode()).as(type).isEqualTo(415);
            assertThat(send(server, "POST", "/api/validate", yaml, type).statusCode()).as(type).isEqualTo(415);
            assertThat(send(server, "PUT", "/api/scenarios/t.yaml", yaml, type).statusCode()).as(type).isEqualTo(415);
        }
        assertThat(send(server, "POST", "/api/runs", yaml, "text/yaml").statusCode()).isEqualTo(415);
        assertThat(server.store().count()).isEqualTo(before);
        assertThat(Files.exists(server.workspace().resolve("t.yaml"))).isFalse();
    }

    @Test
    void pagesAndAnswersCarryTheSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/app.js", "/api/health", "/api/nothing-here")) {
            HttpResponse<String> r = send(server, "GET", path, null, null);
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(csp).contains("script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-eval");
            assertThat(csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src")))).doesNotContain("unsafe-inline");
        }
        assertThat(send(server, "GET", "/", null, null).body()).doesNotContainPattern("<script>").doesNotContain("onclick=");
    }

    @Test
    void aLinkOutOfTheWorkspaceIsNeitherListedReadWrittenNorDeleted() throws Exception {
        Path link = server.workspace().resolve("passwd.yaml");
        Files.createSymbolicLink(link, dir.resolve("secret.txt"));
        try {
            assertThat(json(send(server, "GET", "/api/scenarios", null, null)).findValuesAsText("name")).doesNotContain("passwd.yaml");
            HttpResponse<String> r = send(server, "GET", "/api/scenarios/passwd.yaml", null, null);
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).doesNotContain("secret:").doesNotContain(dir.toString());
            assertThat(send(server, "PUT", "/api/scenarios/passwd.yaml", yaml, "text/yaml").statusCode()).isEqualTo(403);
            assertThat(send(server, "DELETE", "/api/scenarios/passwd.yaml", null, null).statusCode()).isEqualTo(403);
            assertThat(send(server, "POST", "/api/runs", "{\"scenario\":\"passwd.yaml\"}", "application/json").statusCode()).isEqualTo(403);
            assertThat(Files.readString(dir.resolve("secret.txt"))).isEqualTo("secret: outside the workspace");
        } finally {
            Files.delete(link);
        }
    }

    @Test
    void eachCapIsCheckedAtValidationWithALocatedMessageNamingIt() throws Exception {
        String longHorizon = yaml.replace("horizonDays: 180", "horizonDays: 20000");
        HttpResponse<String> v = send(server, "POST", "/api/validate", longHorizon, "text/yaml");
        assertThat(v.statusCode()).isEqualTo(400);
        JsonNode p = json(v).get("problems").get(0);
        assertThat(p.get("message").asText()).contains("maxDays = 400", "20000");
        assertThat(p.get("line").asInt()).isEqualTo(lineOf(longHorizon, "horizonDays: 20000"));
        assertThat(p.get("column").asInt()).isEqualTo(1);

        HttpResponse<String> runs = postRun("{\"scenario\":\"" + SCENARIO + "\",\"runs\":5001}");
        assertThat(runs.statusCode()).isEqualTo(400);
        assertThat(json(runs).get("error").asText()).contains("maxRuns = 5000");

        // 5000 runs × 180 days × 8 policies is the cap; 200 days is over it, 180 is not
        String longer = yaml.replace("horizonDays: 180", "horizonDays: 200");
        HttpResponse<String> work = send(server, "POST", "/api/runs",
                WebApiTest.JSON.createObjectNode().put("yaml", longer).put("runs", 5000).toString(), "application/json");
        assertThat(work.statusCode()).isEqualTo(400);
        JsonNode wp = json(work).get("problems").get(0);
        assertThat(wp.get("message").asText()).contains("maxWork", "5000 × 200 × 8");
        assertThat(wp.get("line").asInt()).isEqualTo(lineOf(longer, "policies:"));

        StringBuilder keys = new StringBuilder(yaml);
        for (int i = 0; i < 60_000; i++) {
            keys.append('k').append(i).append(": 1\n");
        }
        HttpResponse<String> many = send(server, "POST", "/api/validate", keys.toString(), "text/yaml");
        assertThat(many.statusCode()).isEqualTo(400);
        assertThat(json(many).get("problems").get(0).get("message").asText()).contains("maxKeys = 20000");

        assertThat(json(send(server, "POST", "/api/validate", "#".repeat((1 << 20) + 1), "text/yaml")).get("error").asText())
                .contains("maxBodyBytes = 1048576");
        assertThat(server.store().list()).noneMatch(r -> r.runs() > 5000);
    }

    @Test
    void theCommandLineKeepsWorkingBeyondTheWebCaps() throws Exception {
        Path f = dir.resolve("long.yaml");
        Files.writeString(f, yaml.replace("horizonDays: 180", "horizonDays: 1000"));
        assertThat(org.statecraft.app.Cli.run("validate", f.toString()).exit()).isZero();
        assertThat(send(server, "POST", "/api/validate", Files.readString(f), "text/yaml").statusCode()).isEqualTo(400);
    }

    @Test
    void fieldsOfTheWrongTypeAre400NamingTheFieldAndSeedsTravelAsStrings() throws Exception {
        Map<String, String> bad = Map.of(
                "\"runs\":true", "'runs'", "\"runs\":4294967297", "'runs'", "\"runs\":1.5", "'runs'", "\"runs\":\"10\"", "'runs'",
                "\"seed\":true", "'seed'", "\"seed\":1.5", "'seed'", "\"seed\":\"99999999999999999999\"", "'seed'",
                "\"scenario\":7", "'scenario'", "\"label\":[1]", "'label'", "\"rnus\":10", "'rnus'");
        int before = server.store().count();
        for (Map.Entry<String, String> e : bad.entrySet()) {
            HttpResponse<String> r = postRun("{\"scenario\":\"" + SCENARIO + "\"," + e.getKey() + "}");
            assertThat(r.statusCode()).as(e.getKey()).isEqualTo(400);
            assertThat(json(r).get("error").asText()).as(e.getKey()).contains(e.getValue());
        }
        assertThat(server.store().count()).isEqualTo(before);

        // 17 digits: JavaScript's Number would make 12345678901234567 into ...568
        HttpResponse<String> ok = postRun("{\"scenario\":\"" + SCENARIO + "\",\"runs\":5,\"seed\":\"12345678901234567\",\"label\":\"long seed\"}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(202);
        JsonNode run = json(ok);
        assertThat(run.get("seed").isTextual()).isTrue();
        assertThat(run.get("seed").asText()).isEqualTo("12345678901234567");
        assertThat(run.get("label").asText()).isEqualTo("long seed");
        JsonNode done = WebApiTest.waitFor(server, run.get("id").asText());
        assertThat(done.get("status").asText()).isEqualTo("done");
        assertThat(done.get("headline").asText()).startsWith("top: ");
        assertThat(server.store().get(run.get("id").asText()).orElseThrow().seed()).isEqualTo(12345678901234567L);
    }

    @Test
    void aCancelledRunStopsFreesItsSlotAndSaysSo() throws Exception {
        try (WebServer small = WebApiTest.start(dir.resolve("cancel"), 1, 0)) {
            HttpResponse<String> r = send(small, "POST", "/api/runs", "{\"scenario\":\"" + SCENARIO + "\",\"runs\":50000}", "application/json");
            assertThat(r.statusCode()).isEqualTo(202);
            String id = json(r).get("id").asText();
            assertThat(send(small, "POST", "/api/runs", "{\"scenario\":\"" + SCENARIO + "\",\"runs\":5}", "application/json").statusCode()).isEqualTo(429);
            HttpResponse<String> c = send(small, "POST", "/api/runs/" + id + "/cancel", null, null);
            assertThat(c.statusCode()).as(c.body()).isEqualTo(200);
            assertThat(json(c).get("status").asText()).isEqualTo("cancelled");
            // the slot comes back once the analysis has stopped at its next chunk
            long end = System.nanoTime() + 120_000_000_000L;
            HttpResponse<String> next;
            do {
                Thread.sleep(100);
                next = send(small, "POST", "/api/runs", "{\"scenario\":\"" + SCENARIO + "\",\"runs\":5}", "application/json");
            } while (next.statusCode() == 429 && System.nanoTime() < end);
            assertThat(next.statusCode()).isEqualTo(202);
            WebApiTest.waitFor(small, json(next).get("id").asText());
            JsonNode cancelled = json(send(small, "GET", "/api/runs/" + id, null, null));
            assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
            assertThat(send(small, "GET", "/api/runs/" + id + "/results", null, null).statusCode()).isEqualTo(409);
            assertThat(send(small, "POST", "/api/runs/" + id + "/cancel", null, null).statusCode()).isEqualTo(409);
        }
    }

    @Test
    void aNonLoopbackHostNeedsAllowRemoteAndWarns() {
        org.statecraft.app.Cli refused = org.statecraft.app.Cli.run("serve", "--host", "0.0.0.0", "--port", "0",
                "--workspace", dir.resolve("remote").toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("--allow-remote", "not a loopback address");
        assertThat(WebSecurity.isLoopback("127.0.0.1")).isTrue();
        assertThat(WebSecurity.isLoopback("127.8.9.1")).isTrue();
        assertThat(WebSecurity.isLoopback("::1")).isTrue();
        assertThat(WebSecurity.isLoopback("localhost")).isTrue();
        assertThat(WebSecurity.isLoopback("0.0.0.0")).isFalse();
        assertThat(WebSecurity.isLoopback("192.0.2.7")).isFalse();
    }

    @Test
    void messagesNameNoServerPathOrClass() {
        assertThat(ApiError.plain("cannot open /home/user/ws/.statecraft/runs.duckdb: java.io.IOException: denied"))
                .doesNotContain("/home/user").doesNotContain("java.io").contains("denied");
        assertThat(ApiError.plain("java.lang.IllegalStateException: boom")).isEqualTo("boom");
        assertThat(ApiError.plain("line 3: 1/2 is a ratio")).isEqualTo("line 3: 1/2 is a ratio");
    }

    @Test
    void scenariosCanBeCopiedRenamedDeletedAndTheBundledOneRestored() throws Exception {
        assertThat(send(server, "POST", "/api/scenarios/" + SCENARIO + "/copy", "{\"to\":\"a.yaml\"}", "application/json").statusCode()).isEqualTo(201);
        assertThat(send(server, "POST", "/api/scenarios/" + SCENARIO + "/copy", "{\"to\":\"a.yaml\"}", "application/json").statusCode()).isEqualTo(409);
        assertThat(send(server, "POST", "/api/scenarios/a.yaml/rename", "{\"to\":\"b.yaml\"}", "application/json").statusCode()).isEqualTo(200);
        assertThat(send(server, "POST", "/api/scenarios/a.yaml/rename", "{\"to\":\"c.yaml\"}", "application/json").statusCode()).isEqualTo(404);
        assertThat(send(server, "POST", "/api/scenarios/b.yaml/rename", "{\"to\":\"../c.yaml\"}", "application/json").statusCode()).isEqualTo(400);
        assertThat(send(server, "GET", "/api/scenarios/b.yaml", null, null).body()).isEqualTo(yaml);
        assertThat(send(server, "DELETE", "/api/scenarios/b.yaml", null, null).statusCode()).isEqualTo(204);

        Files.writeString(server.workspace().resolve(SCENARIO), "edited");
        HttpResponse<String> restore = send(server, "POST", "/api/bundled/restore", null, null);
        assertThat(restore.statusCode()).isEqualTo(200);
        assertThat(Files.readString(server.workspace().resolve(SCENARIO))).isEqualTo(yaml);
    }
}
