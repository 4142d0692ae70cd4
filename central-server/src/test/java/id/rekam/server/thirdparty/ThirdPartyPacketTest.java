package id.rekam.server.thirdparty;

import com.fasterxml.jackson.databind.JsonNode;
import com.machinezoo.sourceafis.FingerprintImage;
import com.machinezoo.sourceafis.FingerprintImageOptions;
import com.machinezoo.sourceafis.FingerprintTemplate;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import id.rekam.server.CentralServer;
import id.rekam.server.ServerConfig;
import id.rekam.server.schema.JsonSchemas;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, "third parties can build packets": a packet made from the docs and schemas alone
 * (hand-written JSON parts, the documented container and signatures, {@link ThirdPartyStation})
 * is accepted by the reference server with its default settings, and what the server answers
 * follows the schemas a third party would parse it with. A second recording of the same NIK is
 * a duplicate; a part that breaks its schema is received, then rejected with a reason that names
 * the part and field.
 */
class ThirdPartyPacketTest {

    private static final String OFFICE = "32.76.01";
    private static final String NIK = "3276014505900001";
    /** Printed fingers: ten less the duplicate policy's allowance of exceptions (DuplicatePolicy.DEFAULT, 4). */
    private static final int PRINTED = 6;

    @TempDir
    Path dir;
    CentralServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void theClientUsesNoRekamClass() {
        ArchRuleDefinition.noClasses().that().haveNameMatching(".*\\.ThirdPartyStation.*")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("id.rekam..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(
                                ThirdPartyStation.class.getPackageName()))))
                .check(new ClassFileImporter().importClasses(ThirdPartyStation.class, ThirdPartyStation.Built.class));
    }

    @Test
    void packetBuiltFromTheDocsAloneIsAcceptedAndItsDuplicateFound() throws Exception {
        server = CentralServer.start(ServerConfig.builder(dir).build());
        ThirdPartyStation station = ThirdPartyStation.enroll(server.baseUri(),
                server.admin().createEnrollmentCode(OFFICE).code());

        ThirdPartyStation.Built first = station.build(UUID.randomUUID().toString(), "2026-11-25T08:00:00Z",
                parts(station.stationId(), demographics(NIK, "ISLAM"), "probe.png"));
        HttpResponse<String> last = station.announceAndPatch(first, 4096);
        assertThat(last.headers().firstValue("X-Rekam-Packet-Status")).hasValue("received");
        assertThat(last.headers().firstValue("X-Rekam-Packet-Sha256")).hasValue(first.sha256());
        // §4.5: the signed receipt, checked as the docs say.
        JsonNode receipt = ThirdPartyStation.JSON.readTree(java.util.Base64.getDecoder().decode(
                last.headers().firstValue("X-Rekam-Receipt").orElseThrow()));
        assertThat(JsonSchemas.problems("api/receipt", receipt)).isEmpty();
        assertThat(station.signedByServer("receipt", receipt)).isTrue();
        assertThat(receipt.get("sha256").asText()).isEqualTo(first.sha256());

        // The same person recorded again elsewhere in the office, sent the one-request way.
        ThirdPartyStation.Built second = station.build(UUID.randomUUID().toString(), "2026-11-25T09:00:00Z",
                parts(station.stationId(), demographics(NIK, "ISLAM"), "matching.png"));
        HttpResponse<String> created = station.createWithUpload(second);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Upload-Offset")).hasValue(Integer.toString(second.body().length));
        assertThat(created.headers().firstValue("X-Rekam-Packet-Status")).hasValue("received");

        Map<String, JsonNode> feed = decidedFeed(station);
        JsonNode accepted = feed.get(first.packetId());
        assertThat(accepted.get("type").asText()).as(accepted.toString()).isEqualTo("accepted");
        assertThat(accepted.has("warnings")).as("its templates were compared").isFalse();
        JsonNode duplicate = feed.get(second.packetId());
        assertThat(duplicate.get("type").asText()).isEqualTo("duplicate");
        assertThat(duplicate.get("matchedBy").asText()).isEqualTo("nik");
        assertThat(duplicate.get("duplicateOf").get("packetId").asText()).isEqualTo(first.packetId());
        assertThat(duplicate.get("duplicateOf").get("nik").asText()).isEqualTo(NIK);
        JsonNode view = ThirdPartyStation.JSON.readTree(station.send("GET", "/v1/packets/" + second.packetId(),
                new byte[0]).body());
        assertThat(JsonSchemas.problems("api/packet-view", view)).isEmpty();
        assertThat(view.get("state").asText()).isEqualTo("duplicate");
        assertThat(station.signedByServer("verdict", view.get("verdict"))).isTrue();
        ((com.fasterxml.jackson.databind.node.ObjectNode) view.get("verdict")).put("state", "accepted");
        assertThat(station.signedByServer("verdict", view.get("verdict"))).as("a forged verdict").isFalse();
    }

    @Test
    void partAgainstItsSchemaIsReceivedThenRejectedNamingPartAndField() throws Exception {
        server = CentralServer.start(ServerConfig.builder(dir).build());
        ThirdPartyStation station = ThirdPartyStation.enroll(server.baseUri(),
                server.admin().createEnrollmentCode(OFFICE).code());
        String demographics = demographics("3276014505900002", "Islam");
        assertThat(JsonSchemas.problems("packet/demographics", ThirdPartyStation.JSON.readTree(demographics)))
                .containsExactly("/religion: does not have a value in the enumeration [\"ISLAM\", \"KRISTEN\", "
                        + "\"KATOLIK\", \"HINDU\", \"BUDDHA\", \"KHONGHUCU\", \"KEPERCAYAAN_TERHADAP_TUHAN_YME\"]");

        ThirdPartyStation.Built p = station.build(UUID.randomUUID().toString(), "2026-11-25T08:00:00Z",
                parts(station.stationId(), demographics, "probe.png"));
        assertThat(station.announceAndPatch(p, 1 << 20).headers().firstValue("X-Rekam-Packet-Status"))
                .hasValue("received");

        JsonNode rejected = decidedFeed(station).get(p.packetId());
        assertThat(rejected.get("type").asText()).isEqualTo("rejected");
        assertThat(rejected.get("reason").get("code").asText()).isEqualTo("invalid-part");
        assertThat(rejected.get("reason").get("message").asText()).isEqualTo("demographics.json does not follow "
                + "packet/demographics.schema.json: /religion: does not have a value in the enumeration [\"ISLAM\", "
                + "\"KRISTEN\", \"KATOLIK\", \"HINDU\", \"BUDDHA\", \"KHONGHUCU\", \"KEPERCAYAAN_TERHADAP_TUHAN_YME\"]");
    }

    /** Reads the feed once the server has decided (a third party would poll; the test waits for the worker). */
    private Map<String, JsonNode> decidedFeed(ThirdPartyStation station) throws Exception {
        assertThat(server.awaitDecisions(Duration.ofSeconds(30))).isTrue();
        Map<String, JsonNode> feed = station.feedByPacket();
        feed.values().forEach(e -> assertThat(JsonSchemas.problems("api/feed-entry", e)).as(e.toString()).isEmpty());
        return feed;
    }

    // ------------------------------------------------------------ the parts, written by hand

    private static String device(String id, String kind) {
        return """
                {"deviceId": "%s", "kind": "%s", "model": "Acme %s", "serial": "SN-77", "ownerOffice": "32.76.01",
                 "simulated": false}""".formatted(id, kind, kind);
    }

    private static String provenance(String device) {
        return """
                {"device": %s, "operatorId": "budi", "capturedAt": "2026-11-25T07:58:00Z"}""".formatted(device);
    }

    private static String demographics(String nik, String religion) {
        return """
                {"nik": "%s", "fullName": "SITI AMINAH", "birthPlace": "DEPOK", "birthDate": "1990-05-05",
                 "gender": "PEREMPUAN", "bloodType": "O_POS",
                 "address": {"street": "JL. MARGONDA RAYA NO. 12", "rt": "003", "rw": "007",
                             "villageCode": "32.76.01.1001", "villageName": "PONDOK CINA", "districtName": "BEJI",
                             "regencyName": "KOTA DEPOK", "provinceName": "JAWA BARAT"},
                 "religion": "%s", "maritalStatus": "KAWIN", "occupation": "GURU", "citizenship": "WNI"}"""
                .formatted(nik, religion);
    }

    /**
     * Every part of an enrollment packet; six fingers printed (the right thumb with the given SourceAFIS
     * print), four excused: as many as the duplicate policy allows before a record goes to review.
     */
    private static Map<String, Object[]> parts(String stationId, String demographics, String print) throws Exception {
        String scanner = provenance(device("SCN-1", "fingerprint"));
        String record = """
                {"id": "%s", "stationId": "%s", "operatorId": "budi", "createdAt": "2026-11-25T08:00:00Z",
                 "photo": %s, "signature": %s}""".formatted(UUID.randomUUID(), stationId,
                provenance(device("CAM-1", "camera")), provenance(device("PAD-1", "signature")));
        StringBuilder fingers = new StringBuilder("[");
        List<String> positions = List.of("RIGHT_THUMB", "RIGHT_INDEX", "RIGHT_MIDDLE", "RIGHT_RING", "RIGHT_LITTLE",
                "LEFT_THUMB", "LEFT_INDEX", "LEFT_MIDDLE", "LEFT_RING", "LEFT_LITTLE");
        for (int i = 0; i < positions.size(); i++) {
            boolean printed = i < PRINTED;
            fingers.append(i == 0 ? "" : ",").append("""
                    {"position": "%s", "quality": %d, "exception": %s, "imageFormat": %s, "provenance": %s}"""
                    .formatted(positions.get(i), printed ? 81 : 0, printed ? "null" : "\"BANDAGED\"",
                            printed ? "\"PNG-500DPI\"" : "null", scanner));
        }
        fingers.append("]");
        String strokes = """
                {"width": 600, "height": 240, "strokes": [{"points": [{"x": 10, "y": 20, "t": 0, "p": 1},
                 {"x": 42.5, "y": 31, "t": 16, "p": 1}]}]}""";
        byte[] template = template(print);
        byte[] other = template("nonmatching.png");

        for (String[] json : new String[][] {{"packet/record", record}, {"packet/demographics", demographics},
                {"packet/fingers", fingers.toString()}, {"packet/signature-strokes", strokes}}) {
            if (!json[0].equals("packet/demographics")) {
                assertThat(JsonSchemas.problems(json[0], ThirdPartyStation.JSON.readTree(json[1]))).as(json[0]).isEmpty();
            }
        }
        Map<String, Object[]> parts = new LinkedHashMap<>();
        parts.put("record.json", new Object[] {"application/json", utf8(record)});
        parts.put("demographics.json", new Object[] {"application/json", utf8(demographics)});
        parts.put("photo.jpg", new Object[] {"image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1}});
        parts.put("finger-01.tpl", new Object[] {"application/x-sourceafis-template", template});
        for (int i = 2; i <= PRINTED; i++) {
            parts.put("finger-0" + i + ".tpl", new Object[] {"application/x-sourceafis-template", other});
        }
        parts.put("fingers.json", new Object[] {"application/json", utf8(fingers.toString())});
        parts.put("signature.png", new Object[] {"image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}});
        parts.put("signature-strokes.json", new Object[] {"application/json", utf8(strokes)});
        return parts;
    }

    private static byte[] template(String image) throws Exception {
        try (InputStream in = ThirdPartyPacketTest.class.getResourceAsStream("/fingerprints/" + image)) {
            return new FingerprintTemplate(new FingerprintImage(in.readAllBytes(),
                    new FingerprintImageOptions().dpi(500))).toByteArray();
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
