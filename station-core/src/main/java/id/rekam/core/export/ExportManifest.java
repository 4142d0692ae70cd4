package id.rekam.core.export;

import java.util.List;

/**
 * {@code manifest.json} of an export bundle: which packets and events it carries and the hashes
 * to check them by, nothing personal. Signed by the station key ({@code manifest.sig}); the
 * payload files are AES-256-GCM under a key derived from the technician's export passphrase.
 *
 * @param keyCheck a known constant sealed under the bundle key: tells a wrong passphrase apart
 *                 from a tampered file
 */
public record ExportManifest(int format, String bundleId, String stationId, String createdAt, Kdf kdf,
                             String keyCheck, List<PacketItem> packets, EventsItem events) {

    /** 2: packets are sealed to the central server (packet-format.md, "Sealed packet"). */
    public static final int FORMAT = 2;

    /** PBKDF2-HMAC-SHA256 parameters, as the store uses for its passphrase. */
    public record Kdf(String algorithm, int iterations, String salt) {
    }

    /**
     * @param sha256        SHA-256 (hex) of the sealed packet, as it is uploaded
     * @param length        length of the sealed packet
     * @param contentSha256 SHA-256 (hex) of the packet inside, as signed by the station
     * @param signature     the station's Ed25519 signature over {@code rekam-packet-v1:<id>:<contentSha256>} (base64)
     * @param fileSha256    SHA-256 (hex) of the encrypted file, checkable without the passphrase
     */
    public record PacketItem(String packetId, String kind, String sha256, long length, String signature,
                             String file, String fileSha256, String contentSha256) {
    }

    /** Pending events in one sealed JSON array (the same objects the sync client sends). */
    public record EventsItem(String file, List<String> eventIds, String fileSha256) {
    }
}
