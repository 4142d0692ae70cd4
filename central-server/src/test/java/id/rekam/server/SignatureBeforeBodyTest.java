package id.rekam.server;

import id.rekam.core.packet.EnrollmentPackets;
import id.rekam.server.auth.CanonicalRequest;
import id.rekam.server.stations.RevocationReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request nobody trustworthy signed is refused on its headers, before the server reads (and
 * keeps) its body. Each refusal below announces an 8 MiB body and sends none of it: the answer
 * must come anyway. A server that read the body first would wait for it, and the read of the
 * answer would time out.
 */
class SignatureBeforeBodyTest extends ServerTestBase {

    static final long BIG = 8L * 1024 * 1024;

    private final EnrollmentPackets packets = new EnrollmentPackets();

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void foreignSignedRevokedUnknownAndUnsignedBigBodiesAreRefusedUnread() throws Exception {
        start();
        TestStation station = TestStation.enrolled(server, OFFICE);
        String declared = "ab".repeat(32);

        // A stranger who knows a station's id signs with his own key, declaring the body's hash.
        String answer = headersOnly(station.stationId, foreign(), "PATCH", "/v1/uploads/x", declared);
        assertThat(answer).startsWith("HTTP/1.1 401").contains("\"code\":\"bad-signature\"");

        // Without the declaration the body would have to be read to check the signature: too big for that.
        answer = headersOnly(station.stationId, foreign(), "POST", "/v1/events", null);
        assertThat(answer).startsWith("HTTP/1.1 413").contains("\"code\":\"content-sha256-required\"");

        answer = headersOnly("ST-000000-0000", foreign(), "POST", "/v1/events", declared);
        assertThat(answer).startsWith("HTTP/1.1 401").contains("\"code\":\"unknown-station\"");

        // Enrollment is signed by nobody: its body is bounded by the same small limit, on Content-Length alone.
        answer = headersOnly(null, null, "POST", "/v1/stations", null);
        assertThat(answer).startsWith("HTTP/1.1 413").contains("\"code\":\"body-too-large\"");

        // The station's own signature, after its revocation: refused with the signed notice, body unread.
        server.admin().revoke(station.stationId, RevocationReason.STOLEN, "test", "admin", null);
        answer = headersOnly(station.stationId, station.keys.getPrivate(), "POST", "/v1/events", declared);
        assertThat(answer).startsWith("HTTP/1.1 403").contains("\"code\":\"station-revoked\"");
    }

    @Test
    void aBodyOtherThanTheDeclaredOneIsRefusedAndNotStored() throws Exception {
        start(ServerConfig.builder(dataDir).acceptUnparseableTemplates(true));
        TestStation station = TestStation.enrolled(server, OFFICE);
        TestPacket p = station.seal(packets.toPacket(Records.demo(81, station.stationId)));
        String upload = TestStation.JSON.readTree(station.announce(p).body()).get("uploadUrl").asText();
        byte[] body = p.body();
        byte[] tampered = body.clone();
        tampered[tampered.length / 2] ^= 1;

        // Signed over the real chunk's hash, declared so, but another chunk of the same length sent.
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = TestStation.nonce();
        String hash = CanonicalRequest.sha256Hex(body);
        HttpResponse<String> r = station.send(HttpRequest.newBuilder(station.base.resolve(upload))
                .header("X-Rekam-Station", station.stationId).header("X-Rekam-Timestamp", ts)
                .header("X-Rekam-Nonce", nonce).header("X-Rekam-Content-SHA256", hash)
                .header("X-Rekam-Signature", TestStation.sign(station.keys.getPrivate(),
                        CanonicalRequest.bytes("PATCH", upload, station.stationId, ts, nonce, hash)))
                .header("Tus-Resumable", "1.0.0").header("Content-Type", "application/offset+octet-stream")
                .header("Upload-Offset", "0")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(tampered)).build());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("\"code\":\"bad-signature\"");
        assertThat(station.head(upload).headers().firstValue("Upload-Offset")).hasValue("0");

        assertThat(station.patch(upload, 0, body).headers().firstValue("X-Rekam-Packet-Status")).hasValue("received");
    }

    @Test
    void aClientThatDeclaresNoHashStillWorksForSmallBodiesOnly() throws Exception {
        start(ServerConfig.builder(dataDir).acceptUnparseableTemplates(true));
        TestStation station = TestStation.enrolled(server, OFFICE);
        station.declareBodyHash = false;
        assertThat(station.send("POST", "/v1/events", "[]".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json").statusCode()).isEqualTo(200);

        TestPacket p = station.seal(packets.toPacket(Records.demo(82, station.stationId)));
        assertThat(p.body().length).isGreaterThan(64 * 1024);
        String upload = TestStation.JSON.readTree(station.announce(p).body()).get("uploadUrl").asText();
        HttpResponse<String> big = station.patch(upload, 0, p.body());
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(big.body()).contains("\"code\":\"content-sha256-required\"");
        byte[] first = Arrays.copyOf(p.body(), 60 * 1024);
        assertThat(station.patch(upload, 0, first).statusCode()).isEqualTo(204);

        station.declareBodyHash = true;
        assertThat(station.patch(upload, first.length, Arrays.copyOfRange(p.body(), first.length, p.body().length))
                .headers().firstValue("X-Rekam-Packet-Status")).hasValue("received");
    }

    private java.security.PrivateKey foreign() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
    }

    /**
     * Sends only the headers of a request announcing an 8 MiB body (signed with {@code key} when
     * given) and returns the answer's head; "timeout" if the server waited for the body.
     */
    private String headersOnly(String stationId, java.security.PrivateKey key, String method, String path,
                               String declaredSha256) throws Exception {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Length: " + BIG + "\r\nTus-Resumable: 1.0.0\r\n"
                + "Content-Type: " + (method.equals("PATCH") ? "application/offset+octet-stream" : "application/json")
                + "\r\nUpload-Offset: 0\r\n");
        if (stationId != null) {
            String ts = Long.toString(System.currentTimeMillis() / 1000);
            String nonce = TestStation.nonce();
            String bodyLine = declaredSha256 != null ? declaredSha256 : "cd".repeat(32);
            head.append("X-Rekam-Station: ").append(stationId).append("\r\nX-Rekam-Timestamp: ").append(ts)
                    .append("\r\nX-Rekam-Nonce: ").append(nonce).append("\r\nX-Rekam-Signature: ")
                    .append(TestStation.sign(key, CanonicalRequest.bytes(method, path, stationId, ts, nonce, bodyLine)))
                    .append("\r\n");
            if (declaredSha256 != null) {
                head.append("X-Rekam-Content-SHA256: ").append(declaredSha256).append("\r\n");
            }
        }
        head.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            StringBuilder b = new StringBuilder();
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    b.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    if (b.indexOf("\r\n\r\n") > 0 && b.indexOf("}") > 0) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException e) {
                return "timeout: " + b;
            }
            return b.toString();
        }
    }
}
