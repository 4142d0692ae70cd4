package id.rekam.core.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;

/**
 * What stands before the passphrase is even tried (issue 14, item 4): a store the server locked or
 * erased is refused; after {@link UnlockPolicy#FREE_ATTEMPTS} wrong passphrases in a row the next
 * attempt waits; and, when the supervisor chose so, the N-th wrong one destroys the keys (never
 * with records waiting for delivery, unless chosen too). Reads only clear tables: it runs before
 * any key exists.
 */
final class UnlockGuard {

    private static final Logger LOG = LoggerFactory.getLogger(UnlockGuard.class);

    private UnlockGuard() {
    }

    /** Refuses a locked or erased store, or an attempt that comes too soon after the last failure. */
    static void before(Connection c, Clock clock) throws SQLException {
        var erased = StationCommandsTable.erasedAt(c);
        if (erased.isPresent()) {
            throw new StoreErasedException(erased.get());
        }
        var lock = StationCommandsTable.lock(c);
        if (lock.isPresent()) {
            throw new StationLockedException(lock.get().receivedAt(), lock.get().commandId());
        }
        int failures = 0;
        Instant last = null;
        try (PreparedStatement p = c.prepareStatement("SELECT count(*), max(at) FROM unlock_failures");
             ResultSet rs = p.executeQuery()) {
            if (rs.next()) {
                failures = rs.getInt(1);
                last = rs.getString(2) == null ? null : Instant.parse(rs.getString(2));
            }
        }
        if (last != null) {
            Instant retryAt = last.plus(UnlockPolicy.delayAfter(failures));
            if (clock.instant().isBefore(retryAt)) {
                throw new UnlockThrottledException(failures, retryAt);
            }
        }
    }

    /**
     * After the {@code failures}-th wrong passphrase in a row: erases the keys if the policy says so.
     *
     * @return true when it did
     */
    static boolean afterFailure(Database db, Path dataDir, int failures, Clock clock) {
        boolean erase = db.inTransaction(c -> {
            UnlockPolicy policy = policy(c);
            long pending = pending(c);
            if (!policy.erases(failures, pending)) {
                if (policy.eraseAfterFailures() > 0 && failures >= policy.eraseAfterFailures()) {
                    LOG.warn("{} wrong passphrases: crypto-erase withheld, {} records still wait for delivery",
                            failures, pending);
                }
                return false;
            }
            StationCommandsTable.record(c, "unlock-failures-" + clock.millis(), StationCommandsTable.ERASE,
                    "{\"reason\":\"" + failures + " wrong passphrases\"}", clock.millis());
            CryptoErase.destroyKeys(c);
            return true;
        });
        if (erase) {
            CryptoErase.scrub(db, dataDir);
        }
        return erase;
    }

    static UnlockPolicy policy(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT erase_after_failures, erase_even_if_pending FROM security_policy WHERE id = 1");
             ResultSet rs = p.executeQuery()) {
            return rs.next() ? new UnlockPolicy(rs.getInt(1), rs.getInt(2) != 0) : UnlockPolicy.NEVER_ERASE;
        }
    }

    static void write(Connection c, UnlockPolicy policy, String by, long now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO security_policy "
                + "(id, erase_after_failures, erase_even_if_pending, set_by, set_at) VALUES (1,?,?,?,?) "
                + "ON CONFLICT (id) DO UPDATE SET erase_after_failures = excluded.erase_after_failures, "
                + "erase_even_if_pending = excluded.erase_even_if_pending, set_by = excluded.set_by, "
                + "set_at = excluded.set_at")) {
            p.setInt(1, policy.eraseAfterFailures());
            p.setInt(2, policy.eraseEvenIfPending() ? 1 : 0);
            p.setString(3, by);
            p.setLong(4, now);
            p.executeUpdate();
        }
    }

    /** Records not delivered yet: their only copy is here. */
    private static long pending(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(DeliveryStore.PENDING_SQL); ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
