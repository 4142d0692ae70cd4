package id.rekam.server.packets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rekam.core.trust.SignedJson;
import id.rekam.server.http.Json;
import id.rekam.server.keys.ServerKeyStore;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the server signs about a packet (docs/sync-protocol.md §3.1, §4.5): the <b>receipt</b>
 * (the body is stored, or refused at completion) and the <b>verdict</b>. A station acts on
 * neither unless the signature verifies with the key it pinned, so a forged {@code received} or
 * {@code accepted} from anyone on the path changes nothing.
 */
public final class Receipts {

    /** Header carrying the signed receipt (base64 of its JSON) on tus answers once the body is complete. */
    public static final String RECEIPT_HEADER = "X-Rekam-Receipt";

    private final ServerKeyStore keys;

    public Receipts(ServerKeyStore keys) {
        this.keys = keys;
    }

    /** Null while the upload is not complete. */
    public ObjectNode receipt(PacketRecord p) {
        if (p.state() == PacketState.AWAITING_UPLOAD) {
            return null;
        }
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("type", "receipt");
        o.put("packetId", p.packetId());
        o.put("sha256", p.sha256());
        if (p.contentSha256() != null) {
            o.put("contentSha256", p.contentSha256());
        }
        boolean refused = p.state() == PacketState.REJECTED && p.receivedAt() == null;
        o.put("status", refused ? "rejected" : "received");
        if (refused) {
            o.put("reason", p.reasonCode());
        }
        o.put("at", (refused ? p.decidedAt() : p.receivedAt()).toString());
        return keys.sign(SignedJson.Purpose.RECEIPT, p.stationId(), o);
    }

    /** {@link #receipt} for a header; null while the upload is not complete. */
    public String receiptHeader(PacketRecord p) {
        ObjectNode r = receipt(p);
        return r == null ? null : Base64.getEncoder().encodeToString(Json.write(r));
    }

    /** The verdict fields (protocol §6) with packet id and state, signed; null before a decision. */
    public ObjectNode verdict(PacketRecord p) {
        if (p.verdictJson() == null) {
            return null;
        }
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("packetId", p.packetId());
        o.put("state", p.state().wire());
        JsonNode fields = Json.tree(p.verdictJson().getBytes(StandardCharsets.UTF_8));
        if (fields.isObject()) {
            fields.fields().forEachRemaining(e -> o.set(e.getKey(), e.getValue()));
        }
        return keys.sign(SignedJson.Purpose.VERDICT, p.stationId(), o);
    }

    /** The JSON view of a packet returned by announce and {@code GET /v1/packets/{id}}. */
    public Map<String, Object> view(PacketRecord p) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("packetId", p.packetId());
        v.put("state", p.state().wire());
        v.put("sha256", p.sha256());
        if (p.contentSha256() != null) {
            v.put("contentSha256", p.contentSha256());
        }
        v.put("size", p.size());
        v.put("uploadUrl", p.uploadPath());
        v.put("uploadOffset", p.effectiveOffset());
        v.put("announcedAt", p.announcedAt().toString());
        if (p.receivedAt() != null) {
            v.put("receivedAt", p.receivedAt().toString());
        }
        if (p.decidedAt() != null) {
            v.put("decidedAt", p.decidedAt().toString());
        }
        if (p.printReadyAt() != null) {
            v.put("printReadyAt", p.printReadyAt().toString());
        }
        ObjectNode receipt = receipt(p);
        if (receipt != null) {
            v.put("receipt", receipt);
        }
        ObjectNode verdict = verdict(p);
        if (verdict != null) {
            v.put("verdict", verdict);
        }
        return v;
    }
}
