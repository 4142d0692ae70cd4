package id.rekam.app.cards;

import id.rekam.app.ports.FingerprintService;
import id.rekam.app.ports.RecordStatus;
import id.rekam.app.signature.SignaturePad;
import id.rekam.app.ui.AppContext;
import id.rekam.core.cards.Card;
import id.rekam.core.cards.CardException;
import id.rekam.core.cards.CardOwner;
import id.rekam.core.cards.HandOver;
import id.rekam.core.cards.HandOverRequest;
import id.rekam.core.cards.SecondFactor;
import id.rekam.core.cards.SupervisorOverride;
import id.rekam.core.domain.FingerPosition;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.ResourceBundle;

/**
 * Hand-over at the desk: find the card (NIK or scanned QR/serial), the owner signs and places a
 * finger; the camera takes the recipient's photo at that moment. A failed match opens the
 * supervisor exception, which needs the supervisor's own account and password.
 */
public final class HandOverController {

    private final AppContext ctx;
    private final CardDesk desk;
    private final ResourceBundle text;
    private Card card;
    private byte[] lastProbe;
    private byte[] lastPhoto;

    @FXML private VBox page;
    @FXML private TextField query;
    @FXML private Label cardInfo;
    @FXML private javafx.scene.layout.FlowPane chain;
    @FXML private Label nextStep;
    @FXML private Pane signatureHolder;
    @FXML private Button scanFinger;
    @FXML private Label message;
    @FXML private VBox supervisorPane;
    @FXML private TextField supervisorId;
    @FXML private PasswordField supervisorPassword;
    @FXML private TextField exceptionReason;
    @FXML private RadioButton factorKk;
    @FXML private RadioButton factorPhoto;
    @FXML private TextField factorValue;
    private final ToggleGroup factor = new ToggleGroup();
    private SignaturePad pad;

    public HandOverController(AppContext ctx, CardDesk desk, ResourceBundle text) {
        this.ctx = ctx;
        this.desk = desk;
        this.text = text;
    }

