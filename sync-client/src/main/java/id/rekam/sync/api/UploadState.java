package id.rekam.sync.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * What a tus HEAD or PATCH answer says. Once the body is complete the server says what became of
 * it in a signed receipt ({@code X-Rekam-Receipt}, protocol §4.5), already verified here:
 * {@code status} ("received" or "rejected"), {@code reason} and {@code sha256} come from it, and
 * {@code receipt} is the signed object itself, kept as proof.
 */
public record UploadState(long offset, String status, String reason, String sha256, boolean offsetMismatch,
                          JsonNode receipt) {

    public UploadState(long offset, String status, String reason, String sha256, boolean offsetMismatch) {
        this(offset, status, reason, sha256, offsetMismatch, null);
    }

    public Optional<String> completion() {
        return Optional.ofNullable(status);
    }

    /** The packet the receipt names; null without one. */
    public String receiptPacketId() {
        return receipt == null ? null : receipt.path("packetId").asText(null);
    }
}
