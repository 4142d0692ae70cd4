package id.rekam.core.signature;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects pen events from a pad into strokes: points clamped to the pad, times relative to the
 * first pen-down. Not thread-safe: feed it from the thread that delivers the events.
 */
public final class StrokeRecorder {

    /** The pressure a point gets when its input reports none (mouse, or a pen seen as a mouse). */
    public static final double NO_PRESSURE = 1.0;

    private final double width;
    private final double height;
    private final List<List<SignatureStrokes.Point>> strokes = new ArrayList<>();
    private long origin = -1;

    public StrokeRecorder(double width, double height) {
        this.width = width;
        this.height = height;
    }

    /** @param millis a monotonic clock in ms (not the wall clock: a clock set back would give t &lt; 0) */
    public void penDown(double x, double y, long millis) {
        if (origin < 0) {
            origin = millis;
        }
        strokes.add(new ArrayList<>());
        add(x, y, millis);
    }

    /** Ignored when the pen is not down. */
    public void penMove(double x, double y, long millis) {
        if (!strokes.isEmpty()) {
            add(x, y, millis);
        }
    }

    public void clear() {
        strokes.clear();
        origin = -1;
    }

    public boolean isEmpty() {
        return strokes.isEmpty();
    }

    public int pointCount() {
        return strokes.stream().mapToInt(List::size).sum();
    }

    /** The stroke being drawn (or the last one), for drawing it as it grows. */
    public List<SignatureStrokes.Point> lastStroke() {
        return strokes.isEmpty() ? List.of() : Collections.unmodifiableList(strokes.get(strokes.size() - 1));
    }

    public SignatureStrokes strokes() {
        return new SignatureStrokes(width, height, strokes.stream().map(SignatureStrokes.Stroke::new).toList());
    }

    private void add(double x, double y, long millis) {
        strokes.get(strokes.size() - 1).add(new SignatureStrokes.Point(Math.max(0, Math.min(width, x)),
                Math.max(0, Math.min(height, y)), Math.max(0, millis - origin), NO_PRESSURE));
    }
}
