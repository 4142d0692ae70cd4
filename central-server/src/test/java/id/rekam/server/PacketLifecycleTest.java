package id.rekam.server;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.packet.EnrollmentPackets;
import id.rekam.core.packet.Packet;
import id.rekam.core.packet.PacketCodec;
import id.rekam.server.packets.PacketState;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static id.rekam.server.EnrollmentAndAuthTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

class PacketLifecycleTest extends ServerTestBase {

    private final EnrollmentPackets packets = new EnrollmentPackets();

    @Test
    void deliveredPacketIsAcceptedAndRedeliveryReturnsTheOriginalResult() throws Exception {
        start(ServerConfig.builder(dataDir).acceptUnparseableTemplates(true));
        TestStation station = TestStation.enrolled(server, OFFICE);
        TestPacket p = station.seal(packets.toPacket(Records.demo(21, station.stationId)));

        HttpResponse<String> last = station.deliver(p, 100_000);
        assertThat(last.headers().firstValue("X-Rekam-Packet-Status")).hasValue("received");
        List<JsonNode> feed = station.feed();
        assertThat(feed).hasSize(1);
        JsonNode accepted = feed.get(0);
        assertThat(accepted.get("type").asText()).isEqualTo("accepted");
        assertThat(accepted.get("packetId").asText()).isEqualTo(p.id());
        // DemoRecords' templates are random bytes: accepted here only because the server was told to skip them.
        assertThat(accepted.get("warnings")).hasSize(10);

        JsonNode state = TestStation.JSON.readTree(station.getJson("/v1/packets/" + p.id()).body());
        assertThat(state.get("state").asText()).isEqualTo("accepted");
        assertThat(state.get("sha256").asText()).isEqualTo(p.sha256());

        // Same id, same content again: the original result, no new row, no new feed entry.
        HttpResponse<String> again = station.announce(p);
        assertThat(again.statusCode()).isEqualTo(200);
        JsonNode againView = TestStation.JSON.readTree(again.body());
        assertThat(againView.get("state").asText()).isEqualTo("accepted");
        assertThat(againView.get("uploadOffset").asLong()).isEqualTo(p.body().length);
        assertThat(station.head(againView.get("uploadUrl").asText()).headers().firstValue("X-Rekam-Packet-Status"))
                .hasValue("received");
        assertThat(server.admin().packets()).hasSize(1);
        assertThat(station.feed()).hasSize(1);

        // Same id, other content: 409 conflict with the two hashes, marked not retryable.
        byte[] other = p.body().clone();
        other[other.length - 1] ^= 1;
        String otherSha = PacketCodec.sha256Hex(other);
        HttpResponse<String> conflict = station.send("POST", "/v1/packets",
                station.announcement(p.id(), "enrollment", other.length, otherSha, p), "Content-Type", "application/json");
        assertThat(conflict.statusCode()).isEqualTo(409);
        JsonNode c = TestStation.JSON.readTree(conflict.body());
        assertThat(c.get("code").asText()).isEqualTo("packet-conflict");
        assertThat(c.get("storedSha256").asText()).isEqualTo(p.sha256());
        assertThat(c.get("announcedSha256").asText()).isEqualTo(otherSha);
        assertThat(c.get("retryable").asBoolean()).isFalse();
        assertThat(server.admin().packets()).hasSize(1);
    }

    @Test
    void bodyThatDoesNotMatchTheAnnouncedHashIsRejectedWithReason() throws Exception {
        start(ServerConfig.builder(dataDir).acceptUnparseableTemplates(true));
        TestStation station = TestStation.enrolled(server, OFFICE);
        TestPacket p = station.seal(packets.toPacket(Records.demo(22, station.stationId)));
        byte[] announcedBody = p.body().clone();
        announcedBody[100] ^= 1;
        HttpResponse<String> a = station.send("POST", "/v1/packets", station.announcement(p.id(), "enrollment",
                p.body().length, PacketCodec.sha256Hex(announcedBody), p), "Content-Type", "application/json");
        assertThat(a.statusCode()).isEqualTo(201);
        String upload = TestStation.JSON.readTree(a.body()).get("uploadUrl").asText();
        HttpResponse<String> last = station.patch(upload, 0, p.body());
        assertThat(last.statusCode()).isEqualTo(204);
        assertThat(last.headers().firstValue("X-Rekam-Packet-Status")).hasValue("rejected");
        assertThat(last.headers().firstValue("X-Rekam-Packet-Reason")).hasValue("body-sha256-mismatch");
        JsonNode entry = station.feed().get(0);
        assertThat(entry.get("type").asText()).isEqualTo("rejected");
        assertThat(entry.get("reason").get("code").asText()).isEqualTo("body-sha256-mismatch");
        assertThat(server.admin().packets().get(0).state()).isEqualTo(PacketState.REJECTED);
        assertThat(dataDir.resolve("packets").resolve(p.id() + ".pkt")).doesNotExist();
    }

