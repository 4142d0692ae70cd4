package id.rekam.server.stations;

import java.security.PublicKey;
import java.time.Instant;

/** A registered station: its id, the office (kecamatan code) it serves, and its signing key. */
public record Station(String stationId, String office, String publicKeyBase64, String name, Instant enrolledAt) {

    public PublicKey publicKey() {
        return id.rekam.server.auth.Ed25519Keys.publicKey(publicKeyBase64);
    }
}
