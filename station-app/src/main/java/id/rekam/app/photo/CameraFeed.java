package id.rekam.app.photo;

import id.rekam.app.service.CameraService;
import javafx.animation.AnimationTimer;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.IntBuffer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleConsumer;

/**
 * Live preview. A background thread grabs frames and converts them to premultiplied ARGB ints;
 * the FX thread, once per pulse, copies only the newest converted frame into one
 * {@link PixelBuffer} that backs the view's image (updated in place: no image allocated per
 * frame, no texture re-created). Frames the FX thread did not get to are dropped, never queued.
 */
public final class CameraFeed {

    private final CameraService camera;
    private final ImageView view;
    private final DoubleConsumer fpsSink;
    /** Newest converted frame waiting for the FX thread; replaced, not queued. */
    private final AtomicReference<Frame> ready = new AtomicReference<>();
    /** A frame array the FX thread has finished copying, handed back for reuse. */
    private final AtomicReference<Frame> spare = new AtomicReference<>();
    private final AtomicReference<BufferedImage> lastFrame = new AtomicReference<>();
    private final AtomicLong shown = new AtomicLong();
    private volatile boolean running;
    private Thread grabber;
    private AnimationTimer pump;
    private PixelBuffer<IntBuffer> pixels;
    private long windowStart;
    private long windowCount;

    private record Frame(int width, int height, int[] argb) {
    }

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
                Frame f = ready.getAndSet(null);
                if (f != null) {
                    show(f);
                    spare.set(f);
                    shown.incrementAndGet();
                    countFps(now);
                }
            }
        };
        pump.start();
    }

    private void show(Frame f) {
        if (pixels == null || pixels.getWidth() != f.width() || pixels.getHeight() != f.height()) {
            IntBuffer buffer = IntBuffer.allocate(f.width() * f.height());
            pixels = new PixelBuffer<>(f.width(), f.height(), buffer, PixelFormat.getIntArgbPreInstance());
            view.setImage(new WritableImage(pixels));
        }
        pixels.updateBuffer(pb -> {
            IntBuffer b = pb.getBuffer();
            b.clear();
            b.put(f.argb());
            b.rewind();
            return null; // whole frame dirty
        });
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
                // Converted here, off the FX thread; a frame the FX thread skipped is recycled.
                Frame recycled = ready.getAndSet(null);
                if (recycled == null) {
                    recycled = spare.getAndSet(null);
                }
                ready.set(convert(frame, recycled));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            camera.close();
        }
    }

    /** Camera frames are opaque, so ARGB with alpha forced to 255 is already premultiplied. */
    static Frame convert(BufferedImage img, Frame reuse) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] out = reuse != null && reuse.width() == w && reuse.height() == h ? reuse.argb() : new int[w * h];
        if ((img.getType() == BufferedImage.TYPE_INT_RGB || img.getType() == BufferedImage.TYPE_INT_ARGB)
                && img.getRaster().getDataBuffer() instanceof DataBufferInt data
                && data.getData().length == w * h && img.getRaster().getSampleModelTranslateX() == 0
                && img.getRaster().getSampleModelTranslateY() == 0) {
            int[] src = data.getData();
            for (int i = 0; i < out.length; i++) {
                out[i] = 0xFF000000 | src[i];
            }
        } else {
            img.getRGB(0, 0, w, h, out, 0, w);
            for (int i = 0; i < out.length; i++) {
                out[i] |= 0xFF000000;
            }
        }
        return new Frame(w, h, out);
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
