package org.statecraft.app.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.statecraft.events.store.DuckDbNative;

/**
 * The workspace's run store: one DuckDB file ({@code .statecraft/runs.duckdb}) with a row per run — scenario name,
 * its text and SHA-256, seed, run count, Statecraft version, parameters, a label, status, a one-line headline,
 * the result JSON, and the state and JSON of a sensitivity analysis made from it. Every change
 * is one statement, so it commits atomically; access is serialised on one connection, which DuckDB's single-file
 * embedded mode is built for.
 */
public final class RunStore implements AutoCloseable {
    /** A run's record without its (large) result. */
    public record Run(String id, String scenario, String scenarioHash, long seed, int runs, String version,
                      String parameters, String status, String error, String created, String finished,
                      String rerunOf, String label, String headline, String sensitivityStatus) {
    }

    private final Connection conn;

    public RunStore(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            DuckDbNative.load();
            conn = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
            try (Statement s = conn.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS runs (id VARCHAR PRIMARY KEY, scenario VARCHAR NOT NULL, "
                        + "scenario_yaml VARCHAR NOT NULL, scenario_hash VARCHAR NOT NULL, seed BIGINT NOT NULL, "
                        + "runs INTEGER NOT NULL, version VARCHAR NOT NULL, parameters VARCHAR NOT NULL, "
                        + "status VARCHAR NOT NULL, error VARCHAR, result VARCHAR, rerun_of VARCHAR, "
                        + "created TIMESTAMP NOT NULL DEFAULT current_timestamp, finished TIMESTAMP)");
                // runs that were queued or running when the server stopped did not finish: say so
                // stores written before labels and headlines: add the columns (no-op when present)
                s.execute("ALTER TABLE runs ADD COLUMN IF NOT EXISTS label VARCHAR");
                s.execute("ALTER TABLE runs ADD COLUMN IF NOT EXISTS headline VARCHAR");
                s.execute("ALTER TABLE runs ADD COLUMN IF NOT EXISTS sensitivity_status VARCHAR");
                s.execute("ALTER TABLE runs ADD COLUMN IF NOT EXISTS sensitivity VARCHAR");
                s.execute("UPDATE runs SET sensitivity_status = 'failed: the server stopped before it finished' "
                        + "WHERE sensitivity_status IN ('queued', 'running')");
                s.execute("UPDATE runs SET status = 'failed', error = 'the server stopped before the run finished', "
                        + "finished = current_timestamp WHERE status IN ('queued', 'running')");
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot open the run store " + file + ": " + e.getMessage(), e);
        }
    }

    public synchronized void insert(String id, String scenario, String yaml, String hash, long seed, int runs,
                                    String version, String parameters, String rerunOf, String label) {
        update("INSERT INTO runs (id, scenario, scenario_yaml, scenario_hash, seed, runs, version, parameters, status, rerun_of, label) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?)", id, scenario, yaml, hash, seed, runs, version, parameters, rerunOf, label);
    }

    public synchronized void running(String id) {
        update("UPDATE runs SET status = 'running' WHERE id = ? AND status = 'queued'", id);
    }

    /** Marks a run done with its result and a one-line headline for the run list. */
    public synchronized void done(String id, String result, String headline) {
        update("UPDATE runs SET status = 'done', result = ?, headline = ?, finished = current_timestamp WHERE id = ? AND status = 'running'", result, headline, id);
    }

    /** Marks a queued or running run cancelled; false when it had already finished. */
    public synchronized boolean cancelled(String id) {
        try (PreparedStatement ps = prepare("UPDATE runs SET status = 'cancelled', error = 'cancelled by the user', "
                + "finished = current_timestamp WHERE id = ? AND status IN ('queued', 'running')", id)) {
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("run store: " + e.getMessage(), e);
        }
    }

    public synchronized void failed(String id, String error) {
        update("UPDATE runs SET status = 'failed', error = ?, finished = current_timestamp WHERE id = ? AND status <> 'cancelled'", error, id);
    }

    public synchronized List<Run> list() {
        return query("SELECT " + COLUMNS + " FROM runs ORDER BY created DESC, id");
    }

    public synchronized Optional<Run> get(String id) {
        return query("SELECT " + COLUMNS + " FROM runs WHERE id = ?", id).stream().findFirst();
    }

    public synchronized Optional<String> result(String id) {
        return single("SELECT result FROM runs WHERE id = ? AND status = 'done'", id);
    }

    /** The state of a run's sensitivity analysis ({@code queued}, {@code running}, {@code done}, {@code failed: why}) and its JSON. */
    public synchronized void sensitivity(String id, String status, String json) {
        update("UPDATE runs SET sensitivity_status = ?, sensitivity = ? WHERE id = ?", status, json, id);
    }

    public synchronized Optional<String> sensitivityJson(String id) {
        return single("SELECT sensitivity FROM runs WHERE id = ? AND sensitivity_status = 'done'", id);
    }

    public synchronized Optional<String> status(String id) {
        return single("SELECT status FROM runs WHERE id = ?", id);
    }

    public synchronized Optional<String> scenarioYaml(String id) {
        return single("SELECT scenario_yaml FROM runs WHERE id = ?", id);
    }

    public synchronized int count() {
        return Integer.parseInt(single("SELECT count(*) FROM runs").orElse("0"));
    }

    private static final String COLUMNS = "id, scenario, scenario_hash, seed, runs, version, parameters, status, error, "
            + "strftime(created, '%Y-%m-%dT%H:%M:%S'), strftime(finished, '%Y-%m-%dT%H:%M:%S'), rerun_of, label, headline, sensitivity_status";

    private List<Run> query(String sql, Object... args) {
        try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
            List<Run> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Run(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15)));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("run store: " + e.getMessage(), e);
        }
    }

    private Optional<String> single(String sql, Object... args) {
        try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("run store: " + e.getMessage(), e);
        }
    }

    private void update(String sql, Object... args) {
        try (PreparedStatement ps = prepare(sql, args)) {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("run store: " + e.getMessage(), e);
        }
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement ps = conn.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    @Override
    public synchronized void close() {
        try {
            conn.close();
        } catch (SQLException ignored) {
            // closing at shutdown: nothing left to save
        }
    }
}
