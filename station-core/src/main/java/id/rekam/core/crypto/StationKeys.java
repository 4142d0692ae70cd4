package id.rekam.core.crypto;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The unlocked key ring of a station.
 *
 * <ul>
 *   <li>data key (AES-256): seals every personal field, packet body, draft and event;</li>
 *   <li>index key (HMAC-SHA256): the NIK blind index;</li>
 *   <li>audit key (HMAC-SHA256): chains the audit trail so it cannot be recomputed without it;</li>
 *   <li>signing key (Ed25519): signs packets; its private half is sealed under the data key.</li>
 * </ul>
 * The first three are sealed under a key-encryption key derived from the station passphrase
 * with PBKDF2; the passphrase itself and the KEK are never stored.
 */
public final class StationKeys {

    public static final String DATA_KEY = "data-key";
    public static final String INDEX_KEY = "index-key";
    public static final String AUDIT_KEY = "audit-key";
    public static final String SIGNING_KEY = "signing-key";
    private static final String KEYRING = "keyring";
    /** Domain label of the state key, derived from the audit key (HMAC as a PRF, as HKDF-Expand does). */
    private static final byte[] STATE_KEY_LABEL = "rekam-state-key-v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Aead data;
    private final BlindIndex blindIndex;
    private final Hmac audit;
    /** Seals the security state rows (operators, outbox, cards, ...); see {@link #state()}. */
    private final Hmac state;
    /**
     * The same Ed25519 key as the JDK's, for BouncyCastle's signer: JDK 17's EdDSA is pure
     * Java BigInteger arithmetic (~4-5 ms per signature here), BouncyCastle's field arithmetic
     * signs in a small fraction of that. Signatures are standard RFC 8032 Ed25519 either way
     * (deterministic: both give the same bytes), verified on the server with the JDK.
     */
    private final Ed25519PrivateKeyParameters signingKey;
    private final PublicKey publicKey;

    private StationKeys(byte[] dataKey, byte[] indexKey, byte[] auditKey, PrivateKey signingKey, PublicKey publicKey) {
        this.data = new Aead(dataKey);
        this.blindIndex = new BlindIndex(indexKey);
        this.audit = new Hmac(auditKey);
        this.state = new Hmac(audit.mac(STATE_KEY_LABEL));
        this.signingKey = new Ed25519PrivateKeyParameters(seed(signingKey), 0);
        this.publicKey = publicKey;
        // Derives and caches the public point now (a scalar multiplication) rather than at the first commit.
        this.signingKey.generatePublicKey();
    }

    private static byte[] seed(PrivateKey key) {
        if (key instanceof EdECPrivateKey ed && ed.getBytes().isPresent()) {
            return ed.getBytes().get();
        }
        throw new IllegalStateException("station signing key is not an Ed25519 key with a readable seed");
    }

    /** Result of creating a key ring: the unlocked keys plus what to persist. */
    public record Created(StationKeys keys, List<WrappedKey> wrapped, byte[] publicKey) {
    }

