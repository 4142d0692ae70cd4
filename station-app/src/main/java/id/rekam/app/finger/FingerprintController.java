package id.rekam.app.finger;

import id.rekam.app.enroll.EnrollController;
import id.rekam.app.enroll.EnrollmentSession;
import id.rekam.app.enroll.Step;
import id.rekam.app.ports.FingerprintService;
import id.rekam.app.ports.FingerprintService.FingerSample;
import id.rekam.app.ui.AppContext;
import id.rekam.app.ui.DeviceNames;
import id.rekam.core.domain.CaptureProvenance;
import id.rekam.core.domain.FingerException;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.domain.FingerprintCapture;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** Step 3: the ten fingers in order, quality per finger, up to three tries, exceptions with a reason. */
public final class FingerprintController implements Step {

    private static final FingerPosition[] ORDER = FingerPosition.values();

    private final AppContext ctx;
    private final Map<FingerPosition, FingerAttempts> attempts = new EnumMap<>(FingerPosition.class);
    private final Map<FingerPosition, Label> statusLabels = new EnumMap<>(FingerPosition.class);
    private final Map<FingerPosition, HBox> rowBoxes = new EnumMap<>(FingerPosition.class);
    @FXML private VBox root;
    @FXML private StackPane diagramHolder;
    @FXML private ImageView printImage;
    @FXML private Label currentFinger;
    @FXML private Label instruction;
    @FXML private Button scanButton;
    @FXML private Button acceptBest;
    @FXML private ComboBox<FingerException> reason;
    @FXML private Button exceptionButton;
    @FXML private VBox rows;
    @FXML private Label deviceLabel;
    private HandDiagram diagram;
    private EnrollmentSession session;
    private EnrollController wizard;
    private FingerPosition current = ORDER[0];
    private boolean scanning;

