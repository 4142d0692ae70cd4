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
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad);
            c.doFinal(plaintext, 0, plaintext.length, out, 1 + NONCE);
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
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
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
