package id.rekam.app.cases;

import javafx.scene.Node;
import javafx.scene.control.Label;

/** Small things every case view does the same way: show or hide a pane, say what happened. */
final class CaseViews {

    private CaseViews() {
    }

    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** Dates typed and shown day first, as Indonesian forms write them, whatever the machine's locale. */
    static void dayFirst(javafx.scene.control.DatePicker picker) {
        picker.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(java.time.LocalDate d) {
                return d == null ? "" : DAY.format(d);
            }

            @Override
            public java.time.LocalDate fromString(String s) {
                try {
                    return s == null || s.isBlank() ? null : java.time.LocalDate.parse(s.strip(), DAY);
                } catch (java.time.format.DateTimeParseException e) {
                    return null;
                }
            }
        });
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
