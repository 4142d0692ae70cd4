package id.rekam.core.trust;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Ed25519 (RFC 8032) over raw keys: a 32-byte seed signs, a 32-byte public key verifies. The
 * server's signing key and the sync service's transport key travel and are stored in this raw
 * form (base64 on the wire), as the station key does in the protocol.
 */
public final class Ed25519Raw {

    public static final int KEY_SIZE = 32;
    public static final int SIGNATURE_SIZE = 64;

    private Ed25519Raw() {
    }

    /** A fresh private seed. */
    public static byte[] newSeed() {
        byte[] seed = new byte[KEY_SIZE];
        new SecureRandom().nextBytes(seed);
        return seed;
    }

    public static byte[] publicKey(byte[] seed) {
        return new Ed25519PrivateKeyParameters(checked(seed), 0).generatePublicKey().getEncoded();
    }

    public static byte[] sign(byte[] seed, byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, new Ed25519PrivateKeyParameters(checked(seed), 0));
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** False for a malformed key or signature as for a wrong one. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || publicKey.length != KEY_SIZE || signature == null
                || signature.length != SIGNATURE_SIZE) {
            return false;
        }
        try {
            return Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static byte[] checked(byte[] seed) {
        if (seed == null || seed.length != KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 seed has " + KEY_SIZE + " bytes");
        }
        return Arrays.copyOf(seed, KEY_SIZE);
    }
}
