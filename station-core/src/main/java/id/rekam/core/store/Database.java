package id.rekam.core.store;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One SQLite connection with the station's pragmas, and transactions around it. SQLite allows
 * one writer at a time anyway, so the store serialises all access on this object.
 *
 * <p>Pragmas: WAL (readers never block the capture commit; a crash leaves a consistent file),
 * {@code synchronous=FULL} (a capture whose commit returned survives power loss: in WAL mode
 * NORMAL may lose the last commits), {@code temp_store=MEMORY} (sorts and temp tables never
 * reach disk), {@code secure_delete=ON} (purged payloads are overwritten, not just unlinked
 * from the b-tree), foreign keys on.
 */
public final class Database implements AutoCloseable {

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs inside every transaction of {@link #inTransaction}, just before its commit (and is told
     * of a rollback), so work that must ride on the same commit, such as sealing the rows the
     * transaction wrote ({@code StateSeal}), cannot be forgotten by any caller.
     */
    public interface CommitHook {
        void beforeCommit(Connection c) throws SQLException;

        void afterRollback();
    }

    private final Path file;
    private final Connection connection;
    private CommitHook hook;
    /** Statements of the hot paths, compiled once per connection (sqlite3_prepare per call shows in p99). */
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    public static Database open(Path file, long maxPageCount) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setBusyTimeout(10_000);
        // Nothing reads generated keys; with it on, sqlite-jdbc runs an extra "SELECT last_insert_rowid()"
        // after every INSERT and keeps it open on the statement, which blocks VACUUM INTO (backups) while
        // a cached INSERT statement lives.
        config.setGetGeneratedKeys(false);
        Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA temp_store=MEMORY");
            s.execute("PRAGMA secure_delete=ON");
            s.execute("PRAGMA foreign_keys=ON");
            if (maxPageCount > 0) {
                s.execute("PRAGMA max_page_count=" + maxPageCount);
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return new Database(file, c);
    }

    public Path file() {
        return file;
    }

    /** Installs the one commit hook (the state seal, once the store is unlocked). */
    synchronized void commitHook(CommitHook h) {
        this.hook = h;
    }

    public Connection connection() {
        return connection;
    }

    /**
     * A prepared statement kept for the life of the connection. Only for use inside
     * {@link #read} or {@link #inTransaction} (this object's lock is held there); callers must
     * not close it and must close its result sets (that resets the statement).
     */
    public synchronized PreparedStatement cached(String sql) throws SQLException {
        PreparedStatement p = statements.get(sql);
        if (p == null || p.isClosed()) {
            p = connection.prepareStatement(sql);
            statements.put(sql, p);
        }
        return p;
    }

    /** Runs {@code work} in one transaction; on any failure nothing of it remains. */
    public synchronized <T> T inTransaction(Work<T> work) {
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw translate(e);
        }
        try {
            T result = work.run(connection);
            if (hook != null) {
                hook.beforeCommit(connection);
            }
            connection.commit();
            restoreAutoCommit();
            return result;
        } catch (SQLException | RuntimeException e) {
            // SQLite may already have rolled back by itself (e.g. SQLITE_FULL); then these fail harmlessly.
            rollbackQuietly(e);
            if (hook != null) {
                hook.afterRollback();
            }
            try {
                restoreAutoCommit();
            } catch (SQLException r) {
                e.addSuppressed(r);
            }
            throw e instanceof SQLException se ? translate(se) : (RuntimeException) e;
        }
    }

    private void restoreAutoCommit() throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.setAutoCommit(true);
        }
    }

    /** Runs read-only work outside an explicit transaction. */
    public synchronized <T> T read(Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private void rollbackQuietly(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException r) {
            cause.addSuppressed(r);
        }
    }

    static boolean isFull(SQLException e) {
        return e instanceof SQLiteException se
                && (se.getResultCode() == SQLiteErrorCode.SQLITE_FULL
                || se.getResultCode().code == SQLiteErrorCode.SQLITE_FULL.code);
    }

    static RuntimeException translate(SQLException e) {
        if (isFull(e)) {
            return new StoreFullException(e);
        }
        return new IllegalStateException("store operation failed: " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        try {
            for (PreparedStatement p : statements.values()) {
                p.close();
            }
            statements.clear();
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close " + file, e);
        }
    }
}
