package id.rekam.core.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import id.rekam.core.audit.AuditActions;
import id.rekam.core.audit.AuditEntry;
import id.rekam.core.audit.AuditLog;
import id.rekam.core.auth.OperatorAccounts;
import id.rekam.core.auth.PasswordHasher;
import id.rekam.core.crypto.KeyUnwrapException;
import id.rekam.core.crypto.StationKeys;
import id.rekam.core.crypto.WrappedKey;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.domain.Gender;
import id.rekam.core.domain.Nik;
import id.rekam.core.domain.RegistrationId;
import id.rekam.core.outbox.EventOutbox;
import id.rekam.core.outbox.Outbox;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.packet.EnrollmentPackets;
import id.rekam.core.packet.Packet;
import id.rekam.core.packet.PacketCodec;
import id.rekam.core.packet.PacketFormatException;
import id.rekam.core.packet.PacketPart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * The station's encrypted local store: enrollments, their packets and outbox entries, drafts,
 * events, operators and the audit trail, in one SQLite database under {@code dataDir}.
 *
 * <p>A record is stored once, as its sealed packet body (AES-256-GCM, AAD = packet id +
 * "body"); the list/search columns are a small sealed summary (AAD = record id + "summary")
 * plus a keyed blind index of the NIK. Loading a record decrypts the body and decodes it with
 * {@link EnrollmentPackets#fromPacket}. See docs/architecture.md, "Local store".
 *
 * <p>Thread-safe: all database access is serialised.
 */
public final class StationStore implements AutoCloseable {

    public static final String DB_FILE = "station.db";
    public static final String CONFIG_FILE = "station.properties";
    static final String SUMMARY = "summary";
    static final String DRAFT = "draft";

    private static final Logger LOG = LoggerFactory.getLogger(StationStore.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private final Path dataDir;
    private final Database db;
    private final StationKeys keys;
    private final StoreOptions options;
    private final String stationId;
    private final AuditLog audit;
    private final Backups backups;
    private final SqlOutbox outbox;
    private final SqlEventOutbox events;
    private final SqlOperators operators;
    private final EnrollmentPackets enrollmentPackets = new EnrollmentPackets();
    private final PacketCodec codec = new PacketCodec();
    /**
     * Decrypted search entries, newest first, loaded on the first search of a session and
     * extended by every save. Summaries never change once written, so entries never go stale.
     * Plaintext in heap, as on the screen: the threat this store addresses is data at rest.
     */
    private List<SearchEntry> searchIndex;

    private record SearchEntry(String id, String nik, String[] nameWords) {
    }

    private StationStore(Path dataDir, Database db, StationKeys keys, StoreOptions options, String stationId) {
        this.dataDir = dataDir;
        this.db = db;
        this.keys = keys;
        this.options = options;
        this.stationId = stationId;
        this.audit = new AuditLog(keys.audit(), options.clock());
        this.backups = new Backups(dataDir, options.backupsToKeep());
        this.outbox = new SqlOutbox(db, keys, audit, options.clock());
        this.events = new SqlEventOutbox(db, keys, audit, options.clock());
        this.operators = new SqlOperators(db, audit, new PasswordHasher(options.kdf().passwordIterations()),
                options.clock());
    }

    // ---------------------------------------------------------------- lifecycle

    public static StationStore initialise(Path dataDir, char[] passphrase, String stationId) {
        return initialise(dataDir, passphrase, stationId, StoreOptions.defaults());
    }

    /** First start of a station: creates the database, the key ring and the signing key. */
    public static StationStore initialise(Path dataDir, char[] passphrase, String stationId, StoreOptions options) {
        Path file = dataDir.resolve(DB_FILE);
        if (Files.exists(file)) {
            throw new StoreException("store.alreadyInitialised", dataDir);
        }
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
                writeKeyRing(c, created.wrapped());
                return store.audit.append(c, "-", AuditActions.STORE_INITIALISED, stationId,
                        Map.of("schema", Migrations.LATEST, "kdfIterations", options.kdf().passphraseIterations()));
            });
            store.writeConfig(created.publicKey());
            LOG.info("station store initialised in {} for station {}", dataDir, stationId);
            return store;
        } catch (SQLException | RuntimeException e) {
            if (db != null) {
                db.close();
            }
            throw e instanceof SQLException se ? Database.translate(se) : (RuntimeException) e;
        }
    }

    public static StationStore open(Path dataDir, char[] passphrase) {
        return open(dataDir, passphrase, StoreOptions.defaults());
    }

    /**
     * Opens an existing store: integrity check, forward migration (after a backup), unlock, and
     * a rolling backup when the last one is older than the configured interval.
     *
     * @throws CorruptStoreException    the file fails the integrity check (names the last backup)
     * @throws NewerSchemaException     written by a newer version; left untouched
     * @throws WrongPassphraseException the passphrase does not unlock the keys (counted)
     */
    public static StationStore open(Path dataDir, char[] passphrase, StoreOptions options) {
        Path file = dataDir.resolve(DB_FILE);
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
            StationKeys keys;
            try {
                keys = StationKeys.unlock(passphrase, readKeyRing(c), publicKey);
            } catch (KeyUnwrapException e) {
                int failures = db.inTransaction(tx -> recordUnlockFailure(tx, options));
                LOG.warn("wrong station passphrase for {} ({} failures since last unlock)", dataDir, failures);
                throw new WrongPassphraseException(failures);
            }
            StationStore store = new StationStore(dataDir, db, keys, options, stationId);
            store.afterUnlock();
            return store;
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e instanceof SQLException se ? Database.translate(se) : (RuntimeException) e;
        }
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

    /** Moves failed unlocks into the authenticated chain, then takes the day's backup. */
    private void afterUnlock() throws SQLException {
        db.inTransaction(c -> {
            List<String> failures = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT at FROM unlock_failures ORDER BY id")) {
                while (rs.next()) {
                    failures.add(rs.getString(1));
                }
            }
            for (String at : failures) {
                audit.append(c, "-", AuditActions.UNLOCK_FAILED, null, Map.of("at", at, "authenticated", false));
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM unlock_failures");
            }
            return audit.append(c, "-", AuditActions.STORE_UNLOCKED, stationId,
                    Map.of("failedAttemptsBefore", failures.size()));
        });
        if (backups.due(options.clock().instant(), options.backupInterval())) {
            backupNow();
        }
    }

    /** Writes a rolling backup now (keeps the newest N). */
    public Path backupNow() {
        return db.read(c -> {
            Path written = backups.write(c, options.clock().instant());
            db.inTransaction(tx -> audit.append(tx, "-", AuditActions.BACKUP_WRITTEN, written.getFileName().toString(),
                    Map.of()));
            LOG.info("backup written: {}", written);
            return written;
        });
    }

    public List<Path> backups() {
        return backups.list();
    }

    private static List<WrappedKey> readKeyRing(Connection c) throws SQLException {
        List<WrappedKey> ring = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, kdf_salt, kdf_iterations, sealed FROM keyring")) {
            while (rs.next()) {
                ring.add(new WrappedKey(rs.getString(1), rs.getBytes(2), rs.getInt(3), rs.getBytes(4)));
            }
        }
        return ring;
    }

    private static void writeKeyRing(Connection c, List<WrappedKey> ring) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO keyring (name, kdf_salt, kdf_iterations, sealed) "
                + "VALUES (?,?,?,?) ON CONFLICT (name) DO UPDATE SET kdf_salt = excluded.kdf_salt, "
                + "kdf_iterations = excluded.kdf_iterations, sealed = excluded.sealed")) {
            for (WrappedKey k : ring) {
                p.setString(1, k.name());
                p.setBytes(2, k.salt());
                p.setInt(3, k.iterations());
                p.setBytes(4, k.sealed());
                p.executeUpdate();
            }
        }
    }

    /** Non-secret facts about the station, readable without the passphrase (e.g. by support). */
    private void writeConfig(byte[] publicKey) {
        Properties p = new Properties();
        p.setProperty("station.id", stationId);
        p.setProperty("station.publicKey.ed25519.x509", Base64.getEncoder().encodeToString(publicKey));
        p.setProperty("store.schema", Integer.toString(Migrations.LATEST));
        try (OutputStream out = Files.newOutputStream(dataDir.resolve(CONFIG_FILE))) {
            p.store(out, "rekam station - no secrets in this file");
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + CONFIG_FILE, e);
        }
    }

    /** Re-wraps the keys under a new passphrase; data need not be re-encrypted. */
    public void changePassphrase(char[] current, char[] next, String supervisor) {
        db.inTransaction(c -> {
            SqlOperators.requireSupervisor(c, supervisor);
            List<WrappedKey> ring;
            try {
                ring = StationKeys.rewrap(keys, readKeyRing(c), current, next, options.kdf().passphraseIterations());
            } catch (KeyUnwrapException e) {
                throw new WrongPassphraseException(0);
            }
            writeKeyRing(c, ring);
            return audit.append(c, supervisor, AuditActions.PASSPHRASE_CHANGED, stationId, Map.of());
        });
    }

    @Override
    public void close() {
        db.close();
    }

    // ---------------------------------------------------------------- facts

    public String stationId() {
        return stationId;
    }

    public Path dataDir() {
        return dataDir;
    }

    public PublicKey stationPublicKey() {
        return keys.publicKey();
    }

    public Outbox outbox() {
        return outbox;
    }

    public EventOutbox events() {
        return events;
    }

    public OperatorAccounts operators() {
        return operators;
    }

    // ---------------------------------------------------------------- enrollments

    record SummaryDoc(String nik, String fullName, LocalDate birthDate, Gender gender, String villageCode) {
    }

    /**
     * Commits a capture: in one transaction the record row (sealed summary, NIK blind index),
     * the immutable packet (sealed body, SHA-256, Ed25519 signature), its outbox entry in
     * CAPTURED and the audit entry. Durable when this returns ({@code synchronous=FULL}).
     *
     * @throws StoreFullException nothing of the capture was stored
     */
    public SavedEnrollment saveEnrollment(EnrollmentRecord record) {
        if (!record.stationId().equals(stationId)) {
            throw new IllegalArgumentException("record belongs to station " + record.stationId());
        }
        // All CPU work (encode, hash, sign, seal) happens before the write transaction starts.
        Packet packet = enrollmentPackets.toPacket(record);
        byte[] signature = keys.sign(PacketCodec.signingInput(packet.id(), packet.sha256()));
        byte[] sealedBody = keys.data().encrypt(packet.body(), packet.id(), SqlOutbox.BODY);
        String recordId = record.id().value();
        SummaryDoc doc = summaryDoc(record);
        byte[] summary = sealSummary(recordId, doc);
        byte[] nikIndex = keys.blindIndex().nik(record.demographics().nik());
        long now = options.clock().millis();
        db.inTransaction(c -> {
            {
                PreparedStatement p = db.cached("INSERT INTO records "
                        + "(id, nik_bidx, summary, operator_id, captured_at, committed_at) VALUES (?,?,?,?,?,?)");
                p.setString(1, recordId);
                p.setBytes(2, nikIndex);
                p.setBytes(3, summary);
                p.setString(4, record.operatorId());
                p.setString(5, record.createdAt().toString());
                p.setLong(6, now);
                p.executeUpdate();
            }
            {
                PreparedStatement p = db.cached("INSERT INTO packets "
                        + "(id, record_id, kind, sha256, signature, body_length, body, created_at) VALUES (?,?,?,?,?,?,?,?)");
                p.setString(1, packet.id());
                p.setString(2, recordId);
                p.setString(3, EnrollmentPackets.KIND);
                p.setString(4, packet.sha256());
                p.setBytes(5, signature);
                p.setLong(6, packet.body().length);
                p.setBytes(7, sealedBody);
                p.setLong(8, now);
                p.executeUpdate();
            }
            {
                PreparedStatement p = db.cached("INSERT INTO outbox (packet_id, state, state_since) VALUES (?, 'CAPTURED', ?)");
                p.setString(1, packet.id());
                p.setLong(2, now);
                p.executeUpdate();
            }
            return audit.append(c, record.operatorId(), AuditActions.ENROLLMENT_CAPTURED, recordId,
                    Map.of("sha256", packet.sha256(), "bytes", packet.body().length));
        });
        indexForSearch(recordId, doc);
        LOG.info("enrollment {} committed (NIK {}, {} bytes)", recordId, record.demographics().nik().masked(),
                packet.body().length);
        return new SavedEnrollment(record.id(), packet.id(), packet.sha256(), packet.body().length);
    }

    private static SummaryDoc summaryDoc(EnrollmentRecord r) {
        return new SummaryDoc(r.demographics().nik().value(), r.demographics().fullName(),
                r.demographics().birthDate(), r.demographics().gender(), r.demographics().address().villageCode());
    }

    byte[] sealSummary(String recordId, SummaryDoc doc) {
        try {
            return keys.data().encrypt(JSON.writeValueAsBytes(doc), recordId, SUMMARY);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise summary", e);
        }
    }

    /** Package access for the benchmark's bulk loader (same package, bench module). */
    StationKeys keys() {
        return keys;
    }

    /** CROSS JOIN fixes the join order (SQLite's rule): drive from records and its indexes, never scan packets. */
    static final String SUMMARY_SQL = "SELECT r.id, r.summary, r.captured_at, r.operator_id, o.state, "
            + "p.purged_at FROM records r CROSS JOIN packets p ON p.record_id = r.id CROSS JOIN outbox o ON o.packet_id = p.id ";

    private RecordSummary summary(ResultSet rs) throws SQLException {
        String id = rs.getString(1);
        SummaryDoc doc = openSummary(id, rs.getBytes(2));
        rs.getLong(6);
        boolean purged = !rs.wasNull();
        return new RecordSummary(new RegistrationId(id), Nik.of(doc.nik()), doc.fullName(), doc.birthDate(),
                doc.gender(), doc.villageCode(), Instant.parse(rs.getString(3)), rs.getString(4),
                OutboxState.valueOf(rs.getString(5)), purged);
    }

    private SummaryDoc openSummary(String id, byte[] sealed) {
        try {
            return JSON.readValue(keys.data().decrypt(sealed, id, SUMMARY), SummaryDoc.class);
        } catch (IOException e) {
            throw new IllegalStateException("summary of " + id + " is unreadable", e);
        }
    }

    /** Every record with this NIK (a person may be recorded again), via the blind index. */
    public List<RecordSummary> findByNik(Nik nik) {
        byte[] index = keys.blindIndex().nik(nik);
        return db.read(c -> {
            List<RecordSummary> out = new ArrayList<>();
            {
                PreparedStatement p = db.cached(SUMMARY_SQL + "WHERE r.nik_bidx = ? ORDER BY r.committed_at");
                p.setBytes(1, index);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        RecordSummary s = summary(rs);
                        if (s.nik().equals(nik)) {
                            out.add(s);
                        }
                    }
                }
            }
            return out;
        });
    }

    public Optional<RecordSummary> findSummary(RegistrationId id) {
        return db.read(c -> {
            {
                PreparedStatement p = db.cached(SUMMARY_SQL + "WHERE r.id = ?");
                p.setString(1, id.value());
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(summary(rs)) : Optional.empty();
                }
            }
        });
    }

    /**
     * The full record, decrypted from its packet.
     *
     * @throws PayloadPurgedException the payload was purged after confirmation
     */
    public Optional<EnrollmentRecord> findById(RegistrationId id) {
        Optional<String> packetId = db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT id FROM packets WHERE record_id = ?")) {
                p.setString(1, id.value());
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
        if (packetId.isEmpty()) {
            return Optional.empty();
        }
        byte[] body = outbox.readPacket(packetId.get()).body();
        try {
            return Optional.of(enrollmentPackets.fromPacket(codec.decode(body)));
        } catch (PacketFormatException e) {
            throw new IllegalStateException("stored packet of " + id + " is unreadable", e);
        }
    }

    /** Finger templates of a record; still available after the payload was purged. */
    public Map<FingerPosition, byte[]> fingerprintTemplates(RegistrationId id) {
        Map<FingerPosition, byte[]> out = new EnumMap<>(FingerPosition.class);
        for (PacketPart part : outbox.templates(id.value())) {
            for (FingerPosition f : FingerPosition.values()) {
                if (EnrollmentPackets.templatePart(f).equals(part.name())) {
                    out.put(f, part.bytes());
                }
            }
        }
        return out;
    }

    /** Most recent first. */
    public List<RecordSummary> listRecent(int offset, int limit) {
        return db.read(c -> {
            List<RecordSummary> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(SUMMARY_SQL
                    + "ORDER BY r.committed_at DESC, r.rowid DESC LIMIT ? OFFSET ?")) {
                p.setInt(1, limit);
                p.setInt(2, offset);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(summary(rs));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Search by NIK digits (any part) or by name (every word of the query starts a word of the
     * name, case-insensitive). Names are sealed, so this matches decrypted summaries in memory,
     * newest first, until {@code limit} matches; each summary is decrypted once per session and
     * then served from memory. Leaks nothing at rest (a name-token blind index would reveal
     * which records share a common name). Cost: see docs/benchmarks.md.
     */
    public List<RecordSummary> search(String query, int limit) {
        Predicate<SearchEntry> match = matcher(query);
        List<String> hits = new ArrayList<>();
        synchronized (this) {
            for (SearchEntry e : searchIndex()) {
                if (hits.size() >= limit) {
                    break;
                }
                if (match.test(e)) {
                    hits.add(e.id());
                }
            }
        }
        List<RecordSummary> out = new ArrayList<>(hits.size());
        for (String id : hits) {
            findSummary(new RegistrationId(id)).ifPresent(out::add);
        }
        return out;
    }

    private synchronized List<SearchEntry> searchIndex() {
        if (searchIndex == null) {
            List<SearchEntry> loaded = db.read(c -> {
                List<SearchEntry> out = new ArrayList<>();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                        "SELECT id, summary FROM records ORDER BY committed_at DESC, rowid DESC")) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        out.add(searchEntry(id, openSummary(id, rs.getBytes(2))));
                    }
                }
                return out;
            });
            searchIndex = new ArrayList<>(loaded);
        }
        return searchIndex;
    }

    private static SearchEntry searchEntry(String id, SummaryDoc doc) {
        return new SearchEntry(id, doc.nik(), doc.fullName().toUpperCase(Locale.ROOT).split("[\\s.,'-]+"));
    }

    private synchronized void indexForSearch(String id, SummaryDoc doc) {
        if (searchIndex != null) {
            searchIndex.add(0, searchEntry(id, doc));
        }
    }

    private static Predicate<SearchEntry> matcher(String query) {
        String q = query == null ? "" : query.strip().toUpperCase(Locale.ROOT);
        if (q.isEmpty()) {
            return e -> true;
        }
        if (q.chars().allMatch(Character::isDigit)) {
            return e -> e.nik().contains(q);
        }
        String[] words = q.split("\\s+");
        return e -> {
            for (String w : words) {
                boolean found = false;
                for (String n : e.nameWords()) {
                    if (n.startsWith(w)) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        };
    }

    // ---------------------------------------------------------------- counters

    public Counters counters() {
        LocalDate today = LocalDate.now(options.clock().withZone(options.zone()));
        long from = today.atStartOfDay(options.zone()).toInstant().toEpochMilli();
        long to = today.plusDays(1).atStartOfDay(options.zone()).toInstant().toEpochMilli();
        return db.read(c -> {
            long captured;
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT count(*) FROM records WHERE committed_at >= ? AND committed_at < ?")) {
                p.setLong(1, from);
                p.setLong(2, to);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    captured = rs.getLong(1);
                }
            }
            Map<OutboxState, Long> n = SqlOutbox.counts(c);
            return new Counters(captured, n.get(OutboxState.CAPTURED),
                    n.get(OutboxState.APPROVED) + n.get(OutboxState.QUEUED) + n.get(OutboxState.UPLOADING),
                    n.get(OutboxState.NEEDS_ATTENTION));
        });
    }

    public long recordCount() {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM records")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    // ---------------------------------------------------------------- drafts

    /** Autosave of an unfinished form (any JSON); replaces an earlier save of the same draft. */
    public void saveDraft(String draftId, String json) {
        byte[] sealed = keys.data().encrypt(json.getBytes(StandardCharsets.UTF_8), draftId, DRAFT);
        long now = options.clock().millis();
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO drafts (id, sealed, updated_at) VALUES (?,?,?) "
                    + "ON CONFLICT (id) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at")) {
                p.setString(1, draftId);
                p.setBytes(2, sealed);
                p.setLong(3, now);
                return p.executeUpdate();
            }
        });
    }

    public Optional<String> loadDraft(String draftId) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT sealed FROM drafts WHERE id = ?")) {
                p.setString(1, draftId);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(new String(keys.data().decrypt(rs.getBytes(1), draftId, DRAFT),
                            StandardCharsets.UTF_8)) : Optional.empty();
                }
            }
        });
    }

    public List<DraftInfo> listDrafts() {
        return db.read(c -> {
            List<DraftInfo> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, updated_at FROM drafts ORDER BY updated_at DESC")) {
                while (rs.next()) {
                    out.add(new DraftInfo(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))));
                }
            }
            return out;
        });
    }

    /** Discards a draft (after its enrollment was saved, or on the operator's request). */
    public boolean deleteDraft(String draftId, String actor) {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM drafts WHERE id = ?")) {
                p.setString(1, draftId);
                if (p.executeUpdate() == 0) {
                    return false;
                }
            }
            audit.append(c, actor, AuditActions.DRAFT_DELETED, draftId, Map.of());
            return true;
        });
    }

    // ---------------------------------------------------------------- audit and health

    /** Appends an operator action that is not a store change (e.g. "printed receipt"). */
    public long audit(String actor, String action, String subject, Map<String, ?> details) {
        return db.inTransaction(c -> audit.append(c, actor, action, subject, details));
    }

    public List<AuditEntry> auditTrail(long fromSeq, int limit) {
        return db.read(c -> audit.entries(c, fromSeq, limit));
    }

    /** SQLite integrity check plus the audit chain. */
    public StoreHealth verify() {
        return db.read(c -> {
            List<String> result = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
            return new StoreHealth(String.join("; ", result), audit.verify(c));
        });
    }

    /**
     * Runs feature work (cards, ledger, ...) in one write transaction with audit and events on
     * the same connection; on any failure nothing of it remains.
     */
    public <T> T inTransaction(StoreTransaction.Work<T> work) {
        return db.inTransaction(c -> work.run(new StoreTransaction(c, keys, audit, events, options.clock())));
    }

    /** Read-only feature work; writes through the handle are not allowed here by contract. */
    public <T> T read(StoreTransaction.Work<T> work) {
        return db.read(c -> work.run(new StoreTransaction(c, keys, audit, events, options.clock())));
    }

    /** Time zone of the office, for day boundaries in reports. */
    public java.time.ZoneId zone() {
        return options.zone();
    }

    /** For tests and the CLI: the open connection. Callers must not keep it. */
    Database database() {
        return db;
    }
}
