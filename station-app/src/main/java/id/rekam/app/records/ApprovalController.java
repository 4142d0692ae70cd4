package id.rekam.app.records;

import id.rekam.app.ports.Operator;
import id.rekam.app.ports.RecordStatus;
import id.rekam.app.ports.OperatorService;
import id.rekam.app.ports.RecordService;
import id.rekam.app.ports.RecordSummary;
import id.rekam.app.ui.AppContext;
import id.rekam.core.domain.RegistrationId;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The supervisor's review of committed records: the chosen record in full (photo and its
 * backdrop rule, flags, biodata, fingers, signature), then approve (one, several or the day's
 * batch), refuse with a reason, or send back to its operator for correction with a reason. Who may
 * decide is core's policy, enforced by the store; at an operator's desk a supervisor gives ID and
 * password.
 */
public final class ApprovalController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MM HH:mm");

    private enum Decision { APPROVE, DECLINE, SEND_BACK }

    private final AppContext ctx;
    @FXML private VBox root;
    @FXML private Label explain;
    @FXML private ListView<RecordSummary> list;
    @FXML private HBox supervisorBox;
    @FXML private TextField supervisorId;
    @FXML private PasswordField supervisorPin;
    @FXML private TextField reason;
    @FXML private Label message;
    @FXML private Label reviewName;
    @FXML private Label reviewStatus;
    @FXML private ImageView reviewPhoto;
    @FXML private Label reviewBackground;
    @FXML private VBox reviewFlags;
    @FXML private Label reviewFingers;
    @FXML private Label reviewProvenance;
    @FXML private GridPane reviewFacts;
    @FXML private ImageView reviewSignature;
    private ReviewPane pane;
    /** The record the pane shows; an answer for another one (the operator moved on) is dropped. */
    private RegistrationId showing;

    public ApprovalController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        pane = new ReviewPane(ctx, new ReviewPane.Nodes(reviewName, reviewStatus, reviewPhoto, reviewBackground,
                reviewFlags, reviewFingers, reviewProvenance, reviewFacts, reviewSignature));
        pane.clear();
        explain.setText(ctx.text("approval.explain." + ctx.config().approvalMode().name()));
        boolean supervisor = ctx.session().operator().supervisor();
        supervisorBox.setVisible(!supervisor);
        supervisorBox.setManaged(!supervisor);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(RecordSummary s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null
                        : WHEN.format(s.createdAt().atZone(ZoneId.systemDefault())) + "   " + s.fullName()
                        + (s.status() == RecordStatus.WAITING_REVIEW ? "   " + ctx.text("approval.needsReview") : ""));
            }
        });
        list.getFocusModel().focusedItemProperty().addListener((o, a, s) -> review(s));
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        list.sceneProperty().addListener((o, a, s) -> {
            if (s != null) {
                list.requestFocus();
            }
        });
        load();
    }

    /** Ctrl+Enter approves, Ctrl+K sends back, Ctrl+T refuses (the hint on screen says so). */
    private void keys(KeyEvent e) {
        if (!e.isShortcutDown()) {
            return;
        }
        if (e.getCode() == KeyCode.ENTER) {
            approve();
        } else if (e.getCode() == KeyCode.K) {
            sendBack();
        } else if (e.getCode() == KeyCode.T) {
            decline();
        } else {
            return;
        }
        e.consume();
    }

    private void load() {
        var records = ctx.session().store().records();
        ctx.async(records::waitingApproval, rows -> {
            list.getItems().setAll(rows);
            list.setPlaceholder(new Label(ctx.text("approval.none")));
            if (!rows.isEmpty()) {
                list.getSelectionModel().clearAndSelect(0);
                list.getFocusModel().focus(0);
            } else {
                showing = null;
                pane.clear();
            }
        }, e -> message.setText(ctx.explain(e)));
    }

    private void review(RecordSummary s) {
        if (s == null) {
            return;
        }
        showing = s.id();
        var records = ctx.session().store().records();
        ctx.async(() -> records.review(s.id()), r -> {
            if (s.id().equals(showing)) {
                r.ifPresentOrElse(pane::show, pane::clear);
            }
        }, e -> message.setText(ctx.explain(e)));
    }

    @FXML
    private void selectAll() {
        list.getSelectionModel().selectAll();
        list.requestFocus();
    }

    @FXML
    private void approve() {
        decide(Decision.APPROVE);
    }

    @FXML
    private void decline() {
        decide(Decision.DECLINE);
    }

    @FXML
    private void sendBack() {
        decide(Decision.SEND_BACK);
    }

    private void decide(Decision decision) {
        List<RecordSummary> chosen = List.copyOf(list.getSelectionModel().getSelectedItems());
        if (chosen.isEmpty()) {
            say(false, ctx.text("approval.chooseFirst"));
            list.requestFocus();
            return;
        }
        String why = reason.getText().strip();
        if (decision != Decision.APPROVE && why.isEmpty()) {
            say(false, ctx.text("approval.reasonRequired"));
            reason.requestFocus();
            return;
        }
        Optional<Operator> sup = supervisor();
        if (sup.isEmpty()) {
            say(false, ctx.text("review.notSupervisor"));
            (supervisorBox.isVisible() ? supervisorId : list).requestFocus();
            return;
        }
        RecordService records = ctx.session().store().records();
        Operator by = sup.get();
        List<RegistrationId> ids = chosen.stream().map(RecordSummary::id).toList();
        ctx.async(() -> {
            switch (decision) {
                // Records the duplicate check sent to review take the reason as the supervisor's
                // review note (core refuses them without one).
                case APPROVE -> records.approve(ids, by, why.isEmpty() ? null : why);
                case DECLINE -> ids.forEach(id -> records.decline(id, by, why));
                case SEND_BACK -> ids.forEach(id -> records.sendBack(id, by, why));
            }
            return ids.size();
        }, n -> {
            reason.clear();
            say(true, ctx.text("approval.done." + decision.name(), n));
            load();
            list.requestFocus();
        }, e -> say(false, ctx.text("review.failed", ctx.explain(e))));
    }

    private Optional<Operator> supervisor() {
        if (ctx.session().operator().supervisor()) {
            return Optional.of(ctx.session().operator());
        }
        char[] pin = supervisorPin.getText().toCharArray();
        supervisorPin.clear();
        try {
            return ctx.session().store().operators().login(supervisorId.getText().trim(), pin)
                    .filter(Operator::supervisor);
        } catch (OperatorService.LockedException e) {
            return Optional.empty();
        } finally {
            java.util.Arrays.fill(pin, '\0');
        }
    }

    private void say(boolean ok, String text) {
        message.getStyleClass().setAll("label", ok ? "quality-ok" : "field-error");
        message.setText(text);
    }
}
