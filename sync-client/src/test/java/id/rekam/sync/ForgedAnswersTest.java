package id.rekam.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.packet.PacketCodec;
import id.rekam.core.trust.SignedJson;
import id.rekam.fixtures.DemoRecords;
import id.rekam.sync.api.TestServerKey;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 14, item 2: a man in the middle between the station and its real server (here a forwarding
 * mockwebserver that rewrites what it relays, signing with a key of its own where it forges) turns a
 * duplicate into {@code accepted}, swallows an upload and answers with a receipt, or feeds an unsigned
 * {@code accepted}: the station acts on none of it — no state moves, nothing is purged, nothing counts
 * as delivered — and says why. Without the forger the same station then gets the truth.
 */
class ForgedAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    SyncTestKit kit;
    MockWebServer mitm;
    final TestServerKey forger = new TestServerKey();
    final OkHttpClient upstream = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

    /** Relays to the real server; {@code rewrite} may change the answer to a path. */
    final class Relay extends Dispatcher {
        volatile UnaryOperator<JsonNode> feed = UnaryOperator.identity();
        volatile boolean swallowUploads;

        @Override
        public MockResponse dispatch(RecordedRequest r) {
            try {
                String path = r.getRequestUrl().encodedPath();
                if (swallowUploads && path.equals("/v1/uploads") && r.getMethod().equals("POST")) {
                    // Kept from the server; the station is told it arrived, with a receipt the forger signed.
                    String id = metadata(r.getHeader("Upload-Metadata"));
                    byte[] body = r.getBody().readByteArray();
                    String real = PacketCodec.sha256Hex(body);
                    return new MockResponse().setResponseCode(201).setHeader("Tus-Resumable", "1.0.0")
                            .setHeader("X-Rekam-Server-Time", Long.toString(System.currentTimeMillis() / 1000))
                            .setHeader("Location", "/v1/uploads/forged").setHeader("Upload-Offset", body.length)
                            .setHeader("X-Rekam-Packet-Status", "received").setHeader("X-Rekam-Packet-Sha256", real)
                            .setHeader("X-Rekam-Receipt", forger.receiptHeader(SyncTestKit.STATION, id, real, "received"));
                }
                Request.Builder b = new Request.Builder().url(kit.server.baseUri().resolve(r.getPath()).toString());
                Headers h = r.getHeaders();
                for (String name : h.names()) {
                    if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                        b.header(name, h.get(name));
                    }
                }
                byte[] body = r.getBody().readByteArray();
                String type = r.getHeader("Content-Type");
                b.method(r.getMethod(), r.getMethod().equals("GET") || r.getMethod().equals("HEAD") ? null
                        : RequestBody.create(body, type == null ? null : MediaType.get(type)));
                try (Response answer = upstream.newCall(b.build()).execute()) {
                    MockResponse out = new MockResponse().setResponseCode(answer.code());
                    answer.headers().forEach(p -> {
                        if (!p.getFirst().equalsIgnoreCase("Content-Length")) {
                            out.addHeader(p.getFirst(), p.getSecond());
                        }
                    });
                    byte[] bytes = answer.body() == null ? new byte[0] : answer.body().bytes();
                    if (path.equals("/v1/feedback") && answer.code() == 200) {
                        bytes = JSON.writeValueAsBytes(feed.apply(JSON.readTree(bytes)));
                    }
                    return out.setBody(new okio.Buffer().write(bytes));
                }
            } catch (IOException e) {
                return new MockResponse().setResponseCode(502);
            }
        }
    }

    static String metadata(String header) {
        for (String pair : header.split(",")) {
            if (pair.startsWith("packetId ")) {
                return new String(Base64.getDecoder().decode(pair.substring(9)), StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("no packetId");
    }

    @AfterEach
    void tearDown() throws IOException {
        if (mitm != null) {
            mitm.shutdown();
        }
        upstream.dispatcher().executorService().shutdown();
        if (kit != null) {
            kit.close();
        }
    }

    private SyncService through(Relay relay) throws IOException {
        mitm = new MockWebServer();
        mitm.setDispatcher(relay);
        mitm.start();
        // One upload at a time: the first record reaches the server first, and the second is its duplicate.
        return new SyncService(kit.store, SyncTestKit.fastConfig(mitm.url("/").uri()).withRetention(Duration.ZERO)
                .withConcurrency(1),
                java.time.Clock.systemUTC(), id.rekam.sync.retry.Backoff.threadLocalRandom(),
                new Messages(Locale.ENGLISH));
    }

    /** Two records of one person: the server finds the second a duplicate of the first. */
    private List<String> samePersonTwice() {
        List<String> first = kit.capture(1, 3, true);
        var demo = new DemoRecords(3, SyncTestKit.VILLAGE, SyncTestKit.STATION);
        var person = demo.next();
        var again = new DemoRecords(99, SyncTestKit.VILLAGE, SyncTestKit.STATION).next();
        String second = kit.store.saveEnrollment(new id.rekam.core.domain.EnrollmentRecord(again.id(),
                person.demographics(), again.photo(), again.fingerprints(), again.signature(), again.stationId(),
                again.operatorId(), again.createdAt())).packetId();
        kit.store.outbox().approve(List.of(second), "spv");
        kit.store.outbox().enqueue(List.of(second), "spv");
        return List.of(first.get(0), second);
    }

    private OutboxState state(String id) {
        return kit.store.outbox().entry(id).orElseThrow().state();
    }

    @Test
    void aDuplicateForgedIntoAcceptedChangesNothingAndIsNotPurged() throws Exception {
        kit = SyncTestKit.start(dir);
        List<String> ids = samePersonTwice();
        Relay relay = new Relay();
        // While the packets go up, the feed shows nothing yet (the server may decide fast).
        relay.feed = page -> JSON.createObjectNode().<ObjectNode>set("items", JSON.createArrayNode())
                .put("nextCursor", "0").put("hasMore", false);
        try (SyncService sync = through(relay)) {
            sync.runOnce();
            assertThat(kit.server.awaitDecisions(Duration.ofSeconds(30))).isTrue();
            assertThat(state(ids.get(1))).isEqualTo(OutboxState.ACKNOWLEDGED);
            String cursorBefore = kit.store.outbox().feedCursor().orElse("0");
            // The duplicate verdict becomes "accepted", re-signed by the man in the middle.
            relay.feed = page -> {
                for (JsonNode item : page.get("items")) {
                    if (item.get("type").asText().equals("duplicate")) {
                        ObjectNode forged = ((ObjectNode) item).deepCopy();
                        forged.put("type", "accepted");
                        forged.remove(List.of("matchedBy", "duplicateOf", "fingers", "matchThreshold"));
                        ((ArrayNode) page.get("items")).set(indexOf(page, item),
                                forger.sign(SignedJson.Purpose.FEED_ENTRY, SyncTestKit.STATION, forged));
                    }
                }
                return page;
            };
            assertThatThrownBy(sync::runOnce).isInstanceOfSatisfying(SyncFailure.class,
                    f -> assertThat(f.kind()).isEqualTo(SyncFailure.Kind.UNTRUSTED));
            assertThat(sync.status().lastFailure()).contains("not carry the signature");
            assertThat(state(ids.get(1))).isEqualTo(OutboxState.ACKNOWLEDGED);
            assertThat(kit.store.outbox().readPacket(ids.get(1)).body()).as("not purged").isNotEmpty();
            assertThat(kit.store.outbox().feedCursor().orElse("0")).isEqualTo(cursorBefore);

            // The same forgery without any signature: refused the same way.
            relay.feed = page -> {
                ObjectNode unsigned = JSON.createObjectNode().put("cursor", "999").put("type", "accepted")
                        .put("packetId", ids.get(1)).put("at", "2026-11-25T08:00:00Z");
                ((ArrayNode) page.get("items")).insert(0, unsigned);
                return page;
            };
            assertThatThrownBy(sync::runOnce).isInstanceOfSatisfying(SyncFailure.class,
                    f -> assertThat(f.kind()).isEqualTo(SyncFailure.Kind.UNTRUSTED));
            assertThat(state(ids.get(1))).isEqualTo(OutboxState.ACKNOWLEDGED);
        }
        // Without the man in the middle: the truth.
        try (SyncService sync = new SyncService(kit.store, SyncTestKit.fastConfig(kit.server.baseUri()))) {
            sync.runOnce();
        }
        assertThat(state(ids.get(0))).isEqualTo(OutboxState.CONFIRMED);
        assertThat(state(ids.get(1))).isEqualTo(OutboxState.DUPLICATE);
    }

    @Test
    void aSwallowedUploadWithAForgedReceiptIsNeverCountedDelivered() throws Exception {
        kit = SyncTestKit.start(dir);
        String id = kit.capture(1, 7, true).get(0);
        Relay relay = new Relay();
        relay.swallowUploads = true;
        try (SyncService sync = through(relay)) {
            assertThatThrownBy(sync::runOnce).isInstanceOfSatisfying(SyncFailure.class,
                    f -> assertThat(f.kind()).isEqualTo(SyncFailure.Kind.UNTRUSTED));
        }
        assertThat(state(id)).isEqualTo(OutboxState.QUEUED);
        assertThat(kit.server.admin().packets()).isEmpty();
        try (SyncService sync = new SyncService(kit.store, SyncTestKit.fastConfig(kit.server.baseUri()))) {
            kit.pass(sync);
        }
        assertThat(state(id)).isEqualTo(OutboxState.CONFIRMED);
    }

    private static int indexOf(JsonNode page, JsonNode item) {
        ArrayNode items = (ArrayNode) page.get("items");
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == item) {
                return i;
            }
        }
        throw new IllegalStateException();
    }
}
