package id.rekam.core.export;

import java.util.List;

/**
 * {@code manifest.json} of a bundle: which packets and events it carries and the hashes to check
 * them by, nothing personal. Signed by the station key ({@code manifest.sig}); the payload files
 * are AES-256-GCM under a key derived from a passphrase. Two purposes share the format:
 * {@code export} (a station moving office; its packets become EXPORTED) and {@code safety} (a
 * mobile team's copy to removable media; the packets stay queued, see {@link SafetyBundles}).
 * A bundle without {@code purpose} is an export (written before safety bundles existed).
 *
 * @param keyCheck a known constant sealed under the bundle key: tells a wrong passphrase apart
 *                 from a tampered file
 * @param previous safety bundles of this station already on the same media, whose packets this
 *                 one does not repeat (incremental copy)
 * @param tally    the station's coverage counts (numbers only), sealed like the packets
 */
public record ExportManifest(int format, String bundleId, String stationId, String createdAt, Kdf kdf,
                             String keyCheck, List<PacketItem> packets, EventsItem events, String purpose,
                             List<String> previous, TallyItem tally) {

    /** 2: packets are sealed to the central server (packet-format.md, "Sealed packet"). */
    public static final int FORMAT = 2;
    public static final String EXPORT = "export";
    public static final String SAFETY = "safety";

    /** {@code export} or {@code safety}. */
    public String purposeOrDefault() {
        return purpose == null ? EXPORT : purpose;
    }

    /** PBKDF2-HMAC-SHA256 parameters, as the store uses for its passphrase. */
    public record Kdf(String algorithm, int iterations, String salt) {
    }

    /**
     * @param sha256        SHA-256 (hex) of the sealed packet, as it is uploaded
     * @param length        length of the sealed packet
     * @param signature     the station's Ed25519 signature over {@code rekam-packet-v1:<id>:<contentSha256>} (base64)
     * @param fileSha256    SHA-256 (hex) of the encrypted file, checkable without the passphrase
     * @param approved      false for a record no supervisor approved yet: kept safe, never forwarded;
     *                      null (exports, which carry approved records only) means true
     * @param contentSha256 SHA-256 (hex) of the packet inside, as signed by the station
     */
    public record PacketItem(String packetId, String kind, String sha256, long length, String signature,
                             String file, String fileSha256, Boolean approved, String contentSha256) {

        public boolean isApproved() {
            return approved == null || approved;
        }
    }

    /** Pending events in one sealed JSON array (the same objects the sync client sends). */
    public record EventsItem(String file, List<String> eventIds, String fileSha256) {
    }

    /** @param sha256 SHA-256 (hex) of the tally JSON, so the signed manifest vouches for it */
    public record TallyItem(String file, String sha256, String fileSha256) {
    }
}
