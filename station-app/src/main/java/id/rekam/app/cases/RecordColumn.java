package id.rekam.app.cases;

import id.rekam.core.cases.CaseRecord;
import id.rekam.core.cases.FieldDifference;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.io.ByteArrayInputStream;
import java.util.Set;

/**
 * One record of a case as a column of the case file: its photo, then its biodata, where, when and
 * on which station it was recorded. Fields that differ from the other record carry the style class
 * {@code case-diff}; every value label has an id ({@code <side>-<field>}) the tests and the
 * keyboard can find.
 */
final class RecordColumn {

    private RecordColumn() {
    }

    static Node of(CaseDesk desk, String side, String title, CaseRecord r, Set<FieldDifference> diffs) {
        VBox box = new VBox(8);
        box.getStyleClass().add("case-record");
        box.setId(side + "Record");
        Label heading = new Label(title);
        heading.getStyleClass().add("section-title");
        Label holding = new Label(desk.t("holding." + r.holding().name()));
        holding.getStyleClass().addAll("muted", "case-holding");
        holding.setWrapText(true);
        box.getChildren().addAll(heading, photo(desk, side, r), holding, grid(desk, side, r, diffs));
        return box;
    }

    private static Node photo(CaseDesk desk, String side, CaseRecord r) {
        StackPane frame = new StackPane();
        frame.getStyleClass().add("case-photo");
        frame.setMinSize(150, 190);
        frame.setMaxSize(150, 190);
        Image image = r.photo() == null ? null : new Image(new ByteArrayInputStream(r.photo()), 150, 190, true, true);
        if (image != null && !image.isError()) {
            ImageView view = new ImageView(image);
            view.setId(side + "-photo");
            frame.getChildren().add(view);
        } else {
            Label none = new Label(desk.t("photo.none"));
            none.setId(side + "-noPhoto");
            none.setWrapText(true);
            none.getStyleClass().add("muted");
            frame.getChildren().add(none);
        }
        StackPane.setAlignment(frame.getChildren().get(0), Pos.CENTER);
        return frame;
    }

    private static Node grid(CaseDesk desk, String side, CaseRecord r, Set<FieldDifference> diffs) {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(4);
        int row = 0;
        row = add(g, row, desk.t("field.registration"), r.registrationId(), side + "-registration", false);
        row = add(g, row, desk.t("field.nik"), r.nikShown(), side + "-nik", diffs.contains(FieldDifference.NIK));
        row = add(g, row, desk.t("field.name"), r.fullName(), side + "-name", diffs.contains(FieldDifference.FULL_NAME));
        String birth = (r.birthPlace() == null ? "" : r.birthPlace() + ", ")
                + (r.birthDate() == null ? "" : desk.date(r.birthDate()));
        row = add(g, row, desk.t("field.birth"), birth, side + "-birth",
                diffs.contains(FieldDifference.BIRTH_PLACE) || diffs.contains(FieldDifference.BIRTH_DATE));
        row = add(g, row, desk.t("field.gender"), r.gender() == null ? null : desk.t("gender." + r.gender().name()),
                side + "-gender", diffs.contains(FieldDifference.GENDER));
        String street = r.address() == null || r.address().street().isBlank() ? null
                : r.address().street() + (r.address().rt().isBlank() ? "" : " RT " + r.address().rt() + "/RW "
                + r.address().rw());
        row = add(g, row, desk.t("field.address"), street, side + "-address", diffs.contains(FieldDifference.ADDRESS));
        String village = r.address() == null ? null : desk.service().villageName(r.address().villageCode());
        row = add(g, row, desk.t("field.village"), village, side + "-village", diffs.contains(FieldDifference.VILLAGE));
        row = add(g, row, desk.t("field.station"), r.stationId(), side + "-station", false);
        row = add(g, row, desk.t("field.office"), r.office() == null ? null
                : desk.service().villageName(r.office()) + " (" + r.office() + ")", side + "-office", false);
        row = add(g, row, desk.t("field.recorded"), desk.time(r.recordedAt()), side + "-recorded", false);
        add(g, row, desk.t("field.operator"), r.operator(), side + "-operator", false);
        return g;
    }

    private static int add(GridPane g, int row, String label, String value, String id, boolean differs) {
        Label l = new Label(label);
        l.getStyleClass().add("muted");
        Label v = new Label(value == null || value.isBlank() ? "-" : value);
        v.setId(id);
        v.setWrapText(true);
        v.setMaxWidth(330);
        if (differs) {
            v.getStyleClass().add("case-diff");
        }
        g.addRow(row, l, v);
        return row + 1;
    }
}
