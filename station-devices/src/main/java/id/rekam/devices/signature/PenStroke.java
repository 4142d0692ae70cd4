package id.rekam.devices.signature;

import java.util.List;

/** Pen down, moves, pen up. */
public record PenStroke(List<PenPoint> points) {

    public PenStroke {
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a stroke has at least one point");
        }
    }
}
