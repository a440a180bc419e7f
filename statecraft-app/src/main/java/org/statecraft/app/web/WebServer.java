package org.statecraft.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.statecraft.app.report.ReportBuilder;
import org.statecraft.core.FailureKind;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.io.results.AnalysisJson;
import org.statecraft.io.scenario.LocatedProblem;
import org.statecraft.io.scenario.ScenarioReader;
import org.statecraft.io.scenario.ScenarioValidationException;

/**
 * The local web app ({@code statecraft serve}): a Javalin server on 127.0.0.1 that edits, validates and runs the
 * scenarios of a workspace and shows their results with the report's charts. The HTTP API is described by
 * {@code /api/openapi.json} and {@code docs/api.md}.
 *
 * <p>Safety: request bodies are limited ({@code 413} beyond), scenario names are plain file names inside the
 * workspace ({@code 400} otherwise), invalid YAML is answered {@code 400} with every problem's line and column,
 * analyses run on a bounded pool ({@code 429} when it is full), and only the app's own assets (classpath
 * {@code /web}, the ECharts WebJar) and the workspace's scenarios (through the API) are served.
 */
public final class WebServer implements AutoCloseable {
    /**
     * @param host          address to listen on (127.0.0.1 by default)
     * @param port          port, 0 for any free one
     * @param workspace     the workspace folder
     * @param seedName      file name of the scenario copied into an empty workspace
     * @param seedYaml      its text, or null
     * @param workers       analyses run at once
     * @param queue         analyses that may wait beyond those
     * @param maxBodyBytes  the largest request body accepted
     * @param threadsPerRun Monte Carlo threads per analysis (results do not depend on it)
     */
    public record Config(String host, int port, Path workspace, String seedName, String seedYaml, int workers,
                         int queue, int maxBodyBytes, int threadsPerRun) {
        public Config {
            if (workers < 1 || queue < 0 || maxBodyBytes < 1 || threadsPerRun < 1) {
                throw new IllegalArgumentException("workers, maxBodyBytes and threadsPerRun must be >= 1 and queue >= 0");
            }
        }

        public static Config defaults(Path workspace, String seedName, String seedYaml) {
            int cores = Runtime.getRuntime().availableProcessors();
            return new Config("127.0.0.1", 7070, workspace, seedName, seedYaml, 2, 8, 1 << 20, Math.max(1, cores / 2));
        }

        public Config withPort(int p) {
            return new Config(host, p, workspace, seedName, seedYaml, workers, queue, maxBodyBytes, threadsPerRun);
        }

        public Config withHost(String h) {
            return new Config(h, port, workspace, seedName, seedYaml, workers, queue, maxBodyBytes, threadsPerRun);
        }

        public Config withPool(int w, int q) {
            return new Config(host, port, workspace, seedName, seedYaml, w, q, maxBodyBytes, threadsPerRun);
        }
    }

    private static final ObjectMapper JSON = AnalysisJson.mapper();
    private final Config config;
    private final Workspace workspace;
    private final RunStore store;
    private final RunManager runs;
    private final Javalin app;

