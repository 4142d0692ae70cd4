package id.rekam.core.export;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekam.core.crypto.DecryptionException;
import id.rekam.core.crypto.StationKeys;
import id.rekam.core.packet.PacketCodec;
import id.rekam.core.store.StationStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;

/**
 * Reads a bundle written by {@link PendingExport}, trusting nothing until checked: the manifest
 * only after its signature verifies with the station's key ({@link #verify}), the passphrase by
 * the manifest's key check ({@link #unlock}), every file by its hash and its AES-GCM tag, and
 * every packet by its SHA-256 and the station's own Ed25519 signature over it. Used by the
 * central server's {@code import-bundle}.
 */
public final class ExportBundle {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path dir;
    private final byte[] manifestBytes;
    private final ExportManifest manifest;
    private boolean verified;
    private BundleCrypto crypto;

    private ExportBundle(Path dir, byte[] manifestBytes, ExportManifest manifest) {
        this.dir = dir;
        this.manifestBytes = manifestBytes;
        this.manifest = manifest;
    }

    /** Parses the manifest; says which station the bundle claims to come from (unverified until {@link #verify}). */
    public static ExportBundle open(Path dir) throws ExportException {
        byte[] bytes;
        ExportManifest m;
        try {
            bytes = Files.readAllBytes(dir.resolve(PendingExport.MANIFEST));
            m = JSON.readValue(bytes, ExportManifest.class);
        } catch (IOException e) {
            throw new ExportException(ExportException.Problem.NOT_A_BUNDLE,
                    dir + " holds no readable " + PendingExport.MANIFEST + ": " + e.getMessage(), e);
        }
        if (m.format() != ExportManifest.FORMAT || m.bundleId() == null || m.stationId() == null || m.kdf() == null
                || m.keyCheck() == null || m.packets() == null) {
            throw new ExportException(ExportException.Problem.NOT_A_BUNDLE,
                    dir + ": not a rekam export bundle of format " + ExportManifest.FORMAT);
        }
        return new ExportBundle(dir, bytes, m);
    }

    public String claimedStationId() {
        return manifest.stationId();
    }

    /** Checks {@code manifest.sig} against the key the server registered for the station. */
    public void verify(PublicKey stationKey) throws ExportException {
        if (!signedBy(stationKey, manifestBytes, manifestSignature())) {
            throw new ExportException(ExportException.Problem.BAD_SIGNATURE, "the manifest of " + manifest.bundleId()
                    + " is not signed by station " + manifest.stationId() + " (changed, or from another station)");
        }
        verified = true;
    }

    /**
     * True when {@code signature} is {@code stationKey}'s signature of {@code manifest} as a
     * bundle manifest ({@code rekam-export-v1\n} + bytes). The server checks a relayed tally so.
     */
    public static boolean signedBy(PublicKey stationKey, byte[] manifest, byte[] signature) {
        byte[] message = new byte[StationStore.EXPORT_PREFIX.length + manifest.length];
        System.arraycopy(StationStore.EXPORT_PREFIX, 0, message, 0, StationStore.EXPORT_PREFIX.length);
        System.arraycopy(manifest, 0, message, StationStore.EXPORT_PREFIX.length, manifest.length);
        return StationKeys.verify(stationKey, message, signature);
    }

    /** Derives the bundle key; a wrong passphrase is told apart from a tampered file by the key check. */
    public void unlock(char[] passphrase) throws ExportException {
        requireVerified();
        ExportManifest.Kdf kdf = manifest.kdf();
        if (!BundleCrypto.ALGORITHM.equals(kdf.algorithm()) || kdf.iterations() < 1) {
            throw new ExportException(ExportException.Problem.NOT_A_BUNDLE, "unknown key derivation " + kdf);
        }
        BundleCrypto c = new BundleCrypto(passphrase, Base64.getDecoder().decode(kdf.salt()), kdf.iterations(),
                manifest.bundleId());
        if (!c.checks(Base64.getDecoder().decode(manifest.keyCheck()))) {
            throw new ExportException(ExportException.Problem.WRONG_PASSPHRASE,
                    "the passphrase does not open bundle " + manifest.bundleId());
        }
        crypto = c;
    }

