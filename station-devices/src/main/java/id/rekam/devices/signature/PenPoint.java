package id.rekam.devices.signature;

/** A pen sample: position in pad units and milliseconds since the signature began. */
public record PenPoint(double x, double y, long t) {

    public PenPoint {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("pen point must be finite: " + x + "," + y);
        }
        if (t < 0) {
            throw new IllegalArgumentException("pen time must not be negative: " + t);
        }
    }
}
