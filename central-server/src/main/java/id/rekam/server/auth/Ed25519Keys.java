package id.rekam.server.auth;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Station keys travel as base64 of the raw 32-byte Ed25519 public key (RFC 8032). The JDK
 * wants an X.509 SubjectPublicKeyInfo, which for Ed25519 is a fixed 12-byte prefix plus
 * those 32 bytes.
 */
public final class Ed25519Keys {

    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private Ed25519Keys() {
    }

    /** @throws IllegalArgumentException when the text is not base64 of 32 bytes */
    public static PublicKey publicKey(String base64Raw) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("public key is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + raw.length);
        }
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + 32);
        System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** Base64 of the raw 32 bytes of a JDK Ed25519 public key. */
    public static String encode(PublicKey key) {
        byte[] spki = key.getEncoded();
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
    }

    /**
     * RFC 8032 verification with Bouncy Castle's implementation: the JDK 17 one took ~4 ms a
     * call on the build machine, three calls per uploaded packet (announce, packet signature,
     * PATCH), and was the largest CPU cost of a drain. Same algorithm, same keys, same result.
     */
    /**
     * As {@link #verify(PublicKey, byte[], String)}, for a station key as stored (base64 of the
     * raw 32 bytes). The decoded curve point is kept per key: decoding it (a square root) and
     * building a JDK key object on every request was a measurable part of each verification.
     */
    public static boolean verify(String base64RawKey, byte[] message, String base64Signature) {
        org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint point = POINTS.get(base64RawKey);
        if (point == null) {
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(base64RawKey);
            } catch (IllegalArgumentException e) {
                return false;
            }
            if (raw.length != org.bouncycastle.math.ec.rfc8032.Ed25519.PUBLIC_KEY_SIZE) {
                return false;
            }
            point = org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyPartialExport(raw, 0);
            if (point == null) {
                return false;
            }
            if (POINTS.size() >= MAX_CACHED_KEYS) {
                POINTS.clear(); // a reference server has a few stations; never grow without bound
            }
            POINTS.put(base64RawKey, point);
        }
        try {
            byte[] sig = Base64.getDecoder().decode(base64Signature);
            return sig.length == org.bouncycastle.math.ec.rfc8032.Ed25519.SIGNATURE_SIZE
                    && org.bouncycastle.math.ec.rfc8032.Ed25519.verify(sig, 0, point, message, 0, message.length);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static final int MAX_CACHED_KEYS = 10_000;
    private static final java.util.concurrent.ConcurrentHashMap<String,
            org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint> POINTS = new java.util.concurrent.ConcurrentHashMap<>();

    public static boolean verify(PublicKey key, byte[] message, String base64Signature) {
        try {
            byte[] sig = Base64.getDecoder().decode(base64Signature);
            byte[] spki = key.getEncoded();
            return sig.length == org.bouncycastle.math.ec.rfc8032.Ed25519.SIGNATURE_SIZE
                    && org.bouncycastle.math.ec.rfc8032.Ed25519.verify(sig, 0, spki, spki.length - 32, message, 0,
                    message.length);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
