package id.rekam.server.dedup;

import id.rekam.server.packets.PacketState;

import java.util.List;
import java.util.Map;

/**
 * What the server decided about one packet, plus the fields the feed entry carries
 * (reason, duplicateOf, warnings...). {@code templates} are those to index when accepted.
 */
public record Verdict(PacketState state, String reasonCode, String reasonMessage, Map<String, Object> feedFields,
                      Map<Integer, byte[]> templates) {

    public static Verdict rejected(String code, String message) {
        return new Verdict(PacketState.REJECTED, code, message,
                Map.of("reason", Map.of("code", code, "message", message)), Map.of());
    }

    public List<String> warnings() {
        Object w = feedFields.get("warnings");
        if (w instanceof List<?> l) {
            return l.stream().map(Object::toString).toList();
        }
        return List.of();
    }
}
