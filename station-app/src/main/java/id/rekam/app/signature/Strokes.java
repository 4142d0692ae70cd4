package id.rekam.app.signature;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * Pen strokes as vectors: each stroke a list of points (x, y in pad pixels, t in ms since the
 * first touch, pressure 0–1). Kept beside the PNG so the signature can be re-rendered at card
 * resolution.
 */
public final class Strokes {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Point(double x, double y, long t, double p) {
    }

    public record Stroke(List<Point> points) {
    }

    public record Pad(double width, double height, List<Stroke> strokes) {
    }

    private final List<List<Point>> strokes = new ArrayList<>();
    private long start = -1;

    public void begin(double x, double y, long nowMs, double pressure) {
        if (start < 0) {
            start = nowMs;
        }
        strokes.add(new ArrayList<>());
        add(x, y, nowMs, pressure);
    }

    public void add(double x, double y, long nowMs, double pressure) {
        if (strokes.isEmpty()) {
            begin(x, y, nowMs, pressure);
            return;
        }
        strokes.get(strokes.size() - 1).add(new Point(x, y, nowMs - start, pressure));
    }

    public void clear() {
        strokes.clear();
        start = -1;
    }

    public boolean isEmpty() {
        return strokes.isEmpty();
    }

    public int pointCount() {
        return strokes.stream().mapToInt(List::size).sum();
    }

    public List<List<Point>> strokes() {
        return strokes;
    }

    public String toJson(double width, double height) {
        List<Stroke> out = strokes.stream().map(s -> new Stroke(List.copyOf(s))).toList();
        try {
            return JSON.writeValueAsString(new Pad(width, height, out));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Pad fromJson(String json) {
        try {
            return JSON.readValue(json, Pad.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a signature", e);
        }
    }
}
