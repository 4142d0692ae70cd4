package id.rekam.core.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rekam.core.crypto.PacketSeal;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The central server's two public keys, as a station learns and pins them at provisioning
 * (enrollment answer, docs/sync-protocol.md §2): the Ed25519 <b>signing key</b> that verifies
 * everything the server tells the station (feed, receipts, verdicts, commands, audit anchors) and
 * the X25519 <b>packet key</b> packets are sealed to (HPKE, packet-format.md "Sealed packet").
 * Both raw 32 bytes; base64 on the wire.
 */
public record ServerKeys(byte[] signingKey, byte[] packetKey) {

    public ServerKeys {
        if (signingKey == null || signingKey.length != 32 || packetKey == null || packetKey.length != 32) {
            throw new IllegalArgumentException("server keys are 32 raw bytes each");
        }
        signingKey = signingKey.clone();
        packetKey = packetKey.clone();
    }

    @Override
    public byte[] signingKey() {
        return signingKey.clone();
    }

    @Override
    public byte[] packetKey() {
        return packetKey.clone();
    }

    /** First 8 bytes of SHA-256 of the raw packet key: names the key a sealed packet was made for. */
    public byte[] packetKeyId() {
        return PacketSeal.keyId(packetKey);
    }


    public String signingKeyBase64() {
        return Base64.getEncoder().encodeToString(signingKey);
    }

    public String packetKeyBase64() {
        return Base64.getEncoder().encodeToString(packetKey);
    }

    /**
     * Short fingerprint for people (logs, audit, CLI): the first 8 bytes of the signing key's SHA-256
     * in hex, grouped by four ({@code 3f2a:09b1:77c4:e012}; grouped, so it never reads as a NIK).
     */
    public String fingerprint() {
        return grouped(PacketSeal.keyId(signingKey));
    }

    /** Hex in groups of four digits. */
    public static String grouped(byte[] id) {
        String hex = HexFormat.of().formatHex(id);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) {
            b.append(i == 0 ? "" : ":").append(hex, i, Math.min(hex.length(), i + 4));
        }
        return b.toString();
    }

    /** {@code {"signing": "<base64>", "packet": "<base64>", "packetKeyId": "<hex>"}} as in the enrollment answer. */
    public ObjectNode toJson() {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("signing", signingKeyBase64());
        o.put("packet", packetKeyBase64());
        o.put("packetKeyId", HexFormat.of().formatHex(packetKeyId()));
        return o;
    }

    /** @throws IllegalArgumentException when a key is missing or not 32 bytes of base64 */
    public static ServerKeys fromJson(JsonNode n) {
        if (n == null || !n.path("signing").isTextual() || !n.path("packet").isTextual()) {
            throw new IllegalArgumentException("serverKeys needs signing and packet");
        }
        return new ServerKeys(Base64.getDecoder().decode(n.get("signing").asText()),
                Base64.getDecoder().decode(n.get("packet").asText()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerKeys k && Arrays.equals(signingKey, k.signingKey) && Arrays.equals(packetKey, k.packetKey);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(signingKey) + Arrays.hashCode(packetKey);
    }

    @Override
    public String toString() {
        return "ServerKeys[" + fingerprint() + "]";
    }
}
