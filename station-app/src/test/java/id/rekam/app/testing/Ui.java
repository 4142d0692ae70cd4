package id.rekam.app.testing;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waiting for the UI and finding nodes in it, the same way in every TestFX test.
 * <p>
 * Everything that reads the scene graph runs on the FX thread: read from the test thread
 * while a screen is being swapped, a lookup could see half a change (or throw). A wait
 * treats an exception from its condition as "not yet" — a node that is not in the scene
 * yet is the normal case right after a key press on a loaded machine — and on timeout
 * fails with what it waited for, the last exception, the ids on screen and a screenshot.
 * Timeouts are generous (CI runs on a loaded 2-core machine); a wait whose condition
 * already holds returns at once.
 */
public final class Ui {

    /** Default bound for any wait. Passing tests never come close; it only caps a failure. */
    public static final int TIMEOUT_S = 30;
    private static final long POLL_MS = 25;
    private static final long SLOW_MS = 2_000;

    private Ui() {
    }

    /** Runs {@code call} on the FX thread (directly when already on it) and returns its result. */
    public static <T> T onFx(Callable<T> call) {
        if (Platform.isFxApplicationThread()) {
            try {
                return call.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            // Bounded so that a wedged FX thread fails the test instead of hanging the build.
            return WaitForAsyncUtils.asyncFx(call).get(TIMEOUT_S * 2L, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the FX thread", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("FX thread did not answer within " + TIMEOUT_S * 2 + " s", e);
        }
    }

    /** {@link #until(String, int, Callable)} with the default bound. */
    public static void until(String what, Callable<Boolean> condition) {
        until(what, TIMEOUT_S, condition);
    }

    /**
     * Polls {@code condition} (on the calling thread; it may use the robot) until it holds.
     * An exception counts as "not yet"; the last one is the cause of the timeout error.
     */
    public static void until(String what, int seconds, Callable<Boolean> condition) {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        Exception last = null;
        while (true) {
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    if (ms >= SLOW_MS) {
                        // Where a test spends its time (surefire keeps stdout in target/surefire-reports).
                        System.out.println("ui-wait " + ms + " ms for " + what);
                    }
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                break;
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
        throw new AssertionError("waited " + seconds + " s for " + what + "; " + describeScreen()
                + (last == null ? "" : "; last attempt threw " + last), last);
    }

    /**
     * The node the query finds if it is shown: in a showing window, visible together with all
     * its ancestors, and laid out (non-empty bounds, so a click lands on it). Runs on the FX thread.
     */
    public static Optional<Node> shown(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryAll().stream().filter(Ui::isShown).findFirst());
    }

    /** Waits until {@code query} is {@link #shown shown} and returns the node. */
    public static Node await(FxRobot robot, String query) {
        return await(robot, query, Node.class);
    }

    /** Waits until {@code query} is {@link #shown shown} as a {@code type} and returns it. */
    public static <T extends Node> T await(FxRobot robot, String query, Class<T> type) {
        Node[] found = new Node[1];
        until(query + " shown as " + type.getSimpleName(), () -> {
            Optional<Node> n = shown(robot, query).filter(type::isInstance);
            n.ifPresent(node -> found[0] = node);
            return n.isPresent();
        });
        return type.cast(found[0]);
    }

    /** Waits until {@code query} is shown, then clicks it; returns the robot for chaining (write, type). */
    public static FxRobot click(FxRobot robot, String query) {
        Node node = await(robot, query);
        robot.clickOn(node);
        return robot;
    }

    static boolean isShown(Node node) {
        Scene scene = node.getScene();
        if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        Bounds b = node.getLayoutBounds();
        return b.getWidth() > 0 || b.getHeight() > 0;
    }

    /**
     * Texts on screen that are cut short (drawn with an ellipsis instead of in full), as
     * "text" per label or button shown in the main window. Cells of lists and tables and
     * labels that carry a tooltip (which shows the whole text) are left out: they may be cut.
     */
    public static List<String> cutShortTexts() {
        return onFx(() -> {
            List<String> cut = new ArrayList<>();
            Window window = mainWindow().orElseThrow(() -> new AssertionError("no window"));
            Deque<Node> queue = new ArrayDeque<>(List.of(window.getScene().getRoot()));
            while (!queue.isEmpty()) {
                Node n = queue.poll();
                if (!n.isVisible() || n instanceof javafx.scene.control.Cell<?>) {
                    continue;
                }
                if (n instanceof javafx.scene.control.Labeled l && l.getTooltip() == null && isShown(l)
                        && l.getText() != null && !l.getText().isEmpty()) {
                    l.getChildrenUnmodifiable().stream().filter(javafx.scene.text.Text.class::isInstance)
                            .map(t -> ((javafx.scene.text.Text) t).getText()).findFirst()
                            .filter(drawn -> !drawn.equals(l.getText()) && drawn.contains(l.getEllipsisString()))
                            .ifPresent(drawn -> cut.add("\"" + l.getText() + "\" drawn as \"" + drawn + "\""));
                }
                if (n instanceof Parent p) {
                    queue.addAll(p.getChildrenUnmodifiable());
                }
            }
            return cut;
        });
    }

    /**
     * Labels and buttons shown in the main window that reach past its right or bottom edge (a
     * row too wide for a small screen): their texts. Nodes inside a scroll pane are left out —
     * the operator can scroll to them.
     */
    public static List<String> offWindowTexts() {
        return onFx(() -> {
            List<String> off = new ArrayList<>();
            Scene scene = mainWindow().orElseThrow(() -> new AssertionError("no window")).getScene();
            Deque<Node> queue = new ArrayDeque<>(List.of(scene.getRoot()));
            while (!queue.isEmpty()) {
                Node n = queue.poll();
                if (!n.isVisible() || n instanceof javafx.scene.control.ScrollPane
                        || n instanceof javafx.scene.control.Cell<?>) {
                    continue;
                }
                if (n instanceof javafx.scene.control.Labeled l && isShown(l)) {
                    Bounds b = l.localToScene(l.getLayoutBounds());
                    if (b.getMaxX() > scene.getWidth() + 1 || b.getMaxY() > scene.getHeight() + 1) {
                        off.add("\"" + l.getText() + "\" at " + Math.round(b.getMaxX()) + "," + Math.round(b.getMaxY())
                                + " in " + Math.round(scene.getWidth()) + "x" + Math.round(scene.getHeight()));
                    }
                }
                if (n instanceof Parent p) {
                    queue.addAll(p.getChildrenUnmodifiable());
                }
            }
            return off;
        });
    }

    /**
     * Controls shown in the main window that are drawn over one another (a button over the
     * signature box after the layout ran out of room), as "a over b" pairs. Counted: buttons,
     * fields, lists, tables, choice boxes, canvases and labels with text — each where it is
     * visible (clipped to the scroll panes around it). Not counted: a control's own insides
     * (cells, skins), and nodes inside one another.
     */
    public static List<String> overlappingControls() {
        return onFx(() -> {
            Scene scene = mainWindow().orElseThrow(() -> new AssertionError("no window")).getScene();
            List<Node> solid = new ArrayList<>();
            collectSolid(scene.getRoot(), solid);
            List<javafx.geometry.Bounds> seen = new ArrayList<>();
            for (Node n : solid) {
                seen.add(visibleBounds(n));
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < solid.size(); i++) {
                for (int j = i + 1; j < solid.size(); j++) {
                    javafx.geometry.Bounds a = seen.get(i);
                    javafx.geometry.Bounds b = seen.get(j);
                    if (a == null || b == null) {
                        continue;
                    }
                    double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
                    double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
                    if (w > 1.5 && h > 1.5) {
                        out.add(describe(solid.get(i)) + " over " + describe(solid.get(j)));
                    }
                }
            }
            return out;
        });
    }

    private static void collectSolid(Node n, List<Node> out) {
        if (!n.isVisible()) {
            return;
        }
        boolean solid = n instanceof javafx.scene.control.ButtonBase || n instanceof javafx.scene.control.TextInputControl
                || n instanceof javafx.scene.control.ComboBoxBase<?> || n instanceof javafx.scene.control.ChoiceBox<?>
                || n instanceof javafx.scene.control.ListView<?> || n instanceof javafx.scene.control.TableView<?>
                || n instanceof javafx.scene.canvas.Canvas
                || (n instanceof javafx.scene.control.Label l && l.getText() != null && !l.getText().isBlank());
        if (solid && isShown(n)) {
            out.add(n);
        }
        // A control's insides are its own layout; containers that are controls are looked into.
        boolean container = n instanceof javafx.scene.control.ScrollPane || n instanceof javafx.scene.control.TabPane
                || n instanceof javafx.scene.control.SplitPane || n instanceof javafx.scene.control.TitledPane;
        if (n instanceof Parent p && (container || !(n instanceof javafx.scene.control.Control))) {
            List<Node> kids = n instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null
                    ? List.of(sp.getContent())
                    : n instanceof javafx.scene.control.TabPane tp ? tabContents(tp) : p.getChildrenUnmodifiable();
            for (Node child : kids) {
                collectSolid(child, out);
            }
        }
    }

    private static List<Node> tabContents(javafx.scene.control.TabPane tp) {
        var tab = tp.getSelectionModel().getSelectedItem();
        return tab == null || tab.getContent() == null ? List.of() : List.of(tab.getContent());
    }

    /** The node's bounds in the scene, cut to every scroll pane's viewport around it; null if none is left. */
    private static javafx.geometry.Bounds visibleBounds(Node n) {
        Bounds b = n.localToScene(n.getLayoutBounds());
        for (Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane sp) {
                Bounds view = sp.localToScene(sp.getLayoutBounds());
                double minX = Math.max(b.getMinX(), view.getMinX());
                double minY = Math.max(b.getMinY(), view.getMinY());
                double maxX = Math.min(b.getMaxX(), view.getMaxX());
                double maxY = Math.min(b.getMaxY(), view.getMaxY());
                if (maxX <= minX || maxY <= minY) {
                    return null;
                }
                b = new javafx.geometry.BoundingBox(minX, minY, maxX - minX, maxY - minY);
            }
        }
        return b;
    }

    private static String describe(Node n) {
        String text = n instanceof javafx.scene.control.Labeled l ? " \"" + l.getText() + "\"" : "";
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId()) + text;
    }

