package id.rekam.app.provisioning;

import id.rekam.app.ui.AppContext;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

/**
 * The supervisor's failed-unlock choice at the first run: never erase (the default), or
 * crypto-erase after 5, 10 or 20 wrong passphrases in a row; the "even with records waiting"
 * box only means something once erasing is chosen. The rule itself is core's (UnlockPolicy).
 */
final class UnlockPolicyChoice {

    private UnlockPolicyChoice() {
    }

    static void bind(ComboBox<Integer> eraseAfter, CheckBox evenIfPending, AppContext ctx) {
        eraseAfter.getItems().setAll(0, 5, 10, 20);
        eraseAfter.setValue(0);
        eraseAfter.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer n) {
                return n == null || n == 0 ? ctx.text("provisioning.eraseAfter.never")
                        : ctx.text("provisioning.eraseAfter.n", n);
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        evenIfPending.disableProperty().bind(eraseAfter.valueProperty().isEqualTo(0));
    }
}
