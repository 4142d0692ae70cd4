package id.rekam.app.fx;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The order in which the keyboard reaches a screen's controls (the scene order, as Tab goes),
 * for the cases JavaFX does not cover: where focus goes when the focused control is disabled or
 * hidden, and Tab leaving a text area (which would type a tab character).
 */
public final class Traversal {

    private Traversal() {
    }

    /** Controls Tab can reach under {@code root}, in scene order: traversable, enabled and shown. */
    public static List<Node> reachable(Parent root) {
        List<Node> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<Node> out) {
        if (!n.isVisible() || n.isDisabled()) {
            return;
        }
        if (n.isFocusTraversable() && laidOut(n)) {
            out.add(n);
        }
        // A control's inside (a combo box's editor, a table's cells) is the control's business.
        if (n instanceof Parent p && !(n instanceof javafx.scene.control.Control)) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }

    /** Whether the operator can use {@code n} now: in a window, shown with all its parents, enabled. */
    public static boolean usable(Node n) {
        if (n == null || n.getScene() == null || n.isDisabled() || !laidOut(n)) {
            return false;
        }
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static boolean laidOut(Node n) {
        var b = n.getLayoutBounds();
        return b.getWidth() > 0 || b.getHeight() > 0;
    }

    /** The reachable control after {@code from} in {@code root}'s order (wrapping), or the first one. */
    public static Optional<Node> after(Parent root, Node from, boolean forward) {
        List<Node> order = reachable(root);
        if (order.isEmpty()) {
            return Optional.empty();
        }
        int at = from == null ? -1 : indexOf(order, from, root);
        if (at < 0) {
            return Optional.of(forward ? order.get(0) : order.get(order.size() - 1));
        }
        int next = Math.floorMod(at + (forward ? 1 : -1), order.size());
        return Optional.of(order.get(next));
    }

    /**
     * Where {@code from} sits in the order; a node no longer in it (now disabled or hidden) counts
     * as sitting just before the first reachable node that follows it in the scene.
     */
    private static int indexOf(List<Node> order, Node from, Parent root) {
        int direct = order.indexOf(from);
        if (direct >= 0) {
            return direct;
        }
        List<Node> all = new ArrayList<>();
        everything(root, all);
        int pos = all.indexOf(from);
        if (pos < 0) {
            return -1;
        }
        for (int i = pos + 1; i < all.size(); i++) {
            int o = order.indexOf(all.get(i));
            if (o >= 0) {
                return o - 1;
            }
        }
        return order.size() - 1;
    }

    private static void everything(Node n, List<Node> out) {
        out.add(n);
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                everything(child, out);
            }
        }
    }

    /**
     * Tab and Shift+Tab leave the text area for the next or previous control instead of typing a
     * tab: a serial-number list never needs one, and the keyboard would be stuck in it.
     */
    public static void tabLeaves(TextArea area) {
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown() && !e.isAltDown()) {
                Scene scene = area.getScene();
                if (scene != null) {
                    after(scene.getRoot(), area, !e.isShiftDown()).ifPresent(Node::requestFocus);
                }
                e.consume();
            }
        });
    }

    /** Scrolls every scroll pane around {@code n} so that {@code n} is inside its viewport. */
    public static void reveal(Node n) {
        for (Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane sp && sp.getContent() != null) {
                revealIn(sp, n);
            }
        }
    }

    private static void revealIn(ScrollPane sp, Node n) {
        Node content = sp.getContent();
        var b = content.sceneToLocal(n.localToScene(n.getLayoutBounds()));
        double contentH = content.getLayoutBounds().getHeight();
        double viewH = sp.getViewportBounds().getHeight();
        if (b == null || viewH <= 0 || contentH <= viewH) {
            return;
        }
        double range = contentH - viewH;
        double top = range * (sp.getVvalue() - sp.getVmin()) / (sp.getVmax() - sp.getVmin());
        double target = top;
        if (b.getMinY() < top) {
            target = Math.max(0, b.getMinY() - 8);
        } else if (b.getMaxY() > top + viewH) {
            target = Math.min(range, b.getMaxY() - viewH + 8);
        }
        if (target != top) {
            sp.setVvalue(sp.getVmin() + target / range * (sp.getVmax() - sp.getVmin()));
        }
    }
}
