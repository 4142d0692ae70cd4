package id.rekam.app.field;

import id.rekam.app.ui.AppContext;
import id.rekam.app.ui.Screen;
import id.rekam.core.field.FieldReport;
import id.rekam.core.field.Guardrail;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The home screen's guardrail notice: appears when a field limit is near or passed (never a
 * silent stop), names what to do, and leads to the team dashboard (its button; F10 from anywhere,
 * {@code ui.ShellKeys}).
 */
public final class FieldBannerController {

    private final AppContext ctx;
    @FXML private HBox banner;
    @FXML private VBox lines;

    public FieldBannerController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        var field = ctx.session().store().fieldWork();
        ctx.async(field::guardrails, this::show, e -> { });
    }

    private void show(FieldReport r) {
        lines.getChildren().clear();
        for (Guardrail g : r.warnings()) {
            Label l = new Label(GuardrailTexts.of(ctx, g));
            l.setWrapText(true);
            l.getStyleClass().add("notice-text");
            l.setId("guardrail-" + g.kind().name());
            lines.getChildren().add(l);
        }
        // All well: one calm line, so the way to the team dashboard is always on screen.
        if (r.warnings().isEmpty()) {
            Label ok = new Label(ctx.text("field.banner.ok"));
            ok.setId("guardrailsOk");
            ok.getStyleClass().add("notice-text");
            lines.getChildren().add(ok);
        }
        banner.getStyleClass().removeAll("warning", "danger");
        if (!r.warnings().isEmpty()) {
            banner.getStyleClass().add(GuardrailTexts.styleOf(r.worst()));
        }
        banner.setVisible(true);
        banner.setManaged(true);
    }

    @FXML
    private void open() {
        ctx.navigator().show(Screen.FIELD);
    }
}
