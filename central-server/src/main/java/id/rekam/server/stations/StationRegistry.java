package id.rekam.server.stations;

import id.rekam.core.trust.TransportKeyStatement;
import id.rekam.server.auth.CanonicalRequest;
import id.rekam.server.auth.Ed25519Keys;
import id.rekam.server.http.ApiException;
import id.rekam.server.store.Database;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Enrollment codes and registered stations. A code is single-use, but the station that used
 * it may present it again with the same key and gets the same answer: the response to the
 * first attempt may have been lost on a bad network.
 */
public final class StationRegistry {

    /** Crockford-like alphabet without 0/O, 1/I/L, so a code read over the phone survives. */
    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final Pattern OFFICE = Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{2}");

    private final Database db;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public StationRegistry(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Database db() {
        return db;
    }

    public record IssuedCode(String code, String office, Instant expiresAt) {
    }

    public record Enrollment(Station station, boolean created) {
    }

    /** @param office kecamatan code {@code PP.KK.CC} the station will serve */
    public IssuedCode createCode(String office, Duration validity) {
        if (office == null || !OFFICE.matcher(office).matches()) {
            throw new ApiException(400, "bad-office", "office must be a kecamatan code like 32.76.01");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        String code = sb.toString();
        Instant now = clock.instant();
        Instant expires = now.plus(validity);
        db.update("INSERT INTO enrollment_codes(code_hash, office, created_at, expires_at) VALUES (?,?,?,?)",
                hash(code), office, now.toEpochMilli(), expires.toEpochMilli());
        return new IssuedCode(code, office, expires);
    }

    public Enrollment enroll(String code, String publicKeyBase64, String name) {
        return enroll(code, publicKeyBase64, name, null);
    }

    /**
     * @param requestedId the id the station already carries (its store signs packets under it);
     *                    null lets the server name the station. Must be {@code ST-<office digits>-NNNN}
     *                    for the code's office and not taken.
     */
    public Enrollment enroll(String code, String publicKeyBase64, String name, String requestedId) {
        return enroll(code, publicKeyBase64, name, requestedId, null);
    }

    /** What a station may send with its enrollment: its sync service's transport key, signed by the station key. */
    public record TransportKeyClaim(String transportKey, String issuedAt, String signature) {
    }

    public Enrollment enroll(String code, String publicKeyBase64, String name, String requestedId,
                             TransportKeyClaim transport) {
        if (code == null || publicKeyBase64 == null) {
            throw new ApiException(400, "bad-request", "enrollmentCode and publicKey are required");
        }
        try {
            Ed25519Keys.publicKey(publicKeyBase64);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "bad-public-key", e.getMessage());
        }
        String codeHash = hash(normalise(code));
        return db.tx(c -> {
            record CodeRow(String office, long expiresAt, String usedBy) {
            }
            Optional<CodeRow> row = Database.queryOne(c,
                    "SELECT office, expires_at, used_by FROM enrollment_codes WHERE code_hash=?",
                    rs -> new CodeRow(rs.getString(1), rs.getLong(2), rs.getString(3)), codeHash);
            if (row.isEmpty()) {
                throw new ApiException(403, "enrollment-code-unknown", "no such enrollment code");
            }
            if (row.get().usedBy() != null) {
                Station used = find(c, row.get().usedBy()).orElseThrow();
                if (used.publicKeyBase64().equals(publicKeyBase64)) {
                    return new Enrollment(used, false);
                }
                throw new ApiException(403, "enrollment-code-used", "this enrollment code was already used");
            }
            if (clock.millis() > row.get().expiresAt()) {
                throw new ApiException(403, "enrollment-code-expired", "this enrollment code has expired");
            }
            if (Database.queryOne(c, "SELECT 1 FROM stations WHERE public_key=?", rs -> 1, publicKeyBase64)
                    .isPresent()) {
                throw new ApiException(409, "public-key-registered", "this public key belongs to another station");
            }
            String office = row.get().office();
            String prefix = "ST-" + office.replace(".", "") + "-";
            String stationId;
            if (requestedId != null && !requestedId.isBlank()) {
                if (!requestedId.startsWith(prefix) || !requestedId.substring(prefix.length()).matches("\\d{4}")) {
                    throw new ApiException(400, "station-id-office",
                            "station id " + requestedId + " does not belong to office " + office + " (" + prefix + "NNNN)");
                }
                if (find(c, requestedId).isPresent()) {
                    throw new ApiException(409, "station-id-taken", "station id " + requestedId + " is already enrolled");
                }
                stationId = requestedId;
            } else {
                int n = Database.queryOne(c, "SELECT COUNT(*) FROM stations WHERE station_id LIKE ?",
                        rs -> rs.getInt(1), prefix + "%").orElse(0);
                stationId = String.format("%s%04d", prefix, n + 1);
                // A station that chose its own id may already hold the next serial.
                while (find(c, stationId).isPresent()) {
                    stationId = String.format("%s%04d", prefix, ++n + 1);
                }
            }
            Instant now = clock.instant();
            Database.update(c, "INSERT INTO stations(station_id, office, public_key, name, enrolled_at) VALUES (?,?,?,?,?)",
                    stationId, office, publicKeyBase64, name, now.toEpochMilli());
            if (transport != null && transport.transportKey() != null) {
                checkTransportKey(new Station(stationId, office, publicKeyBase64, name, now), transport.transportKey(),
                        transport.issuedAt(), transport.signature());
                Database.update(c, "UPDATE stations SET transport_key=?, transport_key_at=? WHERE station_id=?",
                        transport.transportKey(), now.toEpochMilli(), stationId);
            }
            Database.update(c, "UPDATE enrollment_codes SET used_by=?, used_at=? WHERE code_hash=?",
                    stationId, now.toEpochMilli(), codeHash);
            return new Enrollment(find(c, stationId).orElseThrow(), true);
        });
    }

    private static final String COLUMNS = "station_id, office, public_key, name, enrolled_at, transport_key, "
            + "revoked_at, revoked_reason, revoked_note, revoked_by, last_contact_at, reported_pending, reported_at";

    public Optional<Station> find(String stationId) {
        // Every signed request looks its station up: one autocommit SELECT, no BEGIN/COMMIT around it.
        return db.queryOne("SELECT " + COLUMNS + " FROM stations WHERE station_id=?", StationRegistry::map, stationId);
    }

    public List<Station> list() {
        return db.query("SELECT " + COLUMNS + " FROM stations ORDER BY station_id", StationRegistry::map);
    }

    private static Optional<Station> find(Connection c, String stationId) throws SQLException {
        return Database.queryOne(c, "SELECT " + COLUMNS + " FROM stations WHERE station_id=?", StationRegistry::map,
                stationId);
    }

    private static Station map(java.sql.ResultSet rs) throws SQLException {
        Instant revokedAt = instant(rs, 7);
        Station.Revocation revocation = revokedAt == null ? null : new Station.Revocation(revokedAt,
                RevocationReason.fromWire(rs.getString(8)), rs.getString(9), rs.getString(10));
        int pending = rs.getInt(12);
        Integer reported = rs.wasNull() ? null : pending;
        return new Station(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6), revocation, instant(rs, 11), reported,
                instant(rs, 13));
    }

