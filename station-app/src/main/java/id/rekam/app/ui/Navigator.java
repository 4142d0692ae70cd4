package id.rekam.app.ui;

import id.rekam.app.StartupClock;
import id.rekam.app.fx.HiddenStyler;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Swaps the centre of the shell between screens, telling the leaving controller first.
 *
 * <p>The enrollment wizard is built ahead of time: while the login or home screen is up, the next
 * wizard (its FXML, controllers and the biodata form) is loaded on a worker thread — JavaFX allows
 * building nodes off the FX thread until they are in a showing scene — so F2 only attaches it.
 * Loading it on the FX thread at F2 was a third of the first-display freeze.
 */
public final class Navigator {

    private static final Logger LOG = LoggerFactory.getLogger(Navigator.class);
    /** One low-priority thread: building views must not take a store worker or compete with drawing. */
    private static final ExecutorService BUILDER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rekam-view-builder");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    private final AppContext ctx;
    private final StackPane content;
    private final Runnable onChange;
    private Object current;
    private Screen currentScreen;
    private Screen preparedScreen;
    private CompletableFuture<Fxml.Loaded<Object>> prepared;
    /** The prepared screen while it sits hidden in the window being styled. */
    private Hidden hidden;

    private record Hidden(Parent root, HiddenStyler styler) {
    }

    Navigator(AppContext ctx, StackPane content, Runnable onChange) {
        this.ctx = ctx;
        this.content = content;
        this.onChange = onChange;
    }

    public void show(Screen screen) {
        show(screen, c -> { });
    }

    /** Shows a screen; {@code init} receives its controller before it is displayed (e.g. which record to open). */
    @SuppressWarnings("unchecked")
    public <C> C show(Screen screen, Consumer<C> init) {
        if (current instanceof Lifecycle l) {
            l.onLeave();
        }
        Fxml.Loaded<C> loaded = takePrepared(screen);
        Parent root;
        if (loaded != null && hidden != null && hidden.root() == loaded.root()) {
            // Already in the window and styled: showing it is a visibility flip.
            init.accept(loaded.controller());
            root = loaded.root();
            hidden.styler().reveal();
            hidden = null;
            content.getChildren().removeIf(n -> n != root);
        } else {
            if (loaded == null) {
                loaded = Fxml.load(ctx, screen.resource());
            }
            init.accept(loaded.controller());
            root = loaded.root();
            keepHidden(root, screen);
        }
        current = loaded.controller();
        currentScreen = screen;
        if (screen == Screen.LOGIN) {
            StartupClock.markLoginScreen();
        }
        if (current instanceof Lifecycle l) {
            l.onShown();
        }
        onChange.run();
        if (waitingRoom(screen)) {
            prepare(Screen.ENROLL);
            attachIfWaiting();
        }
        // Focus is each controller's business (its first field); taking it here would undo that.
        return (C) current;
    }

    /** Starts building {@code screen} on a worker for the next {@link #show}; a no-op if one is ready or under way. */
    public void prepare(Screen screen) {
        if (!Boolean.parseBoolean(System.getProperty("rekam.prepareViews", "true"))
                || (screen == preparedScreen && prepared != null && !prepared.isCompletedExceptionally())) {
            return;
        }
        preparedScreen = screen;
        CompletableFuture<Fxml.Loaded<Object>> mine = CompletableFuture.supplyAsync(() -> Fxml.load(ctx, screen.resource()), BUILDER);
        prepared = mine;
        mine.thenRun(() -> Platform.runLater(this::attachIfWaiting));
    }

    /** The prepared screen, once built, waits hidden in the window (and is styled there) while the operator is at a waiting-room screen. */
    private void attachIfWaiting() {
        CompletableFuture<Fxml.Loaded<Object>> ready = prepared;
        if (hidden != null || ready == null || !ready.isDone() || ready.isCompletedExceptionally()
                || !waitingRoom(currentScreen) || !Boolean.parseBoolean(System.getProperty("rekam.styleAhead", "true"))) {
            return;
        }
        Parent root = ready.join().root();
        if (root.getParent() == null && root.getScene() == null) {
            hidden = new Hidden(root, HiddenStyler.attach(content, root));
        }
    }

    /**
     * Screens during which the next wizard may wait hidden in the window: the operator is not
     * typing into a form there, and no other screen has a field with a wizard's id.
     */
    private static boolean waitingRoom(Screen screen) {
        return screen == Screen.LOGIN || screen == Screen.HOME;
    }

    /** Shows {@code root} as the only screen, with the hidden wizard behind it where it may wait. */
    private void keepHidden(Parent root, Screen next) {
        if (hidden != null && !waitingRoom(next)) {
            // Leaves the window (e.g. for the records list); styled again when it comes back.
            hidden = null;
            prepared = null;
            preparedScreen = null;
        }
        if (hidden != null) {
            content.getChildren().setAll(root, hidden.root());
        } else {
            content.getChildren().setAll(root);
        }
    }

    /** The screen built ahead of time, if it is ready; never waits (a build still running is left for the next time). */
    @SuppressWarnings("unchecked")
    private <C> Fxml.Loaded<C> takePrepared(Screen screen) {
        if (screen != preparedScreen || prepared == null || !prepared.isDone()) {
            return null;
        }
        CompletableFuture<Fxml.Loaded<Object>> ready = prepared;
        prepared = null;
        preparedScreen = null;
        try {
            return (Fxml.Loaded<C>) ready.join();
        } catch (RuntimeException e) {
            LOG.warn("{} was not built ahead of time, loading it now: {}", screen, e.toString());
            return null;
        }
    }

    /** Opens a record's page (whichever screen asks: the records list, the review step, the NIK at entry). */
    public void showRecord(id.rekam.core.domain.RegistrationId id) {
        this.<RecordPage>show(Screen.RECORD_DETAIL, page -> page.open(id));
    }

    public Screen current() {
        return currentScreen;
    }

    /** The controller of the screen shown now (the keyboard scheme asks it about Esc and the F-keys). */
    public Object controller() {
        return current;
    }

    /** Called when the window closes. */
    public void leave() {
        if (current instanceof Lifecycle l) {
            l.onLeave();
        }
    }
}
