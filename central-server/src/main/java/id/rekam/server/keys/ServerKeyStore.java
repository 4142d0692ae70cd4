package id.rekam.server.keys;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rekam.core.crypto.PacketSeal;
import id.rekam.core.crypto.PrivateKeyFile;
import id.rekam.core.trust.Ed25519Raw;
import id.rekam.core.trust.ServerKeys;
import id.rekam.core.trust.SignedJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The server's private keys, in {@code <dataDir>/keys/} (directory 0700, files 0600, made at the
 * first start): {@code signing.key}, the Ed25519 seed that signs everything the server tells a
 * station (docs/sync-protocol.md §3.1), and {@code packet.key}, the X25519 key pair packets are
 * sealed to (private then public, 32 bytes each). A reference server keeps them as files; a
 * production server would keep them in an HSM. Losing them means re-provisioning every station.
 */
public final class ServerKeyStore {

    static final String DIR = "keys";
    static final String SIGNING = "signing.key";
    static final String PACKET = "packet.key";

    private final byte[] signingSeed;
    private final byte[] packetPrivate;
    private final ServerKeys publicKeys;

    private ServerKeyStore(byte[] signingSeed, byte[] packetPrivate, byte[] packetPublic) {
        this.signingSeed = signingSeed;
        this.packetPrivate = packetPrivate;
        this.publicKeys = new ServerKeys(Ed25519Raw.publicKey(signingSeed), packetPublic);
    }

    /** Loads the keys of {@code dataDir}, making them on the first start. */
    public static ServerKeyStore loadOrCreate(Path dataDir) {
        Path dir = dataDir.resolve(DIR);
        try {
            PrivateKeyFile.createDirectory(dir);
            Path signing = dir.resolve(SIGNING);
            Path packet = dir.resolve(PACKET);
            if (!Files.exists(signing)) {
                PrivateKeyFile.write(signing, Ed25519Raw.newSeed());
            }
            if (!Files.exists(packet)) {
                byte[][] pair = PacketSeal.newServerKeyPair();
                byte[] both = Arrays.copyOf(pair[0], 64);
                System.arraycopy(pair[1], 0, both, 32, 32);
                PrivateKeyFile.write(packet, both);
            }
            byte[] seed = Files.readAllBytes(signing);
            byte[] both = Files.readAllBytes(packet);
            if (seed.length != 32 || both.length != 64) {
                throw new IllegalStateException("server keys in " + dir + " are damaged");
            }
            return new ServerKeyStore(seed, Arrays.copyOf(both, 32), Arrays.copyOfRange(both, 32, 64));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the server keys in " + dir, e);
        }
    }

    /** The public halves, as stations pin them. */
    public ServerKeys publicKeys() {
        return publicKeys;
    }

    /** {@code object} with the server's signature for {@code purpose} and {@code stationId}. */
    public ObjectNode sign(SignedJson.Purpose purpose, String stationId, ObjectNode object) {
        return SignedJson.sign(signingSeed, purpose, stationId, object);
    }

    /** The packet inside a sealed packet made for this server. */
    public byte[] open(byte[] sealed, String packetId) throws PacketSeal.Unopenable {
        return PacketSeal.open(sealed, packetId, packetPrivate, publicKeys.packetKey());
    }

}
