package id.rekam.server.packets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekam.core.packet.EnrollmentPackets;
import id.rekam.core.packet.Packet;
import id.rekam.core.packet.PacketPart;
import id.rekam.server.schema.JsonSchemas;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the content of an {@code enrollment} packet before it is decided: every part the kind
 * needs is there, every JSON part is valid against its schema in {@code docs/schemas/packet}, and
 * the finger slots agree with the template parts. What it finds is a {@link Problem}: a stable
 * code and a plain message naming the part and the field, never a program's internals, because
 * it reaches the station (and a third party's developer) as the rejection reason.
 */
public final class EnrollmentContent {

    /** Why the content cannot be decided: {@code missing-part} or {@code invalid-part}. */
    public record Problem(String code, String message) {
    }

    public static final String MISSING_PART = "missing-part";
    public static final String INVALID_PART = "invalid-part";
    /** Problems quoted per part; more would bury the first. */
    private static final int MAX_QUOTED = 5;

    /** Parts of an enrollment packet and the schema each JSON part must follow (null: binary). */
    private static final Map<String, String> REQUIRED = orderedRequired();
    private static final List<String> POSITIONS = List.of("RIGHT_THUMB", "RIGHT_INDEX", "RIGHT_MIDDLE", "RIGHT_RING",
            "RIGHT_LITTLE", "LEFT_THUMB", "LEFT_INDEX", "LEFT_MIDDLE", "LEFT_RING", "LEFT_LITTLE");

    private final ObjectMapper json = new ObjectMapper();

    private static Map<String, String> orderedRequired() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put(EnrollmentPackets.META, "packet/record");
        m.put(EnrollmentPackets.DEMOGRAPHICS, "packet/demographics");
        m.put(EnrollmentPackets.PHOTO, null);
        m.put(EnrollmentPackets.FINGERS, "packet/fingers");
        m.put(EnrollmentPackets.SIGNATURE, null);
        m.put(EnrollmentPackets.SIGNATURE_STROKES, "packet/signature-strokes");
        return m;
    }

    public Optional<Problem> check(Packet packet) {
        JsonNode fingers = null;
        for (Map.Entry<String, String> required : REQUIRED.entrySet()) {
            Optional<PacketPart> part = packet.part(required.getKey());
            if (part.isEmpty()) {
                return Optional.of(new Problem(MISSING_PART, "the packet has no part " + required.getKey()));
            }
            if (required.getValue() == null) {
                continue;
            }
            JsonNode value;
            try {
                value = json.readTree(part.get().bytes());
            } catch (JsonProcessingException e) {
                return Optional.of(new Problem(INVALID_PART, required.getKey() + " is not JSON (line "
                        + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
            } catch (java.io.IOException e) {
                return Optional.of(new Problem(INVALID_PART, required.getKey() + " is not JSON"));
            }
            if (value == null || value.isMissingNode()) {
                return Optional.of(new Problem(INVALID_PART, required.getKey() + " is empty"));
            }
            List<String> problems = JsonSchemas.problems(required.getValue(), value);
            if (!problems.isEmpty()) {
                return Optional.of(new Problem(INVALID_PART, required.getKey() + " does not follow "
                        + required.getValue() + ".schema.json: " + String.join("; ",
                        problems.subList(0, Math.min(MAX_QUOTED, problems.size())))
                        + (problems.size() > MAX_QUOTED ? "; and " + (problems.size() - MAX_QUOTED) + " more" : "")));
            }
            if (required.getKey().equals(EnrollmentPackets.FINGERS)) {
                fingers = value;
            }
        }
        return slots(packet, fingers);
    }

    /** What the schema cannot say: each position once, and a template part for every print. */
    private static Optional<Problem> slots(Packet packet, JsonNode fingers) {
        Set<String> seen = new HashSet<>();
        for (JsonNode slot : fingers) {
            String position = slot.get("position").asText();
            if (!seen.add(position)) {
                return Optional.of(new Problem(INVALID_PART, EnrollmentPackets.FINGERS + " lists " + position + " twice"));
            }
            String template = String.format(Locale.ROOT, "finger-%02d.tpl", POSITIONS.indexOf(position) + 1);
            if (slot.get("exception").isNull() && packet.part(template).isEmpty()) {
                return Optional.of(new Problem(MISSING_PART, EnrollmentPackets.FINGERS + " gives " + position
                        + " a print, but the packet has no part " + template));
            }
        }
        return Optional.empty();
    }
}
