package id.rekam.server.cases;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rekam.core.cases.SignedFeedEntry;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The server's Ed25519 key for signed feed entries (docs/sync-protocol.md §6.1): made at the first
 * start in {@code <data-dir>/feed-signing.key} (the 32-byte seed, owner-only), its public half sent
 * to each station in the enrollment answer, where it is pinned. A reference-server arrangement: a
 * production server keeps this key in its HSM.
 */
public final class FeedKey {

    static final String FILE = "feed-signing.key";

    private final byte[] seed;
    private final String publicKey;

    private FeedKey(byte[] seed) {
        this.seed = seed;
        this.publicKey = Base64.getEncoder().encodeToString(
                new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded());
    }

    public static FeedKey loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                byte[] seed = Files.readAllBytes(file);
                if (seed.length != 32) {
                    throw new IllegalStateException(file + " is not a 32-byte Ed25519 seed");
                }
                return new FeedKey(seed);
            }
            byte[] seed = new byte[32];
            new SecureRandom().nextBytes(seed);
            Path tmp = dataDir.resolve(FILE + ".tmp");
            Files.write(tmp, seed);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data directory's own permissions apply
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            return new FeedKey(seed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    /** Base64 of the raw 32-byte public key, as the enrollment answer carries it. */
    public String publicKeyBase64() {
        return publicKey;
    }

    /** Adds {@code signature} to an entry written for {@code stationId}. */
    void sign(String stationId, ObjectNode entry) {
        entry.put(SignedFeedEntry.SIGNATURE, SignedFeedEntry.sign(stationId, entry, seed));
    }
}
