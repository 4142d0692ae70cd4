package id.rekam.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rekam.core.trust.SignedJson;
import id.rekam.server.auth.SignatureAuthInterceptor;
import id.rekam.server.http.ApiException;
import id.rekam.server.http.Json;
import id.rekam.server.http.Request;
import id.rekam.server.http.Response;
import id.rekam.server.keys.ServerKeyStore;
import id.rekam.server.schema.JsonSchemas;
import id.rekam.server.stations.Station;
import id.rekam.server.store.Database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /v1/audit-anchors} (sync-protocol.md §8a): keeps the highest audit head each station
 * anchored and answers with a receipt signed by the server's signing key (purpose
 * {@code audit-anchor}). A lower head, or the same one with another hash, means the station's
 * trail lost entries the server saw: refused with {@code 409 audit-rollback}, which carries the
 * receipt of the highest anchor so the station keeps the server's word and names the cut.
 */
public final class AuditAnchorApi {

    static final String ROLLBACK = "audit-rollback";

    private record Kept(long seq, String hash, String receipt) {
    }

    private final Database db;
    private final ServerKeyStore keys;
    private final Clock clock;

    public AuditAnchorApi(Database db, ServerKeyStore keys, Clock clock) {
        this.db = db;
        this.keys = keys;
        this.clock = clock;
    }

    public Response anchor(Request r) throws IOException {
        JsonNode b = Json.tree(r.body());
        List<String> problems = JsonSchemas.problems("api/audit-anchor-request", b);
        if (!problems.isEmpty()) {
            throw new ApiException(400, "bad-request", String.join("; ", problems));
        }
        String stationId = ((Station) r.attribute(SignatureAuthInterceptor.STATION)).stationId();
        long seq = b.get("seq").asLong();
        String hash = b.get("hash").asText();
        // Read, compare and replace in one transaction: two passes of one station cannot interleave.
        return db.tx(c -> {
            Optional<Kept> kept = Database.queryOne(c,
                    "SELECT seq, hash, receipt FROM audit_anchors WHERE station_id = ?",
                    rs -> new Kept(rs.getLong(1), rs.getString(2), rs.getString(3)), stationId);
            if (kept.isPresent() && kept.get().seq() == seq && kept.get().hash().equals(hash)) {
                return Response.json(200, Json.tree(kept.get().receipt().getBytes(StandardCharsets.UTF_8)));
            }
            if (kept.isPresent() && kept.get().seq() >= seq) {
                throw new RolledBack(Json.tree(kept.get().receipt().getBytes(StandardCharsets.UTF_8)));
            }
            ObjectNode receipt = Json.MAPPER.createObjectNode();
            receipt.put("type", "audit-anchor");
            receipt.put("stationId", stationId);
            receipt.put("seq", seq);
            receipt.put("hash", hash);
            receipt.put("anchoredAt", clock.instant().toString());
            ObjectNode signed = keys.sign(SignedJson.Purpose.AUDIT_ANCHOR, stationId, receipt);
            Database.update(c, "INSERT INTO audit_anchors (station_id, seq, hash, receipt, anchored_at) "
                    + "VALUES (?,?,?,?,?) ON CONFLICT (station_id) DO UPDATE SET seq = excluded.seq, "
                    + "hash = excluded.hash, receipt = excluded.receipt, anchored_at = excluded.anchored_at",
                    stationId, seq, hash, SignedJson.text(signed), clock.millis());
            return Response.json(201, signed);
        });
    }

    /** {@code 409 audit-rollback} with the receipt of the station's highest anchor. */
    static final class RolledBack extends ApiException {
        private final JsonNode receipt;

        RolledBack(JsonNode receipt) {
            super(409, ROLLBACK, "this station anchored a later audit entry before; its trail lost entries");
            this.receipt = receipt;
        }

        @Override
        public Response toResponse() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", code());
            body.put("message", getMessage());
            body.put("anchor", receipt);
            return Response.json(409, body);
        }
    }
}
