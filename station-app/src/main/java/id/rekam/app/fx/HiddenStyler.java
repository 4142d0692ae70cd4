package id.rekam.app.fx;

import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Pane;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Puts a screen built ahead of time into the window hidden, and lets JavaFX style it (CSS,
 * skins) and lay it out a few nodes per frame, so that showing it later is a visibility flip.
 *
 * <p>Styling a form the size of the biodata step the first time costs 0.1–0.3 s of FX-thread
 * CPU, and about half of it again for every fresh copy: done in one go at F2 that is a freeze
 * the operator sees. Here the tree is taken apart (each pane's children set aside) before it
 * enters the scene and put back pane by pane, each pane styled at once with
 * {@link Node#applyCss()}, until a per-frame budget is spent. The nodes are the same ones the
 * controllers hold; only their time of styling moves.
 */
public final class HiddenStyler {

    /** FX-thread time spent per frame; the rest of the frame stays free for input and drawing. */
    static final long BUDGET_NANOS = 8_000_000;

    private record Pending(Pane pane, List<Node> children) {
    }

    private final Deque<Pending> queue = new ArrayDeque<>();
    private final Node root;
    private AnimationTimer timer;

    private HiddenStyler(Node root) {
        this.root = root;
    }

    /**
     * Adds {@code root} (not yet in any scene) to {@code parent} hidden and styles it over the
     * next frames. Call on the FX thread.
     */
    public static HiddenStyler attach(Pane parent, Parent root) {
        HiddenStyler s = new HiddenStyler(root);
        s.takeApart(root);
        root.setVisible(false);
        parent.getChildren().add(root);
        root.applyCss();
        s.timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                s.step(BUDGET_NANOS);
            }
        };
        s.timer.start();
        return s;
    }

    private void takeApart(Node node) {
        if (node instanceof ScrollPane sp && sp.getContent() != null) {
            takeApart(sp.getContent());
        }
        // BorderPane keeps its children in position properties too: left whole, its children taken apart.
        if (node instanceof Pane pane && !(node instanceof javafx.scene.layout.BorderPane) && !pane.getChildren().isEmpty()) {
            List<Node> children = new ArrayList<>(pane.getChildren());
            queue.add(new Pending(pane, children));
            pane.getChildren().clear();
            children.forEach(this::takeApart);
        } else if (node instanceof Parent p && !(node instanceof javafx.scene.control.Control)) {
            p.getChildrenUnmodifiable().forEach(this::takeApart);
        }
    }

    /** Puts panes back and styles them until {@code budgetNanos} is spent; true once all are back. */
    boolean step(long budgetNanos) {
        long t0 = System.nanoTime();
        while (!queue.isEmpty() && System.nanoTime() - t0 < budgetNanos) {
            Pending p = queue.poll();
            p.pane().getChildren().setAll(p.children());
            p.pane().applyCss();
        }
        if (queue.isEmpty()) {
            timer.stop();
            return true;
        }
        return false;
    }

    /** Puts back and styles whatever is left now (the screen is wanted before the frames got to it). */
    public void finish() {
        step(Long.MAX_VALUE);
    }

    public boolean done() {
        return queue.isEmpty();
    }

    /** The screen, visible; styled completely first if it was not yet. */
    public Node reveal() {
        finish();
        root.setVisible(true);
        return root;
    }
}