    private static Instant instant(java.sql.ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    // ---------------------------------------------------------------- transport key

    /**
     * Registers the key the station's sync service signs requests with, on the station key's
     * signed statement (docs/sync-protocol.md §2.1); replaces an earlier one.
     *
     * @throws ApiException 400 bad-transport-key, 422 bad-transport-key-signature
     */
    public void registerTransportKey(String stationId, String transportKeyBase64, String issuedAt,
                                     String signatureBase64) {
        Station s = find(stationId).orElseThrow(() -> new ApiException(404, "unknown-station", "no station " + stationId));
        checkTransportKey(s, transportKeyBase64, issuedAt, signatureBase64);
        db.update("UPDATE stations SET transport_key=?, transport_key_at=? WHERE station_id=?", transportKeyBase64,
                clock.millis(), stationId);
    }

    private static void checkTransportKey(Station s, String key, String issuedAt, String signature) {
        if (key == null || issuedAt == null || signature == null) {
            throw new ApiException(400, "bad-transport-key", "transportKey, issuedAt and signature are required");
        }
        try {
            Ed25519Keys.publicKey(key);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "bad-transport-key", e.getMessage());
        }
        if (key.equals(s.publicKeyBase64())) {
            throw new ApiException(400, "bad-transport-key", "the transport key must not be the station key");
        }
        java.time.Instant at;
        try {
            at = java.time.Instant.parse(issuedAt);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ApiException(400, "bad-transport-key", "issuedAt must be an ISO-8601 instant");
        }
        byte[] input = new TransportKeyStatement(s.stationId(), key, at).signingInput();
        if (!Ed25519Keys.verify(s.publicKeyBase64(), input, signature)) {
            throw new ApiException(422, "bad-transport-key-signature",
                    "the transport key statement is not signed by the station key");
        }
    }

    // ---------------------------------------------------------------- revocation, contact, reports

    /**
     * Shuts a station out from {@code at} on: its requests are refused from then on; what it
     * delivered before stays valid. Revoking again keeps the first time and reason.
     *
     * @return the station as revoked
     */
    public Station revoke(String stationId, RevocationReason reason, String note, String by) {
        return db.tx(c -> {
            Station s = find(c, stationId).orElseThrow(() -> new ApiException(404, "unknown-station",
                    "no station " + stationId));
            if (s.revoked()) {
                return s;
            }
            Database.update(c, "UPDATE stations SET revoked_at=?, revoked_reason=?, revoked_note=?, revoked_by=? "
                    + "WHERE station_id=?", clock.millis(), reason.wire(), note, by, stationId);
            return find(c, stationId).orElseThrow();
        });
    }

    /** Last contact, at most once a second per station (a request that verified). Not synced on its own. */
    public void touch(String stationId) {
        long now = clock.millis();
        Long last = lastTouch.get(stationId);
        if (last != null && now - last < 1000) {
            return;
        }
        lastTouch.put(stationId, now);
        db.txWithoutSync(c -> Database.update(c, "UPDATE stations SET last_contact_at=? WHERE station_id=?", now,
                stationId));
    }

    private final java.util.concurrent.ConcurrentHashMap<String, Long> lastTouch =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** What the station said it still holds undelivered. */
    public void reportPending(Connection c, String stationId, int pending, Instant at) throws SQLException {
        Database.update(c, "UPDATE stations SET reported_pending=?, reported_at=? WHERE station_id=?", pending,
                at.toEpochMilli(), stationId);
    }

    private static String normalise(String code) {
        return code.trim().toUpperCase(java.util.Locale.ROOT);
    }

    private static String hash(String code) {
        return CanonicalRequest.sha256Hex(code.getBytes(StandardCharsets.UTF_8));
    }
}
