package id.rekam.server.stations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rekam.core.trust.SignedJson;
import id.rekam.server.feed.FeedbackFeed;
import id.rekam.server.http.ApiException;
import id.rekam.server.http.Json;
import id.rekam.server.keys.ServerKeyStore;
import id.rekam.server.store.Database;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Commands the administrator sends a station (docs/sync-protocol.md §6.1): {@code lock} (nobody
 * unlocks it until {@code unlock}), {@code unlock}, {@code crypto-erase} (it destroys its wrapped
 * keys). Each reaches the station as a signed {@code station-command} entry of its feed; a revoked
 * station, whose requests are all refused, finds them in the signed revocation notice of the
 * refusal instead.
 */
public final class StationCommands {

    public static final Set<String> COMMANDS = Set.of("lock", "unlock", "crypto-erase");

    private final Database db;
    private final StationRegistry stations;
    private final ServerKeyStore keys;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public StationCommands(Database db, StationRegistry stations, ServerKeyStore keys, Clock clock) {
        this.db = db;
        this.stations = stations;
        this.keys = keys;
        this.clock = clock;
    }

    public record Issued(String commandId, String stationId, String command, String reason, Instant issuedAt) {
    }

    /** @throws ApiException 400 bad-command, 404 unknown-station */
    public Issued issue(String stationId, String command, String reason, String by) {
        if (command == null || !COMMANDS.contains(command)) {
            throw new ApiException(400, "bad-command", "command must be one of " + COMMANDS);
        }
        stations.find(stationId).orElseThrow(() -> new ApiException(404, "unknown-station", "no station " + stationId));
        byte[] id = new byte[12];
        random.nextBytes(id);
        String commandId = "cmd-" + Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        Instant now = clock.instant();
        db.tx(c -> {
            Database.update(c, "INSERT INTO station_commands(command_id, station_id, command, reason, issued_by, "
                    + "issued_at) VALUES (?,?,?,?,?,?)", commandId, stationId, command, reason, by, now.toEpochMilli());
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("commandId", commandId);
            fields.put("command", command);
            if (reason != null) {
                fields.put("reason", reason);
            }
            FeedbackFeed.append(c, stationId, null, "station-command", fields, now);
            return null;
        });
        return new Issued(commandId, stationId, command, reason, now);
    }

    public List<Issued> of(String stationId) {
        return db.query("SELECT command_id, station_id, command, reason, issued_at FROM station_commands "
                        + "WHERE station_id=? ORDER BY issued_at, command_id",
                rs -> new Issued(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5))), stationId);
    }

    /**
     * The signed notice a revoked station receives with every refusal: since when, why, and the
     * commands issued to it (a thief's station still obeys a crypto-erase it finds here).
     */
    public ObjectNode revocationNotice(Station s) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("type", "revocation");
        o.put("stationId", s.stationId());
        o.put("revokedAt", s.revocation().at().toString());
        o.put("reason", s.revocation().reason().wire());
        ArrayNode commands = o.putArray("commands");
        for (Issued i : of(s.stationId())) {
            commands.addObject().put("commandId", i.commandId()).put("command", i.command())
                    .put("issuedAt", i.issuedAt().toString());
        }
        return keys.sign(SignedJson.Purpose.REVOCATION, s.stationId(), o);
    }

    /** The refusal of every request of a revoked station: 403 {@code station-revoked} with the notice. */
    public ApiException refusal(Station s) {
        return new Revoked(revocationNotice(s));
    }

    static final class Revoked extends ApiException {
        private final ObjectNode notice;

        Revoked(ObjectNode notice) {
            super(403, "station-revoked", "this station was revoked by the central administrator");
            this.notice = notice;
        }

        @Override
        public id.rekam.server.http.Response toResponse() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", code());
            body.put("message", getMessage());
            body.put("revocation", notice);
            return id.rekam.server.http.Response.json(403, body);
        }
    }
}
