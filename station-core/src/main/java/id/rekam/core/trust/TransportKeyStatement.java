package id.rekam.core.trust;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * The station's word that its sync service may sign requests with a given transport key
 * (docs/sync-protocol.md §2.1): the station key signs the UTF-8 bytes of
 * <pre>
 * rekam-transport-key-v1 LF station id LF transport key (base64 of the raw 32 bytes) LF issuedAt (ISO-8601)
 * </pre>
 * A prefix no packet, request or export signature starts with, so none can stand in for another.
 * The transport key itself can never sign such a statement for its successor.
 */
public record TransportKeyStatement(String stationId, String transportKeyBase64, Instant issuedAt) {

    public static final String VERSION = "rekam-transport-key-v1";

    public TransportKeyStatement {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(transportKeyBase64, "transportKeyBase64");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    public byte[] signingInput() {
        return (VERSION + "\n" + stationId + "\n" + transportKeyBase64 + "\n" + issuedAt)
                .getBytes(StandardCharsets.UTF_8);
    }
}
