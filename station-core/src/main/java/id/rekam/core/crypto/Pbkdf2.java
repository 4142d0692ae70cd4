package id.rekam.core.crypto;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;

/** PBKDF2-HMAC-SHA256 as provided by the JDK. */
public final class Pbkdf2 {

    private Pbkdf2() {
    }

    public static byte[] derive(char[] secret, byte[] salt, int iterations, int lengthBytes) {
        PBEKeySpec spec = new PBEKeySpec(secret, salt, iterations, lengthBytes * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JRE", e);
        } finally {
            spec.clearPassword();
        }
    }
}
