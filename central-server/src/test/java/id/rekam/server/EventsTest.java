package id.rekam.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static id.rekam.server.EnrollmentAndAuthTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

class EventsTest extends ServerTestBase {

    @Test
    void eventsAreIdempotentByIdAndConflictsArePerEvent() throws Exception {
        start();
        TestStation station = TestStation.enrolled(server, OFFICE);
        String batch = """
                [{"eventId":"ev-1","type":"card.handed-over","occurredAt":"2026-11-20T03:00:00Z",
                  "payload":{"cardSerial":"C-0001","packetId":"p-1","receiver":{"fingerScore":88.5}}},
                 {"eventId":"ev-2","type":"card.destroyed","payload":{"cardSerial":"C-0002","category":"defective"}}]""";
        JsonNode first = results(station.send("POST", "/v1/events", batch.getBytes(), "Content-Type", "application/json"));
        assertThat(first).extracting(n -> n.get("status").asText()).containsExactly("stored", "stored");

        // Same ids, same content with keys in another order and an extra new event.
        String again = """
                [{"type":"card.handed-over","eventId":"ev-1","occurredAt":"2026-11-20T03:00:00Z",
                  "payload":{"receiver":{"fingerScore":88.5},"packetId":"p-1","cardSerial":"C-0001"}},
                 {"eventId":"ev-2","type":"card.destroyed","payload":{"cardSerial":"C-0002","category":"worn-out"}},
                 {"eventId":"ev-3","type":"record.approved","payload":{}},
                 {"type":"no-id"}]""";
        JsonNode second = results(station.send("POST", "/v1/events", again.getBytes(), "Content-Type", "application/json"));
        assertThat(second).extracting(n -> n.get("status").asText())
                .containsExactly("stored", "conflict", "stored", "rejected");
        assertThat(second.get(0).get("receivedAt").asText()).isEqualTo(first.get(0).get("receivedAt").asText());
        assertThat(second.get(1).get("code").asText()).isEqualTo("event-conflict");
        assertThat(second.get(3).get("code").asText()).isEqualTo("bad-event");

        // Another station reusing an id is a conflict too.
        TestStation other = TestStation.enrolled(server, OFFICE);
        JsonNode foreign = results(other.send("POST", "/v1/events",
                "[{\"eventId\":\"ev-3\",\"type\":\"record.approved\",\"payload\":{}}]".getBytes()));
        assertThat(foreign.get(0).get("status").asText()).isEqualTo("conflict");

        assertError(station.send("POST", "/v1/events", "{}".getBytes()), 400, "bad-request");
    }

    private static JsonNode results(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode answer = TestStation.JSON.readTree(r.body());
        SchemaAssert.valid("api/events-response", answer);
        return answer.get("results");
    }
}
