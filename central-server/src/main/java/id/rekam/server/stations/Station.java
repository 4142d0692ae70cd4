package id.rekam.server.stations;

import java.security.PublicKey;
import java.time.Instant;

/**
 * A registered station: its id, the office (kecamatan code) it serves, its signing key, the
 * transport key its sync service signs requests with (null until registered), whether and why
 * it was revoked, when it was last heard from and what it last reported.
 */
public record Station(String stationId, String office, String publicKeyBase64, String name, Instant enrolledAt,
                      String transportKeyBase64, Revocation revocation, Instant lastContactAt,
                      Integer reportedPending, Instant reportedAt) {

    /** Why and when the administrator shut a station out. */
    public record Revocation(Instant at, RevocationReason reason, String note, String by) {
    }

    public Station(String stationId, String office, String publicKeyBase64, String name, Instant enrolledAt) {
        this(stationId, office, publicKeyBase64, name, enrolledAt, null, null, null, null, null);
    }

    public PublicKey publicKey() {
        return id.rekam.server.auth.Ed25519Keys.publicKey(publicKeyBase64);
    }

    public boolean revoked() {
        return revocation != null;
    }
}
