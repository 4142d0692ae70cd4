package id.rekam.core.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Destroys the store's wrapped keys (issue 14, item 4): the key ring rows go (secure_delete
 * overwrites their pages), the write-ahead log is checkpointed and emptied so no old page keeps
 * them, and every backup (each a copy of the key ring) is deleted. Without the data key nothing
 * sealed opens again, passphrase or not: records, content keys, the signing key. What the station
 * had sealed to the server stays deliverable (only the server can read it). Needs no passphrase:
 * the locked sync service runs it on the server's signed command.
 */
final class CryptoErase {

    private static final Logger LOG = LoggerFactory.getLogger(CryptoErase.class);

    private CryptoErase() {
    }

    /** Run inside the caller's transaction: the keys and the record of the erasure commit together. */
    static void destroyKeys(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM keyring");
        }
    }

    /** After the commit: no old page in the WAL, no backup with the key ring. */
    static void scrub(Database db, Path dataDir) {
        db.read(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            return null;
        });
        Backups backups = new Backups(dataDir, Integer.MAX_VALUE);
        for (Path b : backups.list()) {
            try {
                Files.deleteIfExists(b);
            } catch (IOException e) {
                LOG.error("crypto-erase could not delete backup {}", b, e);
            }
        }
        LOG.warn("crypto-erase: the station's wrapped keys and backups in {} were destroyed", dataDir);
    }
}
