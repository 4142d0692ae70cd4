package id.rekam.core.store;

import id.rekam.core.audit.AuditActions;
import id.rekam.core.auth.PassphrasePolicy;
import id.rekam.core.crypto.KeyUnwrapException;
import id.rekam.core.crypto.StationKeys;
import id.rekam.core.io.DurableFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Creating and opening a station store: the database file, integrity check, migrations (after
 * a backup), key ring creation and unlock, counting wrong passphrases, the first backup.
 */
final class StoreOpener {

    private static final Logger LOG = LoggerFactory.getLogger(StationStore.class);

    private StoreOpener() {
    }

    static StationStore initialise(Path dataDir, char[] passphrase, String stationId, StoreOptions options) {
        Path file = dataDir.resolve(StationStore.DB_FILE);
        if (Files.exists(file)) {
            throw new StoreException("store.alreadyInitialised", dataDir);
        }
        PassphrasePolicy.requireStrong(passphrase, List.of(stationId));
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + dataDir, e);
        }
        StationKeys.Created created = StationKeys.create(passphrase, options.kdf().passphraseIterations());
        Database db = null;
        try {
            db = Database.open(file, options.maxPageCount());
            Migrations.migrateToLatest(db.connection());
            StationStore store = new StationStore(dataDir, db, created.keys(), options, stationId);
            db.inTransaction(c -> {
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO station (id, station_id, public_key, created_at) VALUES (1, ?, ?, ?)")) {
                    p.setString(1, stationId);
                    p.setBytes(2, created.publicKey());
                    p.setString(3, options.clock().instant().toString());
                    p.executeUpdate();
                }
                KeyRingTable.write(c, created.wrapped());
                store.auditLog().append(c, "-", AuditActions.STORE_INITIALISED, stationId,
                        Map.of("schema", Migrations.LATEST, "kdfIterations", options.kdf().passphraseIterations()));
                int rows = store.stateSeal().sealAll(c);
                return store.auditLog().append(c, "-", AuditActions.STATE_SEALED, stationId, Map.of("rows", rows));
            });
            writeConfig(dataDir, stationId, created.publicKey());
            LOG.info("station store initialised in {} for station {}", dataDir, stationId);
            return store;
        } catch (SQLException | RuntimeException e) {
            if (db != null) {
                db.close();
            }
            throw e instanceof SQLException se ? Database.translate(se) : (RuntimeException) e;
        }
    }

    static StationStore open(Path dataDir, char[] passphrase, StoreOptions options) {
        Path file = dataDir.resolve(StationStore.DB_FILE);
        if (!Files.isRegularFile(file)) {
            throw new StoreException("store.notInitialised", dataDir);
        }
        Backups backups = new Backups(dataDir, options.backupsToKeep());
        Database db = openChecked(file, backups, options);
        try {
            Connection c = db.connection();
            int version = Migrations.currentVersion(c);
            if (version > Migrations.LATEST) {
                throw new NewerSchemaException(version, Migrations.LATEST);
            }
            if (version < Migrations.LATEST) {
                Path before = backups.write(c, options.clock().instant());
                LOG.info("migrating store from schema {} to {} (backup {})", version, Migrations.LATEST, before);
                Migrations.migrateToLatest(c);
            }
            String stationId;
            byte[] publicKey;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT station_id, public_key FROM station WHERE id = 1")) {
                if (!rs.next()) {
                    throw new CorruptStoreException(file, backups.latest(), "station row missing");
                }
                stationId = rs.getString(1);
                publicKey = rs.getBytes(2);
            }
            // A store the server locked or erased, or an attempt too soon after wrong ones, ends here.
            UnlockGuard.before(c, options.clock());
            StationKeys keys;
            try {
                keys = StationKeys.unlock(passphrase, KeyRingTable.read(c), publicKey);
            } catch (KeyUnwrapException e) {
                int failures = db.inTransaction(tx -> recordUnlockFailure(tx, options));
                LOG.warn("wrong station passphrase for {} ({} failures since last unlock)", dataDir, failures);
                if (UnlockGuard.afterFailure(db, dataDir, failures, options.clock())) {
                    throw new StoreErasedException(options.clock().instant());
                }
                throw new WrongPassphraseException(failures);
            }
            StationStore store = new StationStore(dataDir, db, keys, options, stationId);
            checkOrSealState(store, db, file, backups);
            store.readTrust();
            sealStagedCardNames(store, db, backups, options);
            turnStagedVerdictsIntoRows(store, db);
            afterUnlock(store, db, backups, options);
            ServerSettingsMigration.run(store, dataDir);
            store.foldJournal();
            store.sealQueue();
            return store;
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e instanceof SQLException se ? Database.translate(se) : (RuntimeException) e;
        }
    }

    /**
     * Verifies the keyed security state before anything acts on it: every sealed row, the
     * per-table sums, the head (bound to the audit head) and the server's audit anchors. A store
     * older than schema 10 has no seal yet and is sealed now, as it stands.
     *
     * @throws TamperedStoreException naming each finding; the store is not opened
     */
    private static void checkOrSealState(StationStore store, Database db, Path file, Backups backups)
            throws SQLException {
        StateSeal seal = store.stateSeal();
        Connection c = db.connection();
        List<StateFinding> findings = store.stateFindings(c);
        if (!findings.isEmpty()) {
            LOG.error("station state changed without the passphrase: {}", findings);
            throw new TamperedStoreException(file, backups.latest(), findings);
        }
        if (seal.isSealed(c)) {
            seal.activate();
            List<SealedTable> later = seal.unkeyed(c);
            if (!later.isEmpty()) {
                // Tables keyed after this store was sealed (server_trust, security_policy): sealed
                // as found, like the whole state at the first unlock after schema 12.
                int n = db.inTransaction(tx -> {
                    int sealed = seal.sealTables(tx, later);
                    store.auditLog().append(tx, "-", AuditActions.STATE_SEALED, store.stationId(),
                            Map.of("rows", sealed, "tables", later.stream().map(SealedTable::table).toList()));
                    return sealed;
                });
                LOG.info("sealed {} rows of the newly keyed tables {}", n, later);
            }
            return;
        }
        int rows = db.inTransaction(tx -> {
            int n = seal.sealAll(tx);
            store.auditLog().append(tx, "-", AuditActions.STATE_SEALED, store.stationId(),
                    Map.of("rows", n, "upgrade", true));
            return n;
        });
        LOG.info("sealed the security state of {} rows (first unlock after schema 10)", rows);
    }

    private static Database openChecked(Path file, Backups backups, StoreOptions options) {
        Database db;
        try {
            db = Database.open(file, options.maxPageCount());
        } catch (SQLException e) {
            throw corruptOr(e, file, backups);
        }
        try (Statement s = db.connection().createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            List<String> problems = new ArrayList<>();
            while (rs.next()) {
                problems.add(rs.getString(1));
            }
            if (!problems.equals(List.of("ok"))) {
                db.close();
                throw new CorruptStoreException(file, backups.latest(),
                        String.join("; ", problems.subList(0, Math.min(3, problems.size()))));
            }
            return db;
        } catch (SQLException e) {
            db.close();
            throw corruptOr(e, file, backups);
        }
    }

    private static RuntimeException corruptOr(SQLException e, Path file, Backups backups) {
        if (e instanceof SQLiteException se) {
            int code = se.getResultCode().code & 0xff;
            if (code == SQLiteErrorCode.SQLITE_CORRUPT.code || code == SQLiteErrorCode.SQLITE_NOTADB.code) {
                return new CorruptStoreException(file, backups.latest(), se.getResultCode().name());
            }
        }
        return Database.translate(e);
    }

    private static int recordUnlockFailure(Connection c, StoreOptions options) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO unlock_failures (at) VALUES (?)")) {
            p.setString(1, options.clock().instant().toString());
            p.executeUpdate();
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM unlock_failures")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * Seals the card names V7 staged in clear (first unlock after the upgrade). The clear values
     * must then vanish from every file: secure_delete zeroes the deleted rows, a truncating
     * checkpoint empties the WAL, and the backups taken before (which hold the V5 clear columns)
     * are replaced by one taken now, an equivalent restore point.
     */
    private static void sealStagedCardNames(StationStore store, Database db, Backups backups, StoreOptions options)
            throws SQLException {
        int sealed = db.inTransaction(c -> {
            int n = CardSeals.resealStaged(c, store.keys().data());
            if (n > 0) {
                store.auditLog().append(c, "-", CardSeals.AUDIT_RESEALED, null, Map.of("values", n));
            }
            return n;
        });
        if (sealed == 0) {
            return;
        }
        Connection c = db.connection();
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        List<Path> before = backups.list();
        Path fresh = backups.write(c, options.clock().instant());
        backups.deleteAllBut(fresh);
        LOG.info("sealed {} card names staged by the V7 migration; replaced {} older backups", sealed, before.size());
    }

    /**
     * Turns what V9 staged (pre-V9 verdicts, reasons and override reasons) into state and sealed
     * rows (first unlock after the upgrade). Unlike V7's card names these values were masked or
     * already in the audit trail before, so the older backups hold nothing new and are kept.
     */
    private static void turnStagedVerdictsIntoRows(StationStore store, Database db) {
        int n = db.inTransaction(c -> LegacyVerdicts.resealStaged(c, store.keys().data(), store.sqlVerdicts(),
                store.verdictSeal(), store.auditLog()));
        if (n > 0) {
            LOG.info("turned {} values staged by the V9 migration into verdicts and sealed rows", n);
        }
    }

    /** Moves failed unlocks into the authenticated chain, then takes the day's backup. */
    private static void afterUnlock(StationStore store, Database db, Backups backups, StoreOptions options) {
        store.rewrapStaleBackups();
        db.inTransaction(c -> {
            List<String> failures = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT at FROM unlock_failures ORDER BY id")) {
                while (rs.next()) {
                    failures.add(rs.getString(1));
                }
            }
            for (String at : failures) {
                store.auditLog().append(c, "-", AuditActions.UNLOCK_FAILED, null,
                        Map.of("at", at, "authenticated", false));
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM unlock_failures");
            }
            return store.auditLog().append(c, "-", AuditActions.STORE_UNLOCKED, store.stationId(),
                    Map.of("failedAttemptsBefore", failures.size()));
        });
        if (backups.due(options.clock().instant(), options.backupInterval())) {
            store.backupNow();
        }
    }

    /** Non-secret facts about the station, readable without the passphrase (e.g. by support). */
    private static void writeConfig(Path dataDir, String stationId, byte[] publicKey) {
        Properties p = new Properties();
        p.setProperty("station.id", stationId);
        p.setProperty("station.publicKey.ed25519.x509", Base64.getEncoder().encodeToString(publicKey));
        p.setProperty("store.schema", Integer.toString(Migrations.LATEST));
        try {
            DurableFiles.write(dataDir.resolve(StationStore.CONFIG_FILE),
                    out -> p.store(out, "rekam station - no secrets in this file"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + StationStore.CONFIG_FILE, e);
        }
    }
}