    /**
     * What is wrong with the keyboard focus now, or null when it is fine: a control has it, the
     * control is shown and enabled, and it lies inside the window and inside the viewport of
     * every scroll pane around it (the operator sees where the keys go).
     */
    public static String focusProblem() {
        return onFx(() -> {
            Scene scene = mainWindow().orElseThrow(() -> new AssertionError("no window")).getScene();
            Node owner = scene.getFocusOwner();
            if (owner == null) {
                return "nothing has the focus";
            }
            if (!isShown(owner) || owner.isDisabled()) {
                return describe(owner) + " has the focus but is " + (owner.isDisabled() ? "disabled" : "not shown");
            }
            Bounds b = visibleBounds(owner);
            Bounds full = owner.localToScene(owner.getLayoutBounds());
            if (b == null || b.getHeight() < Math.min(full.getHeight(), 12) - 0.5) {
                return describe(owner) + " has the focus but is scrolled out of view";
            }
            if (b.getMinX() < -1 || b.getMinY() < -1 || b.getMaxX() > scene.getWidth() + 1
                    || b.getMaxY() > scene.getHeight() + 1) {
                return describe(owner) + " has the focus but lies beyond the window's edge";
            }
            return null;
        });
    }

    /** The node that has the keyboard focus, described ("Button#approveSelected \"Setujui\""). */
    public static String focusOwner() {
        return onFx(() -> mainWindow().map(w -> w.getScene().getFocusOwner()).map(Ui::describe).orElse("-"));
    }

