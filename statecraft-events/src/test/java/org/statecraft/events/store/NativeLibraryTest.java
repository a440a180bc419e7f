package org.statecraft.events.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statecraft.core.StatecraftException;

/**
 * How DuckDB's native library is loaded (docs/events.md, "The native library"): from the one copy the build unpacked,
 * which every JVM maps in place. Pinned by fresh JVMs with a temporary directory of their own (Linux: {@code
 * /proc/self/maps}), and by the lookup that turns a missing library into one message.
 */
class NativeLibraryTest {
    @Test
    void everyStartMapsTheOneUnpackedCopyAndWritesNothingToTheTemporaryDirectory(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "needs Linux /proc");
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        String first = mappedCopy(dir.resolve("store-a"), tmp.toString());
        String second = mappedCopy(dir.resolve("store-b"), tmp.toString());
        assertThat(first).as("two starts map the same file").isEqualTo(second).doesNotContain("(deleted)")
                .doesNotStartWith(tmp.toString());
        assertThat(Path.of(first)).isRegularFile();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString()).filter(n -> n.contains("duckdb"))).isEmpty();
        }
    }

    @Test
    void aStoreOpensWithNoWritableTemporaryDirectory(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "needs Linux /proc");
        assertThat(mappedCopy(dir.resolve("store"), dir.resolve("no-such-directory").toString())).isNotEmpty();
    }

    @Test
    void theLibraryIsFoundOnTheLibraryPathFirstThenBesideTheDriver(@TempDir Path dir) throws IOException {
        Path onPath = Files.createDirectory(dir.resolve("path"));
        Path driver = Files.createDirectory(dir.resolve("lib"));
        String bundled = DuckDbNative.bundledName("Linux", "amd64");
        Files.writeString(driver.resolve(bundled), "x");
        assertThat(DuckDbNative.locate(bundled, false, Optional.of(driver), List.of(onPath), "libduckdb_java.so"))
                .isEqualTo(driver.resolve(bundled).toString());
        Files.writeString(onPath.resolve("libduckdb_java.so"), "x");
        assertThat(DuckDbNative.locate(bundled, false, Optional.of(driver), List.of(dir.resolve("absent"), onPath),
                "libduckdb_java.so")).isEqualTo(onPath.resolve("libduckdb_java.so").toString());
    }

    @Test
    void aMissingLibraryIsOneMessageNamingWhereItWasLookedForAndTheFix(@TempDir Path dir) {
        Path driver = dir.resolve("lib");
        assertThatThrownBy(() -> DuckDbNative.locate("libduckdb_java.so_linux_amd64", false, Optional.of(driver),
                List.of(dir.resolve("a"), dir.resolve("b")), "libduckdb_java.so"))
                .isInstanceOf(StatecraftException.class)
                .hasMessageContaining(driver.resolve("libduckdb_java.so_linux_amd64").toString())
                .hasMessageContaining("libduckdb_java.so in a directory of java.library.path ([" + dir.resolve("a"))
                .hasMessageContaining("mvn -pl statecraft-app -am package");
    }

    @Test
    void platformNamesFollowTheDriversOwn() {
        assertThat(DuckDbNative.bundledName("Linux", "x86_64")).isEqualTo("libduckdb_java.so_linux_amd64");
        assertThat(DuckDbNative.bundledName("Linux", "aarch64")).isEqualTo("libduckdb_java.so_linux_arm64");
        assertThat(DuckDbNative.bundledName("Mac OS X", "aarch64")).isEqualTo("libduckdb_java.so_osx_universal");
        assertThat(DuckDbNative.bundledName("Windows 11", "amd64")).isEqualTo("libduckdb_java.so_windows_amd64");
        assertThatThrownBy(() -> DuckDbNative.bundledName("Linux", "ppc64le")).isInstanceOf(StatecraftException.class)
                .hasMessageContaining("ppc64le");
    }

    /** The library's path in a child JVM's maps, as the kernel prints it. */
    private static String mappedCopy(Path store, String tmp) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Djava.io.tmpdir=" + tmp, "-Djava.library.path=" + System.getProperty("java.library.path"),
                "-cp", System.getProperty("java.class.path"), NativeLibraryChild.class.getName(), store.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor()).as(out).isZero();
        assertThat(out).as(out).contains("done");
        List<String> maps = out.lines().filter(l -> l.startsWith("maps ")).map(l -> l.substring(5)).toList();
        assertThat(maps).as(out).hasSize(1);
        return maps.get(0);
    }
}
