package id.rekam.server;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.core.packet.EnrollmentPackets;
import id.rekam.core.packet.Packet;
import id.rekam.server.interop.NodeTus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The protocol claims a standard tus 1.0.0 client interoperates given a hook that adds the
 * §3 headers. This drives the unmodified tus-js-client (Node, pinned in interop/tus) against the
 * in-process server, signing in its onBeforeRequest hook with UNSIGNED-PAYLOAD on PATCH.
 * tus-js-client does not implement the checksum extension, so no Upload-Checksum is sent here.
 */
class TusJsClientInteropTest extends ServerTestBase {

    private static final int CHUNK = 64 * 1024;
    private static NodeTus node;

    private final EnrollmentPackets packets = new EnrollmentPackets();

    /** Per test, so that without node each test is reported skipped with the reason (require() is cached). */
    @BeforeEach
    void nodeAndPackages() {
        node = NodeTus.require();
    }

    @Test
    void nodeSigningMatchesTheDocumentedTestVector() {
        NodeTus.Exec r = node.node("--test", "rekam-signing.test.mjs");
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
        assertThat(r.stdout()).contains("# pass 2").contains("# fail 0");
    }

    @Test
    void tusJsClientUploadsAnAnnouncedPacketAndTheServerVerifiesIt() throws Exception {
        start(ServerConfig.builder(dataDir).acceptUnparseableTemplates(true));
        TestStation station = TestStation.enrolled(server, OFFICE);
        TestPacket p = station.seal(packets.toPacket(Records.demo(41, station.stationId)));
        JsonNode announced = TestStation.JSON.readTree(station.announce(p).body());
        Path file = write(p.body());

        NodeTus.Run run = node.upload(endpoint(), file, signing(station), "packetId=" + p.id(), "filename=x.pkt");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        // tus creation answered with the upload the announce made.
        JsonNode post = run.exchanges("POST").get(0);
        assertThat(post.get("status").asInt()).isEqualTo(201);
        assertThat(post.at("/sent/Upload-Length").asText()).isEqualTo(Integer.toString(p.body().length));
        assertThat(post.at("/received/Location").asText()).isEqualTo(announced.get("uploadUrl").asText());
        List<JsonNode> patches = run.exchanges("PATCH");
        int expected = (p.body().length + CHUNK - 1) / CHUNK;
        assertThat(expected).as("packet spans several chunks").isGreaterThan(1);
        assertThat(patches).hasSize(expected).allSatisfy(x -> assertThat(x.get("status").asInt()).isEqualTo(204));
        for (int i = 0; i < patches.size(); i++) {
            assertThat(patches.get(i).at("/sent/Upload-Offset").asLong()).isEqualTo((long) i * CHUNK);
        }
        JsonNode last = patches.get(patches.size() - 1);
        assertThat(last.at("/received/Upload-Offset").asText()).isEqualTo(Integer.toString(p.body().length));
        assertThat(last.at("/received/X-Rekam-Packet-Status").asText()).isEqualTo("received");
        assertThat(last.at("/received/X-Rekam-Packet-Sha256").asText()).isEqualTo(p.sha256());

        JsonNode view = TestStation.JSON.readTree(station.getJson("/v1/packets/" + p.id()).body());
        assertThat(view.get("state").asText()).isEqualTo("accepted");
        assertThat(view.get("sha256").asText()).isEqualTo(p.sha256());
        assertThat(station.feed()).extracting(n -> n.get("type").asText()).containsExactly("accepted");
        Path stored;
        try (var files = Files.walk(dataDir.resolve("packets"))) {
            stored = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        assertThat(sha256(Files.readAllBytes(stored))).isEqualTo(p.sha256());
    }

    @Test
    void tusJsClientResumesFromTheServersOffsetAndSeesTheDurableAckOnHead() throws Exception {
        start(ServerConfig.builder(dataDir).acceptUnparseableTemplates(true));
        TestStation station = TestStation.enrolled(server, OFFICE);
        TestPacket p = station.seal(packets.toPacket(Records.demo(42, station.stationId)));
        assertThat(station.announce(p).statusCode()).isEqualTo(201);
        Path file = write(p.body());
        Map<String, String> env = signing(station);
        env.put("TUS_URL_STORAGE", dataDir.resolve("tus-url-storage.json").toString());

        // 1. Interrupted after the first chunk, the upload URL kept in tus-js-client's url storage.
        Map<String, String> interrupted = new HashMap<>(env);
        interrupted.put("TUS_STOP_AFTER_CHUNKS", "1");
        NodeTus.Run first = node.upload(endpoint(), file, interrupted, "packetId=" + p.id());
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(3);
        assertThat(first.exchanges("PATCH")).hasSize(1);
        JsonNode partial = TestStation.JSON.readTree(station.getJson("/v1/packets/" + p.id()).body());
        assertThat(partial.get("state").asText()).isEqualTo("awaiting-upload");
        assertThat(partial.get("uploadOffset").asLong()).isEqualTo(CHUNK);
        String uploadUrl = first.last("interrupted").orElseThrow().get("url").asText();

        // 2. A new process finds the upload by fingerprint, asks HEAD, and goes on from there.
        NodeTus.Run second = node.upload(endpoint(), file, env, "packetId=" + p.id());
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.last("resuming").orElseThrow().get("url").asText()).isEqualTo(uploadUrl);
        assertThat(second.exchanges("POST")).as("no new creation").isEmpty();
        JsonNode head = second.exchanges().get(0);
        assertThat(head.get("method").asText()).isEqualTo("HEAD");
        assertThat(head.at("/sent/Tus-Resumable").asText()).isEqualTo("1.0.0");
        assertThat(head.get("status").asInt()).isEqualTo(200);
        assertThat(head.at("/received/Upload-Offset").asText()).isEqualTo(Integer.toString(CHUNK));
        assertThat(head.at("/received/Upload-Length").asText()).isEqualTo(Integer.toString(p.body().length));
        assertThat(head.at("/received/Cache-Control").asText()).isEqualTo("no-store");
        assertThat(head.at("/received/Tus-Resumable").asText()).isEqualTo("1.0.0");
        assertThat(head.at("/received/X-Rekam-Packet-Status").isMissingNode()).isTrue();
        List<JsonNode> patches = second.exchanges("PATCH");
        assertThat(patches.get(0).at("/sent/Upload-Offset").asLong()).isEqualTo(CHUNK);
        assertThat(patches.get(patches.size() - 1).at("/received/X-Rekam-Packet-Status").asText())
                .isEqualTo("received");
        JsonNode done = TestStation.JSON.readTree(station.getJson("/v1/packets/" + p.id()).body());
        assertThat(done.get("state").asText()).isEqualTo("accepted");
        assertThat(done.get("sha256").asText()).isEqualTo(p.sha256());

        // 3. As if the last 204 had been lost: the next run's HEAD is the durable ack (§4.5), no PATCH.
        NodeTus.Run third = node.upload(endpoint(), file, env, "packetId=" + p.id());
        assertThat(third.exitCode()).as(third.toString()).isZero();
        assertThat(third.exchanges()).extracting(x -> x.get("method").asText()).containsExactly("HEAD");
        JsonNode ack = third.exchanges().get(0);
        assertThat(ack.at("/received/Upload-Offset").asText()).isEqualTo(Integer.toString(p.body().length));
        assertThat(ack.at("/received/X-Rekam-Packet-Status").asText()).isEqualTo("received");
        assertThat(ack.at("/received/X-Rekam-Packet-Sha256").asText()).isEqualTo(p.sha256());
        assertThat(third.events("success")).hasSize(1);
    }