    public FingerprintController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        diagram = new HandDiagram(ctx.text("fingers.rightHand"), ctx.text("fingers.leftHand"));
        diagram.setAlignment(javafx.geometry.Pos.CENTER);
        diagramHolder.getChildren().add(diagram);
        for (FingerPosition p : ORDER) {
            Label name = new Label(p.isoCode() + ". " + ctx.text("finger." + p.name()));
            Label status = new Label("–");
            status.setId("status-" + p.name());
            // "Jari tengah kanan  kualitas 84" whole: cut to "Jari tengah ka…  kualitas …" the list said nothing.
            name.setMinWidth(Region.USE_PREF_SIZE);
            status.setMinWidth(Region.USE_PREF_SIZE);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox row = new HBox(8, name, gap, status);
            row.getStyleClass().add("finger-row");
            row.setOnMouseClicked(e -> select(p));
            statusLabels.put(p, status);
            rowBoxes.put(p, row);
            rows.getChildren().add(row);
        }
        reason.getItems().setAll(FingerException.values());
        reason.setConverter(new StringConverter<>() {
            @Override
            public String toString(FingerException r) {
                return r == null ? "" : ctx.text("exception." + r.name());
            }

            @Override
            public FingerException fromString(String s) {
                return null;
            }
        });
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
    }

    /**
     * Space/F5 scan wherever the focus is (a focused "accept best" button used to take the Space),
     * except in the reason list, where Space and Enter choose; Enter on a chosen reason records
     * the exception, Enter elsewhere moves on.
     */
    private void keys(KeyEvent e) {
        boolean inReason = e.getTarget() == reason;
        if (e.getCode() == KeyCode.F5 || (e.getCode() == KeyCode.SPACE && !inReason)) {
            scan();
        } else if (e.getCode() == KeyCode.F6 && !acceptBest.isDisabled()) {
            acceptBest();
        } else if (e.getCode() == KeyCode.F8) {
            reason.requestFocus();
            reason.show();
        } else if (e.getCode() == KeyCode.ENTER && inReason && !reason.isShowing() && reason.getValue() != null) {
            recordException();
        } else if (e.getCode() == KeyCode.ENTER && !inReason) {
            next();
        } else {
            return;
        }
        e.consume();
    }

    @Override
    public void bind(EnrollmentSession session, EnrollController wizard) {
        this.session = session;
        this.wizard = wizard;
        select(ORDER[0]);
    }

    @Override
    public void onShow() {
        deviceLabel.setText(ctx.text("fingers.device", DeviceNames.of(ctx.services().scanner().device(), ctx.bundle())));
        scanButton.requestFocus();
        // A SIMULATED scanner (demo) places this person's fingers; a real one ignores it.
        ctx.services().scanner().personAtDesk(session.get(id.rekam.app.enroll.Field.NIK));
    }

    private void select(FingerPosition p) {
        current = p;
        attempts.putIfAbsent(p, new FingerAttempts());
        currentFinger.setText(ctx.text("fingers.current", p.isoCode(), ctx.text("finger." + p.name())));
        FingerAttempts a = attempts.get(p);
        instruction.setText(a.attempts() == 0 ? ctx.text("fingers.place")
                : ctx.text("fingers.attempt", a.attempts(), FingerAttempts.MAX_ATTEMPTS));
        acceptBest.setDisable(!a.exhausted());
        reason.setValue(null);
        redraw();
    }

    private void redraw() {
        for (FingerPosition p : ORDER) {
            FingerprintCapture c = session.fingers().get(p);
            HandDiagram.State s = c == null ? HandDiagram.State.PENDING
                    : !c.hasPrint() ? HandDiagram.State.EXCEPTION
                    : c.quality() < FingerAttempts.MIN_QUALITY ? HandDiagram.State.LOW : HandDiagram.State.OK;
            diagram.set(p, p == current && c == null ? HandDiagram.State.CURRENT : s);
            statusLabels.get(p).setText(c == null ? "–" : c.hasPrint() ? ctx.text("fingers.quality", c.quality())
                    : ctx.text("exception." + c.exception().name()));
            rowBoxes.get(p).getStyleClass().remove("current");
            if (p == current) {
                rowBoxes.get(p).getStyleClass().add("current");
            }
        }
        wizard.refreshSteps();
    }

    @FXML
    void scan() {
        if (scanning || session.fingers().containsKey(current)) {
            return;
        }
        if (attempts.get(current).exhausted()) {
            instruction.setText(ctx.text("fingers.exhausted", attempts.get(current).best().quality()));
            return;
        }
        // The button stays enabled (a disabled button loses focus, and Space must keep working).
        scanning = true;
        instruction.setText(ctx.text("fingers.scanning"));
        FingerPosition p = current;
        FingerprintService scanner = ctx.services().scanner();
        ctx.async(() -> {
            try {
                return scanner.capture(p);
            } catch (FingerprintService.ScanException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, sample -> scanned(p, sample), e -> {
            scanning = false;
            instruction.setText(ctx.explain(e));
        });
    }

    private void scanned(FingerPosition p, FingerSample sample) {
        scanning = false;
        printImage.setImage(FingerImages.toImage(sample));
        FingerAttempts a = attempts.get(p);
        switch (a.record(sample)) {
            case ACCEPTED -> store(p, sample);
            case RETRY -> {
                instruction.setText(ctx.text("fingers.lowRetry", sample.quality(), a.attempts(),
                        FingerAttempts.MAX_ATTEMPTS));
                redraw();
            }
            case EXHAUSTED -> {
                instruction.setText(ctx.text("fingers.exhausted", a.best().quality()));
                acceptBest.setDisable(false);
                redraw();
            }
        }
    }

    @FXML
    void acceptBest() {
        FingerAttempts a = attempts.get(current);
        if (a != null && a.best() != null) {
            store(current, a.best());
        }
    }

    private void store(FingerPosition p, FingerSample s) {
        session.fingers().put(p, FingerprintCapture.print(p, s.template(), s.image(), s.imageFormat(), s.quality(),
                provenance()));
        advance();
    }

    @FXML
    void recordException() {
        if (reason.getValue() == null) {
            instruction.setText(ctx.text("fingers.reasonRequired"));
            reason.requestFocus();
            return;
        }
        session.fingers().put(current, FingerprintCapture.exception(current, reason.getValue(), provenance()));
        advance();
    }

    private CaptureProvenance provenance() {
        return new CaptureProvenance(ctx.services().scanner().device(), ctx.session().operator().id(), Instant.now());
    }

    private void advance() {
        for (FingerPosition p : ORDER) {
            if (!session.fingers().containsKey(p)) {
                select(p);
                scanButton.requestFocus();
                return;
            }
        }
        instruction.setText(ctx.text("fingers.allDone"));
        acceptBest.setDisable(true);
        redraw();
        root.lookup("#fingersNext").requestFocus();
    }

    @FXML
    void next() {
        if (!session.allFingersDone()) {
            instruction.setText(ctx.text("fingers.incomplete", ORDER.length - session.fingers().size()));
            return;
        }
        wizard.next();
    }

    @Override
    public boolean done() {
        return session != null && session.allFingersDone();
    }
}
