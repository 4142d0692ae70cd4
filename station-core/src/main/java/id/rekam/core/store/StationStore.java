package id.rekam.core.store;

import id.rekam.core.audit.AuditActions;
import id.rekam.core.audit.AuditAnchor;
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

import id.rekam.core.trust.ServerKeys;
import id.rekam.core.trust.ServerTrust;
import id.rekam.core.trust.SignedJson;

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
    private final IdentificationStore identification;
    private final StateSeal stateSeal;
    /** The pinned central server (server_trust); cached, written only through {@link #pinServer}. */
    private volatile Optional<ServerTrust> trust;
    private final DeliveryStore delivery;

    StationStore(Path dataDir, Database db, StationKeys keys, StoreOptions options, String stationId) {
        this.dataDir = dataDir;
        this.db = db;
        this.keys = keys;
        this.options = options;
        this.stationId = stationId;
        this.audit = new AuditLog(keys.audit(), options.clock());
        this.backups = new Backups(dataDir, options.backupsToKeep());
        this.operators = new SqlOperators(db, audit, new PasswordHasher(options.kdf().passwordIterations()),
                options.clock());
        this.outbox = new SqlOutbox(db, keys, audit, operators, options.clock(), options.selfApproval());
        this.events = new SqlEventOutbox(db, keys, audit, options.clock());
        this.summaries = new SummarySeal(keys.data());
        this.searchIndex = new SummaryIndex(db, summaries);
        // Read once the keyed state was checked (readTrust): a swapped row is named, never parsed first.
        this.trust = Optional.empty();
        this.delivery = new DeliveryStore(dataDir, db, stationId, options.clock(), false);
        this.records = new RecordRepository(db, keys, audit, outbox, summaries, searchIndex, options, stationId,
                this::serverPacketKey);
        this.captures = new Captures(db, records, outbox, operators, audit, keys.data(), options.clock(),
                new DiskGuard(dataDir, options), options.selfApproval());
        this.verdictSeal = new VerdictSeal(keys.data());
        this.verdicts = new SqlVerdicts(db, outbox, verdictSeal, options.clock());
        this.drafts = new DraftRepository(db, keys.data(), audit, options.clock());
        this.identification = new IdentificationStore(db, outbox, new TemplateSeal(keys.data()), keys.data(), audit,
                dataDir, stationId);
        this.stateSeal = new StateSeal(keys.state(), db, backups::latest);
        try {
            stateSeal.install(db.connection());
        } catch (java.sql.SQLException e) {
            throw Database.translate(e);
        }
        operators.stateSeal(stateSeal);
        outbox.stateSeal(stateSeal);
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

    /**
     * Re-wraps the keys under a new passphrase (data need not be re-encrypted), then re-wraps the
     * keys inside every backup the same way: a backup still opening with the old passphrase would
     * leave the data open to whoever knows or later learns it. A crash between the two is repaired
     * at the next open ({@link #rewrapStaleBackups}).
     *
     * @throws id.rekam.core.auth.WeakPassphraseException {@code next} is too easy to guess; nothing changed
     * @throws WrongPassphraseException                  {@code current} is wrong; nothing changed
     * @throws id.rekam.core.auth.AuthException          {@code supervisor} is not a supervisor; nothing changed
     */
    public void changePassphrase(char[] current, char[] next, String supervisor) {
        id.rekam.core.auth.PassphrasePolicy.requireStrong(next, List.of(stationId));
        db.inTransaction(c -> {
            operators.requireSupervisor(c, supervisor);
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
        // The WAL still holds the page with the old wrapping until a checkpoint writes it back.
        db.read(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            return null;
        });
        rewrapStaleBackups();
    }

    /**
     * Gives every backup whose keys are wrapped differently from the live store (an older
     * passphrase) the live wrapping, each file replaced whole ({@code DurableFiles}); audited.
     *
     * @return how many backups were re-wrapped
     */
    int rewrapStaleBackups() {
        List<WrappedKey> ring = db.read(KeyRingTable::read);
        List<Path> done = backups.rewrapStale(ring);
        if (!done.isEmpty()) {
            db.inTransaction(c -> audit.append(c, "-", AuditActions.BACKUPS_REPLACED, stationId,
                    Map.of("rewrapped", done.size())));
            LOG.info("re-wrapped the keys of {} backups under the current passphrase", done.size());
        }
        return done.size();
    }

    @Override
    public void close() {
        try {
            searchIndex.snapshotIfStale();
        } catch (RuntimeException e) {
            // The next session rebuilds it from the summaries; closing must still close.
            LOG.warn("search snapshot not written: {}", e.toString());
        }
        db.close();
    }

    /**
     * Loads the search index now (call it off the UI thread right after unlock), so the first
     * search of the session does not wait for it.
     */
    public void warmSearchIndex() {
        searchIndex.warm();
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

    /** The station key's signature over a transport key statement (its own prefix, see there). */
    public byte[] signTransportKey(id.rekam.core.trust.TransportKeyStatement statement) {
        if (!statement.stationId().equals(stationId)) {
            throw new IllegalArgumentException("statement names station " + statement.stationId());
        }
        return keys.sign(statement.signingInput());
    }

    /** Key-derivation cost of this store's passphrase; export bundles use the same. */
    public id.rekam.core.crypto.KdfParams kdfParams() {
        return options.kdf();
    }

    public Outbox outbox() {
        return outbox;
    }

    // ---------------------------------------------------------------- the central server

    /** The central server this station trusts: address, TLS pin, keys. Empty before provisioning. */
    public Optional<ServerTrust> serverTrust() {
        return trust;
    }

    private byte[] serverPacketKey() {
        ServerTrust t = trust.orElse(null);
        return t == null || t.keys() == null ? null : t.keys().packetKey();
    }

    /**
     * Pins the central server (provisioning, {@code rekam-sync enroll}, or keys learned over the
     * already pinned channel), audited with the key fingerprints, and seals the queue to its packet
     * key. Replacing pinned keys by others is re-provisioning and says so in the audit entry.
     */
    public void pinServer(ServerTrust t, String actor) {
        Optional<ServerTrust> before = trust;
        db.inTransaction(c -> {
            TrustTable.write(c, t);
            Map<String, Object> details = new java.util.LinkedHashMap<>();
            details.put("server", t.server().toString());
            details.put("pin", t.tlsPin() == null ? "" : t.tlsPin());
            details.put("keys", t.keys() == null ? "" : t.keys().fingerprint());
            before.filter(b -> b.keys() != null && !b.keys().equals(t.keys()))
                    .ifPresent(b -> details.put("replaces", b.keys().fingerprint()));
            return audit.append(c, actor, AuditActions.SERVER_PINNED, stationId, details);
        });
        trust = Optional.of(t);
        sealQueue();
    }

    /** The delivery journal and the station's report, on this store's connection (see {@link DeliveryStore}). */
    public DeliveryStore delivery() {
        return delivery;
    }

    /**
     * Applies what the sync service received while the store was locked: every receipt and verdict
     * checked against the pinned server key, then through the audited outbox. Runs at unlock too.
     *
     * @return entries applied
     */
    public int foldJournal() {
        return JournalFold.run(db, outbox, verdicts, audit, trust, stationId);
    }

    /**
     * Carries out a signed {@code station-command} feed entry (lock, unlock, crypto-erase), checked
     * against the pinned key, audited. A crypto-erase destroys the wrapped keys and closes this store.
     *
     * @return true when the keys were destroyed
     */
    public boolean applyServerCommand(com.fasterxml.jackson.databind.JsonNode entry) {
        ServerCommands.Outcome o = ServerCommands.fromFeed(db, dataDir, trust, stationId, entry,
                options.clock().millis());
        return afterCommands(o, entry.path("commandId").asText());
    }

    /** The commands of a signed revocation notice (the refusal a revoked station gets). */
    public boolean applyRevocation(com.fasterxml.jackson.databind.JsonNode notice) {
        return afterCommands(ServerCommands.fromRevocation(db, dataDir, trust, stationId, notice,
                options.clock().millis()), "revocation");
    }

    private boolean afterCommands(ServerCommands.Outcome o, String subject) {
        if (o.applied().isEmpty()) {
            return false;
        }
        if (o.erased()) {
            // The audit key is gone with the rest; nothing of this store can be trusted or opened now.
            LOG.warn("crypto-erase by the central server: closing the store");
            db.close();
            return true;
        }
        db.inTransaction(c -> audit.append(c, "sync", AuditActions.STATION_COMMAND, stationId,
                Map.of("commands", o.applied(), "commandId", subject)));
        return false;
    }

    /** The failed-unlock policy the supervisor chose at provisioning (default: never erase). */
    public UnlockPolicy unlockPolicy() {
        return db.read(UnlockGuard::policy);
    }

    /** Only a supervisor sets it; audited. */
    public void setUnlockPolicy(UnlockPolicy policy, String supervisor) {
        db.inTransaction(c -> {
            operators.requireSupervisor(c, supervisor);
            UnlockGuard.write(c, policy, supervisor, options.clock().millis());
            return audit.append(c, supervisor, AuditActions.UNLOCK_POLICY_SET, stationId,
                    Map.of("eraseAfterFailures", policy.eraseAfterFailures(),
                            "eraseEvenIfPending", policy.eraseEvenIfPending()));
        });
    }

    /**
     * Seals every packet still to be delivered to the pinned server's packet key (nothing when none
     * is pinned); runs at unlock and whenever a key is pinned. @return packets sealed now
     */
    public int sealQueue() {
        return SealQueue.run(db, new PacketBodies(keys.data()), audit, serverPacketKey());
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

    /** Finger templates of a record, from their own sealed row; still available after the payload was purged. */
    public Map<FingerPosition, byte[]> fingerprintTemplates(RegistrationId id) {
        return identification.templates(id.value());
    }

    /**
     * The 1:N check's view of the store: each record's sealed templates, the commit count and
     * the sealed index snapshot (docs/design/identification.md).
     */
    public IdentificationStore identification() {
        return identification;
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

    // ---------------------------------------------------------------- field work (issue 16)

    /** The delivery backlog and disk, for the offline guardrails ({@code id.rekam.core.field}). */
    public id.rekam.core.field.FieldFacts fieldFacts() {
        long usable = options.usableSpace().applyAsLong(dataDir);
        return db.read(c -> FieldFactsQuery.read(c, options.clock(), options.zone(), usable));
    }

    /** The guardrail limits this store enforces at commit (the disk reserve) and evaluates. */
    public id.rekam.core.field.FieldLimits fieldLimits() {
        return options.fieldLimits();
    }

    /**
     * One line per record for coverage counts, nothing personal but its kelurahan code: read
     * from the decrypted search index (loaded on first use) and the outbox.
     */
    public List<RecordFact> recordFacts() {
        return RecordFact.read(db, searchIndex, options.zone());
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

    /** The audit trail's last entry, {@code [seq, hash]} (seq 0 and 32 zero bytes before the first), for anchoring. */
    public AuditHead auditHead() {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT seq, hash FROM audit_head")) {
                return rs.next() ? new AuditHead(rs.getLong(1), rs.getBytes(2)) : new AuditHead(0, new byte[32]);
            }
        });
    }

    /** An audit entry's number and chain hash. */
    public record AuditHead(long seq, byte[] hash) {
    }

    /**
     * Keeps the central server's signed receipt for this station's audit head (sync-protocol.md
     * §8a); from then on {@link #verify} and every open check that the trail still holds the
     * anchored entry. A receipt for an entry this trail no longer has is kept too (the answer to a
     * lower anchor is the receipt of the server's highest): it is the server's word that the trail
     * was longer, and {@code verify} names the cut.
     *
     * @param receipt the server's answer as received: a signed {@code audit-anchor} object
     * @return what it anchors
     * @throws StoreException {@code anchor.refused} when the receipt is not signed by the server key
     *                        pinned in this store (or none is pinned), names another station or is
     *                        malformed; nothing is stored then
     */
    public AuditAnchor recordAuditAnchor(com.fasterxml.jackson.databind.JsonNode receipt) {
        AuditAnchor anchor = AuditAnchor.from(receipt).orElse(null);
        byte[] signingKey = trust.map(ServerTrust::keys).map(ServerKeys::signingKey).orElse(null);
        if (anchor == null || signingKey == null || !anchor.stationId().equals(stationId)
                || !SignedJson.verify(signingKey, SignedJson.Purpose.AUDIT_ANCHOR, stationId, receipt)) {
            throw new StoreException("anchor.refused", anchor == null ? receipt.path("seq").asText("?") : anchor.seq());
        }
        db.inTransaction(c -> {
            AuditAnchors.store(c, anchor, SignedJson.text(receipt));
            return audit.append(c, "-", AuditActions.AUDIT_ANCHORED, stationId,
                    Map.of("seq", anchor.seq(), "anchoredAt", anchor.anchoredAt().toString()));
        });
        return anchor;
    }

    public List<AuditEntry> auditTrail(long fromSeq, int limit) {
        return db.read(c -> audit.entries(c, fromSeq, limit));
    }

    /**
     * SQLite integrity check, the audit chain, and the keyed security state: every sealed row, the
     * per-table sums, the seal's head (which also catches a cut audit tail) and the server's
     * anchors of the audit head.
     */
    public StoreHealth verify() {
        return db.read(c -> {
            List<String> result = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
            return new StoreHealth(String.join("; ", result), audit.verify(c), stateFindings(c));
        });
    }

    /** What the state seal and the audit anchors find; empty when nothing was changed without the passphrase. */
    List<StateFinding> stateFindings(java.sql.Connection c) throws java.sql.SQLException {
        List<StateFinding> out = new ArrayList<>(stateSeal.verify(c));
        out.addAll(AuditAnchors.check(c));
        return out;
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
        return db.inTransaction(c -> work.run(transaction(c)));
    }

    /** Read-only feature work; writes through the handle are not allowed here by contract. */
    public <T> T read(StoreTransaction.Work<T> work) {
        return db.read(c -> work.run(transaction(c)));
    }

    private StoreTransaction transaction(java.sql.Connection c) {
        return new StoreTransaction(c, keys, audit, events, options.clock(), operators, stateSeal);
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

    StateSeal stateSeal() {
        return stateSeal;
    }

    /** After the keyed state was verified at open: the pinned server as sealed in {@code server_trust}. */
    void readTrust() {
        trust = db.read(TrustTable::read);
    }

    Backups backupSet() {
        return backups;
    }

    StoreOptions options() {
        return options;
    }
}
