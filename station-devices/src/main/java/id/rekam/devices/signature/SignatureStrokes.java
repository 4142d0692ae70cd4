package id.rekam.devices.signature;

import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * A signature as vectors: the strokes and the size of the pad they were drawn on. Kept with
 * the record so the signature can be rendered again at card resolution.
 */
public record SignatureStrokes(double padWidth, double padHeight, List<PenStroke> strokes) {

    public SignatureStrokes {
        if (!(padWidth > 0) || !(padHeight > 0) || !Double.isFinite(padWidth) || !Double.isFinite(padHeight)) {
            throw new IllegalArgumentException("pad size must be positive");
        }
        strokes = List.copyOf(strokes);
    }

    public boolean isEmpty() {
        return strokes.isEmpty();
    }

    public int pointCount() {
        return strokes.stream().mapToInt(s -> s.points().size()).sum();
    }

    /** Bounding box of the ink; empty rectangle at the origin when there is none. */
    public Rectangle2D inkBounds() {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (PenStroke s : strokes) {
            for (PenPoint p : s.points()) {
                minX = Math.min(minX, p.x());
                minY = Math.min(minY, p.y());
                maxX = Math.max(maxX, p.x());
                maxY = Math.max(maxY, p.y());
            }
        }
        return isEmpty() ? new Rectangle2D.Double() : new Rectangle2D.Double(minX, minY, maxX - minX, maxY - minY);
    }
}
