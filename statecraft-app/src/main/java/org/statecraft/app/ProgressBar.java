package org.statecraft.app;

import java.io.PrintWriter;
import java.util.Locale;
import org.statecraft.core.montecarlo.ProgressListener;

/**
 * A progress bar on stderr, drawn only when stderr is a terminal and never for work that finishes within about a
 * second. Thread-safe; redraws at most ten times a second.
 */
final class ProgressBar implements ProgressListener, AutoCloseable {
    private final PrintWriter err;
    private final String label;
    private final boolean enabled;
    private final long startNanos = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    ProgressBar(PrintWriter err, String label, boolean enabled) {
        this.err = err;
        this.label = label;
        this.enabled = enabled;
    }

    /**
     * Enabled when not quiet and stderr is an interactive terminal. Java 17 cannot ask whether stderr alone is a
     * terminal ({@code System.console()} needs stdin and stdout too), so the launcher tells it with
     * {@code -Dstatecraft.stderr.tty=true|false} from the shell's {@code [ -t 2 ]}; without the property the
     * console is the fallback.
     */
    static boolean terminal(boolean quiet) {
        if (quiet || System.getenv("STATECRAFT_NO_PROGRESS") != null) {
            return false;
        }
        String tty = System.getProperty("statecraft.stderr.tty");
        return tty != null ? Boolean.parseBoolean(tty) : System.console() != null;
    }

    @Override
    public synchronized void progress(long done, long total) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - startNanos < 1_000_000_000L && done < total) {
            return;
        }
        if (done < total && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        int width = 30;
        double f = total == 0 ? 1 : (double) done / total;
        int filled = (int) Math.round(f * width);
        double elapsed = (now - startNanos) / 1e9;
        double eta = f > 0 ? elapsed * (1 - f) / f : 0;
        err.printf(Locale.ROOT, "\r%s [%s%s] %3.0f%% %d/%d  %.1fs, about %.0fs left ", label, "#".repeat(filled),
                ".".repeat(width - filled), 100 * f, done, total, elapsed, eta);
        err.flush();
        drawn = true;
    }

    @Override
    public synchronized void close() {
        if (drawn) {
            err.print("\r" + " ".repeat(90) + "\r");
            err.flush();
        }
    }
}
