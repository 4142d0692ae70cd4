package id.rekam.app.fx;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;

/**
 * Turns off the bitmap cache that {@code ScrollPaneSkin} puts on its viewport. With the cache
 * on, any change inside a scroll pane (a typed character, a caret blink, a validation message)
 * re-renders the whole visible content into the cache bitmap and then draws that bitmap: in the
 * software renderer that was a full-form repaint per keystroke and the main render cost left
 * while typing the biodata. Without it only the dirty region is repainted. Scrolling repaints
 * the content instead of shifting a bitmap, which is cheap for forms this size.
 */
public final class ViewportCache {

    private ViewportCache() {
    }

    /** Applies to every scroll pane under {@code root}, now or once its skin exists. */
    public static void disableUnder(Parent root) {
        if (root instanceof ScrollPane sp) {
            disable(sp);
        }
        for (Node child : root.getChildrenUnmodifiable()) {
            if (child instanceof Parent p) {
                disableUnder(p);
            }
        }
        if (root instanceof ScrollPane sp && sp.getContent() instanceof Parent content) {
            disableUnder(content);
        }
    }

    private static void disable(ScrollPane sp) {
        if (sp.getSkin() != null) {
            uncache(sp);
        } else {
            sp.skinProperty().addListener((o, old, skin) -> {
                if (skin != null) {
                    uncache(sp);
                }
            });
        }
    }

    private static void uncache(ScrollPane sp) {
        for (Node n : sp.getChildrenUnmodifiable()) {
            if (n.getStyleClass().contains("viewport")) {
                n.setCache(false);
            }
        }
    }
}
