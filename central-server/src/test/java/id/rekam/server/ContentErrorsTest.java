package id.rekam.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rekam.core.packet.EnrollmentPackets;
import id.rekam.core.packet.Packet;
import id.rekam.core.packet.PacketCodec;
import id.rekam.core.packet.PacketPart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When and how content errors arrive (sync-protocol.md §4.4, §5): a body that is a well-formed
 * packet is acknowledged {@code received}; what is wrong inside its parts comes afterwards, as a
 * {@code rejected} feed entry (and packet view) whose reason has a stable code
 * ({@code missing-part}, {@code invalid-part}) and a plain message naming the part and field.
 * No answer and no feed entry carries a Java type or exception name.
 */
class ContentErrorsTest extends ServerTestBase {

    private final EnrollmentPackets packets = new EnrollmentPackets();
    private TestStation station;
    private long seed = 300;

    @BeforeEach
    void up() throws Exception {
        start(ServerConfig.builder(dataDir).acceptUnparseableTemplates(true));
        station = TestStation.enrolled(server, OFFICE);
    }

    /** A station-made packet with its parts changed by {@code edit}, re-encoded (valid body, new hashes). */
    private TestPacket edited(UnaryOperator<List<PacketPart>> edit) {
        Packet p = packets.toPacket(Records.demo(seed++, station.stationId));
        return station.seal(new PacketCodec().encode(p.id(), p.manifest().kind(), p.manifest().stationId(),
                p.manifest().createdAt(), edit.apply(new ArrayList<>(p.parts()))));
    }

