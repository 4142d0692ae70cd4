package id.rekam.app.enroll;

/** Required photo background: blue (even birth year), red (odd), orange (foreign residents). */
public enum PhotoBackground {
    BLUE(0x1f5fbf), RED(0xc62828), ORANGE(0xef7d22);

    private final int rgb;

    PhotoBackground(int rgb) {
        this.rgb = rgb;
    }

    public int rgb() {
        return rgb;
    }

    public String web() {
        return String.format("#%06x", rgb);
    }
}
