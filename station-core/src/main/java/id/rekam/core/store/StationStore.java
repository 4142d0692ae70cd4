package id.rekam.core.store;

import id.rekam.core.audit.AuditActions;
import id.rekam.core.audit.AuditEntry;
import id.rekam.core.audit.AuditLog;
import id.rekam.core.auth.OperatorAccounts;
import id.rekam.core.auth.PasswordHasher;
import id.rekam.core.commit.ApprovalMode;
import id.rekam.core.commit.CaptureCommit;
import id.rekam.core.crypto.KeyUnwrapException;
import id.rekam.core.crypto.StationKeys;
import id.rekam.core.crypto.WrappedKey;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.domain.Nik;
import id.rekam.core.domain.RegistrationId;
import id.rekam.core.outbox.EventOutbox;
import id.rekam.core.outbox.Outbox;
import id.rekam.core.packet.EnrollmentPackets;
import id.rekam.core.verdict.Verdicts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The station's encrypted local store: enrollments, their packets and outbox entries, drafts,
 * events, operators and the audit trail, in one SQLite database under {@code dataDir}.
 *
 * <p>A record is stored once, as its sealed packet body (AES-256-GCM, AAD = packet id +
 * "body"); the list/search columns are a small sealed summary (AAD = record id + "summary")
 * plus a keyed blind index of the NIK. Loading a record decrypts the body and decodes it with
 * {@link EnrollmentPackets#fromPacket}. See docs/design/store.md.
 *
 * <p>This class is the module's entry point and delegates: {@link StoreOpener} (create, open,
 * unlock), {@link RecordRepository} (captures and look-ups), {@link SummaryIndex} (search),
 * {@link DraftRepository}, and the outbox, event and operator tables.
 *
 * <p>Thread-safe: all database access is serialised.
 */
public final class StationStore implements AutoCloseable {

    public static final String DB_FILE = "station.db";
    public static final String CONFIG_FILE = "station.properties";

    private static final Logger LOG = LoggerFactory.getLogger(StationStore.class);

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
    private final SummarySeal summaries;
    private final SummaryIndex searchIndex;
    private final RecordRepository records;
    private final Captures captures;
    private final SqlVerdicts verdicts;
    private final VerdictSeal verdictSeal;
    private final DraftRepository drafts;

    StationStore(Path dataDir, Database db, StationKeys keys, StoreOptions options, String stationId) {
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
        this.summaries = new SummarySeal(keys.data());
        this.searchIndex = new SummaryIndex(db, summaries);
        this.records = new RecordRepository(db, keys, audit, outbox, summaries, searchIndex, options, stationId);
        this.captures = new Captures(db, records, outbox, audit, keys.data(), options.clock());
        this.verdictSeal = new VerdictSeal(keys.data());
        this.verdicts = new SqlVerdicts(db, outbox, verdictSeal, options.clock());
        this.drafts = new DraftRepository(db, keys.data(), audit, options.clock());
    }

    // ---------------------------------------------------------------- lifecycle

    public static StationStore initialise(Path dataDir, char[] passphrase, String stationId) {
        return initialise(dataDir, passphrase, stationId, StoreOptions.defaults());
    }

