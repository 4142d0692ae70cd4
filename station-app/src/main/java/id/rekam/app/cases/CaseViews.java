package id.rekam.app.cases;

import javafx.scene.Node;
import javafx.scene.control.Label;

/** Small things every case view does the same way: show or hide a pane, say what happened. */
final class CaseViews {

    private CaseViews() {
    }

    static void visible(Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }

    static void ok(Label l, String message) {
        l.getStyleClass().removeAll("case-error");
        if (!l.getStyleClass().contains("case-ok")) {
            l.getStyleClass().add("case-ok");
        }
        l.setText(message);
    }

    static void error(Label l, String message) {
        l.getStyleClass().removeAll("case-ok");
        if (!l.getStyleClass().contains("case-error")) {
            l.getStyleClass().add("case-error");
        }
        l.setText(message);
    }
}
