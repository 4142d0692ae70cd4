package id.rekam.core.cases;

import id.rekam.core.store.StationStore;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The central server's Ed25519 key for signed feed entries, pinned in the store when the station
 * enrolls (the enrollment answer carries it). Sealed under the data key, so it cannot be swapped
 * without the passphrase; once pinned it never changes silently: another key is refused.
 */
public final class ServerSigningKey {

    static final String AUDIT_PINNED = "SERVER_KEY_PINNED";

    private final StationStore store;

    public ServerSigningKey(StationStore store) {
        this.store = store;
    }

    /** @return the pinned key (raw 32 bytes), if any */
    public Optional<byte[]> pinned() {
        return store.read(tx -> {
            try (PreparedStatement p = tx.connection().prepareStatement("SELECT sealed FROM server_signing_key WHERE id = 1");
                 ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(tx.open(rs.getBytes(1), "1", CaseSeals.SERVER_KEY)) : Optional.empty();
            }
        });
    }

    /**
     * Pins the key the server announced; the same key again changes nothing.
     *
     * @param base64 standard base64 of the raw 32-byte Ed25519 public key
     * @throws CaseException the key is malformed, or another key is already pinned
     */
    public void pin(String base64, String actor) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
        } catch (IllegalArgumentException e) {
            throw new CaseException("case.serverKeyMalformed");
        }
        if (key.length != 32) {
            throw new CaseException("case.serverKeyMalformed");
        }
        store.inTransaction(tx -> {
            try (PreparedStatement p = tx.connection().prepareStatement("SELECT sealed FROM server_signing_key WHERE id = 1");
                 ResultSet rs = p.executeQuery()) {
                if (rs.next()) {
                    if (Arrays.equals(tx.open(rs.getBytes(1), "1", CaseSeals.SERVER_KEY), key)) {
                        return null;
                    }
                    throw new CaseException("case.serverKeyChanged");
                }
            }
            CaseRows.update(tx, "INSERT INTO server_signing_key (id, sealed, pinned_at) VALUES (1, ?, ?)",
                    tx.seal(key, "1", CaseSeals.SERVER_KEY), tx.clock().millis());
            tx.audit(actor, AUDIT_PINNED, store.stationId(), Map.of("key", base64.strip()));
            return null;
        });
    }
}
