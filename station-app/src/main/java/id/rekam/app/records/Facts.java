package id.rekam.app.records;

import id.rekam.app.enroll.BirthDates;
import id.rekam.core.domain.Demographics;
import id.rekam.core.domain.FingerprintCapture;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

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

    /** Keys wider than this wrap ("Alamat (jalan, nomor)"), leaving the width to the values. */
    private static final double KEY_MAX_WIDTH = 140;
    /** ... and never narrower than the longest key word ("Kewarganegaraan"), which must not break. */
    private static final double KEY_MIN_WIDTH = 116;
    private static final String ONE_PAIR = "rekam.facts.onePair";
    private static final double ONE_PAIR_BELOW = 490;
    private static final double TWO_PAIRS_ABOVE = 505;

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
        for (int i = 0; i < rows.size(); i++) {
            Label k = new Label(rows.get(i)[0]);
            k.getStyleClass().add("review-key");
            k.setWrapText(true);
            Label v = new Label(rows.get(i)[1]);
            v.getStyleClass().add("review-value");
            v.setWrapText(true);
            if (i == 0) {
                // The NIK: one 16-digit number that misreads when broken over two lines.
                v.setMinWidth(Region.USE_PREF_SIZE);
            }
            grid.getChildren().addAll(k, v);
        }
        boolean listening = grid.getProperties().containsKey(ONE_PAIR);
        arrange(grid, false);
        // The width decides the arrangement, so the two-pair minimum must not hold the width up
        // (nor, in the review built ahead, hold every screen wider than a small window).
        grid.setMinWidth(0);
        if (!listening) {
            // Beside the review's biometrics card on a 1024 px screen two key/value pairs per
            // line left the values a few pixels: there the facts go one pair per line. The gap
            // between the two bounds keeps a width that suits both from flipping back and forth.
            grid.widthProperty().addListener((o, old, w) -> {
                boolean onePair = Boolean.TRUE.equals(grid.getProperties().get(ONE_PAIR));
                if (!onePair && w.doubleValue() > 0 && w.doubleValue() < ONE_PAIR_BELOW) {
                    arrange(grid, true);
                } else if (onePair && w.doubleValue() > TWO_PAIRS_ABOVE) {
                    arrange(grid, false);
                }
            });
        }
    }

    /**
     * Places the key/value labels: one pair per line, or two (the first half of the rows on the
     * left). Columns are sized by their texts, not by fixed shares: 19 % key columns cut "Status
     * perkawinan" short and 28 % value columns broke the NIK over two lines. Keys wrap within a
     * cap; values take the rest.
     */
    static void arrange(GridPane grid, boolean onePair) {
        grid.getProperties().put(ONE_PAIR, onePair);
        grid.getColumnConstraints().clear();
        for (int col = 0; col < (onePair ? 2 : 4); col++) {
            ColumnConstraints c = new ColumnConstraints();
            if (col % 2 == 0) {
                c.setMinWidth(KEY_MIN_WIDTH);
                c.setMaxWidth(KEY_MAX_WIDTH);
            } else {
                c.setHgrow(Priority.ALWAYS);
            }
            grid.getColumnConstraints().add(c);
        }
        int n = grid.getChildren().size() / 2;
        int half = onePair ? n : (n + 1) / 2;
        for (int i = 0; i < n; i++) {
            int col = i < half ? 0 : 2;
            int row = i < half ? i : i - half;
            GridPane.setConstraints(grid.getChildren().get(2 * i), col, row);
            GridPane.setConstraints(grid.getChildren().get(2 * i + 1), col + 1, row);
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
