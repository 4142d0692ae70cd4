package id.rekam.core.coverage;

import id.rekam.core.crypto.StationKeys;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;

/**
 * Reference data signed with Ed25519 over {@code "rekam-refdata-v1\n" + data}: a prefix no
 * packet, request or bundle signature starts with, so none of them can stand in for another.
 */
public final class Ed25519ReferenceVerifier implements ReferenceDataVerifier {

    public static final byte[] PREFIX = "rekam-refdata-v1\n".getBytes(StandardCharsets.UTF_8);

    private final PublicKey pinned;

    public Ed25519ReferenceVerifier(PublicKey pinned) {
        this.pinned = pinned;
    }

    public static byte[] signingInput(byte[] data) {
        byte[] m = new byte[PREFIX.length + data.length];
        System.arraycopy(PREFIX, 0, m, 0, PREFIX.length);
        System.arraycopy(data, 0, m, PREFIX.length, data.length);
        return m;
    }

    @Override
    public boolean verifies(byte[] data, byte[] signature) {
        return signature != null && StationKeys.verify(pinned, signingInput(data), signature);
    }
}
