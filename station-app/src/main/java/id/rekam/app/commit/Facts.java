package id.rekam.app.commit;

import id.rekam.app.enroll.BirthDates;
import id.rekam.core.domain.Demographics;
import id.rekam.core.domain.FingerprintCapture;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.List;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/** The biodata as label/value rows, as on the card; shared by the review and the read-only record view. */
public final class Facts {

    private Facts() {
    }

    public static List<String[]> rows(Demographics d, ResourceBundle b) {
        var a = d.address();
        return List.of(
                new String[] {b.getString("field.NIK"), d.nik().value()},
                new String[] {b.getString("field.FULL_NAME"), d.fullName()},
                new String[] {b.getString("review.birth"), d.birthPlace() + ", " + BirthDates.format(d.birthDate())},
                new String[] {b.getString("field.GENDER"), b.getString("enum.Gender." + d.gender().name())},
                new String[] {b.getString("field.BLOOD_TYPE"), d.bloodType().printed()},
                new String[] {b.getString("field.STREET"), a.street()},
                new String[] {b.getString("review.rtrw"), a.rt() + "/" + a.rw()},
                new String[] {b.getString("field.VILLAGE"), a.villageName()},
                new String[] {b.getString("field.DISTRICT"), a.districtName()},
                new String[] {b.getString("review.regencyProvince"), a.regencyName() + ", " + a.provinceName()},
                new String[] {b.getString("field.RELIGION"), b.getString("enum.Religion." + d.religion().name())},
                new String[] {b.getString("field.MARITAL_STATUS"),
                        b.getString("enum.MaritalStatus." + d.maritalStatus().name())},
                new String[] {b.getString("field.OCCUPATION"), d.occupation()},
                new String[] {b.getString("field.CITIZENSHIP"), d.citizenship().name()});
    }

    /** How many rows {@link #rows} gives: the review lays out that many empty rows ahead of time. */
    public static final int ROW_COUNT = 14;

    /**
     * Two label/value columns. When the grid already holds a row for each (the review builds
     * them empty ahead of its first display), only the texts change: 28 new labels styled and
     * skinned at once were most of the review's first-display freeze.
     */
    public static void fill(GridPane grid, List<String[]> rows) {
        if (grid.getChildren().size() == rows.size() * 2) {
            for (int i = 0; i < rows.size(); i++) {
                ((Label) grid.getChildren().get(2 * i)).setText(rows.get(i)[0]);
                ((Label) grid.getChildren().get(2 * i + 1)).setText(rows.get(i)[1]);
            }
            return;
        }
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        // Keys wrap rather than end in "…": in the review (next to the biometrics card) and on a
        // 1024 px screen "Status perkawinan" or "Kewarganegaraan" did not fit a 19 % column.
        for (double pct : new double[] {22, 28, 22, 28}) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(pct);
            grid.getColumnConstraints().add(c);
        }
        int half = (rows.size() + 1) / 2;
        for (int i = 0; i < rows.size(); i++) {
            Label k = new Label(rows.get(i)[0]);
            k.getStyleClass().add("review-key");
            k.setWrapText(true);
            Label v = new Label(rows.get(i)[1]);
            v.getStyleClass().add("review-value");
            v.setWrapText(true);
            int col = i < half ? 0 : 2;
            int row = i < half ? i : i - half;
            grid.add(k, col, row);
            grid.add(v, col + 1, row);
        }
    }

    /** Empty rows, to be filled later by {@link #fill}. */
    public static void prepare(GridPane grid, int rowCount) {
        fill(grid, Collections.nCopies(rowCount, new String[] {"", ""}));
    }

    /** "9 sidik jari, 1 pengecualian: Kelingking kiri (diperban)". */
    public static String fingerSummary(List<FingerprintCapture> fingers, ResourceBundle b) {
        long prints = fingers.stream().filter(FingerprintCapture::hasPrint).count();
        List<FingerprintCapture> ex = fingers.stream().filter(f -> !f.hasPrint()).toList();
        String head = new MessageFormat(b.getString("review.fingers"), b.getLocale()).format(new Object[] {prints});
        if (ex.isEmpty()) {
            return head;
        }
        return head + "\n" + b.getString("review.exceptions") + " " + ex.stream()
                .map(f -> b.getString("finger." + f.position().name()) + " ("
                        + b.getString("exception." + f.exception().name()) + ")")
                .collect(Collectors.joining(", "));
    }
}
