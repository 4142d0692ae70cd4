package id.rekam.server;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.core.packet.EnrollmentPackets;
import id.rekam.core.packet.Packet;
import id.rekam.server.auth.CanonicalRequest;
import id.rekam.server.faults.Fault;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultInjectionTest extends ServerTestBase {

    private final EnrollmentPackets packets = new EnrollmentPackets();

    /**
     * Speaks HTTP over a raw socket so the test sees exactly what the server did: it must
     * close the connection after reading part of the body, with no response at all.
     */
    @Test
    void dropCutsTheConnectionMidBodyAndNothingIsStored() throws Exception {
        start(ServerConfig.builder(dataDir).acceptUnparseableTemplates(true));
        TestStation station = TestStation.enrolled(server, OFFICE);
        TestPacket p = station.seal(packets.toPacket(Records.demo(71, station.stationId)));
        String upload = TestStation.JSON.readTree(station.announce(p).body()).get("uploadUrl").asText();
        server.faults().add(Fault.dropRequestAfter(10_000).on("PATCH", "/v1/uploads/"));

        byte[] body = p.body();
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = TestStation.nonce();
        String sig = TestStation.sign(station.keys.getPrivate(),
                CanonicalRequest.bytes("PATCH", upload, station.stationId, ts, nonce, body));
        String head = "PATCH " + upload + " HTTP/1.1\r\nHost: 127.0.0.1\r\nTus-Resumable: 1.0.0\r\n"
                + "Content-Type: application/offset+octet-stream\r\nUpload-Offset: 0\r\n"
                + "X-Rekam-Station: " + station.stationId + "\r\nX-Rekam-Timestamp: " + ts + "\r\n"
                + "X-Rekam-Nonce: " + nonce + "\r\nX-Rekam-Signature: " + sig + "\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        long sent = 0;
        String outcome;
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            try {
                // Send slowly enough that the server's drop lands while the body is still flowing.
                for (int off = 0; off < 20_000; off += 1000) {
                    out.write(body, off, 1000);
                    out.flush();
                    sent += 1000;
                }
                Thread.sleep(300);
                out.write(body, 20_000, body.length - 20_000);
                out.flush();
                sent = body.length;
                outcome = readAll(socket.getInputStream());
            } catch (IOException e) {
                outcome = "io-error";
            }
        }
        // Either the write failed (reset) or the read saw EOF with no status line: never an HTTP answer.
        assertThat(outcome).satisfiesAnyOf(o -> assertThat(o).isEqualTo("io-error"), o -> assertThat(o).isEmpty());
        assertThat(sent).isGreaterThanOrEqualTo(10_000);

        HttpResponse<String> headAfter = station.head(upload);
        assertThat(headAfter.headers().firstValue("Upload-Offset")).hasValue("0");
        assertThat(server.faults().list()).isEmpty();
        // The fault was one-shot: the same upload now goes through.
        assertThat(station.patch(upload, 0, body).headers().firstValue("X-Rekam-Packet-Status")).hasValue("received");
    }

    @Test
    void jdkClientSeesAnIoErrorWhenTheConnectionIsDropped() throws Exception {
        start(ServerConfig.builder(dataDir).acceptUnparseableTemplates(true));
        TestStation station = TestStation.enrolled(server, OFFICE);
        TestPacket p = station.seal(packets.toPacket(Records.demo(72, station.stationId)));
        String upload = TestStation.JSON.readTree(station.announce(p).body()).get("uploadUrl").asText();
        server.faults().add(Fault.dropRequestAfter(4096));
        assertThatThrownBy(() -> station.patch(upload, 0, p.body())).isInstanceOf(IOException.class);

        // Response lost after the work was done: the station learns the state by HEAD.
        server.faults().add(Fault.dropResponse().on("PATCH", null));
        assertThatThrownBy(() -> station.patch(upload, 0, p.body())).isInstanceOf(IOException.class);
        HttpResponse<String> head = station.head(upload);
        assertThat(head.headers().firstValue("Upload-Offset")).hasValue(Integer.toString(p.body().length));
        assertThat(head.headers().firstValue("X-Rekam-Packet-Status")).hasValue("received");
    }

    @Test
    void statusFaultsCarryRetryAfterAndCaptivePortalAnswersHtml() throws Exception {
        start();
        TestStation station = TestStation.enrolled(server, OFFICE);
        server.faults().add(Fault.status(503, 7));
        server.faults().add(Fault.status(429, 3).times(2));
        HttpResponse<String> unavailable = station.getJson("/v1/feedback");
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(TestStation.JSON.readTree(unavailable.body()).get("code").asText()).isEqualTo("unavailable");
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> limited = station.getJson("/v1/feedback");
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).hasValue("3");
        }
        assertThat(station.getJson("/v1/feedback").statusCode()).isEqualTo(200);

        server.faults().add(Fault.captivePortal());
        HttpResponse<String> portal = station.getJson("/v1/feedback");
        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(portal.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(portal.body()).contains("<html");

        server.faults().add(Fault.stall(600));
        long t0 = System.nanoTime();
        assertThat(station.getJson("/v1/feedback").statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(600);
    }

    @Test
    void adminEndpointArmsFaultsOnlyWithTheToken() throws Exception {
        start(ServerConfig.builder(dataDir).adminToken("s3cret"));
        TestStation station = TestStation.enrolled(server, OFFICE);
        String fault = "{\"type\":\"status\",\"status\":503,\"retryAfterSeconds\":2,\"method\":\"GET\",\"pathPrefix\":\"/v1/feedback\"}";
        HttpResponse<String> denied = admin("POST", "/admin/faults", fault, "wrong");
        assertThat(denied.statusCode()).isEqualTo(401);
        assertThat(server.faults().list()).isEmpty();

        assertThat(admin("POST", "/admin/faults", fault, "s3cret").statusCode()).isEqualTo(201);
        assertThat(station.getJson("/v1/feedback").statusCode()).isEqualTo(503);

        assertThat(admin("POST", "/admin/faults", "{\"type\":\"captive-portal\",\"times\":-1}", "s3cret").statusCode())
                .isEqualTo(201);
        assertThat(station.getJson("/v1/feedback").body()).contains("<html");
        assertThat(station.getJson("/v1/feedback").body()).contains("<html");
        assertThat(admin("DELETE", "/admin/faults", "", "s3cret").statusCode()).isEqualTo(204);
        assertThat(station.getJson("/v1/feedback").statusCode()).isEqualTo(200);

        HttpResponse<String> code = admin("POST", "/admin/enrollment-codes", "{\"office\":\"32.76.02\"}", "s3cret");
        assertThat(code.statusCode()).isEqualTo(201);
        JsonNode issued = TestStation.JSON.readTree(code.body());
        assertThat(issued.get("code").asText()).matches("[2-9A-Z]{4}(-[2-9A-Z]{4}){3}");
        assertThat(new TestStation(server.baseUri()).enroll(issued.get("code").asText()).statusCode()).isEqualTo(201);
        assertThat(TestStation.JSON.readTree(admin("GET", "/admin/stations", "", "s3cret").body())).hasSize(2);
    }

    @Test
    void adminEndpointDoesNotExistWithoutToken() throws Exception {
        start();
        assertThat(admin("GET", "/admin/faults", "", "anything").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> admin(String method, String path, String body, String token) throws Exception {
        return new TestStation(server.baseUri()).http.send(HttpRequest.newBuilder(server.baseUri().resolve(path))
                .header("Authorization", "Bearer " + token)
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @SuppressWarnings("unused")
    private static byte[] slice(byte[] b, int from, int to) {
        return Arrays.copyOfRange(b, from, to);
    }
}
