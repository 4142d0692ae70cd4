package id.rekam.sync.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * The server's view of one packet (announce answer and {@code GET /v1/packets/{id}}). Once the
 * body is stored {@code receipt} is the server's signed receipt, once it is decided
 * {@code verdict} its signed verdict: both verified when the view was read.
 */
public record PacketView(String packetId, ServerState state, String sha256, long size, String uploadUrl,
                         long uploadOffset, JsonNode verdict, JsonNode receipt, String contentSha256) {

    public PacketView(String packetId, ServerState state, String sha256, long size, String uploadUrl,
                      long uploadOffset, JsonNode verdict) {
        this(packetId, state, sha256, size, uploadUrl, uploadOffset, verdict, null, null);
    }

    public Optional<JsonNode> verdictNode() {
        return Optional.ofNullable(verdict);
    }
}