    /** The main window (the stage, not a popup), if one is showing. */
    public static Optional<Window> mainWindow() {
        return onFx(() -> Window.getWindows().stream().filter(w -> w instanceof Stage && w.isShowing()).findFirst());
    }

    /**
     * What is on screen, for failure messages: per showing window, the ids of shown nodes in
     * breadth-first order (the screen's own ids come first), and a screenshot of the main window.
     */
    public static String describeScreen() {
        try {
            String ids = onFx(() -> {
                StringBuilder sb = new StringBuilder();
                for (Window w : Window.getWindows()) {
                    if (w.isShowing() && w.getScene() != null) {
                        sb.append(w.getClass().getSimpleName()).append(' ').append(shownIds(w.getScene().getRoot(), 40))
                                .append(' ');
                    }
                }
                return sb.toString().trim();
            });
            String shot = mainWindow().map(w -> {
                Path file = Path.of("target", "failure-" + System.currentTimeMillis() + ".png");
                Screenshots.write(w.getScene(), file);
                return "; screen in " + file;
            }).orElse("");
            return "on screen: " + ids + shot;
        } catch (RuntimeException e) {
            return "screen not readable (" + e + ")";
        }
    }

    private static List<String> shownIds(Parent root, int max) {
        List<String> ids = new ArrayList<>();
        Deque<Node> queue = new ArrayDeque<>(List.of(root));
        while (!queue.isEmpty() && ids.size() < max) {
            Node n = queue.poll();
            if (!n.isVisible()) {
                continue;
            }
            if (n.getId() != null) {
                ids.add("#" + n.getId());
            }
            if (n instanceof Parent p) {
                queue.addAll(p.getChildrenUnmodifiable());
            }
        }
        return ids;
    }
}
