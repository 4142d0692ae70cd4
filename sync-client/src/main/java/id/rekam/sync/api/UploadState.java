package id.rekam.sync.api;

import java.util.Optional;

/**
 * What a tus HEAD or PATCH answer says. {@code status} is the server's
 * {@code X-Rekam-Packet-Status} once the body is complete ("received" or "rejected").
 */
public record UploadState(long offset, String status, String reason, String sha256, boolean offsetMismatch) {

    public Optional<String> completion() {
        return Optional.ofNullable(status);
    }
}
