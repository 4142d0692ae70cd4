package id.rekam.app.ui;

import javafx.scene.Parent;
import javafx.scene.layout.StackPane;

import java.util.function.Consumer;

/** Swaps the centre of the shell between screens, telling the leaving controller first. */
public final class Navigator {

    private final AppContext ctx;
    private final StackPane content;
    private final Runnable onChange;
    private Object current;
    private Screen currentScreen;

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
        Fxml.Loaded<C> loaded = Fxml.load(ctx, screen.resource());
        init.accept(loaded.controller());
        Parent root = loaded.root();
        content.getChildren().setAll(root);
        current = loaded.controller();
        currentScreen = screen;
        onChange.run();
        // Focus is each controller's business (its first field); taking it here would undo that.
        return (C) current;
    }

    public Screen current() {
        return currentScreen;
    }

    /** Called when the window closes. */
    public void leave() {
        if (current instanceof Lifecycle l) {
            l.onLeave();
        }
    }
}
