package id.rekam.server;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.server.auth.CanonicalRequest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class EnrollmentAndAuthTest extends ServerTestBase {

    @Test
    void aStationMayAskForTheIdItsStoreCarriesWithinItsOffice() throws Exception {
        start();
        TestStation chosen = new TestStation(server.baseUri());
        HttpResponse<String> r = chosen.enrollAs(server.admin().createEnrollmentCode(OFFICE).code(), "ST-327601-0002");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(TestStation.JSON.readTree(r.body()).get("stationId").asText()).isEqualTo("ST-327601-0002");

        HttpResponse<String> taken = new TestStation(server.baseUri())
                .enrollAs(server.admin().createEnrollmentCode(OFFICE).code(), "ST-327601-0002");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(TestStation.JSON.readTree(taken.body()).get("code").asText()).isEqualTo("station-id-taken");

        HttpResponse<String> otherOffice = new TestStation(server.baseUri())
                .enrollAs(server.admin().createEnrollmentCode(OFFICE).code(), "ST-327602-0001");
        assertThat(otherOffice.statusCode()).isEqualTo(400);
        assertThat(TestStation.JSON.readTree(otherOffice.body()).get("code").asText()).isEqualTo("station-id-office");

        // Unnamed enrolments take the next serial and skip ids already asked for.
        assertThat(TestStation.JSON.readTree(new TestStation(server.baseUri())
                .enroll(server.admin().createEnrollmentCode(OFFICE).code()).body()).get("stationId").asText())
                .isEqualTo("ST-327601-0003");
        assertThat(TestStation.JSON.readTree(new TestStation(server.baseUri())
                .enroll(server.admin().createEnrollmentCode(OFFICE).code()).body()).get("stationId").asText())
                .isEqualTo("ST-327601-0004");
    }

    @Test
    void enrollmentCodeRegistersOneStationOnly() throws Exception {
        start();
        String code = server.admin().createEnrollmentCode(OFFICE).code();
        TestStation first = new TestStation(server.baseUri());
        HttpResponse<String> r = first.enroll(code);
        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode body = TestStation.JSON.readTree(r.body());
        assertThat(body.get("stationId").asText()).isEqualTo("ST-327601-0001");
        assertThat(body.get("office").asText()).isEqualTo(OFFICE);

        // The same station retrying (its first answer was lost) gets the same identity back.
        HttpResponse<String> retry = first.enroll(code);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(TestStation.JSON.readTree(retry.body()).get("stationId").asText()).isEqualTo("ST-327601-0001");

        // Another key with the used code is refused.
        HttpResponse<String> second = new TestStation(server.baseUri()).enroll(code);
        assertThat(second.statusCode()).isEqualTo(403);
        assertThat(TestStation.JSON.readTree(second.body()).get("code").asText()).isEqualTo("enrollment-code-used");

        HttpResponse<String> unknown = new TestStation(server.baseUri()).enroll("AAAA-BBBB-CCCC-DDDD");
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(TestStation.JSON.readTree(unknown.body()).get("code").asText()).isEqualTo("enrollment-code-unknown");
        assertThat(server.admin().stations()).hasSize(1);
    }

    @Test
    void signedRequestIsAcceptedAndForgeriesReplaysAndStaleClocksAreNot() throws Exception {
        start();
        TestStation station = TestStation.enrolled(server, OFFICE);
        assertThat(station.getJson("/v1/feedback?after=0").statusCode()).isEqualTo(200);

        // A signature by another key.
        TestStation impostor = new TestStation(server.baseUri());
        impostor.stationId = station.stationId;
        assertError(impostor.getJson("/v1/feedback"), 401, "bad-signature");

        // A body altered after signing.
        HttpRequest signed = station.signed("POST", "/v1/events", "[]".getBytes());
        HttpRequest tampered = HttpRequest.newBuilder(signed.uri())
                .headers(signed.headers().map().entrySet().stream()
                        .flatMap(e -> e.getValue().stream().flatMap(v -> java.util.stream.Stream.of(e.getKey(), v)))
                        .toArray(String[]::new))
                .POST(HttpRequest.BodyPublishers.ofString("[{}]")).build();
        assertError(station.send(tampered), 401, "bad-signature");

        // The very same request twice: the second is a replay.
        HttpRequest once = station.signed("GET", "/v1/feedback", new byte[0]);
        assertThat(station.send(once).statusCode()).isEqualTo(200);
        assertError(station.send(once), 401, "replayed-nonce");

        long now = System.currentTimeMillis() / 1000;
        assertError(station.send(station.signed("GET", "/v1/feedback", new byte[0], now - 6 * 60,
                TestStation.nonce())), 401, "stale-timestamp");
        assertError(station.send(station.signed("GET", "/v1/feedback", new byte[0], now + 6 * 60,
                TestStation.nonce())), 401, "stale-timestamp");
        assertThat(station.send(station.signed("GET", "/v1/feedback", new byte[0], now - 4 * 60,
                TestStation.nonce())).statusCode()).isEqualTo(200);

        HttpResponse<String> unsigned = station.http.send(HttpRequest.newBuilder(server.baseUri()
                .resolve("/v1/feedback")).build(), HttpResponse.BodyHandlers.ofString());
        assertError(unsigned, 401, "missing-auth");
        assertThat(unsigned.headers().firstValue("X-Rekam-Server-Time")).isPresent();

        TestStation stranger = new TestStation(server.baseUri());
        stranger.stationId = "ST-999999-0001";
        assertError(stranger.getJson("/v1/feedback"), 401, "unknown-station");
    }

    @Test
    void replayIsRefusedAfterServerRestartToo() throws Exception {
        ServerConfig.Builder config = ServerConfig.builder(dataDir);
        start(config);
        TestStation station = TestStation.enrolled(server, OFFICE);
        HttpRequest once = station.signed("GET", "/v1/feedback", new byte[0]);
        assertThat(station.send(once).statusCode()).isEqualTo(200);
        restart(config);
        station.attach(server);
        HttpRequest replay = HttpRequest.newBuilder(server.baseUri().resolve("/v1/feedback"))
                .headers(once.headers().map().entrySet().stream()
                        .flatMap(e -> e.getValue().stream().flatMap(v -> java.util.stream.Stream.of(e.getKey(), v)))
                        .toArray(String[]::new)).GET().build();
        assertError(station.send(replay), 401, "replayed-nonce");
    }

    /** The test vector printed in docs/sync-protocol.md: a client implementation can check itself against it. */
    @Test
    void canonicalRequestMatchesTheDocumentedVector() throws Exception {
        byte[] canonical = CanonicalRequest.bytes("POST", "/v1/events?dry=1", "ST-327601-0001", "1764028800",
                "AAECAwQFBgcICQoLDA0ODw", "[]".getBytes());
        assertThat(new String(canonical)).isEqualTo("""
                rekam-req-v1
                POST
                /v1/events?dry=1
                ST-327601-0001
                1764028800
                AAECAwQFBgcICQoLDA0ODw
                4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945""".stripIndent().strip());
        java.security.KeyFactory kf = java.security.KeyFactory.getInstance("Ed25519");
        byte[] seed = new byte[32];
        for (int i = 0; i < 32; i++) {
            seed[i] = (byte) i;
        }
        java.security.PrivateKey key = kf.generatePrivate(new java.security.spec.EdECPrivateKeySpec(
                java.security.spec.NamedParameterSpec.ED25519, seed));
        assertThat(TestStation.sign(key, canonical)).isEqualTo(
                "LVFPHRZzjZXfvKNWvEEduvlR7VcbsSR4mM8tK4syWcqYXq8QhP6ReVDirfTUAqEO6aSFOvy1Z1IHIVkZAK4HCg==");
        // The public key the server would hold for this station, as sent at enrollment.
        java.security.PublicKey pub = id.rekam.server.auth.Ed25519Keys.publicKey("A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=");
        assertThat(id.rekam.server.auth.Ed25519Keys.verify(pub, canonical,
                "LVFPHRZzjZXfvKNWvEEduvlR7VcbsSR4mM8tK4syWcqYXq8QhP6ReVDirfTUAqEO6aSFOvy1Z1IHIVkZAK4HCg==")).isTrue();
    }

    static void assertError(HttpResponse<String> r, int status, String code) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(TestStation.JSON.readTree(r.body()).get("code").asText()).isEqualTo(code);
    }
}
