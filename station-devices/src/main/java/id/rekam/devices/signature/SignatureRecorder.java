package id.rekam.devices.signature;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects pen events from an on-screen pad (or a tablet) into strokes. Times are taken
 * relative to the first pen-down. Not thread-safe: feed it from the UI thread.
 */
public final class SignatureRecorder {

    private final double padWidth;
    private final double padHeight;
    private final List<PenStroke> strokes = new ArrayList<>();
    private List<PenPoint> current;
    private long origin = -1;

    public SignatureRecorder(double padWidth, double padHeight) {
        this.padWidth = padWidth;
        this.padHeight = padHeight;
    }

    public void penDown(double x, double y, long epochMillis) {
        penUp();
        current = new ArrayList<>();
        add(x, y, epochMillis);
    }

    public void penMove(double x, double y, long epochMillis) {
        if (current != null) {
            add(x, y, epochMillis);
        }
    }

    public void penUp() {
        if (current != null && !current.isEmpty()) {
            strokes.add(new PenStroke(current));
        }
        current = null;
    }

    public void undoLastStroke() {
        penUp();
        if (!strokes.isEmpty()) {
            strokes.remove(strokes.size() - 1);
        }
    }

    public void clear() {
        strokes.clear();
        current = null;
        origin = -1;
    }

    /** The strokes so far, including one still being drawn. */
    public SignatureStrokes strokes() {
        List<PenStroke> all = new ArrayList<>(strokes);
        if (current != null && !current.isEmpty()) {
            all.add(new PenStroke(current));
        }
        return new SignatureStrokes(padWidth, padHeight, all);
    }

    private void add(double x, double y, long epochMillis) {
        if (origin < 0) {
            origin = epochMillis;
        }
        double cx = Math.max(0, Math.min(padWidth, x));
        double cy = Math.max(0, Math.min(padHeight, y));
        current.add(new PenPoint(cx, cy, Math.max(0, epochMillis - origin)));
    }
}