    private static UnaryOperator<List<PacketPart>> replaceJson(String name, UnaryOperator<JsonNode> change) {
        return parts -> {
            for (int i = 0; i < parts.size(); i++) {
                PacketPart part = parts.get(i);
                if (part.name().equals(name)) {
                    try {
                        JsonNode changed = change.apply(TestStation.JSON.readTree(part.bytes()));
                        parts.set(i, new PacketPart(name, part.contentType(), TestStation.JSON.writeValueAsBytes(changed)));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return parts;
        };
    }

    private static UnaryOperator<List<PacketPart>> fingerSlot(int slot, String field, String value) {
        return replaceJson(EnrollmentPackets.FINGERS, f -> {
            ((ObjectNode) f.get(slot)).put(field, value);
            return f;
        });
    }

    private static UnaryOperator<List<PacketPart>> replaceBytes(String name, byte[] bytes) {
        return parts -> {
            parts.replaceAll(p -> p.name().equals(name) ? new PacketPart(name, p.contentType(), bytes) : p);
            return parts;
        };
    }

    /** Delivers, checks the durable ack came first, and returns the rejection's reason from the feed. */
    private JsonNode rejectionOf(TestPacket p) throws Exception {
        HttpResponse<String> last = station.deliver(p, 64 * 1024);
        assertThat(last.headers().firstValue("X-Rekam-Packet-Status")).as("acknowledged before it is decided")
                .hasValue("received");
        JsonNode entry = station.feed().stream().filter(e -> e.get("packetId").asText().equals(p.id()))
                .reduce((a, b) -> b).orElseThrow();
        SchemaAssert.valid("api/feed-entry", entry);
        assertThat(entry.get("type").asText()).isEqualTo("rejected");
        JsonNode view = TestStation.JSON.readTree(station.getJson("/v1/packets/" + p.id()).body());
        SchemaAssert.valid("api/packet-view", view);
        assertThat(view.get("state").asText()).isEqualTo("rejected");
        assertThat(view.get("verdict").get("reason")).isEqualTo(entry.get("reason"));
        SchemaAssert.plain(entry.get("reason").get("message").asText());
        return entry.get("reason");
    }

    @Test
    void missingPartIsNamed() throws Exception {
        JsonNode reason = rejectionOf(edited(parts -> {
            parts.removeIf(p -> p.name().equals(EnrollmentPackets.PHOTO));
            return parts;
        }));
        assertThat(reason.get("code").asText()).isEqualTo("missing-part");
        assertThat(reason.get("message").asText()).isEqualTo("the packet has no part photo.jpg");
    }

    @Test
    void partThatIsNotJsonSaysWhere() throws Exception {
        JsonNode reason = rejectionOf(edited(replaceBytes(EnrollmentPackets.DEMOGRAPHICS,
                "{\"nik\": 3276,,}".getBytes(StandardCharsets.UTF_8))));
        assertThat(reason.get("code").asText()).isEqualTo("invalid-part");
        assertThat(reason.get("message").asText()).startsWith("demographics.json is not JSON (line 1, column");
    }

    @Test
    void fieldAgainstTheSchemaIsNamedByItsPointer() throws Exception {
        JsonNode reason = rejectionOf(edited(replaceJson(EnrollmentPackets.DEMOGRAPHICS, d -> {
            ((ObjectNode) d).put("nik", "32760145059000");
            ((ObjectNode) d).put("religion", "PASTAFARIAN");
            return d;
        })));
        assertThat(reason.get("code").asText()).isEqualTo("invalid-part");
        assertThat(reason.get("message").asText())
                .startsWith("demographics.json does not follow packet/demographics.schema.json: ")
                .contains("/nik: ", "/religion: ")
                .doesNotContain("32760145059000");
    }

    @Test
    void wrongTypeDeepInsideAPartIsNamedByItsPointer() throws Exception {
        JsonNode reason = rejectionOf(edited(fingerSlot(2, "quality", "high")));
        assertThat(reason.get("code").asText()).isEqualTo("invalid-part");
        assertThat(reason.get("message").asText()).contains("fingers.json", "/2/quality: ");
    }

    @Test
    void fingerSlotsThatDisagreeWithTheTemplatePartsAreNamed() throws Exception {
        JsonNode twice = rejectionOf(edited(fingerSlot(1, "position", "RIGHT_THUMB")));
        assertThat(twice.get("code").asText()).isEqualTo("invalid-part");
        assertThat(twice.get("message").asText()).isEqualTo("fingers.json lists RIGHT_THUMB twice");

        JsonNode noTemplate = rejectionOf(edited(parts -> {
            parts.removeIf(p -> p.name().equals("finger-03.tpl"));
            return parts;
        }));
        assertThat(noTemplate.get("code").asText()).isEqualTo("missing-part");
        assertThat(noTemplate.get("message").asText())
                .isEqualTo("fingers.json gives RIGHT_MIDDLE a print, but the packet has no part finger-03.tpl");
    }

    @Test
    void bodyThatIsNotAPacketIsRejectedInTheUploadAnswerWithAPlainReason() throws Exception {
        Packet inner = packets.toPacket(Records.demo(seed++, station.stationId));
        byte[] garbage = inner.body().clone();
        garbage[0] = 'X';
        // Sealed properly and announced with the garbage's own hash and a valid signature: only the decode can object.
        TestPacket p = station.seal(new Packet(inner.manifest(), inner.parts(), garbage, PacketCodec.sha256Hex(garbage)));
        HttpResponse<String> a = station.send("POST", "/v1/packets", station.announcement(p),
                "Content-Type", "application/json");
        String upload = TestStation.JSON.readTree(a.body()).get("uploadUrl").asText();
        HttpResponse<String> last = station.patch(upload, 0, p.body());
        assertThat(last.headers().firstValue("X-Rekam-Packet-Status")).hasValue("rejected");
        assertThat(last.headers().firstValue("X-Rekam-Packet-Reason")).hasValue("malformed-packet");
        JsonNode entry = station.feed().get(0);
        SchemaAssert.valid("api/feed-entry", entry);
        assertThat(entry.get("reason").get("message").asText()).isEqualTo("not a rekam packet (bad magic)");
    }

    @Test
    void uploadThatDoesNotOpenWithTheServerKeyIsRejectedAsUnopenable() throws Exception {
        Packet inner = packets.toPacket(Records.demo(seed++, station.stationId));
        // Sealed to a key that is not the server's (or sent in clear): nobody on the way could read it, nor can the server.
        TestPacket other = TestPacket.seal(inner, new id.rekam.core.trust.ServerKeys(
                station.serverKeys.signingKey(), id.rekam.core.crypto.PacketSeal.newServerKeyPair()[1]));
        for (byte[] body : List.of(other.body(), inner.body())) {
            TestPacket p = new TestPacket(inner, body, PacketCodec.sha256Hex(body));
            HttpResponse<String> a = station.send("POST", "/v1/packets", station.announcement(p),
                    "Content-Type", "application/json");
            String upload = TestStation.JSON.readTree(a.body()).get("uploadUrl").asText();
            HttpResponse<String> last = station.patch(upload, 0, body);
            assertThat(last.headers().firstValue("X-Rekam-Packet-Reason")).hasValue("unopenable-packet");
            seed++;
            inner = packets.toPacket(Records.demo(seed, station.stationId));
        }
        assertThat(station.feed()).extracting(e -> e.get("reason").get("message").asText())
                .containsExactly("sealed for another server key", "not a sealed packet (magic RKSLD 0x01 missing)");
    }

    @Test
    void requestErrorsAreStableCodesWithPlainMessages() throws Exception {
        List<HttpResponse<String>> answers = new ArrayList<>();
        ObjectNode announce = (ObjectNode) TestStation.JSON.readTree(
                station.announcement(station.seal(packets.toPacket(Records.demo(seed++, station.stationId)))));
        answers.add(station.send("POST", "/v1/packets", TestStation.JSON.writeValueAsBytes(announce.deepCopy()
                .put("size", "large")), "Content-Type", "application/json"));
        ObjectNode badPart = announce.deepCopy();
        badPart.putObject("contentSha256").put("hex", "long");
        answers.add(station.send("POST", "/v1/packets", TestStation.JSON.writeValueAsBytes(badPart),
                "Content-Type", "application/json"));
        answers.add(station.send("POST", "/v1/packets", "[1, 2]".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json"));
        answers.add(station.send("POST", "/v1/packets", "{\"packetId\": ".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json"));
        answers.add(station.send("POST", "/v1/events", "{}".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json"));
        answers.add(station.send("PATCH", "/v1/uploads/nope", new byte[1], "Tus-Resumable", "1.0.0",
                "Content-Type", "application/offset+octet-stream", "Upload-Offset", "x"));
        answers.add(station.send("POST", "/v1/uploads", new byte[0], "Tus-Resumable", "1.0.0",
                "Upload-Length", "10", "Upload-Metadata", "packetId !!"));
        answers.add(station.http.send(java.net.http.HttpRequest.newBuilder(server.baseUri().resolve("/v1/stations"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"enrollmentCode\": 7, \"publicKey\": [1]}"))
                .build(), HttpResponse.BodyHandlers.ofString()));

        assertThat(answers).extracting(HttpResponse::statusCode).allMatch(s -> s == 400);
        for (HttpResponse<String> r : answers) {
            JsonNode body = TestStation.JSON.readTree(r.body());
            SchemaAssert.valid("api/error", body);
            SchemaAssert.plain(r.body());
        }
        assertThat(TestStation.JSON.readTree(answers.get(0).body()).get("message").asText())
                .isEqualTo("field /size has the wrong type or value");
        assertThat(TestStation.JSON.readTree(answers.get(1).body()).get("message").asText())
                .isEqualTo("field /contentSha256 has the wrong type or value");
    }
}
