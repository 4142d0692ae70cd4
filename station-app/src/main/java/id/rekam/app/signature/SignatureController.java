package id.rekam.app.signature;

import id.rekam.app.enroll.EnrollController;
import id.rekam.app.enroll.EnrollmentSession;
import id.rekam.app.enroll.Step;
import id.rekam.app.ui.AppContext;
import id.rekam.core.domain.CaptureProvenance;
import id.rekam.core.domain.DeviceRef;
import id.rekam.core.domain.SignatureCapture;
import id.rekam.core.signature.CannotSign;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.time.Instant;

/** Step 4: the citizen signs on the pad; strokes are kept as vectors and rendered to PNG. */
public final class SignatureController implements Step {

    /** The on-screen pad is part of this station, not a separate device. */
    static final DeviceRef ON_SCREEN_PAD = new DeviceRef("ONSCREEN-PAD", "signature", "on-screen pad", "", "", false);
    /** Fewer points than this is a tap, not a signature. */
    static final int MIN_POINTS = 12;

    private final AppContext ctx;
    @FXML private VBox root;
    @FXML private StackPane padHolder;
    @FXML private Label message;
    @FXML private javafx.scene.control.Button nextButton;
    private SignaturePad pad;
    private EnrollmentSession session;
    private EnrollController wizard;
    /** Bumped by every keep and every change of the ink: only the newest encoding is kept. */
    private int keeping;

    public SignatureController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        pad = new SignaturePad(640, 240);
        pad.setId("signaturePad");
        padHolder.getChildren().add(pad);
        pad.setOnChange(() -> {
            keeping++; // a capture still being encoded is for the old ink
            session.signature(null);
            message.setText("");
            wizard.refreshSteps();
        });
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                next();
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.F7) {
                clear();
                e.consume();
            } else if (e.getCode() == KeyCode.F8) {
                cannotSign();
                e.consume();
            }
        });
    }

    @Override
    public void bind(EnrollmentSession session, EnrollController wizard) {
        this.session = session;
        this.wizard = wizard;
    }

    @FXML
    void clear() {
        pad.clear();
    }

    /**
     * Keeps the signature if there is one, then runs {@code then}; false (with a message) when the
     * pad is (almost) empty. The snapshot is taken here; the PNG is encoded on a worker thread
     * (it took 0.2–0.9 s on the FX thread), so {@code then} runs once the capture is in the session.
     */
    boolean keep(Runnable then) {
        int points = pad.strokes().pointCount();
        if (points < MIN_POINTS) {
            // A visible mark that is too short is not "no signature": say what is wrong with it.
            message.setText(ctx.text(points == 0 ? "signature.empty" : "signature.tooShort"));
            return false;
        }
        var ink = pad.ink();
        String json = pad.json();
        CaptureProvenance provenance = new CaptureProvenance(ON_SCREEN_PAD, ctx.session().operator().id(), Instant.now());
        int version = ++keeping;
        ctx.async(() -> new SignatureCapture(SignaturePad.png(ink), json, provenance), capture -> {
            if (version == keeping) {
                session.signature(capture);
                wizard.refreshSteps();
                then.run();
            }
        }, e -> message.setText(ctx.explain(e)));
        return true;
    }

    /** Keeps the new signature; with none drawn, a signature already kept (a correction's) moves on as it is. */
    @FXML
    void next() {
        if (pad.strokes().pointCount() == 0 && session.signature().isPresent()) {
            wizard.next();
            return;
        }
        keep(wizard::next);
    }

    /**
     * The citizen cannot sign: the record says so in words (an image of them, no strokes, core's
     * {@code CannotSign} device), and the supervisor sees it flagged at approval.
     */
    @FXML
    void cannotSign() {
        pad.clear();
        javafx.scene.canvas.Canvas words = new javafx.scene.canvas.Canvas(640, 240);
        var g = words.getGraphicsContext2D();
        g.setFill(javafx.scene.paint.Color.web("#10243f"));
        g.setFont(javafx.scene.text.Font.font(28));
        g.setTextAlign(javafx.scene.text.TextAlignment.CENTER);
        g.fillText(ctx.text("signature.cannotSign.words"), 320, 130);
        javafx.scene.SnapshotParameters p = new javafx.scene.SnapshotParameters();
        p.setFill(javafx.scene.paint.Color.TRANSPARENT);
        var ink = words.snapshot(p, null);
        CaptureProvenance provenance = new CaptureProvenance(CannotSign.device(ctx.session().officeName()),
                ctx.session().operator().id(), Instant.now());
        int version = ++keeping;
        ctx.async(() -> new SignatureCapture(SignaturePad.png(ink), "[]", provenance), capture -> {
            if (version == keeping) {
                session.signature(capture);
                message.setText(ctx.text("signature.cannotSign.kept"));
                wizard.refreshSteps();
                wizard.next();
            }
        }, e -> message.setText(ctx.explain(e)));
    }

    /**
     * The focus goes to "next" (Enter moves on once the citizen has signed), not to the first
     * button in the step: that was "cannot sign", which a Space meant for nothing would press.
     */
    @Override
    public void onShow() {
        nextButton.requestFocus();
    }

    @Override
    public void onHide() {
        if (session.signature().isEmpty() && pad.strokes().pointCount() >= MIN_POINTS) {
            keep(wizard::refreshShown);
        }
    }

    @Override
    public boolean done() {
        return session != null && session.signature().isPresent();
    }
}
