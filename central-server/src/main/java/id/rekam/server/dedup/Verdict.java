package id.rekam.server.dedup;

import id.rekam.server.packets.PacketState;

import java.util.List;
import java.util.Map;

/**
 * What the server decided about one packet, plus the fields the feed entry carries
 * (reason, duplicateOf, candidates, warnings...). {@code templates} are those to store when
 * accepted. {@code basis} is what the decision saw of the other records (null for rejections,
 * which do not depend on them): the decision stands only if nothing was accepted since.
 */
public record Verdict(PacketState state, String reasonCode, String reasonMessage, Map<String, Object> feedFields,
                      Map<Integer, byte[]> templates, Basis basis) {

    /**
     * @param templatesUpTo the templates table's rowid the index was level with
     * @param nik           the record's NIK, looked up among accepted records
     */
    public record Basis(long templatesUpTo, String nik) {
    }

    public static Verdict rejected(String code, String message) {
        return new Verdict(PacketState.REJECTED, code, message,
                Map.of("reason", Map.of("code", code, "message", message)), Map.of(), null);
    }

    public List<String> warnings() {
        Object w = feedFields.get("warnings");
        if (w instanceof List<?> l) {
            return l.stream().map(Object::toString).toList();
        }
        return List.of();
    }
}