    @Test
    void aTamperedBodySentWithUnsignedPayloadEndsRejected() throws Exception {
        start(ServerConfig.builder(dataDir).acceptUnparseableTemplates(true));
        TestStation station = TestStation.enrolled(server, OFFICE);
        TestPacket p = station.seal(packets.toPacket(Records.demo(43, station.stationId)));
        assertThat(station.announce(p).statusCode()).isEqualTo(201);
        byte[] tampered = p.body().clone();
        tampered[tampered.length / 2] ^= 1;

        NodeTus.Run run = node.upload(endpoint(), write(tampered), signing(station), "packetId=" + p.id());

        // Every PATCH authenticated, but the body is not the one signed at announce.
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode last = run.exchanges("PATCH").get(run.exchanges("PATCH").size() - 1);
        assertThat(last.at("/received/X-Rekam-Packet-Status").asText()).isEqualTo("rejected");
        assertThat(last.at("/received/X-Rekam-Packet-Reason").asText()).isEqualTo("body-sha256-mismatch");
        JsonNode view = TestStation.JSON.readTree(station.getJson("/v1/packets/" + p.id()).body());
        assertThat(view.get("state").asText()).isEqualTo("rejected");
    }

    @Test
    void tusJsClientWithoutSignatureIsRefused() throws Exception {
        start(ServerConfig.builder(dataDir).acceptUnparseableTemplates(true));
        TestStation station = TestStation.enrolled(server, OFFICE);
        TestPacket p = station.seal(packets.toPacket(Records.demo(44, station.stationId)));
        assertThat(station.announce(p).statusCode()).isEqualTo(201);

        NodeTus.Run run = node.upload(endpoint(), write(p.body()), Map.of(), "packetId=" + p.id());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.exchanges()).singleElement().satisfies(x -> {
            assertThat(x.get("method").asText()).isEqualTo("POST");
            assertThat(x.get("status").asInt()).isEqualTo(401);
        });
        JsonNode view = TestStation.JSON.readTree(station.getJson("/v1/packets/" + p.id()).body());
        assertThat(view.get("uploadOffset").asLong()).isZero();
    }

    private URI endpoint() {
        return server.baseUri().resolve("/v1/uploads");
    }

    private static Map<String, String> signing(TestStation station) {
        Map<String, String> env = new HashMap<>();
        env.put("REKAM_STATION_ID", station.stationId);
        env.put("REKAM_STATION_KEY_PKCS8", Base64.getEncoder().encodeToString(station.keys.getPrivate().getEncoded()));
        env.put("TUS_CHUNK_SIZE", Integer.toString(CHUNK));
        return env;
    }

    private Path write(byte[] body) throws Exception {
        Path f = Files.createTempFile(dataDir, "packet", ".pkt");
        Files.write(f, body);
        return f;
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