    public static Created create(char[] passphrase, int iterations) {
        byte[] salt = random(16);
        byte[] kek = Pbkdf2.derive(passphrase, salt, iterations, 32);
        byte[] dataKey = random(32);
        byte[] indexKey = random(32);
        byte[] auditKey = random(32);
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of JDK 15+", e);
        }
        Aead wrap = new Aead(kek);
        Aead dataAead = new Aead(dataKey);
        List<WrappedKey> wrapped = new ArrayList<>();
        wrapped.add(new WrappedKey(DATA_KEY, salt, iterations, wrap.encrypt(dataKey, KEYRING, DATA_KEY)));
        wrapped.add(new WrappedKey(INDEX_KEY, salt, iterations, wrap.encrypt(indexKey, KEYRING, INDEX_KEY)));
        wrapped.add(new WrappedKey(AUDIT_KEY, salt, iterations, wrap.encrypt(auditKey, KEYRING, AUDIT_KEY)));
        wrapped.add(new WrappedKey(SIGNING_KEY, null, 0,
                dataAead.encrypt(pair.getPrivate().getEncoded(), KEYRING, SIGNING_KEY)));
        StationKeys keys = new StationKeys(dataKey, indexKey, auditKey, pair.getPrivate(), pair.getPublic());
        Arrays.fill(kek, (byte) 0);
        return new Created(keys, wrapped, pair.getPublic().getEncoded());
    }

    public static StationKeys unlock(char[] passphrase, List<WrappedKey> ring, byte[] publicKey)
            throws KeyUnwrapException {
        Map<String, WrappedKey> byName = ring.stream().collect(Collectors.toMap(WrappedKey::name, Function.identity()));
        WrappedKey d = required(byName, DATA_KEY);
        byte[] kek = Pbkdf2.derive(passphrase, d.salt(), d.iterations(), 32);
        try {
            Aead wrap = new Aead(kek);
            byte[] dataKey;
            try {
                dataKey = wrap.decrypt(d.sealed(), KEYRING, DATA_KEY);
            } catch (DecryptionException e) {
                throw new KeyUnwrapException();
            }
            byte[] indexKey = unwrapWithSameKdf(wrap, byName, d, INDEX_KEY);
            byte[] auditKey = unwrapWithSameKdf(wrap, byName, d, AUDIT_KEY);
            byte[] pkcs8 = new Aead(dataKey).decrypt(required(byName, SIGNING_KEY).sealed(), KEYRING, SIGNING_KEY);
            KeyFactory kf = KeyFactory.getInstance("Ed25519");
            PrivateKey priv = kf.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            PublicKey pub = kf.generatePublic(new X509EncodedKeySpec(publicKey));
            return new StationKeys(dataKey, indexKey, auditKey, priv, pub);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored station signing key is unreadable", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /** Re-seals the passphrase-wrapped keys under a new passphrase (same keys, new KEK). */
    public static List<WrappedKey> rewrap(StationKeys unlocked, List<WrappedKey> ring, char[] oldPassphrase,
                                          char[] newPassphrase, int iterations) throws KeyUnwrapException {
        Map<String, WrappedKey> byName = ring.stream().collect(Collectors.toMap(WrappedKey::name, Function.identity()));
        WrappedKey d = required(byName, DATA_KEY);
        byte[] oldKek = Pbkdf2.derive(oldPassphrase, d.salt(), d.iterations(), 32);
        Aead oldWrap = new Aead(oldKek);
        byte[] salt = random(16);
        Aead newWrap = new Aead(Pbkdf2.derive(newPassphrase, salt, iterations, 32));
        List<WrappedKey> out = new ArrayList<>();
        for (String name : List.of(DATA_KEY, INDEX_KEY, AUDIT_KEY)) {
            byte[] secret;
            try {
                secret = oldWrap.decrypt(required(byName, name).sealed(), KEYRING, name);
            } catch (DecryptionException e) {
                throw new KeyUnwrapException();
            }
            out.add(new WrappedKey(name, salt, iterations, newWrap.encrypt(secret, KEYRING, name)));
            Arrays.fill(secret, (byte) 0);
        }
        out.add(required(byName, SIGNING_KEY));
        return out;
    }

    private static byte[] unwrapWithSameKdf(Aead wrap, Map<String, WrappedKey> byName, WrappedKey data, String name)
            throws KeyUnwrapException {
        WrappedKey k = required(byName, name);
        if (!Arrays.equals(k.salt(), data.salt()) || k.iterations() != data.iterations()) {
            throw new IllegalStateException("key ring entries disagree on KDF parameters");
        }
        try {
            return wrap.decrypt(k.sealed(), KEYRING, name);
        } catch (DecryptionException e) {
            throw new KeyUnwrapException();
        }
    }

    private static WrappedKey required(Map<String, WrappedKey> byName, String name) {
        WrappedKey k = byName.get(name);
        if (k == null) {
            throw new IllegalStateException("key ring lacks " + name);
        }
        return k;
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    public Aead data() {
        return data;
    }

    public BlindIndex blindIndex() {
        return blindIndex;
    }

    public Hmac audit() {
        return audit;
    }

    /**
     * HMAC-SHA256 key that seals the security state (operators and their lockouts, records and
     * packets, outbox states and approvals, duplicate overrides, cards and their record binding).
     * Derived from the audit key rather than stored: it exists for every store that has an audit
     * key, old ones included, and needs the passphrase like the audit key does.
     */
    public Hmac state() {
        return state;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** Ed25519 (RFC 8032, pure) signature of {@code message} with the station key. */
    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, signingKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
