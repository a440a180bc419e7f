package org.statecraft.events.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How DuckDB's JDBC driver (1.4, the jar with the libraries bundled) loads its native library, pinned by two
 * fresh JVMs with a temporary directory of their own (Linux: {@code /proc/self/maps}): each maps its own copy
 * unpacked into {@code java.io.tmpdir} (two starts, two files: the driver never reuses one), already deleted
 * while mapped, and neither leaves a file behind. The evidence for docs/events.md, "The native library"; when
 * the driver or its packaging changes so that a copy can be reused, this test says so by failing.
 */
class NativeLibraryTest {
    @Test
    void eachStartMapsItsOwnDeletedCopyFromTheTemporaryDirectoryAndLeavesNone(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "needs Linux /proc");
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        String first = mappedCopy(dir.resolve("store-a"), tmp);
        String second = mappedCopy(dir.resolve("store-b"), tmp);
        for (String m : List.of(first, second)) {
            assertThat(m).startsWith(tmp.toString() + "/libduckdb_java").endsWith(" (deleted)");
        }
        assertThat(first).as("a second start unpacks a second copy").isNotEqualTo(second);
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("libduckdb"))).isEmpty();
        }
    }

    /** The library's path in a child JVM's maps, as the kernel prints it. */
    private static String mappedCopy(Path store, Path tmp) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                NativeLibraryChild.class.getName(), store.toString()).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor()).as(out).isZero();
        List<String> maps = out.lines().filter(l -> l.startsWith("maps ")).map(l -> l.substring(5)).toList();
        assertThat(maps).as(out).hasSize(1);
        return maps.get(0);
    }
}
