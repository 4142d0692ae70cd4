package id.rekam.devices.camera;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamException;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * SIMULATED camera: a real {@link WebcamDevice} that draws its frames. A face-like figure
 * (head, eyes, mouth, shoulders) sways in front of a background whose colour drifts
 * between blue and red, with "SIMULATED" and a timestamp on every frame, so a demo shows
 * movement and nobody mistakes the picture for a citizen's photo.
 */
public final class SimulatedWebcamDevice implements WebcamDevice, WebcamDevice.FPSSource {

    public static final String NAME_PREFIX = "SIMULATED camera ";
    private static final Dimension[] RESOLUTIONS = {new Dimension(640, 480), new Dimension(320, 240)};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final String name;
    private final Clock clock;
    private final int seed;
    private volatile Dimension resolution = RESOLUTIONS[0];
    private volatile boolean open;
    private long frames;

    public SimulatedWebcamDevice(int index, Clock clock) {
        this.name = NAME_PREFIX + index;
        this.clock = clock;
        this.seed = index;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Dimension[] getResolutions() {
        return RESOLUTIONS.clone();
    }

    @Override
    public Dimension getResolution() {
        return resolution;
    }

    @Override
    public void setResolution(Dimension size) {
        resolution = size;
    }

    @Override
    public synchronized BufferedImage getImage() {
        if (!open) {
            throw new WebcamException(name + " is not open");
        }
        long millis = clock.millis();
        return render(resolution.width, resolution.height, millis, frames++);
    }

    /**
     * Draws the frame for a moment; pure, so tests can render frames without opening a device.
     * The antialiased figure is drawn once per size into two sprites (eyes open, blinking); a
     * frame is then a gradient written straight into the raster, one sprite blit and two lines
     * of text — cheap enough for 30 fps next to the app on a two-core station.
     */
    public BufferedImage render(int w, int h, long millis, long frame) {
        double t = millis / 1000.0 + seed;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        float mix = (float) (0.5 + 0.5 * Math.sin(t / 4));
        Color bg = blend(new Color(0x1E, 0x4F, 0xC8), new Color(0xC8, 0x24, 0x2B), mix);
        gradient(((java.awt.image.DataBufferInt) img.getRaster().getDataBuffer()).getData(), w, h,
                bg.brighter(), bg.darker());

        Layers l = layers(w, h);
        double s = l.scale();
        double cx = w / 2.0 + Math.sin(t * 0.9) * 40 * s;
        double cy = h * 0.42 + Math.cos(t * 0.7) * 12 * s;
        boolean blink = Math.floor(t * 10) % 37 == 0;
        Graphics2D g = img.createGraphics();
        g.drawImage(blink ? l.blinking() : l.open(), (int) Math.round(cx - l.originX()),
                (int) Math.round(cy - l.originY()), null);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(l.title());
        g.setColor(new Color(255, 255, 255, 220));
        g.drawString("SIMULATED", (int) (14 * s), (int) (44 * s));
        g.setFont(l.small());
        g.drawString(name + "  #" + frame, (int) (14 * s), h - (int) (36 * s));
        g.drawString(TIME.format(java.time.Instant.ofEpochMilli(millis)) + " UTC", (int) (14 * s), h - (int) (14 * s));
        g.dispose();
        return img;
    }

    /** The same vertical gradient {@code GradientPaint(0, 0, top, 0, h, bottom)} gives, row by row. */
    private static void gradient(int[] pixels, int w, int h, Color top, Color bottom) {
        for (int y = 0; y < h; y++) {
            float f = h <= 1 ? 0 : (float) y / (h - 1);
            int rgb = blend(top, bottom, f).getRGB() & 0xFFFFFF;
            java.util.Arrays.fill(pixels, y * w, (y + 1) * w, rgb);
        }
    }

    private record Layers(int width, int height, double scale, BufferedImage open, BufferedImage blinking,
                          double originX, double originY, Font title, Font small) {
    }

    private volatile Layers layers;

    private Layers layers(int w, int h) {
        Layers l = layers;
        if (l == null || l.width() != w || l.height() != h) {
            double s = h / 480.0;
            l = new Layers(w, h, s, figure(s, 1.0), figure(s, 0.15), 170 * s + 2, 125 * s + 2,
                    new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.max(12, 36 * s)),
                    new Font(Font.MONOSPACED, Font.PLAIN, (int) Math.max(10, 16 * s)));
            layers = l;
        }
        return l;
    }

    /** Head, eyes, mouth and shoulders around the head's centre at (170s+2, 125s+2). */
    private static BufferedImage figure(double s, double blink) {
        double cx = 170 * s + 2;
        double cy = 125 * s + 2;
        BufferedImage img = new BufferedImage((int) Math.ceil(340 * s) + 4, (int) Math.ceil(505 * s) + 4,
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x2B, 0x2B, 0x33));
        g.fill(new RoundRectangle2D.Double(cx - 170 * s, cy + 120 * s, 340 * s, 260 * s, 120 * s, 120 * s));
        g.setColor(new Color(0xD9, 0xA0, 0x78));
        g.fill(new RoundRectangle2D.Double(cx - 35 * s, cy + 80 * s, 70 * s, 70 * s, 20 * s, 20 * s));
        g.fill(new Ellipse2D.Double(cx - 85 * s, cy - 110 * s, 170 * s, 220 * s));
        g.setColor(new Color(0x1A, 0x14, 0x10));
        g.fill(new Ellipse2D.Double(cx - 90 * s, cy - 125 * s, 180 * s, 90 * s));
        g.fill(new Ellipse2D.Double(cx - 45 * s, cy - 15 * s, 22 * s, 14 * s * blink));
        g.fill(new Ellipse2D.Double(cx + 23 * s, cy - 15 * s, 22 * s, 14 * s * blink));
        g.setStroke(new BasicStroke((float) (4 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(0x7A, 0x2E, 0x2E));
        g.drawArc((int) (cx - 30 * s), (int) (cy + 35 * s), (int) (60 * s), (int) (25 * s), 200, 140);
        g.dispose();
        return img;
    }

    private static Color blend(Color a, Color b, float f) {
        return new Color((int) (a.getRed() + (b.getRed() - a.getRed()) * f),
                (int) (a.getGreen() + (b.getGreen() - a.getGreen()) * f),
                (int) (a.getBlue() + (b.getBlue() - a.getBlue()) * f));
    }

    @Override
    public synchronized void open() {
        open = true;
    }

    @Override
    public synchronized void close() {
        open = false;
    }

    @Override
    public void dispose() {
        close();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public double getFPS() {
        return 15;
    }
}
