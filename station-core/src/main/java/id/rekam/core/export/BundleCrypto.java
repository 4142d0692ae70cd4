package id.rekam.core.export;

import id.rekam.core.crypto.Aead;
import id.rekam.core.crypto.Pbkdf2;

import java.util.Arrays;

/**
 * The bundle key: PBKDF2-HMAC-SHA256 of the export passphrase (the store's iteration count, a
 * fresh 16-byte salt per bundle) and AES-256-GCM whose additional data binds every ciphertext
 * to its bundle and slot, so files swapped between slots or bundles fail to open.
 */
final class BundleCrypto {

    static final int MIN_PASSPHRASE = 12;
    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final String KEY_CHECK = "rekam-export-key-check-v1";

    private final Aead aead;
    private final String bundleId;

    BundleCrypto(char[] passphrase, byte[] salt, int iterations, String bundleId) {
        byte[] key = Pbkdf2.derive(passphrase, salt, iterations, 32);
        try {
            this.aead = new Aead(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        this.bundleId = bundleId;
    }

    byte[] seal(byte[] plain, String slot) {
        return aead.encrypt(plain, bundleId, slot);
    }

    /** @throws id.rekam.core.crypto.DecryptionException on a wrong key or any changed byte */
    byte[] open(byte[] sealed, String slot) {
        return aead.decrypt(sealed, bundleId, slot);
    }

    byte[] keyCheck() {
        return seal(KEY_CHECK.getBytes(java.nio.charset.StandardCharsets.US_ASCII), "key-check");
    }

    boolean checks(byte[] keyCheck) {
        try {
            return Arrays.equals(open(keyCheck, "key-check"),
                    KEY_CHECK.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (RuntimeException e) {
            return false;
        }
    }

    static String packetSlot(String packetId) {
        return "packet:" + packetId;
    }

    static final String EVENTS_SLOT = "events";
    static final String TALLY_SLOT = "tally";
}
