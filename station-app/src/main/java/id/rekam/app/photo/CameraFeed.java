package id.rekam.app.photo;

import id.rekam.app.service.CameraService;
import javafx.animation.AnimationTimer;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

import java.awt.image.BufferedImage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleConsumer;

/**
 * Live preview: a background thread grabs and converts frames; the FX thread only swaps the
 * newest ready image into the view on each pulse, so a slow camera never blocks the UI.
 */
public final class CameraFeed {

    private final CameraService camera;
    private final ImageView view;
    private final DoubleConsumer fpsSink;
    private final AtomicReference<Image> ready = new AtomicReference<>();
    private final AtomicReference<BufferedImage> lastFrame = new AtomicReference<>();
    private final AtomicLong shown = new AtomicLong();
    private volatile boolean running;
    private Thread grabber;
    private AnimationTimer pump;
    private long windowStart;
    private long windowCount;

    public CameraFeed(CameraService camera, ImageView view, DoubleConsumer fpsSink) {
        this.camera = camera;
        this.view = view;
        this.fpsSink = fpsSink;
    }

    public void start() {
        if (running) {
            return;
        }
        running = true;
        grabber = new Thread(this::grabLoop, "rekam-camera");
        grabber.setDaemon(true);
        grabber.start();
        pump = new AnimationTimer() {
            @Override
            public void handle(long now) {
                Image img = ready.getAndSet(null);
                if (img != null) {
                    view.setImage(img);
                    shown.incrementAndGet();
                    countFps(now);
                }
            }
        };
        pump.start();
    }

    private void countFps(long now) {
        if (windowStart == 0) {
            windowStart = now;
        }
        windowCount++;
        if (now - windowStart >= 1_000_000_000L) {
            fpsSink.accept(windowCount * 1e9 / (now - windowStart));
            windowStart = now;
            windowCount = 0;
        }
    }

    private void grabLoop() {
        try {
            camera.open();
            while (running) {
                BufferedImage frame = camera.grab();
                if (frame == null) {
                    Thread.sleep(5);
                    continue;
                }
                lastFrame.set(frame);
                // Converted here, off the FX thread: the image is not yet in a scene.
                ready.set(SwingFXUtils.toFXImage(frame, null));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            camera.close();
        }
    }

    /** The newest full frame, for capture. */
    public BufferedImage latest() {
        return lastFrame.get();
    }

    /** Frames put on screen since start. */
    public long framesShown() {
        return shown.get();
    }

    public void stop() {
        running = false;
        if (pump != null) {
            pump.stop();
        }
        if (grabber != null) {
            grabber.interrupt();
        }
    }
}
