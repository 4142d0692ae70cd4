package id.rekam.sync.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/** The server's view of one packet (announce answer and {@code GET /v1/packets/{id}}). */
public record PacketView(String packetId, ServerState state, String sha256, long size, String uploadUrl,
                         long uploadOffset, JsonNode verdict) {

    public Optional<JsonNode> verdictNode() {
        return Optional.ofNullable(verdict);
    }
}
