package id.rekam.devices.scanner;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * A deterministic TEST PATTERN, not a fingerprint: dark concentric elliptical rings on a light
 * background, centre shifted by placement, with the words "TEST PATTERN" burnt in. Enough to
 * exercise the image path byte for byte; useless for matching. Replace it with the synthetic
 * fingerprint generator for anything that extracts templates.
 */
public final class TestPatternFingerImageSource implements FingerImageSource {

    @Override
    public byte[] image(int placement) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        double cx = WIDTH / 2.0 + (placement % 5 - 2) * 6;
        double cy = HEIGHT / 2.0 + (placement % 3 - 1) * 8;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double dx = (x - cx) / 1.0;
                double dy = (y - cy) / 1.25;
                double r = Math.sqrt(dx * dx + dy * dy);
                // ~9 px ridge period, as on a 500 dpi sensor; outside the "finger" stays light.
                double ridge = 0.5 + 0.5 * Math.cos(2 * Math.PI * r / 9.0);
                int v = r > 115 ? 230 : (int) (230 - 180 * ridge);
                px[y * WIDTH + x] = (byte) v;
            }
        }
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, HEIGHT - 18, WIDTH, 18);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 12));
        g.drawString("TEST PATTERN #" + placement, 4, HEIGHT - 5);
        g.dispose();
        return px.clone();
    }
}
