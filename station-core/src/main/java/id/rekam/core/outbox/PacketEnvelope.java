package id.rekam.core.outbox;

import java.util.Base64;

/**
 * What the sync client sends: the exact packet body, its SHA-256 (hex) and the station's
 * Ed25519 signature over {@code PacketCodec.signingInput(packetId, sha256)}.
 */
public record PacketEnvelope(String packetId, String kind, byte[] body, String sha256, byte[] signature) {

    public String signatureBase64() {
        return Base64.getEncoder().encodeToString(signature);
    }
}
