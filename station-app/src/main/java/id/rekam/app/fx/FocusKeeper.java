package id.rekam.app.fx;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Keeps the keyboard focus on something the operator can use. When the focused control is
 * disabled (a save button while steps are missing), hidden or taken out of the scene, focus moves
 * to the next reachable control after it, or to the screen's first; without this the window kept
 * the focus on the dead control and every key, Tab and the step shortcuts did nothing. It also
 * scrolls the focused control into view inside scroll panes (JavaFX does not).
 *
 * <p>Checked once per frame after layout, so a screen that sets its own focus later in the same
 * frame (most do, when shown) still has the last word.
 */
public final class FocusKeeper {

    private final Scene scene;
    private final Parent screen;
    private Node last;
    /**
     * Focused since the last layout: scrolled into view after the next one. A control shown and
     * focused in the same breath (the review step's supervisor form) has no position until laid
     * out; revealing it at once scrolled to where it was not, and the scroll pane kept that offset.
     */
    private Node toReveal;
    /** A new screen is in: once it is laid out, the focus must be on it, not left in the top bar. */
    private boolean entering;

    private FocusKeeper(Scene scene, Parent screen) {
        this.scene = scene;
        this.screen = screen;
    }

    /** @param screen where the screens are shown: a lost focus goes there first, not to the top bar */
    public static FocusKeeper install(Scene scene, Parent screen) {
        FocusKeeper keeper = new FocusKeeper(scene, screen);
        scene.addPostLayoutPulseListener(keeper::check);
        scene.focusOwnerProperty().addListener((o, a, now) -> {
            if (now != null && Traversal.usable(now)) {
                keeper.last = now;
                keeper.toReveal = now;
            }
        });
        return keeper;
    }

    /**
     * Called when another screen is shown. JavaFX hands the focus of a removed control to the
     * next one in the window, which is the top bar's "home" button: a screen that does not take
     * the focus itself gets its first control instead.
     */
    public void screenShown() {
        entering = true;
    }

    private static boolean within(Node n, Parent root) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == root) {
                return true;
            }
        }
        return false;
    }

    private void check() {
        Node owner = scene.getFocusOwner();
        if (entering) {
            if (owner != null && Traversal.usable(owner) && within(owner, screen)) {
                entering = false;
            } else {
                var first = Traversal.after(screen, null, true);
                if (first.isPresent()) {
                    entering = false;
                    last = first.get();
                    first.get().requestFocus();
                    return;
                }
            }
        }
        if (Traversal.usable(owner)) {
            if (owner != last || owner == toReveal) {
                last = owner;
                toReveal = null;
                Traversal.reveal(owner);
            }
            return;
        }
        Node from = last != null && last.getScene() == scene ? last : null;
        Traversal.after(screen, from, true).or(() -> Traversal.after(scene.getRoot(), from, true)).ifPresent(next -> {
            last = next;
            next.requestFocus();
        });
    }
}
