package id.rekam.core.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * The central server's signed receipt for a station's audit head (sync-protocol.md, "Audit
 * anchors"): at {@code anchoredAt} the station's trail had entry {@code seq} with chain hash
 * {@code hash}. Kept by the station; {@code verify} then knows the trail must still hold that
 * entry, so a tail cut after the anchor is named even when the cut store is otherwise consistent
 * (e.g. an older backup put back). The server keeps the highest anchor per station and refuses a
 * lower one, so deleting the station's copies of the receipts does not help either.
 *
 * @param signature Ed25519 signature by the server's signing key over {@link #signedBytes()}
 */
public record AuditAnchor(String stationId, long seq, byte[] hash, Instant anchoredAt, byte[] signature) {

    /** Prefix of the signed message: no request, packet or export signature starts with it. */
    public static final String DOMAIN = "rekam-anchor-v1";

    public AuditAnchor {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(anchoredAt, "anchoredAt");
        Objects.requireNonNull(signature, "signature");
        if (seq < 1 || hash.length != 32) {
            throw new IllegalArgumentException("an anchor names an audit entry (seq >= 1) and its 32-byte hash");
        }
        hash = hash.clone();
        signature = signature.clone();
    }

    /** What the server signs: five lines, LF-separated, no trailing newline. */
    public static byte[] signedBytes(String stationId, long seq, byte[] hash, Instant anchoredAt) {
        return (DOMAIN + "\n" + stationId + "\n" + seq + "\n" + Base64.getEncoder().encodeToString(hash) + "\n"
                + anchoredAt).getBytes(StandardCharsets.UTF_8);
    }

    public byte[] signedBytes() {
        return signedBytes(stationId, seq, hash, anchoredAt);
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** Checks the server's signature over this receipt. */
    public boolean signedBy(ServerSignatureCheck server) {
        return server.verify(signedBytes(), signature);
    }

    /**
     * The station's check of a signature by its central server: the Ed25519 key pinned at
     * provisioning. An interface so the pinned key's home (the keyed store) stays the provisioning
     * code's business.
     */
    @FunctionalInterface
    public interface ServerSignatureCheck {
        boolean verify(byte[] message, byte[] signature);
    }
}
