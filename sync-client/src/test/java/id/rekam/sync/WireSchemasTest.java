package id.rekam.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekam.core.cards.BlankLedger;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.outbox.OutboxEvent;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.packet.Packet;
import id.rekam.core.packet.PacketCodec;
import id.rekam.core.packet.PacketPart;
import id.rekam.fixtures.DemoRecords;
import id.rekam.fixtures.EnrollmentBuilder;
import id.rekam.server.schema.JsonSchemas;
import id.rekam.sync.api.CentralApi;
import id.rekam.sync.api.PacketRefused;
import id.rekam.sync.api.ServerState;
import id.rekam.sync.http.HttpClients;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the station makes, checked against docs/schemas with the validator the server uses
 * (networknt json-schema-validator): the packets the store wrote (manifest and every JSON part),
 * the events the card services put in the outbox, and — on the wire, during real passes against
 * the reference server — every request body the sync client sends and every JSON answer it
 * parses: announcements, event batches, health, packet views, feed pages with accepted,
 * duplicate and print-ready entries, event results.
 */
class WireSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    SyncTestKit kit;

    @AfterEach
    void close() {
        if (kit != null) {
            kit.close();
        }
    }

    /** Validates what passes through it; remembers each schema used and every problem found. */
    static final class SchemaCheck implements Interceptor {
        final Map<String, Integer> used = Collections.synchronizedMap(new TreeMap<>());
        final List<String> problems = Collections.synchronizedList(new ArrayList<>());

        @Override
        public Response intercept(Chain chain) throws IOException {
            Request request = chain.request();
            String path = request.url().encodedPath();
            String method = request.method();
            if (request.body() != null && request.body().contentType() != null
                    && request.body().contentType().subtype().equals("json")) {
                Buffer b = new Buffer();
                request.body().writeTo(b);
                check(requestSchema(method, path), b.readByteArray(), method + " " + path);
            }
            String metadata = request.header("Upload-Metadata");
            if (metadata != null) {
                for (String pair : metadata.split(",")) {
                    if (pair.startsWith("announcement ")) {
                        check("api/announcement", Base64.getDecoder().decode(pair.substring(13)), "Upload-Metadata");
                    }
                }
            }
            Response response = chain.proceed(request);
            String receipt = response.header("X-Rekam-Receipt");
            if (receipt != null) {
                check("api/receipt", Base64.getDecoder().decode(receipt), "X-Rekam-Receipt to " + method + " " + path);
            }
            String type = response.header("Content-Type", "");
            if (type.startsWith("application/json")) {
                String schema = answerSchema(path, response.code());
                if (schema == null) {
                    problems.add("unexpected JSON answer to " + method + " " + path);
                } else {
                    check(schema, response.peekBody(1 << 20).bytes(), response.code() + " to " + method + " " + path);
                }
            }
            return response;
        }

        private static String requestSchema(String method, String path) {
            return switch (path) {
                case "/v1/events" -> "api/events-request";
                case "/v1/coverage/tally" -> "api/coverage-tally";
                case "/v1/relay/packets" -> "api/relay-packet";
                case "/v1/relay/tallies" -> "api/relay-tally";
                case "/v1/station-report" -> "api/station-report-request";
                case "/v1/audit-anchors" -> "api/audit-anchor-request";
                default -> "api/announcement";
            };
        }

        private static String answerSchema(String path, int status) {
            if (status >= 400) {
                return "api/error";
            }
            if (path.equals("/v1/coverage/tally") || path.equals("/v1/relay/tallies")) {
                return "api/tally-result";
            }
            if (path.equals("/v1/coverage/tallies")) {
                return "api/coverage-tallies";
            }
            if (path.equals("/v1/relay/packets")) {
                return "api/relay-result";
            }
            if (path.startsWith("/v1/stations/") && path.endsWith("/key")) {
                return "api/station-key";
            }
            if (path.equals("/v1/health")) {
                return "api/health";
            }
            if (path.equals("/v1/feedback")) {
                return "api/feed-page";
            }
            if (path.equals("/v1/events")) {
                return "api/events-response";
            }
            if (path.startsWith("/v1/packets")) {
                return "api/packet-view";
            }
            if (path.equals("/v1/station-report")) {
                return "api/station-report";
            }
            if (path.equals("/v1/audit-anchors")) {
                return "api/audit-anchor";
            }
            if (path.equals("/v1/server-keys")) {
                return "api/server-keys";
            }
            return null;
        }

        void check(String schema, byte[] json, String what) throws IOException {
            used.merge(schema, 1, Integer::sum);
            for (String p : JsonSchemas.problems(schema, JSON.readTree(json))) {
                problems.add(what + " vs " + schema + ": " + p);
            }
        }
    }

    private SyncService sync(SchemaCheck check) {
        SyncConfig config = SyncTestKit.fastConfig(kit.server.baseUri()).withTallyExchange(true);
        return new SyncService(kit.store, config, Clock.systemUTC(), id.rekam.sync.retry.Backoff.threadLocalRandom(),
                new Messages(Locale.ENGLISH), HttpClients.builder(config, kit.store.stationId(), kit.store::signRequest,
                Clock.systemUTC()).addNetworkInterceptor(check).build());
    }

    @Test
    void packetsEventsAndEveryMessageOfARealPassFollowTheSchemas() throws Exception {
        kit = SyncTestKit.start(dir);
        // Full-size DemoRecords packets: every part the station writes, as the store wrote it.
        List<String> ids = kit.capture(2, 51, false);
        for (String id : ids) {
            Packet p = new PacketCodec().decode(kit.store.outbox().readPacket(id).body());
            assertThat(JsonSchemas.problems("packet/manifest", JSON.valueToTree(p.manifest()))).isEmpty();
            for (String part : List.of("record.json", "demographics.json", "fingers.json", "signature-strokes.json")) {
                byte[] bytes = p.part(part).map(PacketPart::bytes).orElseThrow();
                assertThat(JsonSchemas.problems("packet/" + part.replace(".json", ""), JSON.readTree(bytes)))
                        .as(part + " of " + id).isEmpty();
            }
        }
        // Every kind of event the card services put in the outbox.
        makeCardEvents();
        List<OutboxEvent> events = kit.store.events().pending(1_000);
        assertThat(events).extracting(OutboxEvent::type).contains("card.moved", "card.batch.flagged",
                "card.handed-over", "card.destruction.registered", "card.destruction", "blank.ledger");
        for (OutboxEvent e : events) {
            JsonNode envelope = JSON.createObjectNode().put("eventId", e.id()).put("type", e.type())
                    .put("occurredAt", e.createdAt().toString()).set("payload", JSON.readTree(e.jsonPayload()));
            assertThat(JsonSchemas.problems("events/event", envelope)).as(envelope.toString()).isEmpty();
        }

        SchemaCheck check = new SchemaCheck();
        String again;
        try (SyncService sync = sync(check)) {
            kit.pass(sync);
            // A second recording of the first person (a NIK duplicate) and the first made print-ready.
            EnrollmentRecord first = new DemoRecords(51, SyncTestKit.VILLAGE, SyncTestKit.STATION).next();
            EnrollmentRecord other = new DemoRecords(52, SyncTestKit.VILLAGE, SyncTestKit.STATION).next();
            again = kit.store.saveEnrollment(EnrollmentBuilder.from(other).demographics(first.demographics()).build())
                    .packetId();
            kit.store.outbox().approve(List.of(again), "spv");
            kit.store.outbox().enqueue(List.of(again), "spv");
            assertThat(kit.server.admin().markPrintReady(ids.get(1))).isTrue();
            kit.pass(sync);
        }
        // The packet view, as the station reads it after a lost answer, and a 404 error body.
        CentralApi api = new CentralApi(HttpClients.builder(SyncTestKit.fastConfig(kit.server.baseUri()),
                kit.store.stationId(), kit.store::signRequest, Clock.systemUTC()).addNetworkInterceptor(check).build(),
                kit.server.baseUri(), new id.rekam.sync.api.ServerVerifier(kit.store.stationId(),
                () -> kit.store.serverTrust().orElseThrow().keys().signingKey()));
        assertThat(api.packet(ids.get(1)).state()).isEqualTo(ServerState.PRINT_READY);
        assertThatThrownBy(() -> api.packet("no-such")).isInstanceOf(PacketRefused.class);
        // A head below the one anchored: 409 audit-rollback, carrying the receipt of the higher one.
        JsonNode highest = api.auditAnchor(1, new byte[32]);
        assertThat(highest.path("seq").asLong()).isGreaterThan(1);

        assertThat(check.problems).isEmpty();
        assertThat(check.used).containsKeys("api/announcement", "api/events-request", "api/events-response",
                "api/health", "api/feed-page", "api/packet-view", "api/error", "api/coverage-tally",
                "api/tally-result", "api/coverage-tallies", "api/receipt",
                "api/station-report-request", "api/station-report", "api/audit-anchor-request", "api/audit-anchor");
        assertThat(check.used.get("api/error")).as("the 404 and the 409 audit-rollback").isGreaterThanOrEqualTo(2);
        assertThat(kit.store.outbox().entry(again).orElseThrow().state()).isEqualTo(OutboxState.DUPLICATE);
    }

    private void makeCardEvents() {
        kit.cardLifecycle(new DemoRecords(51, SyncTestKit.VILLAGE, SyncTestKit.STATION).next().demographics().nik().value());
        BlankLedger blanks = new BlankLedger(kit.store);
        blanks.receive(50, "SPB-1", "spv");
        blanks.spoil(1, "tinta luntur", "spv");
    }
}
