package id.rekam.core.crypto;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Sealed packets (docs/packet-format.md, "Sealed packet"): what a station uploads and exports is
 * its packet encrypted so that only the central server can read it.
 * <pre>
 * "RKSLD" 0x01   6 bytes
 * key id         8 bytes   first 8 bytes of SHA-256 of the server's raw X25519 packet key
 * enc           32 bytes   HPKE encapsulated key
 * sealed key    48 bytes   HPKE (RFC 9180) base mode, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256,
 *                          AES-256-GCM: Seal(info = "rekam-packet-seal-v1", aad = packet id, the
 *                          32-byte content key)
 * body                     0x01 || nonce(12) || AES-256-GCM(content key, nonce,
 *                          aad = packet id || 0x00 || "body", packet) || tag(16)
 * </pre>
 * HPKE seals only the 32-byte content key; the body is sealed once, at capture, with the JDK's
 * AES-GCM (hardware-accelerated) under that key, and the station keeps the same ciphertext as its
 * at-rest copy (the content key also sealed under its data key). So sealing costs the capture
 * one X25519 key agreement, and a station that learns the server's key late seals its queue
 * without re-encrypting a single body.
 */
public final class PacketSeal {

    public static final byte[] MAGIC = {'R', 'K', 'S', 'L', 'D', 0x01};
    public static final int KEY_ID = 8;
    public static final int ENC = 32;
    public static final int SEALED_KEY = 32 + 16;
    public static final int HEADER = MAGIC.length + KEY_ID + ENC + SEALED_KEY;
    public static final int CONTENT_KEY = 32;
    static final byte[] INFO = "rekam-packet-seal-v1".getBytes(StandardCharsets.US_ASCII);
    /** AAD field of the body, as the store seals it ({@code <packetId> 0x00 body}). */
    public static final String BODY_FIELD = "body";

    private static final SecureRandom RANDOM = new SecureRandom();

    private PacketSeal() {
    }

    /** Thrown by {@link #open} for anything that is not a packet sealed to this key. */
    public static final class Unopenable extends Exception {
        public Unopenable(String message) {
            super(message);
        }
    }

    static HPKE suite() {
        return new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    }

    public static byte[] newContentKey() {
        byte[] k = new byte[CONTENT_KEY];
        RANDOM.nextBytes(k);
        return k;
    }

    /** The body sealed under its content key: the at-rest ciphertext, and the tail of the sealed packet. */
    public static byte[] sealBody(byte[] contentKey, String packetId, byte[] packet) {
        return new Aead(contentKey).encrypt(packet, packetId, BODY_FIELD);
    }

    public static byte[] openBody(byte[] contentKey, String packetId, byte[] sealedBody) {
        return new Aead(contentKey).decrypt(sealedBody, packetId, BODY_FIELD);
    }

    /** The header that hands {@code contentKey} to the holder of {@code serverPacketKey} (raw X25519). */
    public static byte[] header(String packetId, byte[] contentKey, byte[] serverPacketKey) {
        HPKE hpke = suite();
        byte[][] ctEnc;
        try {
            ctEnc = hpke.seal(hpke.deserializePublicKey(serverPacketKey), INFO,
                    packetId.getBytes(StandardCharsets.UTF_8), contentKey, null, null, null);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("HPKE seal failed", e);
        }
        byte[] ct = ctEnc[0];
        byte[] enc = ctEnc[1];
        if (ct.length != SEALED_KEY || enc.length != ENC) {
            throw new IllegalStateException("unexpected HPKE sizes " + ct.length + "/" + enc.length);
        }
        byte[] out = new byte[HEADER];
        int at = 0;
        System.arraycopy(MAGIC, 0, out, at, MAGIC.length);
        at += MAGIC.length;
        System.arraycopy(keyId(serverPacketKey), 0, out, at, KEY_ID);
        at += KEY_ID;
        System.arraycopy(enc, 0, out, at, ENC);
        at += ENC;
        System.arraycopy(ct, 0, out, at, SEALED_KEY);
        return out;
    }

    /** The sealed packet: header then sealed body. */
    public static byte[] join(byte[] header, byte[] sealedBody) {
        byte[] out = Arrays.copyOf(header, header.length + sealedBody.length);
        System.arraycopy(sealedBody, 0, out, header.length, sealedBody.length);
        return out;
    }

    public static boolean isSealed(byte[] bytes) {
        return bytes != null && bytes.length > HEADER && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** The key id a sealed packet names (which server key it was made for). */
    public static byte[] keyIdOf(byte[] sealed) {
        return Arrays.copyOfRange(sealed, MAGIC.length, MAGIC.length + KEY_ID);
    }

    public static byte[] keyId(byte[] rawX25519) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(rawX25519), KEY_ID);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh X25519 key pair for a server: {private, public}, raw 32 bytes each. */
    public static byte[][] newServerKeyPair() {
        HPKE hpke = suite();
        AsymmetricCipherKeyPair kp = hpke.generatePrivateKey();
        return new byte[][] {hpke.serializePrivateKey(kp.getPrivate()), hpke.serializePublicKey(kp.getPublic())};
    }

    /**
     * Server side: the packet inside {@code sealed}, opened with the server's X25519 key pair.
     *
     * @throws Unopenable not a sealed packet, made for another key, or any byte changed
     */
    public static byte[] open(byte[] sealed, String packetId, byte[] serverPrivate, byte[] serverPublic)
            throws Unopenable {
        if (!isSealed(sealed)) {
            throw new Unopenable("not a sealed packet (magic RKSLD 0x01 missing)");
        }
        if (!Arrays.equals(keyIdOf(sealed), keyId(serverPublic))) {
            throw new Unopenable("sealed for another server key");
        }
        int at = MAGIC.length + KEY_ID;
        byte[] enc = Arrays.copyOfRange(sealed, at, at + ENC);
        byte[] ct = Arrays.copyOfRange(sealed, at + ENC, HEADER);
        HPKE hpke = suite();
        byte[] contentKey;
        try {
            contentKey = hpke.open(enc, hpke.deserializePrivateKey(serverPrivate, serverPublic), INFO,
                    packetId.getBytes(StandardCharsets.UTF_8), ct, null, null, null);
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new Unopenable("the content key does not open for packet " + packetId);
        }
        try {
            return openBody(contentKey, packetId, Arrays.copyOfRange(sealed, HEADER, sealed.length));
        } catch (DecryptionException e) {
            throw new Unopenable("the body does not open for packet " + packetId);
        } finally {
            Arrays.fill(contentKey, (byte) 0);
        }
    }
}
