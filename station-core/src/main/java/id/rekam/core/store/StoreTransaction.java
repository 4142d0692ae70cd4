package id.rekam.core.store;

import id.rekam.core.audit.AuditLog;
import id.rekam.core.auth.Role;
import id.rekam.core.crypto.StationKeys;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.domain.Gender;
import id.rekam.core.domain.Nik;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * What a feature outside the store package (cards, ledger, ...) may do inside one store
 * transaction: run SQL on the connection, seal and open personal fields, compute the NIK
 * blind index, append to the audit trail and to the event outbox. Everything done through
 * one instance commits or vanishes together. Valid only during the callback that received it.
 */
public final class StoreTransaction {

    private final Connection connection;
    private final StationKeys keys;
    private final AuditLog audit;
    private final SqlEventOutbox events;
    private final Clock clock;
    private final SqlOperators operators;
    private final StateSeal seal;

    StoreTransaction(Connection connection, StationKeys keys, AuditLog audit, SqlEventOutbox events, Clock clock,
                     SqlOperators operators, StateSeal seal) {
        this.connection = connection;
        this.keys = keys;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.operators = operators;
        this.seal = seal;
    }

    /** Work run by {@link StationStore#inTransaction} / {@link StationStore#read}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(StoreTransaction tx) throws SQLException;
    }

    public Connection connection() {
        return connection;
    }

    public Clock clock() {
        return clock;
    }

    /** AES-256-GCM under the data key; {@code rowId} and {@code purpose} are bound as AAD. */
    public byte[] seal(byte[] plain, String rowId, String purpose) {
        return keys.data().encrypt(plain, rowId, purpose);
    }

    public byte[] open(byte[] sealed, String rowId, String purpose) {
        return keys.data().decrypt(sealed, rowId, purpose);
    }

    public byte[] nikIndex(Nik nik) {
        return keys.blindIndex().nik(nik);
    }

    /**
     * A record's summary (its list and search columns) sealed exactly as a capture seals it, for
     * {@code records.summary}. For loaders that write record rows themselves (the benchmarks fill
     * 100k-record stores this way); a capture goes through {@link StationStore#saveEnrollment}.
     */
    public byte[] sealSummary(String recordId, Nik nik, String fullName, LocalDate birthDate, Gender gender,
                              String villageCode) {
        return new SummarySeal(keys.data()).seal(recordId,
                new SummaryDoc(nik.value(), fullName, birthDate, gender, villageCode));
    }

    /** A packet body sealed as the outbox keeps it ({@code packets.body}); see {@link #sealSummary}. */
    public byte[] sealPacketBody(String packetId, byte[] body) {
        return keys.data().encrypt(body, packetId, SqlOutbox.BODY);
    }

    /**
     * A record's finger templates sealed exactly as a capture seals them, for
     * {@code fingerprint_templates.sealed} (what the station's identification index is built
     * from at unlock); see {@link #sealSummary}.
     */
    public byte[] sealTemplates(String recordId, Map<FingerPosition, byte[]> templates) {
        return new TemplateSeal(keys.data()).seal(recordId, templates);
    }

    /**
     * The role of an active account as the store holds it, for policy checked where it is
     * enforced ({@code CustodyPolicy}); empty for an unknown or disabled one.
     *
     * @throws TamperedStoreException the account row was changed without the passphrase
     */
    public java.util.Optional<id.rekam.core.auth.Role> activeRole(String user) throws SQLException {
        return operators.activeRole(connection, user);
    }

    /**
     * Refuses to act on a card whose row (state, holder, owner, record binding) was changed
     * without the passphrase, e.g. pointed at another person's record before a hand-over.
     *
     * @throws TamperedStoreException naming the card and what changed
     */
    public void requireCardIntact(String serial) throws SQLException {
        seal.requireIntact(connection, SealedTable.CARDS, serial);
    }

    public long audit(String actor, String action, String subject, Map<String, ?> details) throws SQLException {
        return audit.append(connection, actor, action, subject, details);
    }

    /** A PENDING sync event, sealed, in this transaction; returns its id (the idempotency key). */
    public String event(String type, String jsonPayload, String actor) throws SQLException {
        return events.append(connection, type, jsonPayload, actor);
    }
}
