package id.rekam.server.relay;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.core.export.ExportBundle;
import id.rekam.core.packet.PacketCodec;
import id.rekam.server.auth.SignatureAuthInterceptor;
import id.rekam.server.coverage.TallyStore;
import id.rekam.server.http.ApiException;
import id.rekam.server.http.Json;
import id.rekam.server.http.Request;
import id.rekam.server.http.Response;
import id.rekam.server.schema.JsonSchemas;
import id.rekam.server.stations.Station;
import id.rekam.server.stations.StationRegistry;
import id.rekam.server.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A team member's station forwards another's packets and tally (docs/sync-protocol.md §10). The
 * relay is authenticated by its own request signature like any station; what it carries is
 * trusted only by the ORIGIN station's signatures, checked here against the origin's registered
 * key, never the relay's. Relay and origin must belong to the same office: a team.
 */
public final class RelayApi {

    private static final Logger LOG = LoggerFactory.getLogger(RelayApi.class);

    private final StationRegistry stations;
    private final PacketIngest ingest;
    private final TallyStore tallies;
    private final Database db;
    private final Clock clock;

    public RelayApi(StationRegistry stations, PacketIngest ingest, TallyStore tallies, Database db, Clock clock) {
        this.stations = stations;
        this.ingest = ingest;
        this.tallies = tallies;
        this.db = db;
        this.clock = clock;
    }

    /** {@code GET /v1/stations/{stationId}/key}: a team member's public key, so a relay can check a bundle first. */
    public Response key(Request r) {
        Station origin = teamMember(station(r), r.attribute("path.stationId"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stationId", origin.stationId());
        body.put("office", origin.office());
        body.put("publicKey", origin.publicKeyBase64());
        return Response.json(200, body);
    }

    /** {@code POST /v1/relay/packets}: one packet of a team member, stored at most once whatever road it took. */
    public Response packet(Request r) throws IOException {
        JsonNode n = valid("api/relay-packet", r.body());
        Station relay = station(r);
        Station origin = teamMember(relay, n.get("originStationId").asText());
        byte[] body;
        try {
            body = Base64.getDecoder().decode(n.get("body").asText());
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "bad-request", "body is not base64");
        }
        String packetId = n.get("packetId").asText();
        PacketIngest.Outcome o = ingest.ingest(origin, ingest.announcement(packetId, n.get("kind").asText(),
                n.get("sha256").asText(), n.get("signature").asText(), n.get("contentSha256").asText(), body), body);
        db.update("INSERT INTO relays(packet_id, origin_station, relay_station, stored, at) VALUES (?,?,?,?,?)",
                packetId, origin.stationId(), relay.stationId(), o.stored() ? 1 : 0, clock.millis());
        LOG.info("packet {} of {} relayed by {}: {}", packetId, origin.stationId(), relay.stationId(),
                o.stored() ? "stored" : "already held");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("packetId", packetId);
        out.put("originStationId", origin.stationId());
        out.put("state", o.packet().state().wire());
        out.put("stored", o.stored());
        return Response.json(200, out);
    }

    /**
     * {@code POST /v1/relay/tallies}: a team member's tally as its bundle carried it. The origin
     * signed the bundle's manifest, which names the tally's SHA-256: that is what vouches for it.
     */
    public Response tally(Request r) throws IOException {
        JsonNode n = valid("api/relay-tally", r.body());
        Station relay = station(r);
        Station origin = teamMember(relay, n.get("originStationId").asText());
        byte[] manifest;
        byte[] signature;
        byte[] tally;
        try {
            manifest = Base64.getDecoder().decode(n.get("manifest").asText());
            signature = Base64.getDecoder().decode(n.get("manifestSignature").asText());
            tally = Base64.getDecoder().decode(n.get("tally").asText());
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "bad-request", "manifest, manifestSignature and tally are base64");
        }
        if (!ExportBundle.signedBy(origin.publicKey(), manifest, signature)) {
            throw new ApiException(422, "bad-bundle-signature", "the manifest is not signed by " + origin.stationId());
        }
        JsonNode m = Json.tree(manifest);
        if (!origin.stationId().equals(m.path("stationId").asText())
                || !PacketCodec.sha256Hex(tally).equals(m.path("tally").path("sha256").asText())) {
            throw new ApiException(422, "tally-mismatch", "the signed manifest does not vouch for this tally");
        }
        boolean stored = tallies.store(origin.stationId(), origin.office(), tally, "relay:" + relay.stationId());
        return Response.json(200, Map.of("originStationId", origin.stationId(), "stored", stored));
    }

    /** {@code POST /v1/coverage/tally}: the calling station's own tally. */
    public Response ownTally(Request r) throws IOException {
        Station s = station(r);
        return Response.json(200, Map.of("originStationId", s.stationId(),
                "stored", tallies.store(s.stationId(), s.office(), r.body(), "station")));
    }

    /** {@code GET /v1/coverage/tallies}: the latest tally of every other station of the caller's office. */
    public Response officeTallies(Request r) {
        Station s = station(r);
        List<JsonNode> list = tallies.ofOffice(s.office(), s.stationId());
        return Response.json(200, Map.of("office", s.office(), "tallies", list));
    }

    /** The origin, which must be registered and of the relay's office. */
    private Station teamMember(Station relay, String originId) {
        Station origin = stations.find(originId).orElseThrow(() -> new ApiException(404, "unknown-station",
                "station " + originId + " is not registered with this server"));
        if (!origin.office().equals(relay.office())) {
            throw new ApiException(403, "foreign-station", "station " + originId + " belongs to office "
                    + origin.office() + ", not to this team's " + relay.office());
        }
        return origin;
    }

    private static JsonNode valid(String schema, byte[] body) {
        JsonNode n = Json.tree(body);
        List<String> problems = JsonSchemas.problems(schema, n);
        if (!problems.isEmpty()) {
            throw new ApiException(400, "bad-request", String.join("; ", problems));
        }
        return n;
    }

    private static Station station(Request r) {
        return r.attribute(SignatureAuthInterceptor.STATION);
    }
}
