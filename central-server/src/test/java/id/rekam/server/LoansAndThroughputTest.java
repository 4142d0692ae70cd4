package id.rekam.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static id.rekam.server.EnrollmentAndAuthTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 at the reference server: loan events are stored like every event and projected into
 * the loan ledger in either order (a return may arrive first), listed for the central office with
 * overdue loans marked; the technician's throughput probe reads a signed body and keeps nothing.
 */
class LoansAndThroughputTest extends ServerTestBase {

    static final String OPENED = """
            {"eventId":"ev-open","type":"equipment.loan.opened","occurredAt":"2026-11-01T03:00:00Z","payload":{
             "loanId":"LOAN-0b7c2f9e-3d41-4a5e-9c1b-7e2a4f6d8c10","device":{"deviceId":"fps-7f3a91c2d0",
             "kind":"fingerprint-scanner","model":"R503","serial":"","ownerOffice":"Kec. Kronjo","simulated":false},
             "fromOffice":"Kec. Kronjo","toOffice":"Kec. Gunung Kaler","handedBy":"Suparman","receivedBy":"Wartini",
             "condition":"GOOD","lentAt":"2026-11-01T03:00:00Z","dueDate":"%s"}}""";
    static final String RETURNED = """
            {"eventId":"ev-back","type":"equipment.loan.returned","occurredAt":"2026-11-20T03:00:00Z","payload":{
             "loanId":"LOAN-0b7c2f9e-3d41-4a5e-9c1b-7e2a4f6d8c10","deviceId":"fps-7f3a91c2d0","handedBy":"Wartini",
             "receivedBy":"Suparman","condition":"DAMAGED","returnedAt":"2026-11-20T03:00:00Z"}}""";

    @Test
    void loanEventsInEitherOrderMakeOneLedgerRowListedForTheCentralOffice() throws Exception {
        start(ServerConfig.builder(dataDir).adminToken("rahasia-admin"));
        TestStation station = TestStation.enrolled(server, OFFICE);
        String opened = OPENED.formatted("2026-11-15");
        SchemaAssert.valid("events/event", TestStation.JSON.readTree(opened));
        SchemaAssert.valid("events/event", TestStation.JSON.readTree(RETURNED));

        // The return first (the opening was parked at the station and requeued later).
        post(station, "[" + RETURNED + "]");
        JsonNode out = loans("?open=true");
        assertThat(out).isEmpty();
        post(station, "[" + opened + "]");

        JsonNode all = loans("");
        assertThat(all).hasSize(1);
        JsonNode row = all.get(0);
        assertThat(row.get("deviceId").asText()).isEqualTo("fps-7f3a91c2d0");
        assertThat(row.get("fromOffice").asText()).isEqualTo("Kec. Kronjo");
        assertThat(row.get("receivedBy").asText()).isEqualTo("Wartini");
        assertThat(row.get("returnedAt").asText()).isEqualTo("2026-11-20T03:00:00Z");
        assertThat(row.get("overdue").asBoolean()).isFalse();
        assertThat(loans("?open=true")).isEmpty();

        // Another loan, still out and past its due date: overdue. Sending it again changes nothing.
        String late = OPENED.formatted("2026-11-15").replace("ev-open", "ev-open-2")
                .replace("LOAN-0b7c2f9e-3d41-4a5e-9c1b-7e2a4f6d8c10", "LOAN-1c8d3a0f-4e52-4b6f-8d2c-8f3b5a7e9d21");
        post(station, "[" + late + "]");
        post(station, "[" + late + "]");
        JsonNode open = loans("?open=true");
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("overdue").asBoolean()).isTrue();
        assertThat(open.get(0).get("stationId").asText()).isEqualTo(station.stationId);
    }

    @Test
    void theThroughputProbeReadsASignedBodyAndRefusesMoreThanAMebibyte() throws Exception {
        start();
        TestStation station = TestStation.enrolled(server, OFFICE);
        HttpResponse<String> ok = station.send("POST", "/v1/throughput", new byte[256 * 1024],
                "Content-Type", "application/octet-stream");
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode answer = TestStation.JSON.readTree(ok.body());
        SchemaAssert.valid("api/throughput", answer);
        assertThat(answer.get("received").asLong()).isEqualTo(256 * 1024);
        assertError(station.send("POST", "/v1/throughput", new byte[1024 * 1024 + 1],
                "Content-Type", "application/octet-stream"), 413, "body-too-large");
        // Unsigned: not for strangers.
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        server.baseUri().resolve("/v1/throughput")).POST(HttpRequest.BodyPublishers.ofByteArray(new byte[10]))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private void post(TestStation station, String batch) throws Exception {
        HttpResponse<String> r = station.send("POST", "/v1/events", batch.getBytes(), "Content-Type", "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(TestStation.JSON.readTree(r.body()).get("results").get(0).get("status").asText()).isEqualTo("stored");
    }

    private JsonNode loans(String query) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.baseUri() + "admin/loans" + query))
                .header("Authorization", "Bearer rahasia-admin").timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TestStation.JSON.readTree(r.body());
    }

}
