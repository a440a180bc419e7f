package org.statecraft.events.store;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.statecraft.core.StatecraftException;

/**
 * Loads DuckDB's native library from the one copy the build unpacked, never from a copy per process.
 *
 * <p>The driver is DuckDB's {@code -nolib} jar, which carries no library. Its {@code org.duckdb.DuckDBNative} asks
 * {@code System.loadLibrary("duckdb_java")} for it (the directories on {@code java.library.path}) and, failing that,
 * loads the file DuckDB names {@code libduckdb_java.so_<os>_<arch>} beside the driver's jar (duckdb/duckdb-java pull
 * request #450). The build unpacks the host's library once per build from DuckDB's platform jar: beside the driver in
 * {@code statecraft-app/target/lib} (and beside {@code statecraft-bench/target/benchmarks.jar}), and into {@code
 * target/duckdb-native} for the tests, whose JVMs have it on {@code java.library.path}. Every process maps that one
 * file: nothing is written when a process starts, a kill leaves nothing behind, and no writable directory is needed.
 *
 * <p>Before the driver loads, the library is looked for where the driver will look, so that a missing one is one
 * message naming the places and the fix, rather than the driver's stack trace; a library that is there but cannot be
 * loaded (another platform's, a {@code noexec} mount) is one message with the loader's reason.
 */
public final class DuckDbNative {
    /** The name the driver gives {@code System.loadLibrary}. */
    static final String LIBRARY = "duckdb_java";
    private static final String FIX = "rebuild on this machine (mvn -pl statecraft-app -am package), which unpacks "
            + "the library for this platform";
    private static boolean loaded;

    private DuckDbNative() {
    }

    /** Loads the driver and its library once per JVM; a library that is missing or unloadable is a clear error. */
    public static synchronized void load() {
        if (loaded) {
            return;
        }
        ClassLoader loader = DuckDbNative.class.getClassLoader();
        String where;
        try {
            Class<?> driver = Class.forName("org.duckdb.DuckDBDriver", false, loader);
            String bundled = bundledName(System.getProperty("os.name"), System.getProperty("os.arch"));
            where = locate(bundled, driver.getResource("/" + bundled) != null,
                    directoryOf(driver.getProtectionDomain().getCodeSource()),
                    searchPath(System.getProperty("java.library.path", "")), System.mapLibraryName(LIBRARY));
        } catch (ClassNotFoundException e) {
            throw new StatecraftException("DuckDB's JDBC driver (org.duckdb:duckdb_jdbc) is not on the class path; "
                    + FIX, e);
        }
        try {
            Class.forName("org.duckdb.DuckDBNative", true, loader);
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            throw new StatecraftException("cannot load DuckDB's native library " + where + ": " + rootMessage(e)
                    + "; " + FIX, e);
        }
        loaded = true;
    }

    /**
     * Where the driver will find its library, in the driver's order; a located error naming every place looked in
     * when it is nowhere.
     *
     * @param bundled   the name DuckDB gives this platform's library inside its jars and beside the driver
     * @param inJar     whether the driver's jar carries it (the jar with every platform's library: the driver then
     *                  copies it into {@code java.io.tmpdir} on every start)
     * @param driverDir the directory of the driver's jar, if it has one
     * @param path      the directories of {@code java.library.path}
     * @param mapped    the file name {@code System.loadLibrary} looks for there
     */
    static String locate(String bundled, boolean inJar, Optional<Path> driverDir, List<Path> path, String mapped) {
        if (inJar) {
            return "(bundled in the driver's jar, copied into java.io.tmpdir by the driver)";
        }
        for (Path dir : path) {
            Path lib = dir.resolve(mapped);
            if (Files.isRegularFile(lib)) {
                return lib.toString();
            }
        }
        if (driverDir.isPresent() && Files.isRegularFile(driverDir.get().resolve(bundled))) {
            return driverDir.get().resolve(bundled).toString();
        }
        String beside = driverDir.map(d -> d.resolve(bundled).toString()).orElse(bundled + " beside the driver's jar");
        throw new StatecraftException("DuckDB's native library is missing: it is neither " + beside + " nor " + mapped
                + " in a directory of java.library.path (" + (path.isEmpty() ? "none" : path.toString()) + "); " + FIX);
    }

    /**
     * The name DuckDB gives a platform's library ({@code org.duckdb.DuckDBNative.nativeLibName}): {@code
     * libduckdb_java.so_} then {@code linux}, {@code windows} or {@code osx}, then {@code amd64}, {@code arm64} or,
     * for macOS, {@code universal}.
     */
    static String bundledName(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT).trim();
        String arch = osArch.toLowerCase(Locale.ROOT).trim();
        String o = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "osx" : os.startsWith("linux")
                ? "linux" : null;
        String a = arch.equals("x86_64") || arch.equals("amd64") ? "amd64"
                : arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : null;
        if (o == null || (a == null && !o.equals("osx"))) {
            throw new StatecraftException("DuckDB has no native library for " + osName + " on " + osArch
                    + " (it is built for Linux and Windows on amd64, Linux on arm64, and macOS)");
        }
        return "libduckdb_java.so_" + o + "_" + (o.equals("osx") ? "universal" : a);
    }

    static List<Path> searchPath(String javaLibraryPath) {
        List<Path> dirs = new ArrayList<>();
        for (String d : javaLibraryPath.split(File.pathSeparator)) {
            if (d.isBlank()) {
                continue;
            }
            try {
                dirs.add(Path.of(d));
            } catch (InvalidPathException ignored) {
                // the JVM skips it too
            }
        }
        return dirs;
    }

    private static Optional<Path> directoryOf(CodeSource source) {
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Path.of(source.getLocation().toURI()).getParent());
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
