package org.statecraft.events.store;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a separate JVM by {@link NativeLibraryTest}: opens a store (which loads DuckDB's native library) and
 * prints the lines of {@code /proc/self/maps} that map the library, then {@code done}.
 */
public final class NativeLibraryChild {
    private NativeLibraryChild() {
    }

    public static void main(String[] args) throws Exception {
        try (EventStore s = EventStore.open(Path.of(args[0]))) {
            Files.readAllLines(Path.of("/proc/self/maps")).stream().filter(l -> l.contains("libduckdb_java"))
                    .map(l -> "maps " + l.substring(l.indexOf('/'))).distinct().forEach(System.out::println);
            System.out.println("done");
        }
    }
}
