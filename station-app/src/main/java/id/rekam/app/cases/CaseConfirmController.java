package id.rekam.app.cases;

import id.rekam.app.ui.AppContext;
import id.rekam.core.cases.CaseFile;
import id.rekam.core.cases.CaseState;
import id.rekam.core.cases.PreparedOutcome;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * The second person: a supervisor, with their own password, confirms the prepared outcome (the case
 * closes, its event goes to the outbox) or refuses it with a reason. Once closed: who decided what,
 * when, and how the citizen was identified.
 */
public final class CaseConfirmController {

    private final AppContext ctx;
    private final CaseDesk desk;
    private Runnable onChanged = () -> { };
    private CaseFile file;

    @FXML private VBox root;
    @FXML private VBox confirmPane;
    @FXML private Label confirmIntro;
    @FXML private TextField confirmSupervisor;
    @FXML private PasswordField confirmPassword;
    @FXML private TextField refuseReason;
    @FXML private Label confirmMessage;
    @FXML private Label closedSummary;

    public CaseConfirmController(AppContext ctx, CaseDesk desk) {
        this.ctx = ctx;
        this.desk = desk;
    }

    void onChanged(Runnable r) {
        this.onChanged = r;
    }

    void show(CaseFile f) {
        if (file == null || !file.id().equals(f.id())) {
            confirmMessage.setText("");
            refuseReason.clear();
        }
        file = f;
        boolean waiting = f.state() == CaseState.AWAITING_CONFIRMATION;
        CaseViews.visible(confirmPane, waiting);
        if (waiting) {
            confirmIntro.setText(desk.t("confirm.intro", f.prepared().preparedBy(), describe(f.prepared())));
        }
        boolean closed = f.closedAt() != null && f.prepared() != null;
        CaseViews.visible(closedSummary, closed);
        if (closed) {
            closedSummary.setText(closed(f));
        }
        CaseViews.visible(root, waiting || closed || !confirmMessage.getText().isEmpty());
    }

    String describe(PreparedOutcome p) {
        String text = desk.t("outcome." + p.outcome().name());
        return p.voidReason() == null ? text : text + " (" + desk.t("void." + p.voidReason().name()) + ")";
    }

    private String closed(CaseFile f) {
        PreparedOutcome p = f.prepared();
        String s = desk.t("closed.summary", describe(p), p.preparedBy(), desk.time(p.preparedAt()), f.closedBy(),
                desk.time(f.closedAt()));
        if (p.check() != null) {
            s += " " + desk.t("closed.check", desk.t("closed.check." + p.check().method().name()),
                    String.format(desk.locale(), "%.1f", p.check().score()), p.check().supervisor() == null ? ""
                            : desk.t("closed.check.by", p.check().supervisor(), p.check().reason()));
        }
        return s;
    }

    @FXML
    void confirm() {
        char[] password = confirmPassword.getText().toCharArray();
        confirmPassword.clear();
        String caseId = file.id();
        String supervisor = confirmSupervisor.getText();
        ctx.async(() -> desk.cases().decisions().confirm(caseId, supervisor, password),
                f -> done(desk.t("confirm.done", f.closedBy(), describe(f.prepared()))),
                e -> CaseViews.error(confirmMessage, desk.explain(e)));
    }

    @FXML
    void refuse() {
        char[] password = confirmPassword.getText().toCharArray();
        confirmPassword.clear();
        String caseId = file.id();
        String supervisor = confirmSupervisor.getText();
        String reason = refuseReason.getText();
        ctx.async(() -> desk.cases().decisions().refuse(caseId, supervisor, password, reason),
                f -> done(desk.t("confirm.refused")), e -> CaseViews.error(confirmMessage, desk.explain(e)));
    }

    private void done(String message) {
        CaseViews.ok(confirmMessage, message);
        onChanged.run();
    }
}
