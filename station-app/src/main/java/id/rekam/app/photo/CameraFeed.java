package id.rekam.app.photo;

import id.rekam.app.ports.CameraService;
import javafx.animation.AnimationTimer;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.IntBuffer;
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
    private volatile boolean running;
    private Thread grabber;
    private AnimationTimer pump;
    private PixelBuffer<IntBuffer> pixels;
    /** Preview size in pixels (the view's fit size), read once on the FX thread at start. */
    private volatile int previewWidth;
    private volatile int previewHeight;
    private long windowStart;
    private long windowCount;

    record Frame(int width, int height, int[] argb) {
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
        previewWidth = (int) Math.round(view.getFitWidth());
        previewHeight = (int) Math.round(view.getFitHeight());
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
                ready.set(convert(frame, recycled, previewWidth, previewHeight));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            camera.close();
        }
    }

    /**
     * Converts a frame to premultiplied ARGB at preview size. Scaling here (nearest neighbour,
     * on the camera thread) lets the renderer draw the preview 1:1 instead of filtering a larger
     * image every pulse, which in the software pipeline cost more than everything else on screen.
     * Camera frames are opaque, so forcing alpha to 255 is all premultiplying needs.
     *
     * @param fitW width of the box the preview must fit (ratio kept); 0 = the frame's own size
     * @param fitH height of that box
     */
    static Frame convert(BufferedImage img, Frame reuse, int fitW, int fitH) {
        int sw = img.getWidth();
        int sh = img.getHeight();
        double scale = fitW > 0 && fitH > 0 ? Math.min(1.0, Math.min((double) fitW / sw, (double) fitH / sh)) : 1.0;
        int w = Math.max(1, (int) Math.round(sw * scale));
        int h = Math.max(1, (int) Math.round(sh * scale));
        int[] out = reuse != null && reuse.width() == w && reuse.height() == h ? reuse.argb() : new int[w * h];
        int[] src;
        if ((img.getType() == BufferedImage.TYPE_INT_RGB || img.getType() == BufferedImage.TYPE_INT_ARGB)
                && img.getRaster().getDataBuffer() instanceof DataBufferInt data
                && data.getData().length == sw * sh && img.getRaster().getSampleModelTranslateX() == 0
                && img.getRaster().getSampleModelTranslateY() == 0) {
            src = data.getData();
        } else {
            src = img.getRGB(0, 0, sw, sh, null, 0, sw);
        }
        if (w == sw && h == sh) {
            for (int i = 0; i < out.length; i++) {
                out[i] = 0xFF000000 | src[i];
            }
        } else {
            int[] xs = new int[w];
            for (int x = 0; x < w; x++) {
                xs[x] = Math.min(sw - 1, (int) ((x + 0.5) * sw / w));
            }
            for (int y = 0; y < h; y++) {
                int row = Math.min(sh - 1, (int) ((y + 0.5) * sh / h)) * sw;
                int o = y * w;
                for (int x = 0; x < w; x++) {
                    out[o + x] = 0xFF000000 | src[row + xs[x]];
                }
            }
        }
        return new Frame(w, h, out);
    }

    /** The newest full frame, for capture. */
    public BufferedImage latest() {
        return lastFrame.get();
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
