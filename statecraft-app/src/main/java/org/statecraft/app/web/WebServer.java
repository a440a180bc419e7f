package org.statecraft.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.statecraft.app.report.ReportBuilder;
import org.statecraft.core.DataFormatException;
import org.statecraft.core.leverage.LeverageModel;
import org.statecraft.core.FailureKind;
import org.statecraft.core.montecarlo.MonteCarloOptions;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.core.sensitivity.ScenarioSensitivity;
import org.statecraft.io.results.AnalysisJson;
import org.statecraft.io.scenario.LocatedProblem;
import org.statecraft.io.scenario.ScenarioReader;
import org.statecraft.io.scenario.ScenarioValidationException;

/**
 * The local web app ({@code statecraft serve}): a Javalin server on 127.0.0.1 that edits, validates and runs the
 * scenarios of a workspace and shows their results with the report's charts. The HTTP API is described by
 * {@code /api/openapi.json} and {@code docs/api.md}.
 *
 * <p>Safety: every request passes {@link WebSecurity} (token, Host, Origin, security headers); JSON and YAML
 * endpoints refuse other media types ({@code 415}); request bodies and the work of a run are capped by
 * {@link WebLimits} ({@code 413}, or {@code 400} with a located problem naming the cap); scenario names are plain
 * file names inside the workspace and links out of it are refused ({@link Workspace}); fields of the wrong type are
 * {@code 400} naming the field; analyses run on a bounded pool ({@code 429} when it is full) and can be cancelled;
 * error messages name no server path or class ({@link ApiError#plain}); only the app's own assets (classpath
 * {@code /web}, the ECharts WebJar) and the workspace's scenarios (through the API) are served.
 */
public final class WebServer implements AutoCloseable {
    /**
     * @param host          address to listen on (127.0.0.1 by default)
     * @param port          port, 0 for any free one
     * @param workspace     the workspace folder
     * @param seedName      file name of the bundled scenario, copied into an empty workspace and restorable
     * @param seedYaml      its text, or null
     * @param workers       analyses run at once
     * @param queue         analyses that may wait beyond those
     * @param threadsPerRun Monte Carlo threads per analysis (results do not depend on it)
     * @param limits        the caps on one request's work and body
     * @param token         the API token, or null to draw one at start
     * @param allowHosts    more names to accept in the Host header (for a non-loopback --host)
     */
    public record Config(String host, int port, Path workspace, String seedName, String seedYaml, int workers,
                         int queue, int threadsPerRun, WebLimits limits, String token, List<String> allowHosts) {
        public Config {
            if (workers < 1 || queue < 0 || threadsPerRun < 1) {
                throw new IllegalArgumentException("workers and threadsPerRun must be >= 1 and queue >= 0");
            }
            allowHosts = List.copyOf(allowHosts);
        }

        public static Config defaults(Path workspace, String seedName, String seedYaml) {
            int cores = Runtime.getRuntime().availableProcessors();
            return new Config("127.0.0.1", 7070, workspace, seedName, seedYaml, 2, 8, Math.max(1, cores / 2),
                    WebLimits.defaults(), null, List.of());
        }

        public Config withPort(int p) {
            return new Config(host, p, workspace, seedName, seedYaml, workers, queue, threadsPerRun, limits, token, allowHosts);
        }

        public Config withHost(String h, List<String> allow) {
            return new Config(h, port, workspace, seedName, seedYaml, workers, queue, threadsPerRun, limits, token, allow);
        }

        public Config withPool(int w, int q) {
            return new Config(host, port, workspace, seedName, seedYaml, w, q, threadsPerRun, limits, token, allowHosts);
        }

        public Config withLimits(WebLimits l) {
            return new Config(host, port, workspace, seedName, seedYaml, workers, queue, threadsPerRun, l, token, allowHosts);
        }

        public Config withToken(String t) {
            return new Config(host, port, workspace, seedName, seedYaml, workers, queue, threadsPerRun, limits, t, allowHosts);
        }
    }

