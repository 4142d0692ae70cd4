package id.rekam.server;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.core.packet.EnrollmentPackets;
import id.rekam.core.packet.Packet;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static id.rekam.server.EnrollmentAndAuthTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

class TusUploadTest extends ServerTestBase {

    private final EnrollmentPackets packets = new EnrollmentPackets();

    @Test
    void optionsAdvertisesVersionExtensionsMaxSizeAndChecksums() throws Exception {
        start();
        TestStation station = new TestStation(server.baseUri());
        HttpResponse<String> r = station.http.send(HttpRequest.newBuilder(server.baseUri().resolve("/v1/uploads"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.headers().firstValue("Tus-Version")).hasValue("1.0.0");
        assertThat(r.headers().firstValue("Tus-Extension")).hasValue("creation,creation-with-upload,checksum");
        assertThat(r.headers().firstValue("Tus-Max-Size")).hasValue(Long.toString(64L * 1024 * 1024));
        assertThat(r.headers().firstValue("Tus-Checksum-Algorithm")).hasValue("sha1,sha256");
        assertThat(r.headers().firstValue("Tus-Resumable")).isEmpty();
    }

    @Test
    void createPatchInChunksHeadAndProtocolErrors() throws Exception {
        start(ServerConfig.builder(dataDir).acceptUnparseableTemplates(true));
        TestStation station = TestStation.enrolled(server, OFFICE);
        TestPacket p = station.seal(packets.toPacket(Records.demo(11, station.stationId)));
        assertThat(station.announce(p).statusCode()).isEqualTo(201);

        // Creation per tus, naming the announced packet in Upload-Metadata.
        String meta = "packetId " + Base64.getEncoder().encodeToString(p.id().getBytes()) + ",filename "
                + Base64.getEncoder().encodeToString("x.pkt".getBytes());
        HttpResponse<String> created = station.send("POST", "/v1/uploads", new byte[0], "Tus-Resumable", "1.0.0",
                "Upload-Length", Integer.toString(p.body().length), "Upload-Metadata", meta);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Tus-Resumable")).hasValue("1.0.0");
        String upload = created.headers().firstValue("Location").orElseThrow();
        assertThat(upload).startsWith("/v1/uploads/");

        HttpResponse<String> wrongLength = station.send("POST", "/v1/uploads", new byte[0], "Tus-Resumable", "1.0.0",
                "Upload-Length", "5", "Upload-Metadata", meta);
        assertError(wrongLength, 422, "upload-length-mismatch");

        // Missing or wrong Tus-Resumable: 412 with Tus-Version.
        HttpResponse<String> noVersion = station.send("HEAD", upload, new byte[0]);
        assertThat(noVersion.statusCode()).isEqualTo(412);
        assertThat(noVersion.headers().firstValue("Tus-Version")).hasValue("1.0.0");
        HttpResponse<String> oldVersion = station.send("PATCH", upload, new byte[]{1}, "Tus-Resumable", "0.2.2",
                "Content-Type", "application/offset+octet-stream", "Upload-Offset", "0");
        assertThat(oldVersion.statusCode()).isEqualTo(412);

        byte[] body = p.body();
        int chunk = 64 * 1024;
        byte[] first = Arrays.copyOfRange(body, 0, chunk);
        HttpResponse<String> r1 = station.patch(upload, 0, first, "Upload-Checksum", "sha1 " + b64("SHA-1", first));
        assertThat(r1.statusCode()).isEqualTo(204);
        assertThat(r1.headers().firstValue("Upload-Offset")).hasValue(Integer.toString(chunk));
        assertThat(r1.headers().firstValue("Tus-Resumable")).hasValue("1.0.0");
        assertThat(r1.headers().firstValue("X-Rekam-Packet-Status")).isEmpty();

        HttpResponse<String> head = station.head(upload);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Upload-Offset")).hasValue(Integer.toString(chunk));
        assertThat(head.headers().firstValue("Upload-Length")).hasValue(Integer.toString(body.length));
        assertThat(head.headers().firstValue("Cache-Control")).hasValue("no-store");

        byte[] second = Arrays.copyOfRange(body, chunk, 2 * chunk);
        // Wrong offset: 409, nothing stored.
        assertError(station.patch(upload, 0, second), 409, "offset-mismatch");
        // Checksum of other bytes: 460, chunk dropped, offset unchanged.
        HttpResponse<String> bad = station.patch(upload, chunk, second, "Upload-Checksum", "sha256 " + b64("SHA-256", first));
        assertError(bad, 460, "checksum-mismatch");
        assertThat(station.head(upload).headers().firstValue("Upload-Offset")).hasValue(Integer.toString(chunk));
        assertError(station.patch(upload, chunk, second, "Upload-Checksum", "md5 AAAA"), 400,
                "unsupported-checksum-algorithm");
        HttpResponse<String> wrongType = station.send("PATCH", upload, second, "Tus-Resumable", "1.0.0",
                "Content-Type", "application/octet-stream", "Upload-Offset", Integer.toString(chunk));
        assertThat(wrongType.statusCode()).isEqualTo(415);

        long offset = chunk;
        HttpResponse<String> last = null;
        while (offset < body.length) {
            byte[] c = Arrays.copyOfRange(body, (int) offset, (int) Math.min(body.length, offset + chunk));
            last = station.patch(upload, offset, c, "Upload-Checksum", "sha256 " + b64("SHA-256", c));
            assertThat(last.statusCode()).isEqualTo(204);
            offset = Long.parseLong(last.headers().firstValue("Upload-Offset").orElseThrow());
        }
        assertThat(offset).isEqualTo(body.length);
        assertThat(last.headers().firstValue("X-Rekam-Packet-Status")).hasValue("received");
        assertThat(last.headers().firstValue("X-Rekam-Packet-Sha256")).hasValue(p.sha256());

        // Another station cannot see or touch this upload.
        TestStation other = TestStation.enrolled(server, OFFICE);
        assertThat(other.head(upload).statusCode()).isEqualTo(404);
    }

    @Test
    void uploadResumesFromHeadOffsetAfterServerRestart() throws Exception {
        ServerConfig.Builder config = ServerConfig.builder(dataDir).acceptUnparseableTemplates(true);
        start(config);
        TestStation station = TestStation.enrolled(server, OFFICE);
        TestPacket p = station.seal(packets.toPacket(Records.demo(12, station.stationId)));
        JsonNode view = TestStation.JSON.readTree(station.announce(p).body());
        String upload = view.get("uploadUrl").asText();
        byte[] body = p.body();
        int half = body.length / 2;
        assertThat(station.patch(upload, 0, Arrays.copyOfRange(body, 0, half)).statusCode()).isEqualTo(204);

        restart(config);
        station.attach(server);
        HttpResponse<String> head = station.head(upload);
        assertThat(head.statusCode()).isEqualTo(200);
        long offset = Long.parseLong(head.headers().firstValue("Upload-Offset").orElseThrow());
        assertThat(offset).isEqualTo(half);

        HttpResponse<String> last = station.patch(upload, offset, Arrays.copyOfRange(body, half, body.length));
        assertThat(last.statusCode()).isEqualTo(204);
        assertThat(last.headers().firstValue("X-Rekam-Packet-Status")).hasValue("received");
        List<JsonNode> feed = station.feed();
        assertThat(feed).hasSize(1);
        assertThat(feed.get(0).get("type").asText()).isEqualTo("accepted");
        assertThat(feed.get(0).get("packetId").asText()).isEqualTo(p.id());
    }

    @Test
    void fileLongerThanRecordedOffsetIsCutBackBeforeAppending() throws Exception {
        // A crash between the fsync of a chunk and the offset commit leaves extra bytes on disk;
        // the station re-sends that chunk from the recorded offset and the result must be exact.
        ServerConfig.Builder config = ServerConfig.builder(dataDir).acceptUnparseableTemplates(true);
        start(config);
        TestStation station = TestStation.enrolled(server, OFFICE);
        TestPacket p = station.seal(packets.toPacket(Records.demo(13, station.stationId)));
        String upload = TestStation.JSON.readTree(station.announce(p).body()).get("uploadUrl").asText();
        byte[] body = p.body();
        assertThat(station.patch(upload, 0, Arrays.copyOfRange(body, 0, 1000)).statusCode()).isEqualTo(204);
        server.stop();
        java.nio.file.Path part = dataDir.resolve("uploads").resolve(upload.substring("/v1/uploads/".length()) + ".part");
        java.nio.file.Files.write(part, new byte[]{9, 9, 9}, java.nio.file.StandardOpenOption.APPEND);
        start(config);
        station.attach(server);
        HttpResponse<String> last = station.patch(upload, 1000, Arrays.copyOfRange(body, 1000, body.length));
        assertThat(last.headers().firstValue("X-Rekam-Packet-Status")).hasValue("received");
        assertThat(station.feed().get(0).get("type").asText()).isEqualTo("accepted");
    }

    /** Announce, creation and the whole body in one request; repeats and conflicts as for announce. */
    @Test
    void creationWithUploadCarryingTheAnnouncementDeliversInOneRequest() throws Exception {
        start(ServerConfig.builder(dataDir).acceptUnparseableTemplates(true));
        TestStation station = TestStation.enrolled(server, OFFICE);
        TestPacket p = station.seal(packets.toPacket(Records.demo(15, station.stationId)));
        byte[] body = p.body();

        HttpResponse<String> r = createWithUpload(station, p, station.announcement(p), body);
        assertThat(r.statusCode()).isEqualTo(201);
        String upload = r.headers().firstValue("Location").orElseThrow();
        assertThat(upload).startsWith("/v1/uploads/");
        assertThat(r.headers().firstValue("Upload-Offset")).hasValue(Integer.toString(body.length));
        assertThat(r.headers().firstValue("X-Rekam-Packet-Status")).hasValue("received");
        assertThat(r.headers().firstValue("X-Rekam-Packet-Sha256")).hasValue(p.sha256());
        assertThat(station.feed().get(0).get("type").asText()).isEqualTo("accepted");

        // The same request again (its answer was lost): the same upload, already delivered.
        HttpResponse<String> again = createWithUpload(station, p, station.announcement(p), body);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Location")).hasValue(upload);
        assertThat(again.headers().firstValue("X-Rekam-Packet-Status")).hasValue("received");
        assertThat(station.feed()).hasSize(1);

        // Same id, other content: the announce's conflict.
        byte[] other = body.clone();
        other[other.length - 1] ^= 1;
        String otherSha = java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(other));
        assertError(createWithUpload(station, p, station.announcement(p.id(), "enrollment", other.length, otherSha, p),
                other), 409, "packet-conflict");

        // A damaged body is dropped (460) but the announcement holds; a resend completes it.
        TestPacket q = station.seal(packets.toPacket(Records.demo(16, station.stationId)));
        HttpResponse<String> damaged = send(station, q, station.announcement(q), q.body(),
                "sha256 " + b64("SHA-256", other));
        assertError(damaged, 460, "checksum-mismatch");
        JsonNode view = TestStation.JSON.readTree(station.getJson("/v1/packets/" + q.id()).body());
        assertThat(view.get("state").asText()).isEqualTo("awaiting-upload");
        assertThat(view.get("uploadOffset").asLong()).isZero();
        HttpResponse<String> resent = createWithUpload(station, q, station.announcement(q), q.body());
        assertThat(resent.headers().firstValue("X-Rekam-Packet-Status")).hasValue("received");

        // The announcement must describe this upload.
        TestPacket s = station.seal(packets.toPacket(Records.demo(17, station.stationId)));
        assertError(send(station, s, station.announcement(q), s.body(), null), 400, "announcement-mismatch");
        // An announced upload part-way through ignores a creation body and tells where to go on.
        TestPacket t = station.seal(packets.toPacket(Records.demo(18, station.stationId)));
        String tUpload = TestStation.JSON.readTree(station.announce(t).body()).get("uploadUrl").asText();
        assertThat(station.patch(tUpload, 0, Arrays.copyOfRange(t.body(), 0, 1000)).statusCode()).isEqualTo(204);
        HttpResponse<String> late = createWithUpload(station, t, station.announcement(t), t.body());
        assertThat(late.statusCode()).isEqualTo(201);
        assertThat(late.headers().firstValue("Upload-Offset")).hasValue("1000");
        assertThat(late.headers().firstValue("X-Rekam-Packet-Status")).isEmpty();
    }

    private static HttpResponse<String> createWithUpload(TestStation station, TestPacket p, byte[] announcement,
                                                         byte[] body) throws Exception {
        return send(station, p, announcement, body, "sha256 " + b64("SHA-256", body));
    }

    private static HttpResponse<String> send(TestStation station, TestPacket p, byte[] announcement, byte[] body,
                                             String checksum) throws Exception {
        String meta = "packetId " + Base64.getEncoder().encodeToString(p.id().getBytes()) + ",announcement "
                + Base64.getEncoder().encodeToString(announcement);
        List<String> headers = new java.util.ArrayList<>(List.of("Tus-Resumable", "1.0.0",
                "Upload-Length", Integer.toString(body.length), "Upload-Metadata", meta,
                "Content-Type", "application/offset+octet-stream"));
        if (checksum != null) {
            headers.addAll(List.of("Upload-Checksum", checksum));
        }
        return station.send("POST", "/v1/uploads", body, headers.toArray(String[]::new));
    }

    /** A standard tus client's hook cannot hash the chunk; PATCH (only) may sign UNSIGNED-PAYLOAD. */
    @Test
    void patchMaySignUnsignedPayloadButOtherRequestsMayNot() throws Exception {
        start(ServerConfig.builder(dataDir).acceptUnparseableTemplates(true));
        TestStation station = TestStation.enrolled(server, OFFICE);
        TestPacket p = station.seal(packets.toPacket(Records.demo(14, station.stationId)));
        String upload = TestStation.JSON.readTree(station.announce(p).body()).get("uploadUrl").asText();
        HttpResponse<String> r = station.send(unsigned(station, "PATCH", upload, p.body(),
                "Tus-Resumable", "1.0.0", "Content-Type", "application/offset+octet-stream", "Upload-Offset", "0"));
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.headers().firstValue("X-Rekam-Packet-Status")).hasValue("received");

        assertError(station.send(unsigned(station, "POST", "/v1/events", "[]".getBytes(),
                "Content-Type", "application/json")), 401, "bad-signature");
    }

    private static HttpRequest unsigned(TestStation s, String method, String path, byte[] body, String... headers) {
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = TestStation.nonce();
        HttpRequest.Builder b = HttpRequest.newBuilder(s.base.resolve(path))
                .header("X-Rekam-Station", s.stationId).header("X-Rekam-Timestamp", ts)
                .header("X-Rekam-Nonce", nonce)
                .header("X-Rekam-Signature", TestStation.sign(s.keys.getPrivate(), id.rekam.server.auth.CanonicalRequest
                        .bytes(method, path, s.stationId, ts, nonce, "UNSIGNED-PAYLOAD")))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b.build();
    }

    static String b64(String algorithm, byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance(algorithm).digest(bytes));
    }
}