    @Test
    void announceWithForeignSignatureOrUnknownKindIsRefused() throws Exception {
        start();
        TestStation station = TestStation.enrolled(server, OFFICE);
        TestStation other = TestStation.enrolled(server, OFFICE);
        TestPacket p = station.seal(packets.toPacket(Records.demo(23, station.stationId)));
        // Signed by another station's packet key but sent with this station's request signature.
        byte[] forged = other.announcement(p);
        assertError(station.send("POST", "/v1/packets", forged, "Content-Type", "application/json"),
                422, "bad-packet-signature");
        assertError(station.send("POST", "/v1/packets", station.announcement(p.id(), "handover", p.body().length,
                p.sha256(), p), "Content-Type", "application/json"), 422, "unsupported-kind");
        assertThat(server.admin().packets()).isEmpty();
    }

    @Test
    void unparseableTemplatesAreRejectedUnlessTheServerIsToldToSkipThem() throws Exception {
        start();
        TestStation station = TestStation.enrolled(server, OFFICE);
        TestPacket p = station.seal(packets.toPacket(Records.demo(24, station.stationId)));
        station.deliver(p, 1 << 20);
        JsonNode entry = station.feed().get(0);
        assertThat(entry.get("type").asText()).isEqualTo("rejected");
        assertThat(entry.get("reason").get("code").asText()).isEqualTo("unparseable-template");
        assertThat(entry.get("reason").get("message").asText()).contains("finger-01.tpl");
    }

    @Test
    void sameNikFromAnotherStationIsADuplicateOfTheFirstRecord() throws Exception {
        start(ServerConfig.builder(dataDir).acceptUnparseableTemplates(true));
        TestStation depok = TestStation.enrolled(server, OFFICE);
        TestStation klaten = TestStation.enrolled(server, "33.10.05");
        EnrollmentRecord first = Records.demo(31, depok.stationId);
        TestPacket p1 = depok.seal(packets.toPacket(first));
        depok.deliver(p1, 1 << 20);

        EnrollmentRecord again = Records.samePersonAs(first, Records.demo(32, klaten.stationId));
        TestPacket p2 = klaten.seal(packets.toPacket(again));
        assertThat(p2.id()).isNotEqualTo(p1.id());
        klaten.deliver(p2, 1 << 20);

        JsonNode dup = klaten.feed().get(0);
        assertThat(dup.get("type").asText()).isEqualTo("duplicate");
        assertThat(dup.get("packetId").asText()).isEqualTo(p2.id());
        assertThat(dup.get("matchedBy").asText()).isEqualTo("nik");
        JsonNode of = dup.get("duplicateOf");
        assertThat(of.get("packetId").asText()).isEqualTo(p1.id());
        assertThat(of.get("stationId").asText()).isEqualTo(depok.stationId);
        assertThat(of.get("office").asText()).isEqualTo(OFFICE);
        // The station holds this NIK already: it is shown in full.
        assertThat(of.get("nik").asText()).isEqualTo(first.demographics().nik().value());
        assertThat(of.get("nikMasked").asBoolean()).isFalse();
        assertThat(depok.feed().get(0).get("type").asText()).isEqualTo("accepted");
    }

