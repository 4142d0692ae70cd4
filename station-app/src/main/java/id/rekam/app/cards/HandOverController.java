package id.rekam.app.cards;

import id.rekam.app.ports.FingerprintService;
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

    @FXML private TextField query;
    @FXML private Label cardInfo;
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
    }

    @FXML
    void find() {
        String q = query.getText();
        ctx.async(() -> {
            List<Card> found = desk.handOver().lookup(q);
            Card c = found.stream().filter(x -> x.state() == id.rekam.core.cards.CardState.ASSIGNED).findFirst()
                    .orElse(found.isEmpty() ? null : found.get(0));
            CardOwner owner = c == null ? null : desk.registry().owner(c.serial()).orElse(null);
            return new Object[] {c, owner};
        }, r -> {
            card = (Card) r[0];
            CardOwner owner = (CardOwner) r[1];
            showSupervisor(false);
            if (card == null) {
                cardInfo.setText(text.getString("handover.none"));
                scanFinger.setDisable(true);
                return;
            }
            cardInfo.setText(java.text.MessageFormat.format(text.getString("handover.cardInfo"), card.serial(),
                    text.getString("state." + card.state().name()),
                    owner == null || owner.fullName() == null ? "-" : owner.fullName(),
                    owner == null ? "-" : owner.nik().masked()));
            if (card.state() != id.rekam.core.cards.CardState.ASSIGNED || card.recordId() == null) {
                // Say why now rather than after the owner has placed a finger.
                scanFinger.setDisable(true);
                BatchController.show(message, false, java.text.MessageFormat.format(text.getString(
                        card.recordId() == null && card.state() == id.rekam.core.cards.CardState.ASSIGNED
                                ? "handover.noRecord" : "handover.notAssigned"),
                        card.serial(), text.getString("state." + card.state().name())));
                return;
            }
            scanFinger.setDisable(false);
            message.getStyleClass().removeAll("card-ok", "card-error");
            message.setText(text.getString("handover.ready"));
        }, e -> {
            card = null;
            cardInfo.setText("");
            scanFinger.setDisable(true);
            showSupervisor(false);
            fail(e);
        });
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
