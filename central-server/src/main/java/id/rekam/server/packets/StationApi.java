package id.rekam.server.packets;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.server.auth.SignatureAuthInterceptor;
import id.rekam.server.cases.FeedKey;
import id.rekam.server.events.EventStore;
import id.rekam.server.feed.FeedbackFeed;
import id.rekam.server.http.ApiException;
import id.rekam.server.http.Json;
import id.rekam.server.http.Request;
import id.rekam.server.http.Response;
import id.rekam.server.stations.Station;
import id.rekam.server.stations.StationRegistry;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON endpoints a station calls besides the tus upload itself. */
public final class StationApi {

    private final StationRegistry stations;
    private final PacketService packets;
    private final EventStore events;
    private final FeedbackFeed feed;
    private final Clock clock;
    private final FeedKey feedKey;

    public StationApi(StationRegistry stations, PacketService packets, EventStore events, FeedbackFeed feed,
                      Clock clock, FeedKey feedKey) {
        this.stations = stations;
        this.packets = packets;
        this.events = events;
        this.feed = feed;
        this.clock = clock;
        this.feedKey = feedKey;
    }

    /** {@code stationId} is optional: the id the station's store was created with (see StationRegistry). */
    record EnrollRequest(String enrollmentCode, String publicKey, String name, String stationId) {
    }

    /** {@code POST /v1/stations}: authenticated by the one-time code, not by a signature. */
    public Response enroll(Request r) throws IOException {
        EnrollRequest e = Json.read(r.body(), EnrollRequest.class);
        StationRegistry.Enrollment result = stations.enroll(e.enrollmentCode(), e.publicKey(), e.name(), e.stationId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stationId", result.station().stationId());
        body.put("office", result.station().office());
        body.put("enrolledAt", result.station().enrolledAt().toString());
        body.put("serverTime", clock.instant().toString());
        // The key the station pins to verify signed feed entries (sync-protocol.md §6.1).
        body.put("feedSigningKey", feedKey.publicKeyBase64());
        return Response.json(result.created() ? 201 : 200, body);
    }

    public Response announce(Request r) throws IOException {
        Announcement a = Json.read(r.body(), Announcement.class);
        PacketService.AnnounceResult result = packets.announce(station(r), a);
        Response response = Response.json(result.created() ? 201 : 200, PacketService.view(result.packet()));
        return result.created() ? response.header("Location", result.packet().uploadPath()) : response;
    }

    public Response packet(Request r) {
        String id = r.attribute("path.packetId");
        Station s = station(r);
        return packets.find(id).filter(p -> p.stationId().equals(s.stationId()))
                .map(p -> Response.json(200, PacketService.view(p)))
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
        return Response.json(200, Map.of("results", events.store(station(r).stationId(), batch)));
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

    private static Station station(Request r) {
        return r.attribute(SignatureAuthInterceptor.STATION);
    }
}