    @Test
    void samePersonUploadedAtTheSameMomentFromTwoStationsPassesOnlyOnce() throws Exception {
        // Uploads no longer share one lock; decisions must still be serial.
        start(ServerConfig.builder(dataDir).acceptUnparseableTemplates(true));
        TestStation depok = TestStation.enrolled(server, OFFICE);
        TestStation klaten = TestStation.enrolled(server, "33.10.05");
        for (int round = 0; round < 5; round++) {
            EnrollmentRecord first = Records.demo(70 + round, depok.stationId);
            TestPacket p1 = depok.seal(packets.toPacket(first));
            TestPacket p2 = klaten.seal(packets.toPacket(Records.samePersonAs(first, Records.demo(80 + round, klaten.stationId))));
            java.util.concurrent.CompletableFuture<HttpResponse<String>> a =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> deliver(depok, p1));
            java.util.concurrent.CompletableFuture<HttpResponse<String>> b =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> deliver(klaten, p2));
            assertThat(a.get().headers().firstValue("X-Rekam-Packet-Status")).hasValue("received");
            assertThat(b.get().headers().firstValue("X-Rekam-Packet-Status")).hasValue("received");
        }
        List<String> verdicts = new java.util.ArrayList<>();
        depok.feed().forEach(n -> verdicts.add(n.get("type").asText()));
        klaten.feed().forEach(n -> verdicts.add(n.get("type").asText()));
        assertThat(verdicts).hasSize(10);
        assertThat(verdicts.stream().filter("accepted"::equals).count()).isEqualTo(5);
        assertThat(verdicts.stream().filter("duplicate"::equals).count()).isEqualTo(5);
    }

    private static HttpResponse<String> deliver(TestStation station, TestPacket p) {
        try {
            return station.deliver(p, 1 << 20);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void renameUndoneByACrashIsRepeatedAtTheNextStartAndThePacketDecided() throws Exception {
        // The directory is not synced per packet: a crash may leave the acknowledged body under its upload name.
        ServerConfig.Builder config = ServerConfig.builder(dataDir).acceptUnparseableTemplates(true);
        start(config);
        TestStation station = TestStation.enrolled(server, OFFICE);
        TestPacket p = station.seal(packets.toPacket(Records.demo(64, station.stationId)));
        station.deliver(p, 1 << 20);
        station.awaitVerdicts();
        String uploadId = server.admin().packets().get(0).uploadId();
        server.stop();
        java.nio.file.Files.move(dataDir.resolve("packets").resolve(p.id() + ".pkt"),
                dataDir.resolve("uploads").resolve(uploadId + ".part"));
        undecideEveryPacket();
        start(config);
        station.attach(server);
        assertThat(station.feed()).extracting(n -> n.get("type").asText()).containsExactly("accepted");
        assertThat(dataDir.resolve("uploads").resolve(uploadId + ".part")).doesNotExist();
        assertThat(PacketCodec.sha256Hex(java.nio.file.Files.readAllBytes(
                dataDir.resolve("packets").resolve(p.id() + ".pkt")))).isEqualTo(p.sha256());
    }

    /**
     * With the server stopped, puts its database back to the moment after "received" was committed
     * and before the verdict, as a crash between the two would leave it.
     */
    private void undecideEveryPacket() throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("server.db"));
             java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE packets SET state='received', verdict_json=NULL, decided_at=NULL");
            st.executeUpdate("DELETE FROM feedback");
        }
    }

    @Test
    void packetStoredButNotDecidedBeforeACrashIsDecidedAtTheNextStart() throws Exception {
        ServerConfig.Builder config = ServerConfig.builder(dataDir).acceptUnparseableTemplates(true);
        start(config);
        TestStation station = TestStation.enrolled(server, OFFICE);
        TestPacket p = station.seal(packets.toPacket(Records.demo(63, station.stationId)));
        station.deliver(p, 1 << 20);
        server.stop();
        undecideEveryPacket();
        start(config);
        station.attach(server);
        assertThat(station.feed()).extracting(n -> n.get("type").asText()).containsExactly("accepted");
        assertThat(server.admin().packets().get(0).state()).isEqualTo(PacketState.ACCEPTED);
    }

    @Test
    void acceptedRecordsBecomePrintReadyByAdminOrAfterTheConfiguredDelay() throws Exception {
        start(ServerConfig.builder(dataDir).acceptUnparseableTemplates(true).printReadyAfter(Duration.ofMillis(300)));
        TestStation station = TestStation.enrolled(server, OFFICE);
        TestPacket p = station.seal(packets.toPacket(Records.demo(61, station.stationId)));
        station.deliver(p, 1 << 20);
        long deadline = System.currentTimeMillis() + 30_000;
        List<JsonNode> feed = station.feed();
        while (feed.size() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            feed = station.feed();
        }
        assertThat(feed).extracting(n -> n.get("type").asText()).containsExactly("accepted", "print-ready");
        assertThat(Long.parseLong(feed.get(1).get("cursor").asText()))
                .isGreaterThan(Long.parseLong(feed.get(0).get("cursor").asText()));
        assertThat(server.admin().markPrintReady(p.id())).isFalse();
    }

    @Test
    void adminMarksPrintReady() throws Exception {
        start(ServerConfig.builder(dataDir).acceptUnparseableTemplates(true));
        TestStation station = TestStation.enrolled(server, OFFICE);
        TestPacket p = station.seal(packets.toPacket(Records.demo(62, station.stationId)));
        station.deliver(p, 1 << 20);
        station.awaitVerdicts(); // print-ready needs the verdict, which the server makes in the background
        assertThat(server.admin().markPrintReady(p.id())).isTrue();
        List<JsonNode> feed = station.feed();
        assertThat(feed).extracting(n -> n.get("type").asText()).containsExactly("accepted", "print-ready");
        // The cursor resumes after what was read.
        String cursor = feed.get(0).get("cursor").asText();
        JsonNode page = TestStation.JSON.readTree(station.getJson("/v1/feedback?after=" + cursor).body());
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("type").asText()).isEqualTo("print-ready");
        assertThat(page.get("nextCursor").asText()).isEqualTo(feed.get(1).get("cursor").asText());
    }
}
