package org.statecraft.events.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.statecraft.core.StatecraftException;

/**
 * Loads DuckDB's native library without leaving a copy behind.
 *
 * <p>The DuckDB JDBC driver (1.4) copies its 57 MB library out of its jar into {@code java.io.tmpdir} as {@code
 * libduckdb_java*.so} on every start and asks the JVM to delete it on exit, which a kill never does: every killed
 * process left one. Here, before the driver loads: the temporary directory is checked (writable, with room for the
 * library), so that a full or read-only one gets one clear message instead of the driver's stack trace; copies left
 * by processes that no longer run (not mapped by any process, older than {@link #STALE_AFTER}) are deleted. After the
 * driver loads, on Linux, its own copy is deleted at once (a loaded library needs no file), so a later kill leaves
 * nothing. The driver offers no way to load an already extracted copy, so each start still writes one.
 */
final class DuckDbNative {
    /** A copy younger than this may be one another process is extracting right now. */
    static final Duration STALE_AFTER = Duration.ofMinutes(10);
    /** Room the library needs in the temporary directory (the linux-amd64 library is 57 MB). */
    static final long NEEDED_BYTES = 128L << 20;
    private static final String PREFIX = "libduckdb_java";
    private static boolean loaded;

    private DuckDbNative() {
    }

    /** Loads the driver and its library once per JVM. */
    static synchronized void load() {
        if (loaded) {
            return;
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        checkTemporaryDirectory(tmp);
        deleteStaleCopies(tmp);
        try {
            Class.forName("org.duckdb.DuckDBDriver");
            Class.forName("org.duckdb.DuckDBNative", true, DuckDbNative.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            throw new StatecraftException("cannot load DuckDB's native library (unpacked into " + tmp + "): "
                    + rootMessage(e) + "; point TMPDIR or -Djava.io.tmpdir at a writable directory with "
                    + (NEEDED_BYTES >> 20) + " MB free", e);
        }
        deleteOwnCopy();
        loaded = true;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    static void checkTemporaryDirectory(Path tmp) {
        String fix = "; point TMPDIR or -Djava.io.tmpdir at a writable directory";
        if (!Files.isDirectory(tmp)) {
            throw new StatecraftException("the temporary directory " + tmp + " does not exist; DuckDB unpacks its "
                    + "native library there" + fix);
        }
        try {
            long free = Files.getFileStore(tmp).getUsableSpace();
            if (free < NEEDED_BYTES) {
                throw new StatecraftException("the temporary directory " + tmp + " has " + (free >> 20) + " MB free; "
                        + "DuckDB needs " + (NEEDED_BYTES >> 20) + " MB there to unpack its native library" + fix);
            }
            Path probe = Files.createTempFile(tmp, "statecraft-probe", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new StatecraftException("the temporary directory " + tmp + " is not writable (" + e.getMessage()
                    + "); DuckDB unpacks its native library there" + fix, e);
        }
    }

    /** Deletes copies no running process maps (Linux: {@code /proc/PID/maps}); elsewhere does nothing. */
    static void deleteStaleCopies(Path tmp) {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc.resolve("self"))) {
            return;
        }
        Set<String> inUse = new HashSet<>();
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path pid : pids) {
                try (Stream<String> lines = Files.lines(pid.resolve("maps"))) {
                    lines.filter(l -> l.contains(PREFIX)).forEach(l -> inUse.add(l.substring(l.indexOf('/'))));
                } catch (IOException | RuntimeException e) {
                    inUse.add("?"); // a process we cannot look into: keep going, its copy is young or not ours
                }
            }
        } catch (IOException e) {
            return;
        }
        Instant old = Instant.now().minus(STALE_AFTER);
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(tmp, PREFIX + "*.so")) {
            for (Path c : copies) {
                try {
                    if (!inUse.contains(c.toAbsolutePath().toString())
                            && Files.getLastModifiedTime(c).toInstant().isBefore(old)) {
                        Files.deleteIfExists(c);
                    }
                } catch (IOException ignored) {
                    // another user's, or gone already
                }
            }
        } catch (IOException ignored) {
            // an unreadable temporary directory: the load reports it
        }
    }

    /** Deletes the copy this process loaded (Linux keeps the mapping; the file is no longer needed). */
    private static void deleteOwnCopy() {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(maps);
            for (String l : lines) {
                int slash = l.indexOf('/');
                if (slash >= 0 && l.contains(PREFIX) && l.endsWith(".so")) {
                    Files.deleteIfExists(Path.of(l.substring(slash)));
                    return;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // left for deleteOnExit or the next start's clean-up
        }
    }
}
