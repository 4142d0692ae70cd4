package id.rekam.core.crypto;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;

/** HMAC-SHA256 under one key; used for the NIK blind index and the audit chain. */
public final class Hmac {

    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    });

    private final SecretKeySpec key;

    public Hmac(byte[] key256) {
        if (key256.length != 32) {
            throw new IllegalArgumentException("HMAC key must be 32 bytes");
        }
        this.key = new SecretKeySpec(key256, "HmacSHA256");
    }

    public byte[] mac(byte[]... parts) {
        try {
            Mac mac = MAC.get();
            mac.init(key);
            for (byte[] p : parts) {
                mac.update(p);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
