package id.rekam.core.signature;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A signature as vectors: the pad's size and the pen strokes, each a list of points. Kept beside
 * the rendered PNG (packet part {@code signature-strokes.json}) so the signature can be rendered
 * again at card resolution. The JSON is specified in docs/packet-format.md, "Signature strokes".
 */
public record SignatureStrokes(double width, double height, List<Stroke> strokes) {

    /** What a record holds when no vectors were kept (demo data): an empty JSON array. */
    public static final String NONE = "[]";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A pen sample: position in pad units (origin top left), {@code t} ms since the signature's
     * first pen-down, {@code p} pen pressure 0–1 (1 when the input reports none, as a mouse).
     */
    public record Point(double x, double y, long t, double p) {
        public Point {
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                throw new IllegalArgumentException("a point's x and y must be finite numbers");
            }
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("pressure must be within 0..1: " + p);
            }
        }
    }

    /** Pen down, moves, pen up: at least one point. */
    public record Stroke(List<Point> points) {
        public Stroke {
            points = List.copyOf(points);
            if (points.isEmpty()) {
                throw new IllegalArgumentException("a stroke has at least one point");
            }
        }
    }

    public SignatureStrokes {
        if (!(width > 0) || !(height > 0) || !Double.isFinite(width) || !Double.isFinite(height)) {
            throw new IllegalArgumentException("pad width and height must be positive");
        }
        strokes = List.copyOf(strokes);
    }

    public int pointCount() {
        return strokes.stream().mapToInt(s -> s.points().size()).sum();
    }

    /**
     * {@code {"width":640.0,"height":240.0,"strokes":[{"points":[{"x":12.0,"y":30.5,"t":0,"p":1.0},…]},…]}}:
     * the form the station has always written, member order included.
     */
    public String toJson() {
        StringWriter out = new StringWriter(64 + 48 * pointCount());
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("width", width);
            g.writeNumberField("height", height);
            g.writeArrayFieldStart("strokes");
            for (Stroke s : strokes) {
                g.writeStartObject();
                g.writeArrayFieldStart("points");
                for (Point p : s.points()) {
                    g.writeStartObject();
                    g.writeNumberField("x", p.x());
                    g.writeNumberField("y", p.y());
                    g.writeNumberField("t", p.t());
                    g.writeNumberField("p", p.p());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Reads {@link #toJson()}'s form; members it does not know are ignored, a point without
     * {@code p} has pressure 1 (docs/packet-format.md).
     *
     * @return empty for {@link #NONE} (a record that kept no vectors)
     * @throws IllegalArgumentException naming what is wrong, when the text is neither
     */
    public static Optional<SignatureStrokes> fromJson(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("signature strokes are not JSON: " + e.getOriginalMessage(), e);
        }
        if (root != null && root.isArray() && root.isEmpty()) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("signature strokes must be a JSON object");
        }
        List<Stroke> strokes = new ArrayList<>();
        for (JsonNode s : array(root, "strokes")) {
            List<Point> points = new ArrayList<>();
            for (JsonNode p : array(s, "points")) {
                if (!p.path("t").canConvertToExactIntegral()) {
                    throw new IllegalArgumentException("a point's t must be an integer: " + p);
                }
                double pressure = p.has("p") ? number(p, "p") : StrokeRecorder.NO_PRESSURE;
                points.add(new Point(number(p, "x"), number(p, "y"), p.get("t").asLong(), pressure));
            }
            strokes.add(new Stroke(points));
        }
        return Optional.of(new SignatureStrokes(number(root, "width"), number(root, "height"), strokes));
    }

    private static JsonNode array(JsonNode parent, String name) {
        JsonNode node = parent.get(name);
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException("\"" + name + "\" must be an array");
        }
        return node;
    }

    private static double number(JsonNode parent, String name) {
        JsonNode node = parent.get(name);
        if (node == null || !node.isNumber()) {
            throw new IllegalArgumentException("\"" + name + "\" must be a number: " + parent);
        }
        return node.asDouble();
    }
}
