package org.statecraft.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of {@code org.statecraft.core} form no cycle, so the package list reads as a ladder (the way
 * JGraphT's {@code alg} packages depend on {@code graph} and never back). Dependencies are read from the main
 * sources as text, without reflection or a bytecode library: every import line (static or not) and every fully
 * qualified name {@code org.statecraft.core.pkg.Type} in code (comments and string literals removed first, so
 * a javadoc link or a message naming a class is no dependency). Each package also says what it holds in a
 * {@code package-info.java}.
 */
class PackageCyclesTest {
    private static final Path SOURCES = Path.of("src/main/java/org/statecraft/core");
    private static final String ROOT = "org.statecraft.core";
    /** A reference to a core type: the package (lower-case segments) and the first upper-case segment. */
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.statecraft\\.core((?:\\.[a-z][a-z0-9_]*)*)\\.[A-Z]");
    private static final Pattern COMMENT_OR_STRING =
            Pattern.compile("//[^\\n]*|/\\*.*?\\*/|\"\"\"(?:\\\\.|[^\\\\])*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])+'",
                    Pattern.DOTALL);

    @Test
    void corePackagesFormNoCycle() {
        Map<String, Set<String>> deps = dependencies();
        assertThat(deps).as("packages read from %s", SOURCES.toAbsolutePath()).containsKeys(ROOT + ".leverage",
                ROOT + ".tension", ROOT + ".montecarlo", ROOT + ".numerics");
        assertThat(cycles(deps)).as("package cycles among %s (dependencies: %s)", ROOT, deps).isEmpty();
    }

    @Test
    void everyCorePackageSaysWhatItHoldsInAPackageInfo() {
        for (String pkg : dependencies().keySet()) {
            Path dir = SOURCES.resolve(pkg.substring(ROOT.length()).replaceFirst("^\\.", "").replace('.', '/'));
            assertThat(dir.resolve("package-info.java")).as(pkg).isRegularFile();
        }
    }

    @Test
    void theScanFindsACycleWhereThereIsOne() {
        Map<String, Set<String>> deps = new TreeMap<>();
        deps.put("a", new TreeSet<>(Set.of("b")));
        deps.put("b", new TreeSet<>(Set.of("c")));
        deps.put("c", new TreeSet<>(Set.of("a")));
        deps.put("d", new TreeSet<>(Set.of("a")));
        assertThat(cycles(deps)).containsExactly(List.of("a", "b", "c"));
        assertThat(referencedPackages("""
                import org.statecraft.core.leverage.DailySeries;
                import static org.statecraft.core.numerics.SpecialFunctions.normalCdf;
                class X {
                    // org.statecraft.core.record.Hindcast in a comment is no dependency
                    String s = "org.statecraft.core.sensitivity.SobolResult";
                    Object o = org.statecraft.core.tension.TensionIndex.micros(1.0);
                    Object e = new org.statecraft.core.StatecraftException("x");
                }
                """)).containsExactlyInAnyOrder(ROOT + ".leverage", ROOT + ".numerics", ROOT + ".tension", ROOT);
    }

    /** Package → the other core packages its main sources refer to. */
    private static Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> deps = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path dir = SOURCES.relativize(f.getParent());
                String pkg = dir.toString().isEmpty() ? ROOT : ROOT + "." + dir.toString().replace(f.getFileSystem().getSeparator(), ".");
                Set<String> out = deps.computeIfAbsent(pkg, k -> new TreeSet<>());
                for (String used : referencedPackages(Files.readString(f, StandardCharsets.UTF_8))) {
                    if (!used.equals(pkg)) {
                        out.add(used);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return deps;
    }

    private static Set<String> referencedPackages(String source) {
        String code = COMMENT_OR_STRING.matcher(source).replaceAll(m -> m.group().startsWith("/") ? " " : "\"\"");
        Set<String> used = new TreeSet<>();
        Matcher m = REFERENCE.matcher(code);
        while (m.find()) {
            used.add(ROOT + m.group(1));
        }
        return used;
    }

    /** The strongly connected components with more than one package (Tarjan 1972), each sorted. */
    private static List<List<String>> cycles(Map<String, Set<String>> deps) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> out = new ArrayList<>();
        for (String v : deps.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, deps, index, low, stack, onStack, out);
            }
        }
        return out;
    }

    private static void connect(String v, Map<String, Set<String>> deps, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<List<String>> out) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : deps.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, deps, index, low, stack, onStack, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> component = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                out.add(component.stream().sorted().toList());
            }
        }
    }
}
