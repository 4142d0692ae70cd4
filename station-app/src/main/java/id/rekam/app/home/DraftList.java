package id.rekam.app.home;

import id.rekam.app.ports.DraftService.Draft;
import id.rekam.app.ports.Operator;
import id.rekam.app.ui.AppContext;
import id.rekam.core.text.DeskTimes;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

/**
 * The home screen's unfinished forms: an operator sees their own, to resume or discard; a
 * supervisor sees everybody's, to discard what was abandoned (resuming stays with whoever made it,
 * so the record names the right operator).
 */
final class DraftList {

    private DraftList() {
    }

    static void fill(VBox box, List<Draft> drafts, AppContext ctx, Consumer<Draft> resume, Consumer<Draft> discard) {
        box.getChildren().clear();
        Operator me = ctx.session().operator();
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            String suffix = i == 0 ? "" : "-" + i;
            boolean mine = d.operatorId() == null || d.operatorId().equals(me.id());
            String who = d.fullName().isBlank() ? ctx.text("home.draft.noName") : d.fullName();
            Label text = new Label(mine ? ctx.text("home.draft.text", who)
                    : ctx.text("home.draft.other", who, d.operatorId(), DeskTimes.format(d.updatedAt(), ZoneId.systemDefault())));
            text.setId("draftText" + suffix);
            text.getStyleClass().add("notice-text");
            text.setWrapText(true);
            text.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(14, text);
            row.getStyleClass().add("notice");
            row.setAlignment(Pos.CENTER_LEFT);
            if (mine) {
                Button go = new Button(ctx.text("home.draft.resume"));
                go.setId("resumeDraft" + suffix);
                go.getStyleClass().add("primary");
                go.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                go.setOnAction(e -> resume.accept(d));
                row.getChildren().add(go);
            }
            Button drop = new Button(ctx.text("home.draft.discard"));
            drop.setId("discardDraft" + suffix);
            drop.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            drop.setOnAction(e -> discard.accept(d));
            row.getChildren().add(drop);
            box.getChildren().add(row);
        }
        box.setVisible(!drafts.isEmpty());
        box.setManaged(!drafts.isEmpty());
    }
}