    private WebServer(Config config) throws IOException {
        this.config = config;
        this.workspace = new Workspace(config.workspace());
        workspace.seed(config.seedName(), config.seedYaml());
        this.store = new RunStore(workspace.root().resolve(".statecraft").resolve("runs.duckdb"));
        this.runs = new RunManager(store, config.workers(), config.queue(), config.threadsPerRun());
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.http.maxRequestSize = config.maxBodyBytes();
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
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    public int port() {
        return app.port();
    }

    public Path workspace() {
        return workspace.root();
    }

    public RunStore store() {
        return store;
    }

    private void routes() {
        app.before(ctx -> {
            long len = ctx.contentLength();
            if (len > config.maxBodyBytes()) {
                // A modestly oversized body is read and discarded so the client, still sending, gets a clean
                // 413 rather than a reset connection; a far larger one is refused without reading it.
                if (len <= 4L * config.maxBodyBytes()) {
                    try (InputStream in = ctx.req().getInputStream()) {
                        in.skipNBytes(len);
                    } catch (IOException | RuntimeException ignored) {
                        // the client went away: nothing to drain
                    }
                } else {
                    ctx.header("Connection", "close");
                }
                throw new ApiError(413, "request body of " + len + " bytes is over the limit of " + config.maxBodyBytes());
            }
            ctx.header("X-Content-Type-Options", "nosniff");
        });
        app.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage(), e.problems()));
        app.exception(ScenarioValidationException.class, (e, ctx) -> error(ctx, 400, "the scenario has " + e.problems().size() + " problem(s)", e.problems()));
        app.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage(), List.of()));
        // everything else through the mapping the CLI and the Spark job share; a bug's trace under STATECRAFT_DEBUG
        app.exception(Exception.class, (e, ctx) -> {
            FailureKind kind = FailureKind.of(e);
            if (kind.isBug() && System.getenv("STATECRAFT_DEBUG") != null) {
                e.printStackTrace();
            }
            error(ctx, kind.httpStatus(), FailureKind.message(e), List.of());
        });

        app.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(resource("/org/statecraft/app/web/openapi.json")));
        app.get("/api/health", ctx -> json(ctx, 200, JSON.createObjectNode().put("status", "ok").put("version", AnalysisJson.VERSION)));

        app.get("/api/scenarios", ctx -> {
            ArrayNode a = JSON.createArrayNode();
            for (String n : workspace.list()) {
                a.addObject().put("name", n);
            }
            json(ctx, 200, a);
        });
        app.get("/api/scenarios/{name}", ctx -> ctx.contentType("text/yaml; charset=utf-8").result(workspace.read(ctx.pathParam("name"))));
        app.put("/api/scenarios/{name}", ctx -> {
            String name = ctx.pathParam("name");
            workspace.resolve(name);
            String yaml = body(ctx);
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
        app.post("/api/validate", ctx -> {
            String yaml = body(ctx);
            try {
                validate(yaml, "scenario");
                json(ctx, 200, JSON.createObjectNode().put("valid", true).set("problems", JSON.createArrayNode()));
            } catch (ScenarioValidationException e) {
                ObjectNode o = JSON.createObjectNode().put("valid", false).put("error", "the scenario has " + e.problems().size() + " problem(s)");
                o.set("problems", problems(e.problems()));
                json(ctx, 400, o);
            }
        });

        app.get("/api/runs", ctx -> {
            ArrayNode a = JSON.createArrayNode();
            store.list().forEach(r -> a.add(run(r)));
            json(ctx, 200, a);
        });
        app.post("/api/runs", ctx -> {
            JsonNode req = parseJson(body(ctx));
            String name = req.path("scenario").asText(null);
            String yaml = req.hasNonNull("yaml") ? req.get("yaml").asText() : workspace.read(requireName(name));
            if (name == null) {
                name = "untitled.yaml";
            }
            workspace.resolve(name);
            Scenario sc = validate(yaml, name);
            int n = req.path("runs").asInt(200);
            long seed = req.path("seed").asLong(20230906L);
            String id = runs.submit(name, yaml, sc, n, seed, null);
            json(ctx, 202, run(store.get(id).orElseThrow()));
        });
        app.get("/api/runs/{id}", ctx -> json(ctx, 200, run(find(ctx.pathParam("id")))));
        app.get("/api/runs/{id}/results", ctx -> {
            RunStore.Run r = find(ctx.pathParam("id"));
            String result = store.result(r.id()).orElseThrow(() -> new ApiError(409, "run " + r.id() + " is " + r.status() + ", it has no results"));
            ctx.header("Content-Disposition", "attachment; filename=\"results-" + r.id() + ".json\"");
            ctx.contentType("application/json").result(result);
        });
        app.get("/api/runs/{id}/report", ctx -> {
            RunStore.Run r = find(ctx.pathParam("id"));
            String result = store.result(r.id()).orElseThrow(() -> new ApiError(409, "run " + r.id() + " is " + r.status() + ", it has no results"));
            if (ctx.queryParam("download") != null) {
                ctx.header("Content-Disposition", "attachment; filename=\"report-" + r.id() + ".html\"");
            }
            ctx.contentType("text/html; charset=utf-8").result(ReportBuilder.html(JSON.readTree(result)));
        });
        app.post("/api/runs/{id}/rerun", ctx -> {
            RunStore.Run r = find(ctx.pathParam("id"));
            String yaml = store.scenarioYaml(r.id()).orElseThrow();
            Scenario sc = validate(yaml, r.scenario());
            String id = runs.submit(r.scenario(), yaml, sc, r.runs(), r.seed(), r.id());
            json(ctx, 202, run(store.get(id).orElseThrow()));
        });
    }

    private RunStore.Run find(String id) {
        if (id == null || !id.matches("[0-9a-f-]{1,64}")) {
            throw new ApiError(400, "not a run id: " + (id == null ? "" : id.replaceAll("\\p{Cntrl}", "?")));
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
        o.put("scenarioHash", r.scenarioHash());
        o.put("seed", r.seed());
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
        o.put("created", r.created());
        o.put("finished", r.finished());
        o.put("rerunOf", r.rerunOf());
        return o;
    }

    private static Scenario validate(String yaml, String name) {
        return ScenarioReader.readString(yaml, name);
    }

    private static ArrayNode problems(List<LocatedProblem> ps) {
        ArrayNode a = JSON.createArrayNode();
        for (LocatedProblem p : ps) {
            a.addObject().put("line", p.line()).put("column", p.column()).put("pointer", p.pointer()).put("message", p.message());
        }
        return a;
    }

    private String body(Context ctx) throws IOException {
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] b = in.readNBytes(config.maxBodyBytes() + 1);
            if (b.length > config.maxBodyBytes()) {
                throw new ApiError(413, "request body is over the limit of " + config.maxBodyBytes() + " bytes");
            }
            return new String(b, StandardCharsets.UTF_8);
        }
    }

    private static JsonNode parseJson(String body) {
        try {
            JsonNode n = JSON.readTree(body.isBlank() ? "{}" : body);
            if (!n.isObject()) {
                throw new ApiError(400, "expected a JSON object");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ApiError(400, "not valid JSON: " + e.getOriginalMessage());
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
