package id.rekam.app;

import id.rekam.app.ui.AppContext;
import id.rekam.app.ui.Fxml;
import id.rekam.app.ui.Screen;
import id.rekam.app.ui.ShellController;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ResourceBundle;

/** The recording station window. Start it through {@link Main}. */
public class StationApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(StationApp.class);

    private AppContext ctx;
    private ShellController shell;

    @Override
    public void start(Stage stage) {
        long t0 = System.nanoTime();
        AppConfig config = Bootstrap.config(getParameters().getRaw());
        ctx = new AppContext(config, Bootstrap.services(config), bundle(config));
        long t1 = System.nanoTime();
        Scene scene = createScene(ctx);
        LOG.info("start-up: services wired in {} ms, UI built in {} ms", (t1 - t0) / 1_000_000,
                (System.nanoTime() - t1) / 1_000_000);
        shell = (ShellController) scene.getUserData();
        bindTitle(stage, ctx);
        stage.setScene(scene);
        fitToScreen(stage, javafx.stage.Screen.getPrimary().getVisualBounds());
        stage.show();
        StartupClock.markFirstScreen();
        if (getParameters().getRaw().contains(CDS_TRAINING)) {
            exitWhenWarm();
        }
    }

    /**
     * {@code --cds-training}: start as usual, wait until the first screen is drawn and the warm-up
     * has loaded the wizard, PDF and matcher classes, then quit normally. Run under
     * {@code -XX:ArchiveClassesAtExit=rekam.jsa}, the JVM then writes an AppCDS archive of every
     * class the start-up used (JDK 17 writes it only on a normal exit, not when killed); the
     * launcher maps it with {@code -XX:SharedArchiveFile} so the next start skips loading and
     * verifying those classes.
     */
    static final String CDS_TRAINING = "--cds-training";

    private void exitWhenWarm() {
        ViewWarmup.done().orTimeout(120, java.util.concurrent.TimeUnit.SECONDS).whenComplete((v, e) ->
                javafx.application.Platform.runLater(() -> {
                    LOG.info("CDS training: first screen and warm-up done{}, exiting", e == null ? "" : " (timed out)");
                    javafx.application.Platform.exit();
                }));
    }

    /** The layout's design size; every screen also fits {@link #MIN_WIDTH} × {@link #MIN_HEIGHT}. */
    static final double WIDTH = 1280;
    static final double HEIGHT = 800;
    /** A 1024×768 kecamatan PC, less a taskbar and the window's title bar. */
    public static final double MIN_WIDTH = 1000;
    public static final double MIN_HEIGHT = 680;

    /**
     * Sizes the window to the screen's free area: a 1024×768 PC (common at kecamatan desks) got a
     * 1280×800 window with a 1100 px minimum, i.e. the status bar and the right-hand buttons off
     * screen. On a small screen the window fills the free area.
     */
    public static void fitToScreen(Stage stage, javafx.geometry.Rectangle2D free) {
        stage.setMinWidth(Math.min(MIN_WIDTH, free.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, free.getHeight()));
        if (free.getWidth() < WIDTH || free.getHeight() < HEIGHT) {
            stage.setX(free.getMinX());
            stage.setY(free.getMinY());
            stage.setWidth(Math.min(WIDTH, free.getWidth()));
            stage.setHeight(Math.min(HEIGHT, free.getHeight()));
        }
    }

    /** Narrower than this, the shell is {@code :compact} (station.css: less padding, a narrower step list). */
    static final double COMPACT_BELOW = 1180;

    /**
     * Sets the {@code :compact} pseudo-class on the scene's root while the scene is narrower than
     * {@code width}: on a 1024 px screen the design's paddings left the wizard steps no room, and
     * one pre-built step too wide for the window pushed every screen past its right edge.
     */
    static void compactBelow(Scene scene, double width) {
        javafx.css.PseudoClass compact = javafx.css.PseudoClass.getPseudoClass("compact");
        javafx.beans.value.ChangeListener<Number> apply = (o, old, w) ->
                scene.getRoot().pseudoClassStateChanged(compact, w.doubleValue() < width);
        scene.widthProperty().addListener(apply);
        apply.changed(scene.widthProperty(), null, scene.getWidth());
    }

    /** The window title names the office; it follows a move to another office at once. */
    public static void bindTitle(Stage stage, AppContext ctx) {
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> ctx.text("app.window", ctx.session().officeName()) + (ctx.config().demo() ? " — DEMO" : ""),
                ctx.session().officeNameProperty()));
    }

    public static ResourceBundle bundle(AppConfig config) {
        // No fallback to the JVM's default locale: Bahasa Indonesia (the base bundle) is the default.
        return ResourceBundle.getBundle("id.rekam.app.messages", config.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Builds the whole station UI into a scene on the unlock screen; the shell controller is the scene's user data. */
    public static Scene createScene(AppContext ctx) {
        Fxml.Loaded<ShellController> shell = Fxml.load(ctx, "/id/rekam/app/fxml/shell.fxml");
        Scene scene = new Scene(shell.root(), WIDTH, HEIGHT);
        scene.getStylesheets().add(StationApp.class.getResource("/id/rekam/app/css/station.css").toExternalForm());
        scene.setUserData(shell.controller());
        compactBelow(scene, COMPACT_BELOW);
        ctx.navigator().show(firstScreen(ctx));
        // While the operator types the passphrase and logs in, pay the wizard's first-use costs —
        // only once the unlock screen is on the glass: started earlier it delayed the first screen.
        scene.windowProperty().addListener((o, old, window) -> {
            if (window != null && window.isShowing()) {
                afterFirstFrame(ctx);
            } else if (window != null) {
                window.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> afterFirstFrame(ctx));
            }
        });
        return scene;
    }

    /**
     * A station no technician has set up (no settings, no store) opens in the set-up wizard: it
     * used to open on "Buka stasiun", where a passphrase and Enter made a store for an office
     * nobody had chosen.
     */
    static Screen firstScreen(AppContext ctx) {
        AppConfig c = ctx.config();
        return !c.demo() && !c.registered() && !ctx.services().store().exists() ? Screen.PROVISIONING : Screen.UNLOCK;
    }

    /** Call on the FX thread once the window is shown. */
    private static void afterFirstFrame(AppContext ctx) {
        StartupClock.markFirstFrameWhenDrawn(() -> ViewWarmup.start(ctx));
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.stop();
        }
        if (ctx != null) {
            ctx.close();
        }
        if (getParameters().getRaw().contains(CDS_TRAINING)) {
            // Device and demo threads may still be alive; a normal exit is what writes the archive.
            Thread exit = new Thread(() -> System.exit(0), "rekam-cds-exit");
            exit.start();
        }
    }
}
