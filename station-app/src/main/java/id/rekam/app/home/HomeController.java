package id.rekam.app.home;

import id.rekam.app.enroll.EnrollController;
import id.rekam.app.ports.Counters;
import id.rekam.app.ports.DraftService;
import id.rekam.app.ports.RecordService;
import id.rekam.app.ui.AppContext;
import id.rekam.app.ui.Screen;
import id.rekam.app.ui.ShellKeys;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.List;

/** Today's numbers, the resume-draft offer and the three things an operator does. */
public final class HomeController {

    private final AppContext ctx;
    @FXML private VBox root;
    @FXML private Label greeting;
    @FXML private Label dateLabel;
    @FXML private VBox drafts;
    @FXML private VBox returned;
    @FXML private Label capturedToday;
    @FXML private Label waitingSync;
    @FXML private Label waitingApproval;
    @FXML private Button newEnrollment;
    @FXML private Button approval;
    @FXML private Button settings;
    @FXML private Button operators;

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
        load();
        // F2–F9 are the shell's (ShellKeys): the same keys work from every screen.
        newEnrollment.sceneProperty().addListener((o, a, s) -> {
            if (s != null) {
                newEnrollment.requestFocus();
            }
        });
    }

    private void load() {
        var store = ctx.session().store();
        var me = ctx.session().operator();
        ctx.async(() -> new Loaded(store.records().counters(LocalDate.now(), ZoneId.systemDefault()),
                store.drafts().visibleTo(me), store.records().returnedTo(me)), this::show,
                e -> greeting.setText(ctx.explain(e)));
    }

    private record Loaded(Counters counters, List<DraftService.Draft> drafts, List<RecordService.Returned> returned) {
    }

    private void show(Loaded l) {
        capturedToday.setText(Integer.toString(l.counters().capturedToday()));
        waitingSync.setText(Integer.toString(l.counters().waitingSync()));
        waitingApproval.setText(Integer.toString(l.counters().waitingApproval()));
        DraftList.fill(drafts, l.drafts(), ctx, this::resumeDraft, this::discardDraft);
        ReturnedList.fill(returned, l.returned(), ctx, r -> ctx.navigator().<EnrollController>show(Screen.ENROLL,
                c -> c.correct(r.record(), r.reason())));
    }

    private void resumeDraft(DraftService.Draft d) {
        var store = ctx.session().store();
        ctx.async(() -> store.drafts().load(d.id()).orElse(Map.of()), fields ->
                ctx.navigator().<EnrollController>show(Screen.ENROLL, c -> c.resume(d.id(), fields)),
                e -> greeting.setText(ctx.explain(e)));
    }

    private void discardDraft(DraftService.Draft d) {
        var store = ctx.session().store();
        String me = ctx.session().operator().id();
        ctx.async(() -> store.drafts().discard(d.id(), me), ok -> load(), e -> greeting.setText(ctx.explain(e)));
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
