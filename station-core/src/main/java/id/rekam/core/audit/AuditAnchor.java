package id.rekam.core.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The central server's receipt for a station's audit head (sync-protocol.md §8a): at
 * {@code anchoredAt} the station's trail had entry {@code seq} with chain hash {@code hash}. Kept
 * by the station; {@code verify} then knows the trail must still hold that entry, so a tail cut
 * after the anchor is named even when the cut store is otherwise consistent (e.g. an older backup
 * put back). The server keeps the highest anchor per station and refuses a lower one, so deleting
 * the station's copies of the receipts does not help either.
 *
 * <p>On the wire the receipt is a signed object ({@code core.trust.SignedJson}, purpose
 * {@code audit-anchor}): {@code {"type": "audit-anchor", "stationId", "seq", "hash", "anchoredAt",
 * "sig"}}. This record is its content; the store checks the signature against the pinned server
 * key before it keeps one.
 */
public record AuditAnchor(String stationId, long seq, byte[] hash, Instant anchoredAt) {

    public static final String TYPE = "audit-anchor";

    public AuditAnchor {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(anchoredAt, "anchoredAt");
        if (seq < 1 || hash.length != 32) {
            throw new IllegalArgumentException("an anchor names an audit entry (seq >= 1) and its 32-byte hash");
        }
        hash = hash.clone();
    }

    /** The content of a receipt object; empty when it is not a well-formed {@code audit-anchor}. */
    public static Optional<AuditAnchor> from(JsonNode receipt) {
        if (receipt == null || !TYPE.equals(receipt.path("type").asText()) || !receipt.path("seq").canConvertToLong()
                || !receipt.path("stationId").isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AuditAnchor(receipt.get("stationId").asText(), receipt.get("seq").asLong(),
                    Base64.getDecoder().decode(receipt.path("hash").asText()),
                    Instant.parse(receipt.path("anchoredAt").asText())));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }
}
