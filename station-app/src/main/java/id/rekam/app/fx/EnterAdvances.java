package id.rekam.app.fx;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.util.List;

/** Enter in a field moves to the next field (as Tab does); Enter in the last one runs {@code onLast}. */
public final class EnterAdvances {

    private EnterAdvances() {
    }

    public static void install(List<? extends Node> order, Runnable onLast) {
        for (int i = 0; i < order.size(); i++) {
            Node node = order.get(i);
            int index = i;
            node.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() != KeyCode.ENTER || e.isShortcutDown()) {
                    return;
                }
                if (node instanceof ComboBox<?> combo && combo.isShowing()) {
                    return;
                }
                e.consume();
                Node next = nextEnabled(order, index);
                if (next == null) {
                    onLast.run();
                } else {
                    next.requestFocus();
                    // A prefilled value (birth date from the NIK) is typed over, not appended to.
                    if (next instanceof javafx.scene.control.TextInputControl t) {
                        t.selectAll();
                    }
                }
            });
        }
    }

    private static Node nextEnabled(List<? extends Node> order, int from) {
        for (int j = from + 1; j < order.size(); j++) {
            Node n = order.get(j);
            if (!n.isDisabled() && n.isVisible()) {
                return n;
            }
        }
        return null;
    }
}
