package id.rekam.devices.signature;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Renders strokes to a PNG of a fixed size: the ink's bounding box is scaled uniformly
 * (aspect kept) and centred with a margin, drawn anti-aliased with round pen ends, on a
 * transparent or white background. Curves are smoothed through segment midpoints.
 */
public final class SignatureRenderer {

    public enum Background { TRANSPARENT, WHITE }

    /** Default output: 2.5:1, wide enough for the card's signature box at print resolution. */
    public static final int DEFAULT_WIDTH = 600;
    public static final int DEFAULT_HEIGHT = 240;
    private static final double MARGIN = 0.06;

    private final Color ink;

    public SignatureRenderer() {
        this(Color.BLACK);
    }

    public SignatureRenderer(Color ink) {
        this.ink = ink;
    }

    public BufferedImage render(SignatureStrokes signature, int width, int height, Background background) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("output size must be positive");
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            if (background == Background.WHITE) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, width, height);
            }
            if (signature.isEmpty()) {
                return img;
            }
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            double penWidth = Math.max(1.5, Math.min(width, height) / 60.0);
            Rectangle2D ink = signature.inkBounds();
            double availW = width * (1 - 2 * MARGIN) - penWidth;
            double availH = height * (1 - 2 * MARGIN) - penWidth;
            // A single dot or a straight line has no extent in one direction; do not divide by zero.
            double sx = ink.getWidth() > 0 ? availW / ink.getWidth() : Double.MAX_VALUE;
            double sy = ink.getHeight() > 0 ? availH / ink.getHeight() : Double.MAX_VALUE;
            double scale = Math.min(sx, sy);
            if (scale == Double.MAX_VALUE) {
                scale = 1;
            }
            double ox = (width - ink.getWidth() * scale) / 2 - ink.getX() * scale;
            double oy = (height - ink.getHeight() * scale) / 2 - ink.getY() * scale;

            g.setColor(this.ink);
            g.setStroke(new BasicStroke((float) penWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (PenStroke s : signature.strokes()) {
                List<PenPoint> pts = s.points();
                if (pts.size() == 1) {
                    double x = ox + pts.get(0).x() * scale;
                    double y = oy + pts.get(0).y() * scale;
                    g.fill(new Ellipse2D.Double(x - penWidth / 2, y - penWidth / 2, penWidth, penWidth));
                    continue;
                }
                Path2D.Double path = new Path2D.Double();
                path.moveTo(ox + pts.get(0).x() * scale, oy + pts.get(0).y() * scale);
                for (int i = 1; i < pts.size() - 1; i++) {
                    double cx = ox + pts.get(i).x() * scale;
                    double cy = oy + pts.get(i).y() * scale;
                    double mx = ox + (pts.get(i).x() + pts.get(i + 1).x()) / 2 * scale;
                    double my = oy + (pts.get(i).y() + pts.get(i + 1).y()) / 2 * scale;
                    path.quadTo(cx, cy, mx, my);
                }
                PenPoint last = pts.get(pts.size() - 1);
                path.lineTo(ox + last.x() * scale, oy + last.y() * scale);
                g.draw(path);
            }
            return img;
        } finally {
            g.dispose();
        }
    }

    public byte[] png(SignatureStrokes signature, int width, int height, Background background) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(render(signature, width, height, background), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
