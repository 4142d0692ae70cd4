package id.rekam.app.cases;

import id.rekam.app.ui.AppContext;
import id.rekam.app.ui.Screen;
import id.rekam.core.cases.OpenCases;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The home screen's KTP ganda summary: how many cases are open, how old, where (by kelurahan), how
 * many are overdue or waiting for a supervisor; the button (or F8, ui.ShellKeys) opens the case list. Read from
 * clear columns only, so the home screen opens no seal for it.
 */
public final class HomeCasesController {

    /** Kelurahan shown by name; the rest are summed. */
    static final int VILLAGES_SHOWN = 4;

    private final AppContext ctx;
    @FXML private HBox root;
    @FXML private Label open;
    @FXML private Label ages;
    @FXML private Label villages;

    public HomeCasesController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    void initialize() {
        root.getStylesheets().add(HomeCasesController.class.getResource("/id/rekam/app/cases/cases.css").toExternalForm());
        var cases = ctx.session().store().cases();
        ctx.async(() -> {
            cases.takeWaiting();
            OpenCases open = cases.cases().openCases();
            return new Loaded(open, names(open.byVillage(), cases));
        },
                this::show, e -> open.setText(ctx.text("status.error")));
    }

    private record Loaded(OpenCases open, String villages) {
    }

    private static String names(Map<String, Integer> byVillage, id.rekam.app.ports.CaseService cases) {
        List<String> parts = new ArrayList<>();
        int rest = 0;
        int i = 0;
        for (Map.Entry<String, Integer> e : byVillage.entrySet()) {
            if (i++ < VILLAGES_SHOWN) {
                parts.add(cases.villageName(e.getKey()) + " " + e.getValue());
            } else {
                rest += e.getValue();
            }
        }
        if (rest > 0) {
            parts.add("+" + rest);
        }
        return String.join(" \u00b7 ", parts);
    }

    private void show(Loaded l) {
        OpenCases o = l.open();
        if (o.total() == 0) {
            open.setText(ctx.text("home.cases.none"));
            ages.setText("");
            villages.setText("");
            return;
        }
        open.setText(ctx.text("home.cases.open", o.total()));
        ages.setText(ctx.text("home.cases.age", o.byAge().get(OpenCases.AgeBand.WEEK),
                o.byAge().get(OpenCases.AgeBand.MONTH), o.byAge().get(OpenCases.AgeBand.OLDER), o.overdue(),
                o.awaitingConfirmation()));
        villages.setText(ctx.text("home.cases.villages", l.villages()));
    }

    @FXML
    void openCases() {
        ctx.navigator().show(Screen.CASES);
    }

    Parent root() {
        return root;
    }
}
