package id.rekam.app.ui;

import id.rekam.app.ports.OpenStore;
import id.rekam.app.ports.StoreGateway;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;


import java.util.Arrays;

/** First screen: the supervisor passphrase opens (or, on a new station, creates) the encrypted store. */
public final class UnlockController {

    private final AppContext ctx;
    @FXML private Label title;
    @FXML private Label explain;
    @FXML private PasswordField passphrase;
    @FXML private javafx.scene.layout.VBox repeatBox;
    @FXML private PasswordField passphraseAgain;
    @FXML private Label demoHint;
    @FXML private Label error;
    @FXML private Button unlockButton;
    @FXML private javafx.scene.control.Hyperlink setupLink;

    /** No store yet: this screen creates it. */
    private boolean creating;

    public UnlockController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        String demo = ctx.config().demoPassphrase();
        if (demo != null) {
            passphrase.setText(demo);
            demoHint.setText(ctx.text("unlock.demoHint", demo));
            demoHint.setVisible(true);
            demoHint.setManaged(true);
        }
        // A station without a store is set up by a technician first; where a station id is already
        // configured (rekam-store init, a launcher setting), the store can be created here, with
        // the passphrase typed twice and checked by core's passphrase rule.
        boolean fresh = !ctx.config().demo() && !ctx.services().store().exists();
        setupLink.setVisible(fresh);
        setupLink.setManaged(fresh);
        creating = fresh;
        if (creating) {
            title.setText(ctx.text("unlock.create.title"));
            explain.setText(ctx.text("unlock.create.explain"));
            unlockButton.setText(ctx.text("unlock.create.button"));
            repeatBox.setVisible(true);
            repeatBox.setManaged(true);
        }
        passphrase.sceneProperty().addListener((o, a, s) -> {
            if (s != null) {
                passphrase.requestFocus();
            }
        });
    }

    @FXML
    private void setup() {
        ctx.navigator().show(Screen.PROVISIONING);
    }

    /** Enter in the passphrase: opens the store, or (creating one) moves to the repeat field. */
    @FXML
    private void enter() {
        if (creating && passphraseAgain.getText().isEmpty()) {
            passphraseAgain.requestFocus();
        } else {
            unlock();
        }
    }

    @FXML
    private void unlock() {
        char[] secret = passphrase.getText().toCharArray();
        if (secret.length == 0) {
            error.setText(ctx.text("unlock.empty"));
            return;
        }
        if (creating && !refuseNewPassphrase(secret)) {
            return;
        }
        unlockButton.setDisable(true);
        error.getStyleClass().setAll("label", "muted");
        error.setText(ctx.text("unlock.working"));
        ctx.async(() -> {
            try {
                return ctx.services().store().unlock(secret);
            } catch (StoreGateway.WrongPassphraseException e) {
                return null;
            } finally {
                Arrays.fill(secret, '\0');
            }
        }, this::opened, e -> {
            unlockButton.setDisable(false);
            error.getStyleClass().setAll("label", "field-error");
            error.setText(ctx.text("unlock.failed", ctx.explain(e)));
        });
    }

    /** True when the new store's passphrase may be used: typed the same twice, accepted by the rule. */
    private boolean refuseNewPassphrase(char[] secret) {
        error.getStyleClass().setAll("label", "field-error");
        if (!passphrase.getText().equals(passphraseAgain.getText())) {
            error.setText(ctx.text("provisioning.passphraseMismatch"));
            passphraseAgain.clear();
            passphraseAgain.requestFocus();
            return false;
        }
        var weak = ctx.services().store().newStoreWeakness(secret);
        if (weak.isPresent()) {
            error.setText(ctx.explain(new StoreGateway.WeakPassphraseException(weak.get())));
            passphraseAgain.clear();
            passphrase.selectAll();
            passphrase.requestFocus();
            return false;
        }
        return true;
    }

    private void opened(OpenStore store) {
        unlockButton.setDisable(false);
        error.getStyleClass().setAll("label", "field-error");
        if (store == null) {
            error.setText(ctx.text("unlock.wrong"));
            passphrase.selectAll();
            passphrase.requestFocus();
            return;
        }
        passphrase.clear();
        passphraseAgain.clear();
        ctx.session().storeProperty().set(store);
        ctx.navigator().show(Screen.LOGIN);
    }
}