    /** First start of a station: creates the database, the key ring and the signing key. */
    public static StationStore initialise(Path dataDir, char[] passphrase, String stationId, StoreOptions options) {
        return StoreOpener.initialise(dataDir, passphrase, stationId, options);
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
        return StoreOpener.open(dataDir, passphrase, options);
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

    /** Re-wraps the keys under a new passphrase; data need not be re-encrypted. */
    public void changePassphrase(char[] current, char[] next, String supervisor) {
        db.inTransaction(c -> {
            SqlOperators.requireSupervisor(c, supervisor);
            List<WrappedKey> ring;
            try {
                ring = StationKeys.rewrap(keys, KeyRingTable.read(c), current, next,
                        options.kdf().passphraseIterations());
            } catch (KeyUnwrapException e) {
                throw new WrongPassphraseException(0);
            }
            KeyRingTable.write(c, ring);
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

    /**
     * Signs a sync request's canonical form (docs/sync-protocol.md) with the station key. Only
     * messages starting with the request version line are signed, so this can never be used to
     * forge a packet signature ({@code rekam-packet-v1:...}).
     */
    public byte[] signRequest(byte[] canonicalRequest) {
        byte[] prefix = REQUEST_PREFIX;
        if (canonicalRequest.length < prefix.length
                || !java.util.Arrays.equals(canonicalRequest, 0, prefix.length, prefix, 0, prefix.length)) {
            throw new IllegalArgumentException("not a canonical sync request");
        }
        return keys.sign(canonicalRequest);
    }

    private static final byte[] REQUEST_PREFIX = "rekam-req-v1\n".getBytes(StandardCharsets.UTF_8);

    /**
     * Signs an export bundle's manifest ({@code id.rekam.core.export}) with the station key. The
     * signed message is {@code "rekam-export-v1\n" + manifest}: a prefix neither a packet nor a
     * request signature can start with, so none of the three can stand in for another.
     */
    public byte[] signExportManifest(byte[] manifest) {
        byte[] message = new byte[EXPORT_PREFIX.length + manifest.length];
        System.arraycopy(EXPORT_PREFIX, 0, message, 0, EXPORT_PREFIX.length);
        System.arraycopy(manifest, 0, message, EXPORT_PREFIX.length, manifest.length);
        return keys.sign(message);
    }

    public static final byte[] EXPORT_PREFIX = "rekam-export-v1\n".getBytes(StandardCharsets.UTF_8);

    /** Key-derivation cost of this store's passphrase; export bundles use the same. */
    public id.rekam.core.crypto.KdfParams kdfParams() {
        return options.kdf();
    }

    public Outbox outbox() {
        return outbox;
    }

    /** Committing captures and approving them, with the station's {@link id.rekam.core.commit.CommitPolicy}. */
    public Captures captures() {
        return captures;
    }

    /** The server's verdicts on this station's records: applied by the sync client, read by the desk. */
    public Verdicts verdicts() {
        return verdicts;
    }

    public EventOutbox events() {
        return events;
    }

    public OperatorAccounts operators() {
        return operators;
    }

    /** Time zone of the office, for day boundaries in reports. */
    public ZoneId zone() {
        return options.zone();
    }

    // ---------------------------------------------------------------- enrollments

    /**
     * Commits a capture that waits for a supervisor's approval: in one transaction the record row
     * (sealed summary, NIK blind index), the immutable packet (sealed body, SHA-256, Ed25519
     * signature), its outbox entry in CAPTURED and the audit entry. Durable when this returns
     * ({@code synchronous=FULL}). The desk commits through {@link #captures()}, which may also
     * approve at commit and record a duplicate override in the same transaction.
     *
     * @throws StoreFullException nothing of the capture was stored
     */
    public SavedEnrollment saveEnrollment(EnrollmentRecord record) {
        return captures.commit(CaptureCommit.of(record, ApprovalMode.END_OF_DAY));
    }

    /** Every record with this NIK (a person may be recorded again), via the blind index. */
    public List<RecordSummary> findByNik(Nik nik) {
        return records.findByNik(nik);
    }

    public Optional<RecordSummary> findSummary(RegistrationId id) {
        return records.findSummary(id);
    }

    /**
     * The full record, decrypted from its packet.
     *
     * @throws PayloadPurgedException the payload was purged after confirmation
     */
    public Optional<EnrollmentRecord> findById(RegistrationId id) {
        return records.findById(id);
    }

    /** Finger templates of a record; still available after the payload was purged. */
    public Map<FingerPosition, byte[]> fingerprintTemplates(RegistrationId id) {
        return records.fingerprintTemplates(id);
    }

    /** Most recent first. */
    public List<RecordSummary> listRecent(int offset, int limit) {
        return records.listRecent(offset, limit);
    }

    /**
     * Search by NIK digits (any part) or by name (every word of the query starts a word of the
     * name, case-insensitive). Names are sealed, so this matches decrypted summaries in memory,
     * newest first, until {@code limit} matches; each summary is decrypted once per session and
     * then served from memory. Leaks nothing at rest (a name-token blind index would reveal
     * which records share a common name). Cost: see docs/benchmarks.md.
     */
    public List<RecordSummary> search(String query, int limit) {
        List<String> hits = searchIndex.matching(query, limit);
        List<RecordSummary> out = new ArrayList<>(hits.size());
        for (String id : hits) {
            records.findSummary(new RegistrationId(id)).ifPresent(out::add);
        }
        return out;
    }

    public Counters counters() {
        return records.counters();
    }

    public long recordCount() {
        return records.count();
    }

    // ---------------------------------------------------------------- drafts

    /** Autosave of an unfinished form (any JSON); replaces an earlier save of the same draft. */
    public void saveDraft(String draftId, String json) {
        drafts.save(draftId, json);
    }

    public Optional<String> loadDraft(String draftId) {
        return drafts.load(draftId);
    }

    public List<DraftInfo> listDrafts() {
        return drafts.list();
    }

    /** Discards a draft (after its enrollment was saved, or on the operator's request). */
    public boolean deleteDraft(String draftId, String actor) {
        return drafts.delete(draftId, actor);
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

    /** The audit chain alone (the diagnostics run SQLite's integrity check without the keys). */
    public id.rekam.core.audit.AuditVerification verifyAuditChain() {
        return db.read(audit::verify);
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

    // ---------------------------------------------------------------- package access

    AuditLog auditLog() {
        return audit;
    }

    /** For the first unlock after V9 (LegacyVerdicts). */
    SqlVerdicts sqlVerdicts() {
        return verdicts;
    }

    VerdictSeal verdictSeal() {
        return verdictSeal;
    }

    /** For tests and the CLI: the open connection. Callers must not keep it. */
    Database database() {
        return db;
    }

    StationKeys keys() {
        return keys;
    }
}