    @FXML
    void initialize() {
        pad = new SignaturePad(420, 120);
        pad.setId("handoverSignature");
        signatureHolder.getChildren().setAll(pad);
        factorKk.setToggleGroup(factor);
        factorPhoto.setToggleGroup(factor);
        factorKk.setSelected(true);
        showSupervisor(false);
        scanFinger.setDisable(true);
        // Space scans once a card is ready (the hint says so), wherever the focus is but in a field.
        page.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.SPACE && !scanFinger.isDisabled()
                    && !(e.getTarget() instanceof javafx.scene.control.TextInputControl)
                    && !(e.getTarget() instanceof javafx.scene.control.ButtonBase)) {
                scan();
                e.consume();
            }
        });
    }

    /** What a look-up found: the card and its owner, or for a NIK without a card, its record's status. */
    private record Found(Card card, CardOwner owner, String nik, RecordStatus recordStatus) {
    }

    @FXML
    void find() {
        String q = query.getText();
        var records = ctx.session().store().records();
        ctx.async(() -> {
            List<Card> found = desk.handOver().lookup(q);
            Card c = found.stream().filter(x -> x.state() == id.rekam.core.cards.CardState.ASSIGNED).findFirst()
                    .orElse(found.isEmpty() ? null : found.get(0));
            CardOwner owner = c == null ? null : desk.registry().owner(c.serial()).orElse(null);
            String nik = q == null ? "" : q.strip();
            RecordStatus status = c == null && nik.matches("\\d{16}")
                    ? records.findByNik(id.rekam.core.domain.Nik.of(nik)).map(s -> s.status()).orElse(null) : null;
            return new Found(c, owner, nik, status);
        }, this::found, e -> {
            card = null;
            cardInfo.setText("");
            guide(null, null);
            scanFinger.setDisable(true);
            showSupervisor(false);
            fail(e);
        });
    }

    private void found(Found f) {
        card = f.card();
        CardOwner owner = f.owner();
        showSupervisor(false);
        message.setText("");
        message.getStyleClass().removeAll("card-ok", "card-error");
        if (card == null) {
            cardInfo.setText(text.getString("handover.none"));
            scanFinger.setDisable(true);
            if (f.recordStatus() == RecordStatus.PRINT_READY) {
                guide("PRINTED", text.getString("next.PRINT_READY"));
            } else if (f.recordStatus() != null) {
                guide(null, java.text.MessageFormat.format(text.getString("next.NOT_PRINTED"),
                        ctx.text("recordStatus." + f.recordStatus().name())));
            } else {
                guide(null, text.getString("next.NO_RECORD"));
            }
            return;
        }
        cardInfo.setText(java.text.MessageFormat.format(text.getString("handover.cardInfo"), card.serial(),
                text.getString("state." + card.state().name()),
                owner == null || owner.fullName() == null ? "-" : owner.fullName(),
                owner == null ? "-" : owner.nik().masked()));
        if (owner != null) {
            // A SIMULATED scanner (demo) places the owner's finger; a real one ignores this.
            ctx.services().scanner().personAtDesk(owner.nik().value());
        }
        boolean handable = card.state() == id.rekam.core.cards.CardState.ASSIGNED && card.recordId() != null;
        guide(card.state().name(), text.getString(card.state() == id.rekam.core.cards.CardState.ASSIGNED
                && card.recordId() == null ? "next.NO_OWNER_RECORD" : "next." + card.state().name()));
        if (!handable) {
            // Say why now rather than after the owner has placed a finger.
            scanFinger.setDisable(true);
            BatchController.show(message, false, java.text.MessageFormat.format(text.getString(
                    card.recordId() == null && card.state() == id.rekam.core.cards.CardState.ASSIGNED
                            ? "handover.noRecord" : "handover.notAssigned"),
                    card.serial(), text.getString("state." + card.state().name())));
            return;
        }
        scanFinger.setDisable(false);
        message.setText(text.getString("handover.ready"));
        scanFinger.requestFocus();
    }

    private void guide(String reached, String next) {
        CustodyChain.show(chain, reached, text);
        nextStep.setText(next == null ? "" : next);
    }

    @FXML
    void clearSignature() {
        pad.clear();
    }

    @FXML
    void scan() {
        if (card == null) {
            return;
        }
        byte[] signature = pad.strokes().isEmpty() ? null : pad.png();
        String operator = ctx.session().operator().id();
        String serial = card.serial();
        message.setText(text.getString("handover.placeFinger"));
        ctx.async(() -> {
            lastProbe = captureFinger();
            lastPhoto = photo();
            return desk.handOver().handOver(new HandOverRequest(serial, operator, lastProbe, lastPhoto, signature));
        }, this::done, e -> {
            fail(e);
            if (e instanceof CardException c && c.messageKey().equals("handover.noMatch")) {
                showSupervisor(true);
                supervisorId.requestFocus();
            }
        });
    }

    @FXML
    void approveException() {
        byte[] signature = pad.strokes().isEmpty() ? null : pad.png();
        String operator = ctx.session().operator().id();
        String serial = card.serial();
        SecondFactor second = factorKk.isSelected() ? SecondFactor.familyCard(factorValue.getText())
                : SecondFactor.photoComparison(factorValue.getText());
        SupervisorOverride override = new SupervisorOverride(supervisorId.getText(),
                supervisorPassword.getText().toCharArray(), exceptionReason.getText(), second);
        supervisorPassword.clear();
        ctx.async(() -> desk.handOver().handOverWithException(
                new HandOverRequest(serial, operator, lastProbe, lastPhoto == null ? photo() : lastPhoto, signature),
                override), this::done, this::fail);
    }

    private void done(HandOver h) {
        showSupervisor(false);
        guide(id.rekam.core.cards.CardState.HANDED_OVER.name(), text.getString("next.HANDED_OVER"));
        scanFinger.setDisable(true);
        message.getStyleClass().removeAll("card-error");
        message.getStyleClass().add("card-ok");
        message.setText(java.text.MessageFormat.format(text.getString(
                h.method() == HandOver.Method.FINGERPRINT ? "handover.done" : "handover.doneException"),
                h.serial(), Math.round(h.score()), h.supervisor()));
        cardInfo.setText(cardInfo.getText().replace(text.getString("state.ASSIGNED"), text.getString("state.HANDED_OVER")));
    }

    private void fail(Throwable e) {
        message.getStyleClass().removeAll("card-ok");
        if (!message.getStyleClass().contains("card-error")) {
            message.getStyleClass().add("card-error");
        }
        message.setText(desk.explain(e));
    }

    private void showSupervisor(boolean show) {
        supervisorPane.setVisible(show);
        supervisorPane.setManaged(show);
    }

    private byte[] captureFinger() {
        FingerprintService scanner = ctx.services().scanner();
        try {
            return scanner.capture(FingerPosition.RIGHT_INDEX).template();
        } catch (FingerprintService.ScanException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The recipient's photo, taken by the desk camera when the finger is placed. */
    private byte[] photo() {
        var camera = ctx.services().camera();
        camera.open();
        try {
            BufferedImage frame = null;
            for (int i = 0; i < 20 && frame == null; i++) {
                frame = camera.grab();
            }
            if (frame == null) {
                return null;
            }
            BufferedImage rgb = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(frame, 0, 0, null);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(rgb, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            camera.close();
        }
    }
}
