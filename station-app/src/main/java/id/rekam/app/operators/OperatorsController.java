package id.rekam.app.operators;

import id.rekam.app.ports.Operator;
import id.rekam.app.ports.OperatorService;
import id.rekam.app.ui.AppContext;
import id.rekam.core.text.DeskTimes;
import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * The supervisor's list of the station's accounts and the form that adds one (operator,
 * supervisor or technician). The store enforces who may and what a password takes; this screen
 * checks the repeat and says the store's answer in the desk's language.
 */
public final class OperatorsController {

    private final AppContext ctx;
    @FXML private ListView<OperatorService.Account> accounts;
    @FXML private TextField newId;
    @FXML private ChoiceBox<Operator.Role> role;
    @FXML private PasswordField password;
    @FXML private PasswordField passwordAgain;
    @FXML private Label message;

    public OperatorsController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        role.getItems().setAll(Operator.Role.values());
        role.setValue(Operator.Role.OPERATOR);
        role.setConverter(new StringConverter<>() {
            @Override
            public String toString(Operator.Role r) {
                return r == null ? "" : ctx.text("role." + r.name());
            }

            @Override
            public Operator.Role fromString(String s) {
                return null;
            }
        });
        accounts.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(OperatorService.Account a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : ctx.text("operators.row", a.id(), ctx.text("role." + a.role().name()),
                        DeskTimes.format(a.createdAt(), ZoneId.systemDefault())));
            }
        });
        newId.sceneProperty().addListener((o, a, s) -> {
            if (s != null) {
                newId.requestFocus();
            }
        });
        load();
    }

    private void load() {
        var operators = ctx.session().store().operators();
        ctx.async(operators::accounts, list -> accounts.getItems().setAll(list), e -> say(false, ctx.explain(e)));
    }

    /** Enter moves through the form and adds the account from the last field. */
    @FXML
    private void next() {
        for (TextField f : List.of(newId, password, passwordAgain)) {
            if (f.getText().isEmpty()) {
                f.requestFocus();
                return;
            }
        }
        add();
    }

    @FXML
    private void add() {
        String id = newId.getText().strip();
        if (id.isEmpty()) {
            say(false, ctx.text("login.idRequired"));
            newId.requestFocus();
            return;
        }
        if (!password.getText().equals(passwordAgain.getText())) {
            say(false, ctx.text("login.pinMismatch"));
            passwordAgain.clear();
            passwordAgain.requestFocus();
            return;
        }
        char[] secret = password.getText().toCharArray();
        password.clear();
        passwordAgain.clear();
        Operator me = ctx.session().operator();
        Operator.Role chosen = role.getValue();
        var operators = ctx.session().store().operators();
        ctx.async(() -> {
            try {
                return operators.createAccount(me, id, chosen, secret);
            } finally {
                Arrays.fill(secret, '\0');
            }
        }, op -> {
            newId.clear();
            say(true, ctx.text("operators.added", op.id(), ctx.text("role." + op.role().name())));
            load();
            newId.requestFocus();
        }, e -> {
            say(false, ctx.explain(e));
            password.requestFocus();
        });
    }

    private void say(boolean ok, String text) {
        message.getStyleClass().setAll("label", ok ? "quality-ok" : "field-error");
        message.setText(text);
    }
}
