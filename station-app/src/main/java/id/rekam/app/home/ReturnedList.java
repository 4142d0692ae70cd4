package id.rekam.app.home;

import id.rekam.app.ports.RecordService.Returned;
import id.rekam.app.ui.AppContext;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Consumer;

/** The operator's records a supervisor sent back, each with the reason and a way to correct it. */
final class ReturnedList {

    private ReturnedList() {
    }

    static void fill(VBox box, List<Returned> returned, AppContext ctx, Consumer<Returned> correct) {
        box.getChildren().clear();
        for (int i = 0; i < returned.size(); i++) {
            Returned r = returned.get(i);
            String suffix = i == 0 ? "" : "-" + i;
            Label text = new Label(ctx.text("home.returned.text", r.record().demographics().fullName(), r.reason()));
            text.setId("returnedText" + suffix);
            text.getStyleClass().add("notice-text");
            text.setWrapText(true);
            text.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(text, Priority.ALWAYS);
            Button fix = new Button(ctx.text("home.returned.fix"));
            fix.setId("correctReturned" + suffix);
            fix.getStyleClass().add("primary");
            fix.setMinWidth(Region.USE_PREF_SIZE);
            fix.setOnAction(e -> correct.accept(r));
            HBox row = new HBox(14, text, fix);
            row.getStyleClass().addAll("notice", "warning");
            row.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(row);
        }
        box.setVisible(!returned.isEmpty());
        box.setManaged(!returned.isEmpty());
    }
}
