package org.statecraft.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.statecraft.app.web.WebSecurity;
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
            description = "Address to listen on (default: ${DEFAULT-VALUE}). Anything but a loopback address exposes the app "
                    + "to the network and needs --allow-remote.")
    String host;

    @Option(names = "--allow-remote", description = "Confirm that a non-loopback --host is meant: anyone who can reach "
            + "the address and holds the printed token can read and write the workspace.")
    boolean allowRemote;

    @Option(names = "--allow-host", paramLabel = "NAME", split = ",",
            description = "More host names to accept in the Host header (the machine's name, for a non-loopback --host).")
    List<String> allowHosts;

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
        PrintWriter err = spec.commandLine().getErr();
        if (!WebSecurity.isLoopback(host)) {
            if (!allowRemote) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--host " + host + " is not a loopback address: "
                        + "the app would be reachable from the network. Add --allow-remote if that is meant.");
            }
            err.println("statecraft: WARNING: listening on " + host + ", NOT a loopback address. Anyone who can reach it "
                    + "and holds the token below can read, write and run the scenarios of " + workspace.toAbsolutePath()
                    + ". The traffic is plain HTTP, unencrypted.");
        }
        Scenarios.Loaded bundled = Scenarios.load(null);
        WebServer.Config c = UsageException.check(() -> WebServer.Config.defaults(workspace, Scenarios.DEFAULT,
                bundled.yaml()).withHost(host, allowHosts == null ? List.of() : allowHosts).withPort(port)
                .withPool(workers, queue));
        WebServer server = WebServer.start(c);
        err.println("statecraft: serving " + server.workspace() + " (Ctrl-C to stop). Open");
        err.println("    " + server.url());
        err.println("  the token in it is this start's secret; API clients send it as the X-Statecraft-Token header.");
        err.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stop.countDown();
        }));
        stop.await();
        return StatecraftCommand.EXIT_OK;
    }
}
