package id.rekam.sync;

import id.rekam.core.crypto.PrivateKeyFile;
import id.rekam.core.trust.Ed25519Raw;
import id.rekam.sync.http.RequestSigner;
import id.rekam.sync.http.SigningInterceptor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

/**
 * The sync service's own key (docs/sync-protocol.md §2.1): an Ed25519 seed in
 * {@code <key dir>/transport.key}, readable by the service's user only (0600 in a 0700 directory;
 * {@code /var/lib/rekam-sync} on an installed station, never the operators' group). It signs
 * requests and nothing else: whoever steals it can make the station's requests (until the
 * administrator revokes the station) but cannot sign a packet, an export, or a statement for
 * another transport key, and the packets it sends are sealed to the server.
 */
public final class TransportKey implements RequestSigner {

    public static final String FILE = "transport.key";
    private static final byte[] REQUEST_PREFIX = (SigningInterceptor.VERSION_LINE + "\n").getBytes(StandardCharsets.UTF_8);

    private final byte[] seed;
    private final byte[] publicKey;

    private TransportKey(byte[] seed) {
        this.seed = seed;
        this.publicKey = Ed25519Raw.publicKey(seed);
    }

    public static boolean exists(Path keyDir) {
        return Files.isRegularFile(keyDir.resolve(FILE));
    }

    /** A new key, written 0600 (replacing an older one: a rotation). */
    public static TransportKey create(Path keyDir) {
        byte[] seed = Ed25519Raw.newSeed();
        try {
            PrivateKeyFile.write(keyDir.resolve(FILE), seed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the transport key in " + keyDir, e);
        }
        return new TransportKey(seed);
    }

    /** @throws IllegalStateException missing, damaged, or readable by others than its owner */
    public static TransportKey load(Path keyDir) {
        Path f = keyDir.resolve(FILE);
        try {
            if (!PrivateKeyFile.ownerOnly(f)) {
                throw new IllegalStateException(f + " is readable by others than its owner: make a new key");
            }
            byte[] seed = Files.readAllBytes(f);
            if (seed.length != Ed25519Raw.KEY_SIZE) {
                throw new IllegalStateException(f + " is not a transport key");
            }
            return new TransportKey(seed);
        } catch (IOException e) {
            throw new IllegalStateException("no transport key in " + keyDir, e);
        }
    }

    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey);
    }

    @Override
    public byte[] apply(byte[] canonicalRequest) {
        if (canonicalRequest.length < REQUEST_PREFIX.length
                || !Arrays.equals(canonicalRequest, 0, REQUEST_PREFIX.length, REQUEST_PREFIX, 0, REQUEST_PREFIX.length)) {
            throw new IllegalArgumentException("a transport key signs sync requests only");
        }
        return Ed25519Raw.sign(seed, canonicalRequest);
    }

    @Override
    public String keyHeader() {
        return "transport";
    }
}
