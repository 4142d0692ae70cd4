package id.rekam.server;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.server.quota.Quotas;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-station and per-address quotas: over quota a caller gets {@code 429 rate-limited} with
 * {@code Retry-After} in the server's error format, other callers are not affected, and after
 * the wait the same caller is served again.
 */
class QuotaTest extends ServerTestBase {

    /** Three requests at once, then one a second; 64 KiB of body at once, then 64 KiB a second; two enrollments. */
    static final Quotas SMALL = new Quotas(new Quotas.Rate(3, 1), new Quotas.Rate(64 * 1024, 64 * 1024),
            new Quotas.Rate(2, 0.5));

    @Test
    void aStationOverItsRequestQuotaWaitsAndIsServedAgain() throws Exception {
        start(ServerConfig.builder(dataDir).quotas(SMALL));
        TestStation a = TestStation.enrolled(server, OFFICE);
        TestStation b = TestStation.enrolled(server, OFFICE);
        for (int i = 0; i < 3; i++) {
            assertThat(a.getJson("/v1/server-keys").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = a.getJson("/v1/server-keys");
        assertThat(limited.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 2L);
        JsonNode error = TestStation.JSON.readTree(limited.body());
        SchemaAssert.valid("api/error", error);
        assertThat(error.get("code").asText()).isEqualTo("rate-limited");
        // Still the server speaking: a client tells it from a proxy's 429 by this header.
        assertThat(limited.headers().firstValue("X-Rekam-Server-Time")).isPresent();

        // Another station's bucket is its own.
        assertThat(b.getJson("/v1/server-keys").statusCode()).isEqualTo(200);

        Thread.sleep(retryAfter * 1000 + 100);
        assertThat(a.getJson("/v1/server-keys").statusCode()).isEqualTo(200);
    }

    @Test
    void bodyBytesCountBeforeTheBodyIsRead() throws Exception {
        start(ServerConfig.builder(dataDir).quotas(new Quotas(null, SMALL.stationBytes(), null)));
        TestStation a = TestStation.enrolled(server, OFFICE);
        byte[] body = new byte[48 * 1024];
        assertThat(a.send("POST", "/v1/throughput", body).statusCode()).isEqualTo(200);
        HttpResponse<String> limited = a.send("POST", "/v1/throughput", body);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        Thread.sleep(1100);
        assertThat(a.send("POST", "/v1/throughput", body).statusCode()).isEqualTo(200);
    }

    @Test
    void unsignedRequestsCountPerAddressSignedOnesPerStation() throws Exception {
        start(ServerConfig.builder(dataDir).quotas(SMALL));
        TestStation station = TestStation.enrolled(server, OFFICE);
        TestStation stranger = new TestStation(server.baseUri());
        assertThat(stranger.enroll("NOPE-0001").statusCode()).isEqualTo(403);
        HttpResponse<String> limited = stranger.enroll("NOPE-0002");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(limited.body()).contains("\"code\":\"rate-limited\"");
        // The station on the same address is counted as itself, not with the guesser.
        assertThat(station.getJson("/v1/server-keys").statusCode()).isEqualTo(200);
        Thread.sleep(2100);
        assertThat(stranger.enroll("NOPE-0003").statusCode()).isEqualTo(403);
    }
}
