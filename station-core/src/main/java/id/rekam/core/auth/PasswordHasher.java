package id.rekam.core.auth;

import id.rekam.core.crypto.Pbkdf2;

import java.security.MessageDigest;
import java.security.SecureRandom;

/** Salted PBKDF2-HMAC-SHA256 password hashes with a constant-time comparison. */
public final class PasswordHasher {

    public static final int SALT_BYTES = 16;
    public static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Hash(byte[] salt, int iterations, byte[] hash) {
    }

    private final int iterations;

    public PasswordHasher(int iterations) {
        this.iterations = iterations;
    }

    public Hash hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new Hash(salt, iterations, Pbkdf2.derive(password, salt, iterations, HASH_BYTES));
    }

    /** Uses the iteration count stored with the hash, so raising the default keeps old hashes valid. */
    public static boolean matches(char[] password, Hash stored) {
        byte[] candidate = Pbkdf2.derive(password, stored.salt(), stored.iterations(), HASH_BYTES);
        return MessageDigest.isEqual(candidate, stored.hash());
    }

    public int iterations() {
        return iterations;
    }
}
