package id.rekam.app;

import id.rekam.app.ui.AppContext;
import id.rekam.app.ui.Fxml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Pays the first-use costs of the enrollment wizard on a background thread while the operator
 * is still at the unlock and login screens: class loading and static initialisation of the
 * wizard's controllers, FXML parsing and reflection (each step view is built once, off-screen,
 * and thrown away — JavaFX allows nodes to be built off the FX thread until they are in a
 * showing scene), control skins, the fingerprint matcher and the PDF library. Without it the
 * first F2 froze the FX thread for seconds. CSS and skin instances still happen on the FX
 * thread at first display; they are shared caches that must not be touched from two threads.
 * {@code -Drekam.warmup=false} turns it off (e.g. to measure the cold path).
 */
public final class ViewWarmup {

    private static final Logger LOG = LoggerFactory.getLogger(ViewWarmup.class);

    /** The wizard's steps are not here: the navigator builds the next wizard itself, ahead of time. */
    private static final List<String> VIEWS = List.of("record-detail");

    /** Loaded and initialised only: their constructors need a live control, so none is built. */
    private static final List<String> CLASSES = List.of(
            "javafx.scene.control.skin.ComboBoxListViewSkin",
            "javafx.scene.control.skin.ComboBoxPopupControl",
            "javafx.scene.control.skin.ListViewSkin",
            "javafx.scene.control.skin.VirtualFlow",
            "javafx.scene.control.skin.ListCellSkin",
            "javafx.scene.control.skin.TextFieldSkin",
            "javafx.scene.control.skin.ScrollPaneSkin",
            "javafx.scene.control.skin.CheckBoxSkin",
            "javafx.scene.control.skin.HyperlinkSkin",
            "javafx.scene.control.skin.SeparatorSkin",
            "javafx.scene.control.skin.TableViewSkin",
            "com.sun.javafx.scene.control.behavior.ComboBoxListViewBehavior",
            "com.sun.javafx.scene.control.behavior.TextFieldBehavior",
            "javafx.embed.swing.SwingFXUtils",
            "com.machinezoo.sourceafis.FingerprintTemplate",
            "com.machinezoo.sourceafis.FingerprintMatcher",
            "org.apache.pdfbox.pdmodel.PDDocument",
            "org.apache.pdfbox.pdmodel.font.Standard14Fonts",
            "com.google.zxing.qrcode.QRCodeWriter");

    /** Enough HMAC rounds for the JIT's top tier to compile the PBKDF2 loop. */
    static final int KDF_WARMUP_ITERATIONS = 40_000;

    private ViewWarmup() {
    }

    private static final java.util.concurrent.atomic.AtomicBoolean STARTED = new java.util.concurrent.atomic.AtomicBoolean();
    private static final java.util.concurrent.CompletableFuture<Void> DONE = new java.util.concurrent.CompletableFuture<>();

    /** Completes when the warm-up has run (at once when it is turned off), e.g. for a CDS training run. */
    public static java.util.concurrent.CompletableFuture<Void> done() {
        if (!Boolean.parseBoolean(System.getProperty("rekam.warmup", "true"))) {
            DONE.complete(null);
        }
        return DONE;
    }

    /** Starts the warm-up on a background thread, once per JVM; call once the first screen is drawn. */
    public static void start(AppContext ctx) {
        if (!Boolean.parseBoolean(System.getProperty("rekam.warmup", "true")) || !STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                run(ctx);
            } finally {
                DONE.complete(null);
            }
        }, "rekam-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void run(AppContext ctx) {
        long t0 = System.nanoTime();
        ClassLoader loader = ViewWarmup.class.getClassLoader();
        for (String name : CLASSES) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                LOG.debug("warm-up: {} not loaded: {}", name, e.toString());
            }
        }
        for (String view : VIEWS) {
            try {
                Fxml.load(ctx, "/id/rekam/app/fxml/" + view + ".fxml");
            } catch (RuntimeException e) {
                // Only a head start: the view is loaded for real when it is shown.
                LOG.debug("warm-up: {} not pre-loaded: {}", view, e.toString());
            }
        }
        try {
            // First use of ImageIO's PNG writer and of Jackson cost ~0.5 s (plugin registry, serializers):
            // paid here, not when the signature step is left.
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_ARGB),
                    "png", java.io.OutputStream.nullOutputStream());
            new id.rekam.core.signature.StrokeRecorder(1, 1).strokes().toJson();
        } catch (java.io.IOException | RuntimeException e) {
            LOG.debug("warm-up: PNG/JSON not warmed: {}", e.toString());
        }
        // The supervisor's unlock (600k PBKDF2 iterations) and every operator login (210k) run
        // HMAC-SHA256 in a loop: run a short derivation now so the JIT has compiled that loop
        // (with the CPU's SHA instructions) before the passphrase is entered: ~0.25 s off the
        // unlock (docs/benchmarks.md, "Unlock and login").
        id.rekam.core.crypto.Pbkdf2.derive("warm-up".toCharArray(), new byte[16], KDF_WARMUP_ITERATIONS, 32);
        LOG.info("warm-up: wizard and views pre-loaded off the FX thread in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }
}
