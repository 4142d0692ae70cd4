package id.rekam.app.commit;

import id.rekam.app.enroll.BiodataValidator;
import id.rekam.app.enroll.EnrollController;
import id.rekam.app.enroll.EnrollmentSession;
import id.rekam.app.enroll.Step;
import id.rekam.app.ports.RecordStatus;
import id.rekam.app.receipt.Receipts;
import id.rekam.app.records.Facts;
import id.rekam.app.records.ReceiptPane;
import id.rekam.app.ui.AppContext;
import id.rekam.app.ui.Screen;
import id.rekam.core.commit.ReviewFlags;
import id.rekam.core.domain.EnrollmentRecord;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 5: everything at a glance, then the duplicate check (off the FX thread, its progress and
 * candidates shown as they come), commit, approval and the receipt.
 */
public final class ReviewController implements Step, SupervisorDecision.Host {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewController.class);

    private final AppContext ctx;
    @FXML private ScrollPane root;
    @FXML private GridPane facts;
    @FXML private ImageView photo;
    @FXML private ImageView signature;
    @FXML private Label fingerSummary;
    @FXML private Label photoSummary;
    @FXML private Label photoRule;
    @FXML private Region missingBox;
    @FXML private Label missing;
    @FXML private javafx.scene.layout.FlowPane missingLinks;
    @FXML private Region verdictBox;
    @FXML private Label verdict;
    @FXML private Hyperlink openExisting;
    @FXML private Region checkBox;
    @FXML private ProgressBar checkProgress;
    @FXML private Label checkText;
    @FXML private VBox candidates;
    @FXML private GridPane overrideForm;
    @FXML private TextField supervisorId;
    @FXML private PasswordField supervisorPin;
    @FXML private Label overrideReasonLabel;
    @FXML private TextField overrideReason;
    @FXML private Button overrideButton;
    @FXML private Button reviewLater;
    @FXML private Region doneBox;
    @FXML private Label doneText;
    @FXML private Label receiptText;
    @FXML private javafx.scene.layout.VBox receiptBox;
    @FXML private javafx.scene.layout.HBox approveBox;
    @FXML private TextField approverId;
    @FXML private PasswordField approverPin;
    @FXML private Label working;
    @FXML private Button commitButton;
    private EnrollmentSession session;
    private EnrollController wizard;
    private EnrollmentRecord record;
    private DuplicateCheck.SameNik sameNik;
    private CheckView check;
    private SupervisorDecision decision;
    /** The receipt's print, preview and save-as-PDF; the PDF stays in memory (it names the citizen). */
    private ReceiptPane receipt;

    public ReviewController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        Facts.prepare(facts, Facts.ROW_COUNT);
        check = new CheckView(ctx, checkBox, checkProgress, checkText, candidates);
        decision = new SupervisorDecision(ctx, this, new SupervisorDecision.Form(verdictBox, verdict, openExisting, overrideForm, supervisorId, supervisorPin,
                overrideReasonLabel, overrideReason, overrideButton, reviewLater));
        receipt = new ReceiptPane(ctx, receiptBox, receiptText);
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.S && !commitButton.isDisabled()) {
                commit();
                e.consume();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.P && receipt.isReady()) {
                receipt.print();
                e.consume();
            }
        });
    }

    @Override
    public void bind(EnrollmentSession session, EnrollController wizard) {
        this.session = session;
        this.wizard = wizard;
    }

    @Override
    public CommitFlow flow() {
        var store = ctx.session().store();
        return new CommitFlow(store.records(), store.operators(),
                new DuplicateCheck(store.records(), store.identification()), ctx.config().approvalMode());
    }

    @Override
    public void onShow() {
        if (record != null && doneBox.isVisible()) {
            return;
        }
        List<String> gaps = new ArrayList<>();
        boolean biodataOk = new BiodataValidator(ctx.services().nikCheck(), Clock.systemDefaultZone())
                .validate(session.form()).values().stream().noneMatch(m -> m.blocking());
        if (!biodataOk) {
            gaps.add("review.missing.biodata");
        }
        gaps.addAll(session.missing());
        show(missingBox, !gaps.isEmpty());
        missing.setText(ctx.text("review.missingHead"));
        var firstGap = ReviewGaps.show(missingLinks, gaps, k -> ctx.text(k), wizard::go);
        commitButton.setDisable(!gaps.isEmpty());
        if (firstGap != null) {
            firstGap.requestFocus();
        }
        if (biodataOk) {
            Facts.fill(facts, Facts.rows(session.demographics(ctx.services().regions()), ctx.bundle()));
        }
        // Decoded on a worker: a JPEG and a PNG decoded on the FX thread froze the review's first display.
        session.photo().ifPresent(p -> {
            decodeInto(photo, p.jpeg());
            photoSummary.setText(ctx.text("review.device", id.rekam.app.ui.DeviceNames.of(p.provenance().device(), ctx.bundle())));
        });
        showBackdrop();
        session.signature().ifPresent(s -> decodeInto(signature, s.png()));
        fingerSummary.setText(session.fingers().isEmpty() ? ctx.text("review.missing.fingers")
                : Facts.fingerSummary(new ArrayList<>(session.fingers().values()), ctx.bundle()));
        if (gaps.isEmpty()) {
            commitButton.requestFocus();
        }
    }

    /**
     * The backdrop rule beside the photo, measured by core's rule as the approval screen does: a
     * photo kept despite the wrong colour is said again here, before saving, not only once.
     */
    private void showBackdrop() {
        var required = session.requiredBackground();
        var jpeg = session.photo().map(p -> p.jpeg());
        photoRule.setText("");
        if (required.isEmpty() || jpeg.isEmpty()) {
            return;
        }
        String rule = ctx.text("photo.bg." + required.get().name(), session.birthDate().map(d -> d.getYear()).orElse(0));
        ctx.async(() -> ReviewFlags.backdrop(jpeg.get(), required.get()), b -> {
            boolean wrong = !b.follows();
            photoRule.setText(wrong ? ctx.text("review.background.wrong", rule, b.seen()
                    .map(s -> ctx.text("photo.color." + s.name())).orElse(ctx.text("photo.color.none")))
                    : ctx.text("review.background.ok", rule));
            photoRule.getStyleClass().setAll("label", wrong ? "flag-bad" : "quality-ok");
        }, e -> photoRule.setText(ctx.explain(e)));
    }

    private void decodeInto(ImageView view, byte[] encoded) {
        ctx.async(() -> new Image(new ByteArrayInputStream(encoded)), view::setImage,
                e -> LOG.warn("review: image not decoded: {}", e.toString()));
    }

    @FXML
    void commit() {
        record = session.toRecord(ctx.services().regions(), ctx.config().stationId(),
                ctx.session().operator().id(), Instant.now());
        busy(ctx.text("review.checking"));
        show(verdictBox, false);
        decision.reset();
        CommitFlow flow = flow();
        EnrollmentRecord r = record;
        DuplicateCheck.Progress progress = check.start();
        ctx.async(() -> {
            DuplicateCheck.Result result;
            try {
                result = flow.check(r, progress);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ctx.text("review.checkInterrupted"), e);
            }
            return result instanceof DuplicateCheck.Clear ? new Done(flow.commit(r, ctx.session().operator(), null))
                    : result;
        }, this::checked, this::failed);
    }

    private record Done(RecordStatus status) {
    }

    private void checked(Object outcome) {
        busy(null);
        if (outcome instanceof Done d) {
            check.finished(List.of());
            committed(d.status());
        } else if (outcome instanceof DuplicateCheck.SameNik same) {
            check.hide();
            sameNik = same;
            verdict.setText(ctx.text("review.sameNik", same.existing().fullName(),
                    same.existing().id().value().substring(0, 8)));
            show(verdictBox, true);
            show(openExisting, true);
            show(overrideForm, false);
            commitButton.setDisable(true);
            openExisting.requestFocus();
        } else if (outcome instanceof DuplicateCheck.PossibleDuplicate dup) {
            check.finished(dup.candidates());
            commitButton.setDisable(true);
            decision.possibleDuplicate();
            toTheEnd();
        } else if (outcome instanceof DuplicateCheck.NeedsReview review) {
            check.finished(review.candidates());
            commitButton.setDisable(true);
            decision.needsReview(review);
            toTheEnd();
        }
    }

    /**
     * The supervisor's form is at the foot of the page: scroll it into view once laid out. Laid out
     * here first: the scroll pane keeps its offset in pixels when its content grows, so "the end"
     * set before the form had its height stopped above it.
     */
    private void toTheEnd() {
        javafx.application.Platform.runLater(() -> {
            root.applyCss();
            root.layout();
            root.setVvalue(root.getVmax());
        });
    }

    @FXML
    void overrideCommit() {
        decision.decide();
    }

    @FXML
    void reviewLater() {
        decision.later();
    }

    @Override
    public EnrollmentRecord record() {
        return record;
    }

    @Override
    public void committed(RecordStatus status) {
        wizard.committed();
        commitButton.setDisable(true);
        // Saved once: only the done box and its actions stay, not a dead "save" button.
        show(commitButton, false);
        Receipts receipts = new Receipts(ctx.session().store().records(), ctx.bundle(),
                ctx.session().officeName(), ZoneId.systemDefault());
        EnrollmentRecord r = record;
        String statusText = ctx.text("recordStatus." + status.name());
        doneText.setText(ctx.text("review.done", r.demographics().fullName(), statusText));
        show(doneBox, true);
        // Per-record approval at an operator's desk: the supervisor approves right here.
        show(approveBox, status == RecordStatus.WAITING_APPROVAL
                && ctx.config().approvalMode() == id.rekam.app.AppConfig.ApprovalMode.PER_RECORD);
        ctx.async(() -> receipts.render(r, status), pdf -> {
            receipt.ready(pdf, r.id().value().substring(0, 8));
            receiptText.setText(ctx.text("review.receiptReady"));
        }, this::failed);
        doneBox.lookup("#printReceipt").requestFocus();
    }

    @FXML
    void approveNow() {
        char[] pin = approverPin.getText().toCharArray();
        approverPin.clear();
        CommitFlow flow = flow();
        EnrollmentRecord r = record;
        String id = approverId.getText().trim();
        ctx.async(() -> flow.supervisor(id, pin).map(sup -> {
            flow.approve(r, sup);
            return true;
        }).orElse(false), ok -> {
            if (ok) {
                show(approveBox, false);
                doneText.setText(ctx.text("review.done", r.demographics().fullName(),
                        ctx.text("recordStatus." + RecordStatus.WAITING_SYNC.name())));
            } else {
                receiptText.setText(ctx.text("review.notSupervisor"));
            }
        }, this::failed);
    }

    @FXML
    void printReceipt() {
        receipt.print();
    }

    @FXML
    void nextCitizen() {
        ctx.navigator().show(Screen.ENROLL);
    }

    @FXML
    void openExisting() {
        var id = sameNik.existing().id();
        ctx.navigator().showRecord(id);
    }


    @Override
    public void failed(Throwable e) {
        busy(null);
        verdict.setText(ctx.text("review.failed", ctx.explain(e)));
        show(verdictBox, true);
    }

    @Override
    public void busy(String text) {
        working.setText(text == null ? "" : text);
        // A failure after the record is saved (receipt, approval) must not re-arm Ctrl+S.
        commitButton.setDisable(text != null || done());
    }

    @Override
    public void show(javafx.scene.Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }

    @Override
    public boolean done() {
        return record != null && doneBox.isVisible();
    }
}
