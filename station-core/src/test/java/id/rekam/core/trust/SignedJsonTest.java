package id.rekam.core.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignedJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final byte[] seed = Ed25519Raw.newSeed();
    private final byte[] key = Ed25519Raw.publicKey(seed);

    private ObjectNode entry() {
        ObjectNode o = JSON.createObjectNode();
        o.put("cursor", "18");
        o.put("type", "duplicate");
        o.put("packetId", "p-1");
        o.put("matchThreshold", 40.0);
        o.putArray("fingers").addObject().put("position", 1).put("score", 187.3).put("matched", true);
        o.putObject("duplicateOf").put("nik", "3276014505900001").put("nikMasked", false);
        return o;
    }

    @Test
    void aSignedObjectVerifiesAfterTheWireAndKeyOrderChanges() throws Exception {
        ObjectNode signed = SignedJson.sign(seed, SignedJson.Purpose.FEED_ENTRY, "ST-327601-0001", entry());
        // What the station parses: the text as sent, members in another order, numbers as Jackson reads them.
        JsonNode received = JSON.readTree(JSON.writeValueAsString(signed));
        ObjectNode reordered = JSON.createObjectNode();
        java.util.List<String> names = new java.util.ArrayList<>();
        received.fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        names.forEach(n -> reordered.set(n, received.get(n)));

        assertThat(SignedJson.verify(key, SignedJson.Purpose.FEED_ENTRY, "ST-327601-0001", received)).isTrue();
        assertThat(SignedJson.verify(key, SignedJson.Purpose.FEED_ENTRY, "ST-327601-0001", reordered)).isTrue();
    }

    @Test
    void aChangedMemberAnotherPurposeAnotherStationOrAnotherKeyFails() {
        ObjectNode signed = SignedJson.sign(seed, SignedJson.Purpose.FEED_ENTRY, "ST-327601-0001", entry());
        ObjectNode changed = signed.deepCopy();
        changed.put("type", "accepted");
        ObjectNode score = signed.deepCopy();
        ((ObjectNode) score.get("fingers").get(0)).put("score", 187.4);

        assertThat(SignedJson.verify(key, SignedJson.Purpose.FEED_ENTRY, "ST-327601-0001", changed)).isFalse();
        assertThat(SignedJson.verify(key, SignedJson.Purpose.FEED_ENTRY, "ST-327601-0001", score)).isFalse();
        assertThat(SignedJson.verify(key, SignedJson.Purpose.VERDICT, "ST-327601-0001", signed)).isFalse();
        assertThat(SignedJson.verify(key, SignedJson.Purpose.FEED_ENTRY, "ST-327601-0002", signed)).isFalse();
        assertThat(SignedJson.verify(Ed25519Raw.publicKey(Ed25519Raw.newSeed()), SignedJson.Purpose.FEED_ENTRY,
                "ST-327601-0001", signed)).isFalse();
    }

    @Test
    void unsignedOrMalformedIsFalseNeverAnException() {
        ObjectNode bad = entry();
        assertThat(SignedJson.verify(key, SignedJson.Purpose.FEED_ENTRY, "ST-327601-0001", bad)).isFalse();
        bad.put("sig", "not base64 !");
        assertThat(SignedJson.verify(key, SignedJson.Purpose.FEED_ENTRY, "ST-327601-0001", bad)).isFalse();
        bad.put("sig", "AAAA");
        assertThat(SignedJson.verify(key, SignedJson.Purpose.FEED_ENTRY, "ST-327601-0001", bad)).isFalse();
        assertThat(SignedJson.verify(key, SignedJson.Purpose.FEED_ENTRY, "ST-327601-0001",
                JSON.createArrayNode())).isFalse();
        assertThat(SignedJson.verify(new byte[5], SignedJson.Purpose.FEED_ENTRY, "ST-327601-0001",
                SignedJson.sign(seed, SignedJson.Purpose.FEED_ENTRY, "ST-327601-0001", entry()))).isFalse();
    }

    @Test
    void theSigningInputIsTheDocumentedCanonicalForm() {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "accepted");
        o.put("at", "2026-11-25T08:00:00Z");
        o.put("matchThreshold", 40.0);
        o.put("sig", "ignored");
        String input = new String(SignedJson.signingInput(SignedJson.Purpose.FEED_ENTRY, "ST-327601-0001", o),
                java.nio.charset.StandardCharsets.UTF_8);
        // RFC 8785: members sorted by name, no blanks, 40.0 as 40; "sig" left out.
        assertThat(input).isEqualTo("rekam-signed-v1\nfeed-entry\nST-327601-0001\n"
                + "{\"at\":\"2026-11-25T08:00:00Z\",\"matchThreshold\":40,\"type\":\"accepted\"}");
    }
}
