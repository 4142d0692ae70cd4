package id.rekam.app.testing;

import id.rekam.app.ports.CameraService;
import id.rekam.core.domain.DeviceRef;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * TEST DOUBLE camera: paints a head-and-shoulders figure with textured detail on a coloured
 * backdrop at a fixed frame rate, like a webcam would deliver.
 */
public final class PaintedCamera implements CameraService {

    private final DeviceRef device = new DeviceRef("TEST-CAM", "camera", "painted test camera", "T-1", "TEST", true);
    private final Random random = new Random(7);
    private volatile Color backdrop;
    private volatile int brightnessShift;
    private final long frameNanos;
    private long last;
    private volatile id.rekam.app.ports.DeviceFailure failure;

    public PaintedCamera(Color backdrop, int fps) {
        this.backdrop = backdrop;
        this.frameNanos = 1_000_000_000L / fps;
    }

    public void backdrop(Color c) {
        backdrop = c;
    }

    /** From now on, no frames and this failure (null: working again), as a failed webcam would. */
    public void fail(id.rekam.app.ports.DeviceFailure kind) {
        failure = kind;
    }

    @Override
    public java.util.Optional<id.rekam.app.ports.DeviceFailure> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    public void darken(int shift) {
        brightnessShift = shift;
    }

    @Override
    public DeviceRef device() {
        return device;
    }

    @Override
    public void open() {
    }

    @Override
    public BufferedImage grab() {
        if (failure != null) {
            return null;
        }
        long wait = last + frameNanos - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        last = System.nanoTime();
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(shift(backdrop));
        g.fillRect(0, 0, 640, 480);
        g.setColor(shift(new Color(40, 44, 60)));
        g.fillRoundRect(200, 330, 240, 200, 120, 120);
        g.setColor(shift(new Color(222, 178, 140)));
        g.fillOval(250, 110, 140, 180);
        g.setColor(shift(new Color(30, 26, 24)));
        g.fillArc(246, 96, 148, 110, 0, 180);
        g.fillOval(283, 180, 18, 10);
        g.fillOval(339, 180, 18, 10);
        g.drawArc(295, 225, 50, 24, 200, 140);
        for (int i = 0; i < 400; i++) {
            int x = 250 + random.nextInt(140);
            int y = 120 + random.nextInt(160);
            g.setColor(shift(new Color(200 + random.nextInt(40), 160 + random.nextInt(30), 120 + random.nextInt(30))));
            g.fillRect(x, y, 2, 2);
        }
        g.dispose();
        return img;
    }

    private Color shift(Color c) {
        int s = brightnessShift;
        return new Color(clamp(c.getRed() - s), clamp(c.getGreen() - s), clamp(c.getBlue() - s));
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    @Override
    public void close() {
    }
}
