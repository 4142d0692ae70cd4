package id.rekam.devices.signature;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Signature strokes as compact JSON, the form kept in {@code SignatureCapture.strokesJson}:
 * <pre>{"format":"rekam-signature/1","width":600,"height":240,"strokes":[[[x,y,t],…],…]}</pre>
 * Coordinates in pad units (up to 0.01), t in ms since the first pen-down.
 */
public final class SignatureJson {

    public static final String FORMAT = "rekam-signature/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SignatureJson() {
    }

    public static String write(SignatureStrokes signature) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("width", signature.padWidth());
        root.put("height", signature.padHeight());
        ArrayNode strokes = root.putArray("strokes");
        for (PenStroke s : signature.strokes()) {
            ArrayNode points = strokes.addArray();
            for (PenPoint p : s.points()) {
                points.addArray().add(round(p.x())).add(round(p.y())).add(p.t());
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SignatureStrokes read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("signature JSON unreadable: " + e.getOriginalMessage(), e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("not a " + FORMAT + " document");
        }
        List<PenStroke> strokes = new ArrayList<>();
        for (JsonNode s : array(root.get("strokes"), "strokes")) {
            List<PenPoint> points = new ArrayList<>();
            for (JsonNode p : array(s, "stroke")) {
                if (!p.isArray() || p.size() != 3 || !p.get(0).isNumber() || !p.get(1).isNumber() || !p.get(2).canConvertToLong()) {
                    throw new IllegalArgumentException("a point is [x, y, t]: " + p);
                }
                points.add(new PenPoint(p.get(0).asDouble(), p.get(1).asDouble(), p.get(2).asLong()));
            }
            strokes.add(new PenStroke(points));
        }
        return new SignatureStrokes(root.path("width").asDouble(), root.path("height").asDouble(), strokes);
    }

    private static JsonNode array(JsonNode node, String what) {
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException(what + " must be an array");
        }
        return node;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