    private static final ObjectMapper JSON = AnalysisJson.mapper();
    private static final Set<String> YAML_TYPES = Set.of("text/yaml", "application/yaml", "application/x-yaml", "text/x-yaml");
    private static final Set<String> JSON_TYPES = Set.of("application/json");
    private static final Set<String> RUN_FIELDS = Set.of("scenario", "yaml", "runs", "seed", "label");
    private final Config config;
    private final WebLimits limits;
    private final WebSecurity security;
    private final Workspace workspace;
    private final RunStore store;
    private final RunManager runs;
    private final Javalin app;
    private final AtomicLong errors = new AtomicLong();

    private WebServer(Config config) throws IOException {
        this.config = config;
        this.limits = config.limits();
        this.security = new WebSecurity(config.token(), config.host(), config.allowHosts());
        this.workspace = new Workspace(config.workspace());
        workspace.seed(config.seedName(), config.seedYaml());
        this.store = new RunStore(workspace.root().resolve(".statecraft").resolve("runs.duckdb"));
        this.runs = new RunManager(store, config.workers(), config.queue(), config.threadsPerRun());
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.http.maxRequestSize = limits.maxBodyBytes();
            cfg.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = "/web";
                sf.location = Location.CLASSPATH;
            });
            cfg.staticFiles.enableWebjars();
        });
        routes();
    }

    /** Starts a server; {@link #port()} tells the port when 0 was asked. */
    public static WebServer start(Config config) throws IOException {
        WebServer s = new WebServer(config);
        try {
            s.app.start(config.host(), config.port());
            s.security.port(s.app.port());
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    public int port() {
        return app.port();
    }

    /** The secret every API request must carry (see {@link WebSecurity}). */
    public String token() {
        return security.token();
    }

    /** The address to open: it carries the token, which the page turns into a cookie. */
    public String url() {
        String h = WebSecurity.isWildcard(config.host()) ? "127.0.0.1" : config.host();
        if (h.contains(":") && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        return "http://" + h + ":" + port() + "/?token=" + token();
    }

    public Path workspace() {
        return workspace.root();
    }

    public RunStore store() {
        return store;
    }

    private void routes() {
        app.before(security::check);
        app.before(ctx -> {
            long len = ctx.contentLength();
            if (len > limits.maxBodyBytes()) {
                // A modestly oversized body is read and discarded so the client, still sending, gets a clean
                // 413 rather than a reset connection; a far larger one is refused without reading it.
                if (len <= 4L * limits.maxBodyBytes()) {
                    try (InputStream in = ctx.req().getInputStream()) {
                        in.skipNBytes(len);
                    } catch (IOException | RuntimeException ignored) {
                        // the client went away: nothing to drain
                    }
                } else {
                    ctx.header("Connection", "close");
                }
                throw new ApiError(413, "request body of " + len + " bytes is over the web app's cap maxBodyBytes = " + limits.maxBodyBytes());
            }
        });
        app.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage(), e.problems()));
        app.exception(ScenarioValidationException.class, (e, ctx) -> error(ctx, 400, "the scenario has " + e.problems().size() + " problem(s)", e.problems()));
        app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), ApiError.plain(e.getMessage()), List.of()));
        // everything else through the mapping the CLI and the Spark job share; a bug is numbered and its trace logged
        app.exception(Exception.class, (e, ctx) -> {
            FailureKind kind = FailureKind.of(e);
            if (!kind.isBug()) {
                String message = e instanceof DataFormatException d ? d.located() : FailureKind.message(e);
                error(ctx, kind.httpStatus(), ApiError.plain(message), List.of());
                return;
            }
            long ref = errors.incrementAndGet();
            System.err.println("statecraft serve: internal error #" + ref + " on " + ctx.method() + " " + ctx.path());
            e.printStackTrace();
            error(ctx, kind.httpStatus(), "internal error #" + ref + "; the server's log has the details", List.of());
        });

        app.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(resource("/org/statecraft/app/web/openapi.json")));
        app.get("/api/health", ctx -> json(ctx, 200, JSON.createObjectNode().put("status", "ok").put("version", AnalysisJson.VERSION)));
        app.get("/api/limits", ctx -> json(ctx, 200, JSON.createObjectNode().put("maxRuns", limits.maxRuns())
                .put("maxDays", limits.maxDays()).put("maxWork", limits.maxWork()).put("maxBodyBytes", limits.maxBodyBytes())
                .put("maxKeys", limits.maxKeys()).put("defaultSeed", Long.toString(MonteCarloOptions.DEFAULT_SEED))));

        app.get("/api/scenarios", ctx -> {
            ArrayNode a = JSON.createArrayNode();
            for (String n : workspace.list()) {
                a.addObject().put("name", n).put("bundled", n.equals(config.seedName()));
            }
            json(ctx, 200, a);
        });
        app.get("/api/scenarios/{name}", ctx -> ctx.contentType("text/yaml; charset=utf-8").result(workspace.read(ctx.pathParam("name"))));
        app.put("/api/scenarios/{name}", ctx -> {
            String name = ctx.pathParam("name");
            workspace.resolve(name);
            String yaml = body(ctx, YAML_TYPES);
            validate(yaml, name);
            workspace.write(name, yaml);
            json(ctx, 200, JSON.createObjectNode().put("name", name).put("saved", true));
        });
        app.delete("/api/scenarios/{name}", ctx -> {
            if (!workspace.delete(ctx.pathParam("name"))) {
                throw new ApiError(404, "no scenario named " + ctx.pathParam("name"));
            }
            ctx.status(204);
        });
        app.post("/api/scenarios/{name}/copy", ctx -> {
            String to = target(ctx);
            workspace.copy(ctx.pathParam("name"), to, false);
            json(ctx, 201, JSON.createObjectNode().put("name", to));
        });
        app.post("/api/scenarios/{name}/rename", ctx -> {
            String to = target(ctx);
            workspace.copy(ctx.pathParam("name"), to, true);
            json(ctx, 200, JSON.createObjectNode().put("name", to));
        });
        app.post("/api/bundled/restore", ctx -> {
            if (config.seedYaml() == null) {
                throw new ApiError(404, "this server has no bundled scenario");
            }
            workspace.write(config.seedName(), config.seedYaml());
            json(ctx, 200, JSON.createObjectNode().put("name", config.seedName()).put("restored", true));
        });
        app.post("/api/validate", ctx -> {
            String yaml = body(ctx, YAML_TYPES);
            try {
                validate(yaml, "scenario");
                json(ctx, 200, JSON.createObjectNode().put("valid", true).set("problems", JSON.createArrayNode()));
            } catch (ScenarioValidationException e) {
                invalid(ctx, e.problems());
            } catch (ApiError e) {
                if (e.status() != 400 || e.problems().isEmpty()) {
                    throw e;
                }
                invalid(ctx, e.problems());
            }
        });

        app.get("/api/runs", ctx -> {
            ArrayNode a = JSON.createArrayNode();
            store.list().forEach(r -> a.add(run(r)));
            json(ctx, 200, a);
        });
        app.post("/api/runs", ctx -> {
            JsonNode req = parseJson(body(ctx, JSON_TYPES));
            req.fieldNames().forEachRemaining(f -> {
                if (!RUN_FIELDS.contains(f)) {
                    throw new ApiError(400, "unknown field '" + ApiError.plain(f.length() > 60 ? f.substring(0, 60) + "…" : f)
                            + "'; a run takes " + String.join(", ", new TreeSet<>(RUN_FIELDS)));
                }
            });
            String name = optionalText(req, "scenario");
            String given = optionalText(req, "yaml");
            String label = optionalText(req, "label");
            if (label != null && label.length() > 200) {
                throw new ApiError(400, "field 'label' is longer than 200 characters");
            }
            String yaml = given != null ? given : workspace.read(requireName(name));
            if (name == null) {
                name = "untitled.yaml";
            }
            workspace.resolve(name);
            long n = integer(req, "runs", 200, 1, Integer.MAX_VALUE);
            long seed = seed(req);
            Scenario sc = validate(yaml, name);
            limits.checkWork(yaml, name, sc, n);
            String id = runs.submit(name, yaml, sc, (int) n, seed, null, label);
            json(ctx, 202, run(store.get(id).orElseThrow()));
        });
        app.get("/api/runs/{id}", ctx -> json(ctx, 200, run(find(ctx.pathParam("id")))));
        app.get("/api/runs/{id}/scenario", ctx -> {
            RunStore.Run r = find(ctx.pathParam("id"));
            ctx.contentType("text/yaml; charset=utf-8").result(store.scenarioYaml(r.id()).orElseThrow());
        });
        app.get("/api/runs/{id}/results", ctx -> {
            RunStore.Run r = find(ctx.pathParam("id"));
            String result = store.result(r.id()).orElseThrow(() -> new ApiError(409, "run " + r.id() + " is " + r.status() + ", it has no results"));
            ctx.header("Content-Disposition", "attachment; filename=\"results-" + r.id() + ".json\"");
            ctx.contentType("application/json").result(withSensitivity(r.id(), result));
        });
        app.get("/api/runs/{id}/report", ctx -> {
            RunStore.Run r = find(ctx.pathParam("id"));
            String result = store.result(r.id()).orElseThrow(() -> new ApiError(409, "run " + r.id() + " is " + r.status() + ", it has no results"));
            if (ctx.queryParam("download") != null) {
                ctx.header("Content-Disposition", "attachment; filename=\"report-" + r.id() + ".html\"");
            }
            ReportBuilder.Page page = ReportBuilder.page(JSON.readTree(withSensitivity(r.id(), result)));
            ctx.header("Content-Security-Policy", page.csp() + "; frame-ancestors 'none'");
            ctx.contentType("text/html; charset=utf-8").result(page.html());
        });
        app.post("/api/runs/{id}/rerun", ctx -> {
            RunStore.Run r = find(ctx.pathParam("id"));
            String yaml = store.scenarioYaml(r.id()).orElseThrow();
            Scenario sc = validate(yaml, r.scenario());
            limits.checkWork(yaml, r.scenario(), sc, r.runs());
            String id = runs.submit(r.scenario(), yaml, sc, r.runs(), r.seed(), r.id(), r.label());
            json(ctx, 202, run(store.get(id).orElseThrow()));
        });
        app.post("/api/runs/{id}/sensitivity", ctx -> {
            RunStore.Run r = find(ctx.pathParam("id"));
            if (!"done".equals(r.status())) {
                throw new ApiError(409, "run " + r.id() + " is " + r.status() + "; sensitivity is computed for a done run");
            }
            if (r.sensitivityStatus() != null && (r.sensitivityStatus().equals("queued") || r.sensitivityStatus().equals("running"))) {
                throw new ApiError(409, "the sensitivity analysis of run " + r.id() + " is already " + r.sensitivityStatus());
            }
            JsonNode req = ctx.contentLength() > 0 || ctx.contentType() != null ? parseJson(body(ctx, JSON_TYPES)) : JSON.createObjectNode();
            req.fieldNames().forEachRemaining(f -> {
                if (!f.equals("samples") && !f.equals("replicates")) {
                    throw new ApiError(400, "unknown field '" + ApiError.plain(f.length() > 60 ? f.substring(0, 60) + "…" : f)
                            + "'; a sensitivity analysis takes samples, replicates");
                }
            });
            long samples = integer(req, "samples", 32, 2, WebLimits.MAX_SAMPLES);
            long replicates = integer(req, "replicates", 2, 1, 16);
            String yaml = store.scenarioYaml(r.id()).orElseThrow();
            Scenario sc = validate(yaml, r.scenario());
            ScenarioSensitivity.Options options = new ScenarioSensitivity.Options((int) samples, (int) replicates,
                    ScenarioSensitivity.DEFAULT_GROUPING, r.seed(), List.of(), 200);
            ScenarioSensitivity.Plan plan = ScenarioSensitivity.plan(new LeverageModel(sc), options);
            limits.checkSensitivity(samples, replicates, plan.simulations(), sc.horizonDays());
            runs.sensitivity(r.id(), sc, options);
            json(ctx, 202, run(store.get(r.id()).orElseThrow()));
        });
        app.post("/api/runs/{id}/cancel", ctx -> {
            RunStore.Run r = find(ctx.pathParam("id"));
            if (!runs.cancel(r.id())) {
                throw new ApiError(409, "run " + r.id() + " is " + store.status(r.id()).orElse("gone") + "; only a queued or running run can be cancelled");
            }
            json(ctx, 200, run(store.get(r.id()).orElseThrow()));
        });
    }

    /** The results with the run's sensitivity analysis attached as {@code sensitivity}, when it has one. */
    private String withSensitivity(String id, String result) throws IOException {
        Optional<String> sens = store.sensitivityJson(id);
        if (sens.isEmpty()) {
            return result;
        }
        ObjectNode o = (ObjectNode) JSON.readTree(result);
        o.set("sensitivity", JSON.readTree(sens.get()));
        return AnalysisJson.write(o);
    }

    private static void invalid(Context ctx, List<LocatedProblem> ps) {
        ObjectNode o = JSON.createObjectNode().put("valid", false).put("error", ps.size() == 1 ? ps.get(0).message()
                : "the scenario has " + ps.size() + " problem(s)");
        o.set("problems", problems(ps));
        json(ctx, 400, o);
    }

    /** The {@code to} field of a copy or rename: a plain scenario name. */
    private String target(Context ctx) throws IOException {
        String to = optionalText(parseJson(body(ctx, JSON_TYPES)), "to");
        workspace.resolve(requireField(to, "to"));
        return to;
    }

    private static String requireField(String v, String field) {
        if (v == null) {
            throw new ApiError(400, "field '" + field + "' is required");
        }
        return v;
    }

    private static String optionalText(JsonNode req, String field) {
        JsonNode v = req.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new ApiError(400, "field '" + field + "' must be a string, was " + kind(v));
        }
        return v.asText();
    }

    /** An integral JSON number in [min, max]; 400 naming the field for a boolean, string, fraction or overflow. */
    static long integer(JsonNode req, String field, long absent, long min, long max) {
        JsonNode v = req.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new ApiError(400, "field '" + field + "' must be a whole number between " + min + " and " + max + ", was " + kind(v));
        }
        long x = v.asLong();
        if (x < min || x > max) {
            throw new ApiError(400, "field '" + field + "' must be between " + min + " and " + max + ", was " + x);
        }
        return x;
    }

    /**
     * The master seed: a string of digits (how the app sends it, since JavaScript's numbers round integers beyond
     * 2^53) or a JSON integer; 64 bits either way. Answers carry it back as a string.
     */
    static long seed(JsonNode req) {
        JsonNode v = req.get("seed");
        if (v == null || v.isNull()) {
            return MonteCarloOptions.DEFAULT_SEED;
        }
        if (v.isTextual() && v.asText().matches("-?[0-9]{1,20}")) {
            try {
                return Long.parseLong(v.asText());
            } catch (NumberFormatException e) {
                throw new ApiError(400, "field 'seed' must fit in 64 bits, was " + v.asText());
            }
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        throw new ApiError(400, "field 'seed' must be a whole number (as a string of digits or a JSON integer) that fits in 64 bits, was " + kind(v));
    }

    private static String kind(JsonNode v) {
        String text = v.isTextual() ? "'" + ApiError.plain(v.asText()) + "'" : v.toString();
        if (text.length() > 40) {
            text = text.substring(0, 40) + "…";
        }
        return v.getNodeType().name().toLowerCase(Locale.ROOT) + " " + text;
    }

    private RunStore.Run find(String id) {
        if (id == null || !id.matches("[0-9a-f-]{1,64}")) {
            throw new ApiError(400, "not a run id: " + (id == null ? "" : ApiError.plain(id.replaceAll("\\p{Cntrl}", "?"))));
        }
        return store.get(id).orElseThrow(() -> new ApiError(404, "no run " + id));
    }

    private static String requireName(String name) {
        if (name == null) {
            throw new ApiError(400, "give the scenario's name (scenario) or its text (yaml)");
        }
        return name;
    }

    private ObjectNode run(RunStore.Run r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", r.id());
        o.put("scenario", r.scenario());
        o.put("label", r.label());
        o.put("scenarioHash", r.scenarioHash());
        o.put("seed", Long.toString(r.seed()));
        o.put("runs", r.runs());
        o.put("version", r.version());
        try {
            o.set("parameters", JSON.readTree(r.parameters()));
        } catch (IOException e) {
            o.put("parameters", r.parameters());
        }
        o.put("status", r.status());
        double p = runs.progress(r.id());
        o.put("progress", "done".equals(r.status()) ? 1.0 : Math.max(0, p));
        o.put("error", r.error());
        o.put("headline", r.headline());
        o.put("sensitivity", r.sensitivityStatus());
        o.put("created", r.created());
        o.put("finished", r.finished());
        o.put("rerunOf", r.rerunOf());
        return o;
    }

    private Scenario validate(String yaml, String name) {
        limits.checkText(yaml, name);
        return ScenarioReader.readString(yaml, name);
    }

    private static ArrayNode problems(List<LocatedProblem> ps) {
        ArrayNode a = JSON.createArrayNode();
        for (LocatedProblem p : ps) {
            a.addObject().put("line", p.line()).put("column", p.column()).put("pointer", p.pointer()).put("message", p.message());
        }
        return a;
    }

    /** The body as text, after checking its media type (415 otherwise) and size (413). */
    private String body(Context ctx, Set<String> types) throws IOException {
        String ct = ctx.contentType();
        String media = ct == null ? "" : ct.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!types.contains(media)) {
            throw new ApiError(415, "this endpoint takes " + String.join(" or ", new TreeSet<>(types))
                    + ", not " + (media.isEmpty() ? "a body without Content-Type" : ApiError.plain(media)));
        }
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] b = in.readNBytes(limits.maxBodyBytes() + 1);
            if (b.length > limits.maxBodyBytes()) {
                throw new ApiError(413, "request body is over the web app's cap maxBodyBytes = " + limits.maxBodyBytes());
            }
            return new String(b, StandardCharsets.UTF_8);
        }
    }

    private static JsonNode parseJson(String body) {
        try {
            JsonNode n = JSON.readTree(body.isBlank() ? "{}" : body);
            if (n == null || !n.isObject()) {
                throw new ApiError(400, "expected a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "not valid JSON: " + ApiError.plain(e.getOriginalMessage()));
        }
    }

    private static void json(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType("application/json").result(AnalysisJson.write(body));
    }

    private static void error(Context ctx, int status, String message, List<LocatedProblem> ps) {
        ObjectNode o = JSON.createObjectNode().put("error", message).put("status", status);
        if (!ps.isEmpty()) {
            o.set("problems", problems(ps));
        }
        json(ctx, status, o);
    }

    private static String resource(String name) {
        try (InputStream in = WebServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
        runs.close();
        store.close();
    }
}
