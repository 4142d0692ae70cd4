package id.rekam.core.outbox;

import java.util.Base64;

/**
 * A packet as the sync service uploads and an export bundle carries it: sealed to the central
 * server (packet-format.md, "Sealed packet"), readable by nobody else, built from columns that
 * need no key to read. {@code contentSha256} is the SHA-256 of the packet inside, which the
 * station's Ed25519 {@code signature} covers ({@code rekam-packet-v1:<id>:<contentSha256>}).
 */
public record SealedPacket(String packetId, String kind, byte[] bytes, String contentSha256, byte[] signature) {

    public String signatureBase64() {
        return Base64.getEncoder().encodeToString(signature);
    }
}
