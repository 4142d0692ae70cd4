package id.rekam.app.tech;

import id.rekam.core.diag.Finding;
import id.rekam.core.diag.Status;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Locale;
import java.util.function.Function;

/**
 * One area of the diagnostics screen (scanner, camera, ...): its name, its worst status so far
 * as a chip, and one row per finding with the next step under anything not OK.
 */
final class AreaCard {

    private final VBox root = new VBox();
    private final Label chip = new Label();
    private final VBox rows = new VBox();
    private final Label allOk = new Label();
    private final Hyperlink details = new Hyperlink();
    private final HBox collapsed = new HBox(10, allOk, details);
    private final Function<String, String> text;
    private Status worst = Status.OK;
    private boolean any;

    AreaCard(String area, String title, Function<String, String> text) {
        this.text = text;
        root.getStyleClass().addAll("card", "diag-area");
        root.setId("area-" + area);
        Label name = new Label(title);
        name.getStyleClass().add("diag-area-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        chip.setId("chip-" + area);
        chip.setMinWidth(Region.USE_PREF_SIZE);
        allOk.setId("allOk-" + area);
        allOk.getStyleClass().add("muted");
        details.setText(text.apply("tech.diag.details"));
        details.setOnAction(e -> expand(true));
        collapsed.setAlignment(Pos.CENTER_LEFT);
        HBox head = new HBox(name, gap, chip);
        head.getStyleClass().add("diag-area-head");
        root.getChildren().addAll(head, collapsed, rows);
        idle();
    }

    VBox node() {
        return root;
    }

    void idle() {
        rows.getChildren().clear();
        expand(true);
        any = false;
        worst = Status.OK;
        chip(text.apply("tech.diag.idle"), "idle");
    }

    void running() {
        chip(text.apply("tech.diag.running"), "running");
    }

    void add(Finding f) {
        worst = any ? worst.and(f.status()) : f.status();
        any = true;
        Label status = chipLabel(word(f.status()), f.status().wire());
        String key = f.id().replace('.', '-');
        status.setId("status-" + key);
        Label title = new Label(f.title());
        title.getStyleClass().add("diag-title");
        Label result = new Label(f.result());
        result.setId("result-" + key);
        result.getStyleClass().add("diag-result");
        result.setWrapText(true);
        VBox body = new VBox(2, title, result);
        if (f.status() != Status.OK) {
            Label next = new Label(text.apply("tech.diag.next") + " " + f.nextStep());
            next.setId("next-" + key);
            next.getStyleClass().add("diag-next");
            if (f.status() == Status.FAILED) {
                next.getStyleClass().add("failed");
            }
            next.setWrapText(true);
            body.getChildren().add(next);
        }
        HBox.setHgrow(body, Priority.ALWAYS);
        body.setMaxWidth(Double.MAX_VALUE);
        // A slot of fixed width keeps the rows aligned; it grows rather than cut a longer word.
        HBox slot = new HBox(status);
        slot.getStyleClass().add("chip-slot");
        HBox row = new HBox(slot, body);
        row.setAlignment(Pos.TOP_LEFT);
        row.getStyleClass().add("diag-row");
        rows.getChildren().add(row);
        chip(word(worst), worst.wire());
    }

    /** The run is over for this area: an area that is all OK folds into one line, the others stay open. */
    void done() {
        if (!any) {
            idle();
        } else if (worst == Status.OK) {
            allOk.setText(text.apply("tech.diag.allOk").replace("{0}", Integer.toString(rows.getChildren().size())));
            expand(false);
        }
    }

    /** The worst status so far (OK before any finding). */
    Status worst() {
        return any ? worst : Status.OK;
    }

    private void expand(boolean open) {
        rows.setVisible(open);
        rows.setManaged(open);
        collapsed.setVisible(!open);
        collapsed.setManaged(!open);
    }

    private String word(Status s) {
        return text.apply("tech.status." + s.name().toLowerCase(Locale.ROOT));
    }

    private void chip(String s, String style) {
        chip.setText(s);
        chip.getStyleClass().setAll("label", "chip", style);
    }

    private static Label chipLabel(String s, String style) {
        Label l = new Label(s);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().addAll("chip", style);
        return l;
    }
}
