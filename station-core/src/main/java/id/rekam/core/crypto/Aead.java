package id.rekam.core.crypto;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * AES-256-GCM with a fresh random 96-bit nonce per message. Output is
 * {@code version(1) || nonce(12) || ciphertext || tag(16)}. The additional authenticated data
 * names where a ciphertext belongs (e.g. record id and field), so a ciphertext copied into
 * another row or column fails to decrypt instead of showing the wrong person's data.
 */
public final class Aead {

    private static final byte VERSION = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    public static final int OVERHEAD = 1 + NONCE + TAG_BITS / 8;

    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * Large inputs go through the cipher in 1 KiB updates. Measured on JDK 17 (AMD EPYC, no
     * AVX-512) for a 228 KB packet: one doFinal stays at ~20 ms; 16 KiB updates at ~10 ms;
     * 1 KiB updates reach the AES-CTR/GHASH intrinsics within a few dozen packets (~0.4 ms).
     */
    private static final int CHUNK = 1024;
    /** Cipher.getInstance costs a provider lookup; re-init with a fresh nonce is allowed. */
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JRE", e);
        }
    });

    private final SecretKey key;

    public Aead(byte[] key256) {
        if (key256.length != 32) {
            throw new IllegalArgumentException("AES-256 needs a 32-byte key");
        }
        this.key = new SecretKeySpec(key256, "AES");
    }

    public static byte[] aad(String owner, String field) {
        return (owner + "\u0000" + field).getBytes(StandardCharsets.UTF_8);
    }

    public byte[] encrypt(byte[] plaintext, byte[] aad) {
        byte[] out = new byte[OVERHEAD + plaintext.length];
        out[0] = VERSION;
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        System.arraycopy(nonce, 0, out, 1, NONCE);
        try {
            Cipher c = CIPHER.get();
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad);
            int written = 1 + NONCE;
            int at = 0;
            while (plaintext.length - at > CHUNK) {
                written += c.update(plaintext, at, CHUNK, out, written);
                at += CHUNK;
            }
            c.doFinal(plaintext, at, plaintext.length - at, out, written);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JRE", e);
        }
    }

    public byte[] encrypt(byte[] plaintext, String owner, String field) {
        return encrypt(plaintext, aad(owner, field));
    }

    /** @throws DecryptionException if the key, the AAD or any byte is wrong */
    public byte[] decrypt(byte[] sealed, byte[] aad) {
        if (sealed == null || sealed.length < OVERHEAD || sealed[0] != VERSION) {
            throw new DecryptionException("not a sealed value");
        }
        try {
            Cipher c = CIPHER.get();
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(sealed, 1, 1 + NONCE)));
            c.updateAAD(aad);
            return c.doFinal(sealed, 1 + NONCE, sealed.length - 1 - NONCE);
        } catch (AEADBadTagException e) {
            throw new DecryptionException("authentication tag mismatch");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JRE", e);
        }
    }

    public byte[] decrypt(byte[] sealed, String owner, String field) {
        return decrypt(sealed, aad(owner, field));
    }
}
