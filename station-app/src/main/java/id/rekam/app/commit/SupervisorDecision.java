package id.rekam.app.commit;

import id.rekam.app.ports.RecordStatus;
import id.rekam.app.ui.AppContext;
import id.rekam.core.commit.ReviewFindings;
import id.rekam.core.domain.EnrollmentRecord;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

/**
 * The supervisor's part of the review step after the duplicate check: override a possible
 * duplicate (with a reason), review a record the check sent to review (with a note), or save
 * that record to be reviewed later (its approval then takes the note). The rules themselves are
 * core's ({@code CommitPolicy}); this only collects the supervisor's credentials and words.
 */
final class SupervisorDecision {

    /** What the review step does around a decision. */
    interface Host {
        CommitFlow flow();

        EnrollmentRecord record();

        void busy(String text);

        void committed(RecordStatus status);

        void failed(Throwable e);

        void show(Node node, boolean visible);
    }

    /** The form's controls, as the review step's FXML has them. */
    record Form(Node box, Label explanation, Node openExisting, Node fields, TextField supervisorId,
                PasswordField supervisorPin, Label reasonLabel, TextField reason, Button decide, Button later) {
    }

    private final AppContext ctx;
    private final Host host;
    private final Form form;
    /** Set when the check sent the record to review: the form takes a review note, not an override reason. */
    private DuplicateCheck.NeedsReview review;

    SupervisorDecision(AppContext ctx, Host host, Form form) {
        this.ctx = ctx;
        this.host = host;
        this.form = form;
    }

    void reset() {
        review = null;
    }

    void possibleDuplicate() {
        review = null;
        open(ctx.text("review.possibleDuplicate"), "review.overrideReason", "review.override", false);
    }

    void needsReview(DuplicateCheck.NeedsReview findings) {
        review = findings;
        open(ctx.text("review.needsReview") + "\n" + reasons(findings.findings()),
                "review.reviewNote", "review.reviewNow", true);
    }

    /** One line per reason, in the operator's language. */
    private String reasons(ReviewFindings findings) {
        StringBuilder out = new StringBuilder();
        for (ReviewFindings.Reason r : findings.reasons()) {
            out.append(out.length() == 0 ? "" : "\n").append("\u2022 ").append(ctx.text("review.reason." + r.code()));
        }
        return out.toString();
    }

    private void open(String explanation, String reasonLabel, String button, boolean canWait) {
        form.explanation().setText(explanation);
        form.reasonLabel().setText(ctx.text(reasonLabel));
        form.decide().setText(ctx.text(button));
        host.show(form.later(), canWait);
        host.show(form.box(), true);
        host.show(form.openExisting(), false);
        host.show(form.fields(), true);
        form.supervisorId().requestFocus();
    }

    /** The supervisor overrides, or reviews, now. */
    void decide() {
        char[] pin = form.supervisorPin().getText().toCharArray();
        String words = form.reason().getText().trim();
        form.supervisorPin().clear();
        if (words.isEmpty()) {
            form.explanation().setText(ctx.text("review.reasonRequired"));
            form.reason().requestFocus();
            return;
        }
        CommitFlow flow = host.flow();
        EnrollmentRecord r = host.record();
        DuplicateCheck.NeedsReview findings = review;
        String supervisor = form.supervisorId().getText().trim();
        host.busy(ctx.text("review.saving"));
        ctx.async(() -> flow.supervisor(supervisor, pin)
                        .map(sup -> (Object) (findings == null
                                ? flow.commit(r, ctx.session().operator(), new CommitFlow.Override(sup, words))
                                : flow.commit(r, ctx.session().operator(), findings, new CommitFlow.Review(sup, words))))
                        .orElse("wrong"),
                o -> {
                    host.busy(null);
                    if (o instanceof RecordStatus status) {
                        host.show(form.box(), false);
                        host.committed(status);
                    } else {
                        form.explanation().setText(ctx.text("review.notSupervisor"));
                    }
                }, host::failed);
    }

    /** Saved now; it waits for a supervisor's review before it may be approved. */
    void later() {
        CommitFlow flow = host.flow();
        EnrollmentRecord r = host.record();
        DuplicateCheck.NeedsReview findings = review;
        host.busy(ctx.text("review.saving"));
        ctx.async(() -> flow.commit(r, ctx.session().operator(), findings, null), status -> {
            host.busy(null);
            host.show(form.box(), false);
            host.committed(status);
        }, host::failed);
    }
}
