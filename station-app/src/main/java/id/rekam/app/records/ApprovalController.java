package id.rekam.app.records;

import id.rekam.app.ports.Operator;
import id.rekam.app.ports.RecordSummary;
import id.rekam.app.ui.AppContext;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Supervisor approval of committed records, one by one or the whole day's batch. A logged-in
 * supervisor approves directly; an operator's desk needs a supervisor's ID and PIN.
 */
public final class ApprovalController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MM HH:mm");

    private final AppContext ctx;
    @FXML private Label explain;
    @FXML private ListView<RecordSummary> list;
    @FXML private HBox supervisorBox;
    @FXML private TextField supervisorId;
    @FXML private PasswordField supervisorPin;
    @FXML private Label message;

    public ApprovalController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        explain.setText(ctx.text("approval.explain." + ctx.config().approvalMode().name()));
        boolean supervisor = ctx.session().operator().supervisor();
        supervisorBox.setVisible(!supervisor);
        supervisorBox.setManaged(!supervisor);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(RecordSummary s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : WHEN.format(s.createdAt().atZone(ZoneId.systemDefault()))
                        + "   " + s.nik() + "   " + s.fullName());
            }
        });
        load();
    }

    private void load() {
        var records = ctx.session().store().records();
        ctx.async(records::waitingApproval, rows -> {
            list.getItems().setAll(rows);
            list.setPlaceholder(new Label(ctx.text("approval.none")));
        }, e -> message.setText(ctx.text("status.error")));
    }

    @FXML
    private void selectAll() {
        list.getSelectionModel().selectAll();
        list.requestFocus();
    }

    @FXML
    private void approve() {
        List<RecordSummary> chosen = List.copyOf(list.getSelectionModel().getSelectedItems());
        message.getStyleClass().setAll("label", "field-error");
        if (chosen.isEmpty()) {
            message.setText(ctx.text("approval.chooseFirst"));
            return;
        }
        Optional<Operator> sup;
        try {
            sup = ctx.session().operator().supervisor() ? Optional.of(ctx.session().operator())
                    : ctx.session().store().operators().login(supervisorId.getText().trim(),
                    supervisorPin.getText().toCharArray()).filter(Operator::supervisor);
        } catch (id.rekam.app.ports.OperatorService.LockedException e) {
            sup = Optional.empty();
        }
        supervisorPin.clear();
        if (sup.isEmpty()) {
            message.setText(ctx.text("review.notSupervisor"));
            return;
        }
        var records = ctx.session().store().records();
        Operator approver = sup.get();
        ctx.async(() -> {
            records.approve(chosen.stream().map(RecordSummary::id).toList(), approver);
            return chosen.size();
        }, n -> {
            message.getStyleClass().setAll("label", "quality-ok");
            message.setText(ctx.text("approval.done", n));
            load();
        }, e -> message.setText(ctx.text("review.failed", ctx.explain(e))));
    }
}
