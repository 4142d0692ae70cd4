package id.rekam.server;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.core.trust.Ed25519Raw;
import id.rekam.core.trust.ServerKeys;
import id.rekam.core.trust.SignedJson;
import id.rekam.core.trust.TransportKeyStatement;
import id.rekam.core.packet.EnrollmentPackets;
import id.rekam.server.stations.RevocationReason;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 on the server: its keys are its own and private (0600); the enrollment answer gives the
 * station what to pin; a transport key is registered only on the station key's signed word; a
 * revoked station's every request is refused with {@code station-revoked} and a signed notice
 * carrying its commands, while what it delivered before stays; the administrator revokes, commands
 * and drafts the loss notification by API and CLI.
 */
class StationSecurityTest extends ServerTestBase {

    private final EnrollmentPackets packets = new EnrollmentPackets();

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return TestStation.JSON.readTree(r.body());
    }

    @Test
    void theEnrollmentAnswerCarriesTheServersKeysAndThePrivateHalvesAreOwnerOnly() throws Exception {
        start();
        TestStation station = TestStation.enrolled(server, OFFICE);
        assertThat(station.serverKeys).isEqualTo(server.serverKeys());
        if (Files.getFileStore(dataDir).supportsFileAttributeView("posix")) {
            for (String f : new String[] {"signing.key", "packet.key"}) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("keys").resolve(f))))
                        .isEqualTo("rw-------");
            }
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("keys"))))
                    .isEqualTo("rwx------");
        }
        // A restart keeps them: stations pinned them.
        ServerKeys before = server.serverKeys();
        restart(ServerConfig.builder(dataDir));
        station.attach(server);
        assertThat(server.serverKeys()).isEqualTo(before);
        JsonNode keys = json(station.getJson("/v1/server-keys"));
        SchemaAssert.valid("api/server-keys", keys);
        assertThat(SignedJson.verify(before.signingKey(), SignedJson.Purpose.SERVER_KEYS, station.stationId, keys))
                .isTrue();
    }

    @Test
    void aTransportKeyCountsOnlyOnTheStationKeysWordAndNeverVouchesForItsSuccessor() throws Exception {
        start();
        TestStation station = TestStation.enrolled(server, OFFICE);
        byte[] seed = Ed25519Raw.newSeed();
        String key = Base64.getEncoder().encodeToString(Ed25519Raw.publicKey(seed));
        Instant at = Instant.parse("2026-11-25T08:00:00Z");
        byte[] statement = new TransportKeyStatement(station.stationId, key, at).signingInput();

        // Signed by someone else's key: refused.
        TestStation other = new TestStation(server.baseUri());
        byte[] forged = TestStation.JSON.writeValueAsBytes(Map.of("transportKey", key, "issuedAt", at.toString(),
                "signature", TestStation.sign(other.keys.getPrivate(), statement)));
        HttpResponse<String> refused = station.send("POST", "/v1/stations/transport-key", forged,
                "Content-Type", "application/json");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json(refused).get("code").asText()).isEqualTo("bad-transport-key-signature");

        station.transportSeed = seed;
        assertThat(station.getJson("/v1/feedback").statusCode()).as("not registered yet").isEqualTo(401);
        station.transportSeed = null;
        byte[] body = TestStation.JSON.writeValueAsBytes(Map.of("transportKey", key, "issuedAt", at.toString(),
                "signature", TestStation.sign(station.keys.getPrivate(), statement)));
        SchemaAssert.valid("api/transport-key-request", TestStation.JSON.readTree(body));
        assertThat(station.send("POST", "/v1/stations/transport-key", body, "Content-Type", "application/json")
                .statusCode()).isEqualTo(200);

        station.transportSeed = seed;
        assertThat(station.getJson("/v1/feedback").statusCode()).isEqualTo(200);
        // The transport key cannot register another one, even with a valid statement.
        HttpResponse<String> again = station.send("POST", "/v1/stations/transport-key", body,
                "Content-Type", "application/json");
        assertThat(again.statusCode()).isEqualTo(403);
        assertThat(json(again).get("code").asText()).isEqualTo("station-key-required");
    }

    @Test
    void aRevokedStationIsRefusedWithASignedNoticeAndWhatItDeliveredBeforeStays() throws Exception {
        start(ServerConfig.builder(dataDir).acceptUnparseableTemplates(true).adminToken("t0ken"));
        TestStation station = TestStation.enrolled(server, OFFICE);
        TestPacket before = station.seal(packets.toPacket(Records.demo(90, station.stationId)));
        station.deliver(before, 1 << 20);
        station.awaitVerdicts();
        TestPacket after = station.seal(packets.toPacket(Records.demo(91, station.stationId)));

        HttpResponse<String> revoke = admin("POST", "/admin/stations/" + station.stationId + "/revoke",
                "{\"reason\": \"stolen\", \"note\": \"dicuri\", \"command\": \"crypto-erase\"}");
        assertThat(revoke.statusCode()).as(revoke.body()).isEqualTo(200);
        assertThat(json(revoke).get("revokedReason").asText()).isEqualTo("stolen");

        for (HttpResponse<String> r : new HttpResponse[] {station.getJson("/v1/feedback"), station.announce(after),
                station.getJson("/v1/packets/" + before.id())}) {
            assertThat(r.statusCode()).isEqualTo(403);
            JsonNode error = json(r);
            SchemaAssert.valid("api/error", error);
            assertThat(error.get("code").asText()).isEqualTo("station-revoked");
            JsonNode notice = error.get("revocation");
            assertThat(SignedJson.verify(server.serverKeys().signingKey(), SignedJson.Purpose.REVOCATION,
                    station.stationId, notice)).isTrue();
            assertThat(notice.get("commands").get(0).get("command").asText()).isEqualTo("crypto-erase");
        }
        assertThat(server.admin().packets()).extracting(p -> p.packetId()).containsExactly(before.id());
        assertThat(server.admin().packets().get(0).state().wire()).isEqualTo("accepted");

        // The loss report, as JSON and as the Pasal 46 draft.
        JsonNode report = json(admin("GET", "/admin/stations/" + station.stationId + "/loss-report", null));
        assertThat(report.get("unpurgedCount").asInt()).isEqualTo(1);
        assertThat(report.get("encryptedAtRest").asBoolean()).isTrue();
        assertThat(Instant.parse(report.get("noticeDeadline").asText()))
                .isEqualTo(Instant.parse(report.get("reportedAt").asText()).plusSeconds(72 * 3600));
        HttpResponse<byte[]> pdf = station.http.send(HttpRequest.newBuilder(server.baseUri().resolve(
                        "/admin/stations/" + station.stationId + "/loss-report.pdf"))
                .header("Authorization", "Bearer t0ken").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("PEMBERITAHUAN TERTULIS")
                    .contains(station.stationId).contains(before.id());
        }
    }

    @Test
    void aLossReportIsForStolenOrLostStationsAndCommandsNeedAKnownCommand() throws Exception {
        start(ServerConfig.builder(dataDir).adminToken("t0ken"));
        TestStation station = TestStation.enrolled(server, OFFICE);
        assertThat(admin("GET", "/admin/stations/" + station.stationId + "/loss-report", null).statusCode())
                .isEqualTo(409);
        assertThat(admin("POST", "/admin/stations/" + station.stationId + "/commands", "{\"command\": \"explode\"}")
                .statusCode()).isEqualTo(400);
        HttpResponse<String> lock = admin("POST", "/admin/stations/" + station.stationId + "/commands",
                "{\"command\": \"lock\", \"reason\": \"audit\"}");
        assertThat(lock.statusCode()).isEqualTo(201);
        JsonNode entry = station.feed().get(0);
        SchemaAssert.valid("api/feed-entry", entry);
        assertThat(entry.get("type").asText()).isEqualTo("station-command");
        assertThat(SignedJson.verify(server.serverKeys().signingKey(), SignedJson.Purpose.FEED_ENTRY,
                station.stationId, entry)).isTrue();
        server.admin().revoke(station.stationId, RevocationReason.DECOMMISSIONED, null, "admin", null);
        assertThat(admin("GET", "/admin/stations/" + station.stationId + "/loss-report", null).statusCode())
                .as("a decommissioned station was not lost").isEqualTo(409);
    }

    @Test
    void theAdministratorsCommandLineRevokesCommandsAndWritesTheNotification() throws Exception {
        start();
        TestStation station = TestStation.enrolled(server, OFFICE);
        assertThat(run("station-command", "--data-dir", dataDir.toString(), "--station", station.stationId,
                "--command", "lock")).contains("lock for " + station.stationId);
        assertThat(run("revoke", "--data-dir", dataDir.toString(), "--station", station.stationId, "--reason", "lost"))
                .contains(station.stationId + " revoked (lost)");
        assertThat(run("stations", "--data-dir", dataDir.toString())).contains("REVOKED lost");
        Path pdf = dataDir.resolve("pemberitahuan.pdf");
        assertThat(run("loss-report", "--data-dir", dataDir.toString(), "--station", station.stationId,
                "--out", pdf.toString())).contains("notify by").contains("notification draft");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("dilaporkan hilang");
        }
    }

    private HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return HttpClientHolder.CLIENT.send(HttpRequest.newBuilder(server.baseUri().resolve(path))
                .header("Authorization", "Bearer t0ken").header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final class HttpClientHolder {
        static final java.net.http.HttpClient CLIENT = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
    }

    private static String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new CentralServerMain()).execute(args);
            assertThat(exit).as(buf.toString(StandardCharsets.UTF_8)).isZero();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
