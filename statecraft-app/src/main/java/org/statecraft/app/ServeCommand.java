package org.statecraft.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.statecraft.app.web.WebServer;
import org.statecraft.core.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code statecraft serve}: the local web app. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the local web app: edit, validate, run and compare scenarios in a workspace.",
            "Listens on 127.0.0.1 only unless --host says otherwise; the HTTP API is at /api (see /api/openapi.json)."})
public final class ServeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "7070", description = "Port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}). Anything else exposes the app to the network.")
    String host;

    @Option(names = "--workspace", paramLabel = "DIR", defaultValue = "statecraft-workspace",
            description = "Workspace folder: scenarios and the run store (default: ./${DEFAULT-VALUE}); seeded with the bundled scenario.")
    Path workspace;

    @Option(names = "--max-runs", paramLabel = "N", defaultValue = "2", description = "Analyses run at once (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--queue", paramLabel = "N", defaultValue = "8", description = "Analyses that may wait (default: ${DEFAULT-VALUE}); more are refused with 429.")
    int queue;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new UsageException("--port must be 0-65535, was " + port);
        }
        Scenarios.Loaded bundled = Scenarios.load(null);
        WebServer.Config c = UsageException.check(() -> WebServer.Config.defaults(workspace, Scenarios.DEFAULT,
                bundled.yaml()).withHost(host).withPort(port).withPool(workers, queue));
        WebServer server = WebServer.start(c);
        spec.commandLine().getErr().println("statecraft: serving " + server.workspace() + " at http://" + host + ":" + server.port()
                + "/ (Ctrl-C to stop)");
        spec.commandLine().getErr().flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stop.countDown();
        }));
        stop.await();
        return StatecraftCommand.EXIT_OK;
    }
}
