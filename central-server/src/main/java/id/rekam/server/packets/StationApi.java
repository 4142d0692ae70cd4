package id.rekam.server.packets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rekam.core.trust.SignedJson;
import id.rekam.server.auth.SignatureAuthInterceptor;
import id.rekam.server.events.EventStore;
import id.rekam.server.feed.FeedbackFeed;
import id.rekam.server.http.ApiException;
import id.rekam.server.http.Json;
import id.rekam.server.http.Request;
import id.rekam.server.http.Response;
import id.rekam.server.keys.ServerKeyStore;
import id.rekam.server.stations.Station;
import id.rekam.server.stations.StationRegistry;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON endpoints a station calls besides the tus upload itself. */
public final class StationApi {

    /** Purges one station report may confirm. */
    static final int MAX_PURGES = 1000;

    private final StationRegistry stations;
    private final PacketService packets;
    private final EventStore events;
    private final FeedbackFeed feed;
    private final Receipts receipts;
    private final ServerKeyStore keys;
    private final Clock clock;

    public StationApi(StationRegistry stations, PacketService packets, EventStore events, FeedbackFeed feed,
                      Receipts receipts, ServerKeyStore keys, Clock clock) {
        this.stations = stations;
        this.packets = packets;
        this.events = events;
        this.feed = feed;
        this.receipts = receipts;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * {@code stationId} is optional: the id the station's store was created with (see StationRegistry).
     * {@code transportKey} (+ {@code transportKeyIssuedAt}, {@code transportKeySignature}): the sync
     * service's key, on the station key's signed word (optional; also later, §2.1).
     */
    record EnrollRequest(String enrollmentCode, String publicKey, String name, String stationId, String transportKey,
                         String transportKeyIssuedAt, String transportKeySignature) {
    }

    /** {@code POST /v1/stations}: authenticated by the one-time code, not by a signature. */
    public Response enroll(Request r) throws IOException {
        EnrollRequest e = Json.read(r.body(), EnrollRequest.class);
        StationRegistry.Enrollment result = stations.enroll(e.enrollmentCode(), e.publicKey(), e.name(), e.stationId(),
                new StationRegistry.TransportKeyClaim(e.transportKey(), e.transportKeyIssuedAt(),
                        e.transportKeySignature()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stationId", result.station().stationId());
        body.put("office", result.station().office());
        body.put("enrolledAt", result.station().enrolledAt().toString());
        body.put("serverTime", clock.instant().toString());
        // What the station pins: the key everything the server says is signed with, and the key
        // its packets are sealed to. The code travels over the pinned TLS channel, so does this.
        body.put("serverKeys", keys.publicKeys().toJson());
        body.put("transportKeyRegistered", result.station().transportKeyBase64() != null);
        return Response.json(result.created() ? 201 : 200, body);
    }

    /** {@code GET /v1/server-keys}: for a station registered before keys existed, over its pinned channel. */
    public Response serverKeys(Request r) {
        return Response.json(200, keys.sign(SignedJson.Purpose.SERVER_KEYS, station(r).stationId(),
                keys.publicKeys().toJson()));
    }

    /** {@code POST /v1/stations/transport-key}: a new transport key, on the station key's statement. */
    public Response transportKey(Request r) throws IOException {
        if (Boolean.TRUE.equals(r.attribute(SignatureAuthInterceptor.BY_TRANSPORT_KEY))) {
            // A transport key never vouches for its successor: a stolen one could not be shut out.
            throw new ApiException(403, "station-key-required", "sign this request with the station key");
        }
        JsonNode b = Json.tree(r.body());
        Station s = station(r);
        stations.registerTransportKey(s.stationId(), text(b, "transportKey"), text(b, "issuedAt"), text(b, "signature"));
        return Response.json(200, Map.of("stationId", s.stationId(), "transportKeyRegistered", true));
    }

    public Response announce(Request r) throws IOException {
        Announcement a = Json.read(r.body(), Announcement.class);
        PacketService.AnnounceResult result = packets.announce(station(r), a);
        Response response = Response.json(result.created() ? 201 : 200, receipts.view(result.packet()));
        return result.created() ? response.header("Location", result.packet().uploadPath()) : response;
    }

    public Response packet(Request r) {
        String id = r.attribute("path.packetId");
        Station s = station(r);
        return packets.find(id).filter(p -> p.stationId().equals(s.stationId()))
                .map(p -> Response.json(200, receipts.view(p)))
                .orElseThrow(() -> new ApiException(404, "packet-not-found", "no packet " + id + " from this station"));
    }

    public Response events(Request r) throws IOException {
        JsonNode batch = Json.tree(r.body());
        if (!batch.isArray()) {
            throw new ApiException(400, "bad-request", "body must be a JSON array of events");
        }
        if (batch.size() > EventStore.MAX_BATCH) {
            throw new ApiException(413, "batch-too-large", "at most " + EventStore.MAX_BATCH + " events per batch");
        }
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.set("results", Json.MAPPER.valueToTree(events.store(station(r).stationId(), batch)));
        // "stored" lets the station forget an event: signed like every answer it acts on.
        return Response.json(200, keys.sign(SignedJson.Purpose.EVENT_RESULTS, station(r).stationId(), answer));
    }

    /**
     * {@code POST /v1/station-report}: what the station still holds ({@code pending}) and which
     * delivered packets it purged ({@code purged}); the answer is a signed receipt naming both.
     */
    public Response stationReport(Request r) throws IOException {
        JsonNode b = Json.tree(r.body());
        Station s = station(r);
        if (!b.isObject() || !b.path("pending").isInt() || b.get("pending").asInt() < 0) {
            throw new ApiException(400, "bad-request", "a station report has pending (an integer >= 0)");
        }
        List<String> purged = new ArrayList<>();
        if (b.has("purged")) {
            if (!b.get("purged").isArray() || b.get("purged").size() > MAX_PURGES) {
                throw new ApiException(400, "bad-request", "purged is an array of at most " + MAX_PURGES + " packet ids");
            }
            b.get("purged").forEach(p -> purged.add(p.asText()));
        }
        int pending = b.get("pending").asInt();
        Instant now = clock.instant();
        List<String> acknowledged = stations.db().tx(c -> {
            stations.reportPending(c, s.stationId(), pending, now);
            PacketRepository.confirmPurges(c, s.stationId(), purged, now);
            List<String> known = new ArrayList<>();
            for (String id : purged) {
                if (PacketRepository.find(c, id).filter(p -> p.stationId().equals(s.stationId())
                        && p.purgeConfirmedAt() != null).isPresent()) {
                    known.add(id);
                }
            }
            return known;
        });
        ObjectNode receipt = Json.MAPPER.createObjectNode();
        receipt.put("type", "station-report");
        receipt.put("receivedAt", now.toString());
        receipt.put("pending", pending);
        ArrayNode ids = receipt.putArray("purged");
        acknowledged.forEach(ids::add);
        return Response.json(200, keys.sign(SignedJson.Purpose.STATION_REPORT, s.stationId(), receipt));
    }

    public Response feedback(Request r) {
        long after;
        int limit;
        try {
            after = Long.parseLong(r.queryParam("after").filter(s -> !s.isEmpty()).orElse("0"));
            limit = Integer.parseInt(r.queryParam("limit").orElse("100"));
        } catch (NumberFormatException e) {
            throw new ApiException(400, "bad-cursor", "after must be a cursor from this feed, limit a number");
        }
        if (after < 0 || limit < 1) {
            throw new ApiException(400, "bad-cursor", "after must be >= 0 and limit >= 1");
        }
        FeedbackFeed.Page page = feed.read(station(r).stationId(), after, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items());
        body.put("nextCursor", page.nextCursor());
        body.put("hasMore", page.hasMore());
        return Response.json(200, body);
    }

    private static String text(JsonNode n, String field) {
        return n.path(field).isTextual() ? n.get(field).asText() : null;
    }

    private static Station station(Request r) {
        return r.attribute(SignatureAuthInterceptor.STATION);
    }
}
