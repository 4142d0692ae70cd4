package id.rekam.app.enroll;

import id.rekam.app.ports.DraftService;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.app.ui.AppContext;
import id.rekam.app.ui.Fxml;
import id.rekam.app.ui.Lifecycle;
import id.rekam.app.ui.ScreenKeys;
import javafx.animation.PauseTransition;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The five-step wizard: biodata, photo, fingerprints, signature, review. Ctrl+1..5 jump to a
 * step; the biodata is autosaved as an encrypted draft while typing.
 */
public final class EnrollController implements Lifecycle, ScreenKeys {

    public enum StepId { BIODATA, PHOTO, FINGERS, SIGNATURE, REVIEW }

    private final AppContext ctx;
    private final EnrollmentSession session = new EnrollmentSession();
    private final Parent[] views = new Parent[StepId.values().length];
    private final Step[] controllers = new Step[StepId.values().length];
    private final List<HBox> stepRows = new ArrayList<>();
    private final PauseTransition autosave = new PauseTransition(Duration.millis(800));
    @FXML private BorderPane root;
    @FXML private VBox steps;
    @FXML private Label regLabel;
    @FXML private StackPane stepContent;
    @FXML private Label leaveNotice;
    @FXML private Label correction;
    private int current = -1;
    private boolean committed;
    /**
     * False while the wizard is built and styled ahead of time: pickers filling in the station's
     * own region must not autosave an empty draft over the one the home screen offers to resume.
     */
    private boolean shown;
    /** Esc pressed once with biometrics captured: the next Esc leaves (they are not drafted). */
    private boolean leaveArmed;
    /** Where this form is autosaved: its own draft, or the one it was resumed from. */
    private String draftId;

