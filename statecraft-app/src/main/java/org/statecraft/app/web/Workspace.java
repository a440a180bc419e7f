package org.statecraft.app.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder the web app works in: its scenario files ({@code NAME.yaml}) and the run store. A scenario name is a
 * plain file name — letters, digits, dot, dash, underscore, ending in .yaml or .yml — so no name can reach outside
 * the folder; anything else is refused. A symbolic link in the folder is followed only when its target is inside
 * the folder too: one that leaves it (say {@code passwd.yaml -> /etc/passwd}) is neither listed, read, written
 * nor deleted through the app ({@code 403}).
 */
public final class Workspace {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,100}\\.ya?ml");
    private final Path root;

    public Workspace(Path root) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
    }

    public Path root() {
        return root;
    }

    /** Copies {@code yaml} in as {@code name} when the workspace has no scenario yet. */
    public void seed(String name, String yaml) throws IOException {
        if (yaml != null && list().isEmpty()) {
            write(name, yaml);
        }
    }

    public List<String> list() throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isRegularFile).filter(this::inside).map(p -> p.getFileName().toString())
                    .filter(n -> NAME.matcher(n).matches()).sorted().toList();
        }
    }

    /** The path of a scenario, or {@link ApiError} 400 when the name is not a plain scenario file name. */
    public Path resolve(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.contains("..")) {
            throw new ApiError(400, "scenario names are plain file names ending in .yaml or .yml "
                    + "(letters, digits, '.', '-', '_'), was '" + (name == null ? "" : name.replaceAll("\\p{Cntrl}", "?")) + "'");
        }
        Path p = root.resolve(name).normalize();
        if (!p.getParent().equals(root)) {
            throw new ApiError(400, "scenario name leaves the workspace: " + name);
        }
        if (Files.isSymbolicLink(p) && !inside(p)) {
            throw new ApiError(403, "scenario " + name + " is a link to a file outside the workspace; the app does not follow it");
        }
        return p;
    }

    /** True when {@code p}, with every link resolved, is in the workspace folder (or does not exist yet). */
    private boolean inside(Path p) {
        try {
            Path real = p.toRealPath();
            return real.getParent() != null && real.getParent().equals(root);
        } catch (NoSuchFileException e) {
            return !Files.isSymbolicLink(p); // a dangling link: its target could be created anywhere
        } catch (IOException e) {
            return false;
        }
    }

    /** Copies (or, with {@code move}, renames) a scenario; 404 when the source is missing, 409 when the target exists. */
    public void copy(String from, String to, boolean move) throws IOException {
        Path a = resolve(from);
        Path b = resolve(to);
        if (!Files.isRegularFile(a)) {
            throw new ApiError(404, "no scenario named " + from);
        }
        if (Files.exists(b, LinkOption.NOFOLLOW_LINKS)) {
            throw new ApiError(409, "a scenario named " + to + " already exists");
        }
        if (move) {
            Files.move(a, b, StandardCopyOption.ATOMIC_MOVE);
        } else {
            write(to, Files.readString(a, StandardCharsets.UTF_8));
        }
    }

    public String read(String name) throws IOException {
        Path p = resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new ApiError(404, "no scenario named " + name);
        }
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    /** Writes atomically: a temporary file in the workspace, then a move over the old one. */
    public void write(String name, String yaml) throws IOException {
        Path p = resolve(name);
        Path tmp = Files.createTempFile(root, ".tmp-", ".yaml");
        try {
            Files.writeString(tmp, yaml, StandardCharsets.UTF_8);
            Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public boolean delete(String name) throws IOException {
        return Files.deleteIfExists(resolve(name));
    }
}
