package id.rekam.devices.camera;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamException;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.GradientPaint;
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

    /** Draws the frame for a moment; pure, so tests can render frames without opening a device. */
    public BufferedImage render(int w, int h, long millis, long frame) {
        double t = millis / 1000.0 + seed;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        float mix = (float) (0.5 + 0.5 * Math.sin(t / 4));
        Color bg = blend(new Color(0x1E, 0x4F, 0xC8), new Color(0xC8, 0x24, 0x2B), mix);
        g.setPaint(new GradientPaint(0, 0, bg.brighter(), 0, h, bg.darker()));
        g.fillRect(0, 0, w, h);

        double s = h / 480.0;
        double cx = w / 2.0 + Math.sin(t * 0.9) * 40 * s;
        double cy = h * 0.42 + Math.cos(t * 0.7) * 12 * s;
        g.setColor(new Color(0x2B, 0x2B, 0x33));
        g.fill(new RoundRectangle2D.Double(cx - 170 * s, cy + 120 * s, 340 * s, 260 * s, 120 * s, 120 * s));
        g.setColor(new Color(0xD9, 0xA0, 0x78));
        g.fill(new RoundRectangle2D.Double(cx - 35 * s, cy + 80 * s, 70 * s, 70 * s, 20 * s, 20 * s));
        g.fill(new Ellipse2D.Double(cx - 85 * s, cy - 110 * s, 170 * s, 220 * s));
        g.setColor(new Color(0x1A, 0x14, 0x10));
        g.fill(new Ellipse2D.Double(cx - 90 * s, cy - 125 * s, 180 * s, 90 * s));
        double blink = (Math.floor(t * 10) % 37 == 0) ? 0.15 : 1.0;
        g.fill(new Ellipse2D.Double(cx - 45 * s, cy - 15 * s, 22 * s, 14 * s * blink));
        g.fill(new Ellipse2D.Double(cx + 23 * s, cy - 15 * s, 22 * s, 14 * s * blink));
        g.setStroke(new BasicStroke((float) (4 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(0x7A, 0x2E, 0x2E));
        g.drawArc((int) (cx - 30 * s), (int) (cy + 35 * s), (int) (60 * s), (int) (25 * s), 200, 140);

        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.max(12, 36 * s)));
        g.setColor(new Color(255, 255, 255, 220));
        g.drawString("SIMULATED", (int) (14 * s), (int) (44 * s));
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, (int) Math.max(10, 16 * s)));
        g.drawString(name + "  #" + frame, (int) (14 * s), h - (int) (36 * s));
        g.drawString(TIME.format(java.time.Instant.ofEpochMilli(millis)) + " UTC", (int) (14 * s), h - (int) (14 * s));
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