    public EnrollController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        regLabel.setText(ctx.text("enroll.regId", session.id().value().substring(0, 8)));
        for (StepId id : StepId.values()) {
            stepRows.add(stepRow(id));
        }
        steps.getChildren().addAll(stepRows);
        autosave.setOnFinished(e -> saveDraft());
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        if (javafx.application.Platform.isFxApplicationThread()) {
            // Built on demand at F2: steps other than the first are loaded on first visit.
            step(StepId.BIODATA.ordinal());
        } else {
            // Built ahead of time on a worker (Navigator.prepare): every step, so no step's first
            // visit loads FXML on the FX thread. All of them go into the stack (only the current
            // one visible), so the hidden styler styles every step before F2, not just the first:
            // a step styled at its first visit froze the FX thread for ~0.1 s (TextField skins).
            for (int i = 0; i < controllers.length; i++) {
                step(i);
            }
        }
        for (Parent view : views) {
            if (view != null) {
                view.setVisible(false);
                stepContent.getChildren().add(view);
            }
        }
        views[StepId.BIODATA.ordinal()].setVisible(true);
    }

    /** In the window now: the first step is shown (focus, devices are its onShow's business). */
    @Override
    public void onShown() {
        shown = true;
        go(StepId.BIODATA);
    }

    private HBox stepRow(StepId id) {
        Label number = new Label(Integer.toString(id.ordinal() + 1));
        number.getStyleClass().add("step-number");
        Label name = new Label(ctx.text("step." + id.name()));
        name.getStyleClass().add("step-name");
        Label key = new Label("Ctrl+" + (id.ordinal() + 1));
        key.getStyleClass().add("step-key");
        VBox text = new VBox(name, key);
        HBox row = new HBox(number, text);
        row.getStyleClass().add("step");
        row.setId("step-" + id.name());
        row.setOnMouseClicked(e -> go(id));
        return row;
    }

    private void shortcut(KeyEvent e) {
        if (e.getCode() != KeyCode.ESCAPE && leaveArmed) {
            armLeave(false);
        }
        if (e.isShortcutDown() && e.getCode().isDigitKey()) {
            int n = e.getCode().getCode() - KeyCode.DIGIT1.getCode();
            if (n >= 0 && n < StepId.values().length) {
                go(StepId.values()[n]);
                e.consume();
            }
        }
    }

    /** The steps use F5–F8 (capture, accept best, clear, exception); F2–F9 do not leave the wizard. */
    @Override
    public boolean ownsFunctionKeys() {
        return true;
    }

    /**
     * Esc leaves for home; the biodata is kept as a draft. Photo, fingers and signature are not
     * drafted, so with any of them captured the first Esc only says so and the second one leaves.
     */
    @Override
    public boolean onEscape() {
        boolean biometrics = session.photo().isPresent() || !session.fingers().isEmpty()
                || session.signature().isPresent();
        if (committed || !biometrics || leaveArmed) {
            return false;
        }
        armLeave(true);
        return true;
    }

    private void armLeave(boolean armed) {
        leaveArmed = armed;
        leaveNotice.setText(armed ? ctx.text("enroll.leaveConfirm") : "");
        leaveNotice.setVisible(armed);
        leaveNotice.setManaged(armed);
    }

    public EnrollmentSession session() {
        return session;
    }

    /**
     * Corrects a record a supervisor sent back: its biodata and biometrics are loaded, the
     * supervisor's reason stays on top of every step.
     */
    public void correct(EnrollmentRecord returned, String reason) {
        session.fromRecord(returned);
        ((BiodataController) step(StepId.BIODATA.ordinal())).reload();
        correction.setText(ctx.text("enroll.correction", reason));
        correction.setVisible(true);
        correction.setManaged(true);
        refreshSteps();
    }

    /** Continues the operator's unfinished form {@code draftId}: autosave goes on under the same id. */
    public void resume(String draftId, Map<String, String> draft) {
        this.draftId = draftId;
        session.fromDraft(draft);
        ((BiodataController) step(StepId.BIODATA.ordinal())).reload();
    }

    /** Steps are loaded on first visit: opening the wizard stays quick. */
    private Step step(int i) {
        if (controllers[i] == null) {
            StepId id = StepId.values()[i];
            Fxml.Loaded<Step> loaded = Fxml.load(ctx, "/id/rekam/app/fxml/step-" + id.name().toLowerCase() + ".fxml");
            views[i] = loaded.root();
            controllers[i] = loaded.controller();
            controllers[i].bind(session, this);
        }
        return controllers[i];
    }

    public void go(StepId id) {
        if (current == id.ordinal()) {
            return;
        }
        if (current >= 0) {
            controllers[current].onHide();
        }
        Step next = step(id.ordinal());
        current = id.ordinal();
        show(views[current]);
        next.onShow();
        refreshSteps();
    }

    /** The step views stay in the stack once styled; switching steps is a visibility flip. */
    private void show(Parent view) {
        if (!stepContent.getChildren().contains(view)) {
            stepContent.getChildren().add(view);
        }
        for (Node child : stepContent.getChildren()) {
            child.setVisible(child == view);
        }
    }

    public void next() {
        go(StepId.values()[Math.min(current + 1, StepId.values().length - 1)]);
    }

    public void refreshSteps() {
        for (int i = 0; i < stepRows.size(); i++) {
            HBox row = stepRows.get(i);
            row.getStyleClass().removeAll("current", "done");
            if (i == current) {
                row.getStyleClass().add("current");
            } else if (controllers[i] != null && controllers[i].done()) {
                row.getStyleClass().add("done");
            }
        }
    }

    /**
     * A capture finished after its step was left (the signature's PNG is encoded on a worker):
     * the step list, and the review if it is showing, are brought up to date.
     */
    public void refreshShown() {
        refreshSteps();
        if (current == StepId.REVIEW.ordinal()) {
            controllers[current].onShow();
        }
    }

    /** Biodata changed: save the draft shortly after typing pauses. */
    public void formChanged() {
        if (!committed && shown) {
            autosave.playFromStart();
        }
    }

    private void saveDraft() {
        Map<String, String> draft = session.toDraft();
        var drafts = ctx.session().store().drafts();
        String id = draftId();
        String operator = ctx.session().operator().id();
        ctx.background().execute(() -> drafts.save(id, operator, draft));
    }

    private String draftId() {
        if (draftId == null) {
            draftId = DraftService.idOf(session.id().value());
        }
        return draftId;
    }

    /** The record is in the store: the draft is no longer needed. */
    public void committed() {
        committed = true;
        autosave.stop();
        var drafts = ctx.session().store().drafts();
        String id = draftId();
        String operator = ctx.session().operator().id();
        ctx.background().execute(() -> drafts.discard(id, operator));
    }

    @Override
    public void onLeave() {
        if (current >= 0) {
            controllers[current].onHide();
        }
        if (!committed && autosave.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            autosave.stop();
            saveDraft();
        }
    }
}
