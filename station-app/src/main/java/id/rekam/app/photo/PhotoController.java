package id.rekam.app.photo;

import id.rekam.app.enroll.EnrollController;
import id.rekam.app.enroll.EnrollmentSession;
import id.rekam.app.enroll.Step;
import id.rekam.app.ui.AppContext;
import id.rekam.app.ui.DeviceNames;
import id.rekam.core.domain.CaptureProvenance;
import id.rekam.core.domain.PhotoCapture;
import id.rekam.core.photo.PhotoBackground;
import id.rekam.core.photo.PhotoQuality;
import id.rekam.core.photo.Portraits;
import javafx.embed.swing.SwingFXUtils;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;

/** Step 2: live preview, capture, 3:4 crop, quality and background-colour check, retake. */
public final class PhotoController implements Step {

    private final AppContext ctx;
    @FXML private VBox root;
    @FXML private ImageView live;
    @FXML private Label fps;
    @FXML private Label cameraName;
    @FXML private ImageView captured;
    @FXML private Label noPhoto;
    @FXML private Rectangle bgSwatch;
    @FXML private Label bgText;
    @FXML private Label verdict;
    @FXML private Label metrics;
    @FXML private Button captureButton;
    @FXML private Button nextButton;
    private EnrollmentSession session;
    private EnrollController wizard;
    private CameraFeed feed;
    private boolean capturing;

    public PhotoController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        var cam = ctx.services().camera();
        feed = new CameraFeed(cam, live, f -> fps.setText(String.format(Locale.ROOT, "%.0f fps", f)));
        // Space and F5 take the photo wherever the focus is in this step (the hint says so; a
        // focused "next" button used to take the Space and leave the step); Enter moves on.
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F5 || e.getCode() == KeyCode.SPACE) {
                capture();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                next();
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
    public void onShow() {
        // Named when shown: a wizard built ahead of time may predate the devices' start.
        cameraName.setText(ctx.text("photo.device", DeviceNames.of(ctx.services().camera().device(), ctx.bundle())));
        showRule();
        // A correction brings its photo along: show it, so the operator sees what is kept.
        session.photo().filter(p -> captured.getImage() == null).ifPresent(p -> ctx.async(
                () -> new javafx.scene.image.Image(new java.io.ByteArrayInputStream(p.jpeg())), img -> {
                    captured.setImage(img);
                    noPhoto.setVisible(false);
                }, e -> { }));
        feed.start();
        captureButton.requestFocus();
    }

    @Override
    public void onHide() {
        feed.stop();
    }

    private void showRule() {
        var required = session.requiredBackground();
        bgSwatch.setFill(required.map(b -> Color.web(b.web())).orElse(Color.LIGHTGRAY));
        bgText.setText(required.map(b -> ctx.text("photo.bg." + b.name(),
                        session.birthDate().map(d -> d.getYear()).orElse(0)))
                .orElse(ctx.text("photo.bg.unknown")));
    }

    @FXML
    void capture() {
        // A camera that failed keeps its last frame in the preview: that is not a photo of now.
        var failed = ctx.services().camera().failure();
        BufferedImage frame = failed.isPresent() ? null : feed.latest();
        if (frame == null) {
            verdict.setText(ctx.services().camera().failure().map(f -> ctx.explain(f, "camera"))
                    .orElse(ctx.text("photo.noFrame")));
            verdict.getStyleClass().setAll("label", "quality-bad");
            return;
        }
        PhotoBackground required = session.requiredBackground().orElse(null);
        var device = ctx.services().camera().device();
        String operatorId = ctx.session().operator().id();
        if (capturing) {
            return;
        }
        capturing = true;
        ctx.async(() -> {
            BufferedImage crop = Portraits.crop3x4(frame);
            return new Shot(crop, PhotoQuality.judge(crop, required), Portraits.jpeg(crop));
        }, shot -> {
            capturing = false;
            show(shot, new CaptureProvenance(device, operatorId, Instant.now()));
        }, e -> {
            capturing = false;
            verdict.setText(ctx.text("photo.failed", ctx.explain(e)));
        });
    }

    private record Shot(BufferedImage image, PhotoQuality.Verdict verdict, byte[] jpeg) {
    }

    private void show(Shot shot, CaptureProvenance provenance) {
        captured.setImage(SwingFXUtils.toFXImage(shot.image(), null));
        noPhoto.setVisible(false);
        metrics.setText(ctx.text("photo.metrics", Math.round(shot.verdict().brightness()),
                Math.round(shot.verdict().sharpness())));
        var blocking = shot.verdict().problems().stream()
                .filter(p -> p != PhotoQuality.Problem.WRONG_BACKGROUND).toList();
        if (blocking.isEmpty()) {
            // A wrong backdrop is the office's setup, not the citizen's: warn loudly, keep the photo.
            session.photo(new PhotoCapture(shot.jpeg(), provenance));
            boolean wrongBackground = !shot.verdict().ok();
            verdict.setText(wrongBackground ? ctx.text("photo.problem.WRONG_BACKGROUND") + "\n"
                    + ctx.text("photo.backgroundWarning") : ctx.text("photo.ok"));
            verdict.getStyleClass().setAll("label", wrongBackground ? "field-warning" : "quality-ok");
            captureButton.setText(ctx.text("photo.recapture"));
            captureButton.requestFocus();
        } else {
            session.photo(null);
            verdict.setText(blocking.stream().map(p -> ctx.text("photo.problem." + p.name()))
                    .collect(Collectors.joining("\n")) + "\n" + ctx.text("photo.retake"));
            verdict.getStyleClass().setAll("label", "quality-bad");
            captureButton.setText(ctx.text("photo.recapture"));
            captureButton.requestFocus();
        }
        wizard.refreshSteps();
    }

    @FXML
    void next() {
        if (session.photo().isEmpty()) {
            verdict.setText(ctx.text("photo.required"));
            verdict.getStyleClass().setAll("label", "quality-bad");
            return;
        }
        wizard.next();
    }

    @Override
    public boolean done() {
        return session != null && session.photo().isPresent();
    }
}
