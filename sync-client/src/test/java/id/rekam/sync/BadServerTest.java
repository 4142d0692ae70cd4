package id.rekam.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rekam.core.audit.AuditEntry;
import id.rekam.core.outbox.OutboxEntry;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.trust.SignedJson;
import id.rekam.sync.api.TestServerKey;
import id.rekam.sync.http.PinnedTrustManager;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A server that answers wrongly — malformed JSON, a wrong hash in the acknowledgement, unknown
 * states, a captive portal, the wrong TLS key — never gets a packet counted as delivered, and
 * the failure is reported with a clear reason.
 */
class BadServerTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    SyncTestKit kit;
    MockWebServer mock;
    Script script;
    String packetId;
    OutboxEntry entry;
    /** The key the station pinned: what this scripted server signs with. */
    static final TestServerKey SERVER = new TestServerKey();
    /** SHA-256 and length of the sealed packet, what goes on the wire. */
    String sealedSha;
    long sealedLength;

    /** Per-path answers; the health probe echoes the nonce unless replaced. */
    static final class Script extends Dispatcher {
        Function<RecordedRequest, MockResponse> health = r -> json(200, JSON.createObjectNode()
                .put("service", "rekam-central").put("nonce", r.getRequestUrl().queryParameter("nonce")));
        Function<RecordedRequest, MockResponse> announce = r -> new MockResponse().setResponseCode(500);
        Function<RecordedRequest, MockResponse> patch = r -> new MockResponse().setResponseCode(500);
        Function<RecordedRequest, MockResponse> head = r -> new MockResponse().setResponseCode(500);
        /** As a server from before creation-with-upload answers, unless a test replaces it. */
        Function<RecordedRequest, MockResponse> create = r -> json(400, JSON.createObjectNode()
                .put("code", "creation-with-upload-unsupported").put("message", "send the body with PATCH"));
        Function<RecordedRequest, MockResponse> feedback = r -> json(200, JSON.createObjectNode()
                .<ObjectNode>set("items", JSON.createArrayNode()).put("nextCursor", "0").put("hasMore", false));
        Function<RecordedRequest, MockResponse> report = r -> json(200, SERVER.sign(SignedJson.Purpose.STATION_REPORT,
                SyncTestKit.STATION, JSON.createObjectNode().put("type", "station-report")
                        .put("receivedAt", "2026-11-25T08:00:00Z").put("pending", 0)
                        .<ObjectNode>set("purged", JSON.createArrayNode())));
        /** The audit anchor as the reference server gives it (§8a), for the head the station sent. */
        Function<RecordedRequest, MockResponse> anchor = r -> {
            try {
                com.fasterxml.jackson.databind.JsonNode b = JSON.readTree(r.getBody().readUtf8());
                return json(201, SERVER.sign(SignedJson.Purpose.AUDIT_ANCHOR, SyncTestKit.STATION,
                        JSON.createObjectNode().put("type", "audit-anchor").put("stationId", SyncTestKit.STATION)
                                .put("seq", b.path("seq").asLong()).put("hash", b.path("hash").asText())
                                .put("anchoredAt", "2026-11-25T08:00:00Z")));
            } catch (java.io.IOException e) {
                return new MockResponse().setResponseCode(400);
            }
        };

        @Override
        public MockResponse dispatch(RecordedRequest r) {
            String path = r.getRequestUrl().encodedPath();
            if (r.getHeader("X-Rekam-Signature") == null) {
                return new MockResponse().setResponseCode(401);
            }
            if (path.equals("/v1/health")) {
                return health.apply(r);
            }
            if (path.equals("/v1/packets")) {
                return announce.apply(r);
            }
            if (path.equals("/v1/uploads") && r.getMethod().equals("POST")) {
                return create.apply(r);
            }
            if (path.startsWith("/v1/uploads/") && r.getMethod().equals("PATCH")) {
                return patch.apply(r);
            }
            if (path.startsWith("/v1/uploads/") && r.getMethod().equals("HEAD")) {
                return head.apply(r);
            }
            if (path.equals("/v1/feedback")) {
                return feedback.apply(r);
            }
            if (path.equals("/v1/station-report")) {
                return report.apply(r);
            }
            if (path.equals("/v1/audit-anchors")) {
                return anchor.apply(r);
            }
            return new MockResponse().setResponseCode(404);
        }
    }

    static MockResponse json(int code, Object body) {
        try {
            return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                    .setHeader("X-Rekam-Server-Time", Long.toString(System.currentTimeMillis() / 1000))
                    .setBody(JSON.writeValueAsString(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    ObjectNode view(String state) {
        return JSON.createObjectNode().put("packetId", packetId).put("state", state).put("sha256", sealedSha)
                .put("size", sealedLength).put("uploadUrl", "/v1/uploads/u1").put("uploadOffset", 0);
    }

    /** The server's answer to the last chunk: stored, with its signed receipt naming {@code sha}. */
    MockResponse ack(String sha) {
        return new MockResponse().setResponseCode(204).setHeader("Tus-Resumable", "1.0.0")
                .setHeader("X-Rekam-Server-Time", Long.toString(System.currentTimeMillis() / 1000))
                .setHeader("Upload-Offset", Long.toString(sealedLength))
                .setHeader("X-Rekam-Packet-Status", "received").setHeader("X-Rekam-Packet-Sha256", sha)
                .setHeader("X-Rekam-Receipt", SERVER.receiptHeader(SyncTestKit.STATION, packetId, sha, "received"));
    }

    @BeforeEach
    void setUp() throws Exception {
        kit = SyncTestKit.storeOnly(dir);
        packetId = kit.capture(1, 21, true).get(0);
        kit.pinTestServer(SERVER.publicKey());
        entry = kit.store.outbox().entry(packetId).orElseThrow();
        byte[] sealed = kit.store.outbox().readSealed(packetId).bytes();
        sealedSha = id.rekam.core.packet.PacketCodec.sha256Hex(sealed);
        sealedLength = sealed.length;
        script = new Script();
        mock = new MockWebServer();
        mock.setDispatcher(script);
    }

    @AfterEach
    void tearDown() throws Exception {
        mock.shutdown();
        kit.close();
    }

    SyncService service(URI base, String pin) {
        return service(SyncTestKit.fastConfig(base).withTlsPin(pin));
    }

    SyncService service(SyncConfig config) {
        return new SyncService(kit.store, config, java.time.Clock.systemUTC(),
                id.rekam.sync.retry.Backoff.threadLocalRandom(), new Messages(Locale.forLanguageTag("id")));
    }

    SyncFailure failingPass() throws Exception {
        mock.start();
        try (SyncService sync = service(mock.url("/").uri(), null)) {
            SyncFailure f = (SyncFailure) catchFailure(sync);
            assertThat(sync.status().failure()).isPresent();
            return f;
        }
    }

    static Throwable catchFailure(SyncService sync) {
        try {
            sync.runOnce();
        } catch (SyncFailure f) {
            return f;
        }
        throw new AssertionError("the pass should have failed");
    }

    OutboxState state() {
        return kit.store.outbox().entry(packetId).orElseThrow().state();
    }

    void neverAcknowledged() {
        List<AuditEntry> trail = kit.store.auditTrail(0, 10_000);
        assertThat(trail).noneMatch(e -> e.details() != null && e.details().contains("\"to\":\"ACKNOWLEDGED\""));
        assertThat(state()).isNotIn(OutboxState.ACKNOWLEDGED, OutboxState.CONFIRMED);
    }

    @Test
    void malformedJsonIsAProtocolFailure() throws Exception {
        script.announce = r -> new MockResponse().setResponseCode(201).setHeader("Content-Type", "application/json")
                .setHeader("X-Rekam-Server-Time", Long.toString(System.currentTimeMillis() / 1000))
                .setBody("{\"packetId\": \"" + packetId + "\", \"state\": ");
        SyncFailure f = failingPass();
        assertThat(f.kind()).isEqualTo(SyncFailure.Kind.PROTOCOL);
        assertThat(f.getMessage()).contains("malformed JSON");
        assertThat(state()).isEqualTo(OutboxState.QUEUED);
        neverAcknowledged();
    }

    @Test
    void wrongHashInAcknowledgementParksThePacketForATechnician() throws Exception {
        script.announce = r -> json(201, view("awaiting-upload"));
        script.patch = r -> ack("0".repeat(64));
        mock.start();
        try (SyncService sync = service(mock.url("/").uri(), null)) {
            DrainPass.Result r = sync.runOnce();
            assertThat(r.parked()).isEqualTo(1);
            assertThat(sync.status().needsAttention()).isEqualTo(1);
        }
        OutboxEntry e = kit.store.outbox().entry(packetId).orElseThrow();
        assertThat(e.state()).isEqualTo(OutboxState.NEEDS_ATTENTION);
        assertThat(e.reason()).contains("acknowledged SHA-256 " + "0".repeat(64)).contains(sealedSha);
        neverAcknowledged();
    }

    @Test
    void wrongHashInTheCreationAcknowledgementParksThePacket() throws Exception {
        script.create = r -> new MockResponse().setResponseCode(201).setHeader("Tus-Resumable", "1.0.0")
                .setHeader("X-Rekam-Server-Time", Long.toString(System.currentTimeMillis() / 1000))
                .setHeader("Location", "/v1/uploads/u1")
                .setHeader("Upload-Offset", Long.toString(sealedLength))
                .setHeader("X-Rekam-Packet-Status", "received").setHeader("X-Rekam-Packet-Sha256", "0".repeat(64))
                .setHeader("X-Rekam-Receipt", SERVER.receiptHeader(SyncTestKit.STATION, packetId, "0".repeat(64),
                        "received"));
        java.util.concurrent.atomic.AtomicInteger others = new java.util.concurrent.atomic.AtomicInteger();
        script.announce = r -> {
            others.incrementAndGet();
            return new MockResponse().setResponseCode(500);
        };
        script.patch = script.announce;
        mock.start();
        try (SyncService sync = service(mock.url("/").uri(), null)) {
            assertThat(sync.runOnce().parked()).isEqualTo(1);
        }
        assertThat(others.get()).as("no announce, no PATCH besides the creation").isZero();
        OutboxEntry e = kit.store.outbox().entry(packetId).orElseThrow();
        assertThat(e.state()).isEqualTo(OutboxState.NEEDS_ATTENTION);
        assertThat(e.reason()).contains("acknowledged SHA-256 " + "0".repeat(64));
        neverAcknowledged();
    }

    @Test
    void unknownPacketStateIsAProtocolFailure() throws Exception {
        script.announce = r -> json(201, view("teleported"));
        SyncFailure f = failingPass();
        assertThat(f.kind()).isEqualTo(SyncFailure.Kind.PROTOCOL);
        assertThat(f.getMessage()).contains("unknown packet state 'teleported'");
        assertThat(state()).isEqualTo(OutboxState.QUEUED);
    }

    @Test
    void unknownUploadStatusLeavesTheUploadUnacknowledged() throws Exception {
        script.announce = r -> json(201, view("awaiting-upload"));
        script.patch = r -> ack(sealedSha).setHeader("X-Rekam-Packet-Status", "probably");
        SyncFailure f = failingPass();
        assertThat(f.kind()).isEqualTo(SyncFailure.Kind.PROTOCOL);
        // A one-chunk upload records nothing before the server's acknowledgement: still QUEUED.
        assertThat(state()).isEqualTo(OutboxState.QUEUED);
        neverAcknowledged();
    }

    @Test
    void uploadForgottenBetweenAnnounceAndPatchIsAnnouncedAgainNotParked() throws Exception {
        java.util.concurrent.atomic.AtomicInteger announces = new java.util.concurrent.atomic.AtomicInteger();
        script.announce = r -> {
            announces.incrementAndGet();
            return json(201, view("awaiting-upload"));
        };
        script.patch = r -> json(404, JSON.createObjectNode().put("code", "upload-not-found").put("message", "no"));
        SyncFailure f = failingPass();
        assertThat(f.kind()).isEqualTo(SyncFailure.Kind.SERVER_ERROR);
        assertThat(state()).isEqualTo(OutboxState.QUEUED);
        neverAcknowledged();
        script.patch = r -> ack(sealedSha);
        try (SyncService sync = service(mock.url("/").uri(), null)) {
            sync.runOnce();
        }
        assertThat(announces.get()).isEqualTo(2);
        assertThat(state()).isEqualTo(OutboxState.ACKNOWLEDGED);
    }

    @Test
    void unknownFeedTypeIsSkippedAndNeverCountsAsAVerdict() throws Exception {
        // Protocol §6: a client skips unknown feed types and still advances the cursor.
        script.announce = r -> json(201, view("awaiting-upload"));
        script.patch = r -> ack(sealedSha);
        ObjectNode item = SERVER.sign(SignedJson.Purpose.FEED_ENTRY, SyncTestKit.STATION, JSON.createObjectNode()
                .put("cursor", "5").put("type", "vanished").put("packetId", packetId).put("at", "2026-11-25T08:00:00Z"));
        script.feedback = r -> json(200, JSON.createObjectNode().<ObjectNode>set("items",
                JSON.createArrayNode().add(item)).put("nextCursor", "5").put("hasMore", false));
        mock.start();
        try (SyncService sync = service(mock.url("/").uri(), null)) {
            DrainPass.Result r = sync.runOnce();
            assertThat(r.verdicts()).isZero();
        }
        assertThat(state()).isEqualTo(OutboxState.ACKNOWLEDGED);
        assertThat(kit.store.outbox().feedCursor()).contains("5");
    }

    @Test
    void jsonWithoutTheServerTimeHeaderIsNotTheServer() throws Exception {
        script.health = r -> new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                .setBody("{\"service\":\"rekam-central\",\"nonce\":\"" + r.getRequestUrl().queryParameter("nonce")
                        + "\"}");
        assertThat(failingPass().kind()).isEqualTo(SyncFailure.Kind.CAPTIVE_PORTAL);
        assertThat(state()).isEqualTo(OutboxState.QUEUED);
    }

    @Test
    void captivePortalPageIsOfflineNotSuccess() throws Exception {
        script.health = r -> new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/html")
                .setBody("<html><body>Login Wi-Fi</body></html>");
        SyncFailure f = failingPass();
        assertThat(f.kind()).isEqualTo(SyncFailure.Kind.CAPTIVE_PORTAL);
        assertThat(new Messages(Locale.forLanguageTag("id")).reason(f)).contains("login");
        assertThat(state()).isEqualTo(OutboxState.QUEUED);
    }

    @Test
    void portalPageOnAnUploadIsAPortalNotATusError() throws Exception {
        script.announce = r -> json(201, view("awaiting-upload"));
        script.patch = r -> new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/html")
                .setBody("<html>Login</html>");
        SyncFailure f = failingPass();
        assertThat(f.kind()).isEqualTo(SyncFailure.Kind.CAPTIVE_PORTAL);
        // A one-chunk upload records nothing before the server's acknowledgement: still QUEUED.
        assertThat(state()).isEqualTo(OutboxState.QUEUED);
        neverAcknowledged();
    }

    @Test
    void jsonThatDoesNotEchoTheNonceIsNotTheServer() throws Exception {
        script.health = r -> json(200, JSON.createObjectNode().put("service", "rekam-central").put("nonce", "x"));
        assertThat(failingPass().kind()).isEqualTo(SyncFailure.Kind.CAPTIVE_PORTAL);
    }

    @Test
    void serverWithAnotherTlsKeyIsRefusedAndThePinnedOneAccepted() throws Exception {
        HeldCertificate real = new HeldCertificate.Builder().addSubjectAlternativeName("localhost")
                .addSubjectAlternativeName("127.0.0.1").build();
        HeldCertificate impostor = new HeldCertificate.Builder().addSubjectAlternativeName("localhost")
                .addSubjectAlternativeName("127.0.0.1").build();
        HandshakeCertificates served = new HandshakeCertificates.Builder().heldCertificate(impostor).build();
        mock.useHttps(served.sslSocketFactory(), false);
        script.announce = r -> json(201, view("awaiting-upload"));
        script.patch = r -> ack(sealedSha);
        mock.start();
        HttpUrl url = mock.url("/");
        try (SyncService sync = service(url.uri(), PinnedTrustManager.pinOf(real.certificate()))) {
            SyncFailure f = (SyncFailure) catchFailure(sync);
            assertThat(f.kind()).isEqualTo(SyncFailure.Kind.TLS);
            assertThat(sync.status().lastFailure()).contains("sertifikat");
        }
        assertThat(state()).isEqualTo(OutboxState.QUEUED);

        try (SyncService sync = service(url.uri(), PinnedTrustManager.pinOf(impostor.certificate()))) {
            sync.runOnce();
        }
        assertThat(state()).isEqualTo(OutboxState.ACKNOWLEDGED);
    }
}
