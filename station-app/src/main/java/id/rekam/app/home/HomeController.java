package id.rekam.app.home;

import id.rekam.app.enroll.EnrollController;
import id.rekam.app.ports.Counters;
import id.rekam.app.ui.AppContext;
import id.rekam.app.ui.Screen;
import id.rekam.app.ui.ShellKeys;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/** Today's numbers, the resume-draft offer and the three things an operator does. */
public final class HomeController {

    private final AppContext ctx;
    @FXML private VBox root;
    @FXML private Label greeting;
    @FXML private Label dateLabel;
    @FXML private HBox draftBanner;
    @FXML private Label draftText;
    @FXML private Label capturedToday;
    @FXML private Label waitingSync;
    @FXML private Label waitingApproval;
    @FXML private Button newEnrollment;
    @FXML private Button approval;
    @FXML private Button settings;
    @FXML private Button operators;
    private Map<String, String> draft;

    public HomeController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        greeting.setText(ctx.text("home.greeting", ctx.session().operator().displayName()));
        dateLabel.setText(LocalDate.now().format(DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy",
                ctx.config().locale())));
        approval.setDisable(!ShellKeys.mayOpen(ctx, Screen.APPROVAL));
        boolean supervisor = ShellKeys.mayOpen(ctx, Screen.PROVISIONING);
        for (Button b : new Button[] {settings, operators}) {
            b.setVisible(supervisor);
            b.setManaged(supervisor);
        }
        var store = ctx.session().store();
        ctx.async(() -> new Loaded(store.records().counters(LocalDate.now(), ZoneId.systemDefault()),
                store.drafts().load()), this::show, e -> greeting.setText(ctx.text("status.error")));
        // F2–F9 are the shell's (ShellKeys): the same keys work from every screen.
        newEnrollment.sceneProperty().addListener((o, a, s) -> {
            if (s != null) {
                newEnrollment.requestFocus();
            }
        });
    }

    private record Loaded(Counters counters, Optional<Map<String, String>> draft) {
    }

    private void show(Loaded l) {
        capturedToday.setText(Integer.toString(l.counters().capturedToday()));
        waitingSync.setText(Integer.toString(l.counters().waitingSync()));
        waitingApproval.setText(Integer.toString(l.counters().waitingApproval()));
        l.draft().ifPresent(d -> {
            draft = d;
            String name = d.getOrDefault(id.rekam.app.enroll.Field.FULL_NAME.name(), "");
            String who = name.isBlank() ? ctx.text("home.draft.noName") : name;
            draftText.setText(ctx.text("home.draft.text", who));
            draftBanner.setVisible(true);
            draftBanner.setManaged(true);
        });
    }

    @FXML
    private void resumeDraft() {
        Map<String, String> d = draft;
        ctx.navigator().<EnrollController>show(Screen.ENROLL, c -> c.resume(d));
    }

    @FXML
    private void discardDraft() {
        ctx.session().store().drafts().clear();
        draftBanner.setVisible(false);
        draftBanner.setManaged(false);
    }

    @FXML
    private void newEnrollment() {
        ctx.navigator().show(Screen.ENROLL);
    }

    @FXML
    private void records() {
        ctx.navigator().show(Screen.RECORDS);
    }

    @FXML
    private void approval() {
        ctx.navigator().show(Screen.APPROVAL);
    }

    @FXML
    private void settings() {
        ctx.navigator().show(Screen.PROVISIONING);
    }

    @FXML
    private void operators() {
        ctx.navigator().show(Screen.OPERATORS);
    }

    @FXML
    private void sync() {
        ctx.navigator().show(Screen.SYNC);
    }

    @FXML
    private void cards() {
        ctx.navigator().show(Screen.CARDS);
    }
}