    /** The verified manifest. */
    public ExportManifest manifest() {
        if (!verified) {
            throw new IllegalStateException("manifest not verified yet");
        }
        return manifest;
    }

    /**
     * A sealed packet, checked against the manifest's hashes. What is inside (and the station's
     * signature over it) only the central server can check, when it opens the packet.
     */
    public byte[] packet(ExportManifest.PacketItem item) throws ExportException {
        byte[] sealed = open(item.file(), item.fileSha256(), BundleCrypto.packetSlot(item.packetId()));
        String sha = PacketCodec.sha256Hex(sealed);
        if (!sha.equals(item.sha256()) || sealed.length != item.length()) {
            throw tampered(item.file() + " (packet " + item.packetId() + ") has SHA-256 " + sha + ", manifest says "
                    + item.sha256());
        }
        if (!id.rekam.core.crypto.PacketSeal.isSealed(sealed) || item.contentSha256() == null) {
            throw tampered("packet " + item.packetId() + " is not sealed to the central server");
        }
        return sealed;
    }

    /** The pending events as the JSON array the sync client would have posted; empty when none. */
    public byte[] eventsJson() throws ExportException {
        ExportManifest.EventsItem e = manifest().events();
        if (e == null) {
            return "[]".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        return open(e.file(), e.fileSha256(), BundleCrypto.EVENTS_SLOT);
    }

    /** The station's coverage tally (JSON, numbers only), checked against the signed manifest; empty when none. */
    public java.util.Optional<byte[]> tallyJson() throws ExportException {
        ExportManifest.TallyItem t = manifest().tally();
        if (t == null) {
            return java.util.Optional.empty();
        }
        byte[] json = open(t.file(), t.fileSha256(), BundleCrypto.TALLY_SLOT);
        if (!PacketCodec.sha256Hex(json).equals(t.sha256())) {
            throw tampered(t.file() + " differs from the signed manifest");
        }
        return java.util.Optional.of(json);
    }

    /** The manifest exactly as signed, and its signature: what a relay shows the server for the tally. */
    public byte[] manifestBytes() {
        return manifestBytes.clone();
    }

    public byte[] manifestSignature() throws ExportException {
        try {
            return Base64.getDecoder().decode(Files.readString(dir.resolve(PendingExport.SIGNATURE)).trim());
        } catch (IOException | IllegalArgumentException e) {
            throw new ExportException(ExportException.Problem.BAD_SIGNATURE,
                    "manifest signature missing or unreadable: " + e.getMessage(), e);
        }
    }

    public List<ExportManifest.PacketItem> packets() {
        return manifest().packets();
    }

    private byte[] open(String file, String fileSha256, String slot) throws ExportException {
        requireVerified();
        if (crypto == null) {
            throw new IllegalStateException("bundle not unlocked");
        }
        Path p = dir.resolve(file).normalize();
        if (!p.startsWith(dir.normalize())) {
            throw tampered("manifest names a file outside the bundle: " + file);
        }
        byte[] sealed;
        try {
            sealed = Files.readAllBytes(p);
        } catch (IOException e) {
            throw new ExportException(ExportException.Problem.TAMPERED, file + " is missing or unreadable", e);
        }
        if (!PacketCodec.sha256Hex(sealed).equals(fileSha256)) {
            throw tampered(file + " differs from the signed manifest (SHA-256 mismatch)");
        }
        try {
            return crypto.open(sealed, slot);
        } catch (DecryptionException e) {
            throw tampered(file + " fails AES-GCM authentication");
        }
    }

    private void requireVerified() {
        if (!verified) {
            throw new IllegalStateException("verify the manifest signature first");
        }
    }

    private static ExportException tampered(String message) {
        return new ExportException(ExportException.Problem.TAMPERED, message);
    }
}
