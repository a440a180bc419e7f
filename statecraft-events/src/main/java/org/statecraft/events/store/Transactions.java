package org.statecraft.events.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs a body in one transaction of a connection in auto-commit mode: committed if it returns, rolled back if not. */
final class Transactions {
    /** A body that may fail with an SQL error. */
    interface Body {
        void run() throws SQLException;
    }

    private Transactions() {
    }

    static void inTransaction(Connection conn, Body body) throws SQLException {
        conn.setAutoCommit(false);
        try {
            body.run();
            conn.commit();
        } finally {
            endTransaction(conn);
        }
    }

    /** Rolls back what is not committed and goes back to auto-commit (quietly: the connection may be going away). */
    static void endTransaction(Connection conn) {
        try {
            if (!conn.getAutoCommit()) {
                try {
                    conn.rollback();
                } catch (SQLException ignored) {
                    // nothing to roll back, or the connection is going away
                }
                conn.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // the connection is going away
        }
    }
}
