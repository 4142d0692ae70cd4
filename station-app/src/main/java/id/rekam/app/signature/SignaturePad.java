package id.rekam.app.signature;

import id.rekam.core.signature.SignatureStrokes;
import id.rekam.core.signature.StrokeRecorder;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * On-screen signature pad: pen or mouse strokes are recorded as vectors (the core's
 * {@link StrokeRecorder}) and drawn as they come. A pen tablet reaches JavaFX as mouse events,
 * so one input path serves both.
 */
public final class SignaturePad extends Pane {

    private final Canvas canvas;
    private final StrokeRecorder strokes;
    private Runnable onChange = () -> { };

    public SignaturePad(double width, double height) {
        canvas = new Canvas(width, height);
        strokes = new StrokeRecorder(width, height);
        getChildren().add(canvas);
        getStyleClass().add("signature-pad");
        setMinSize(width, height);
        setMaxSize(width, height);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            strokes.penDown(e.getX(), e.getY(), millis());
            redrawLast();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            strokes.penMove(e.getX(), e.getY(), millis());
            redrawLast();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> onChange.run());
    }

    /** Monotonic: the wall clock may be set back while someone signs. */
    private static long millis() {
        return System.nanoTime() / 1_000_000;
    }

    public void setOnChange(Runnable r) {
        this.onChange = r;
    }

    public StrokeRecorder strokes() {
        return strokes;
    }

    public void clear() {
        strokes.clear();
        canvas.getGraphicsContext2D().clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        onChange.run();
    }

    private void redrawLast() {
        List<SignatureStrokes.Point> s = strokes.lastStroke();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setStroke(Color.web("#10243f"));
        g.setLineWidth(2.6);
        if (s.size() == 1) {
            g.fillOval(s.get(0).x() - 1.3, s.get(0).y() - 1.3, 2.6, 2.6);
            return;
        }
        SignatureStrokes.Point a = s.get(s.size() - 2);
        SignatureStrokes.Point b = s.get(s.size() - 1);
        g.strokeLine(a.x(), a.y(), b.x(), b.y());
    }

    /** The ink on a transparent background, as PNG. Must run on the FX thread. */
    public byte[] png() {
        return png(ink());
    }

    /** The ink on a transparent background, as an image. Must run on the FX thread (a snapshot). */
    public WritableImage ink() {
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.TRANSPARENT);
        return canvas.snapshot(p, null);
    }

    /** Encodes a snapshot from {@link #ink()} as PNG; any thread (PNG encoding is too slow for the FX thread). */
    public static byte[] png(javafx.scene.image.Image ink) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(SwingFXUtils.fromFXImage(ink, null), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The strokes in the packet's {@code signature-strokes.json} form. */
    public String json() {
        return strokes.strokes().toJson();
    }
}
