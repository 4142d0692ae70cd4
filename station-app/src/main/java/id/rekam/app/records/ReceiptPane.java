package id.rekam.app.records;

import id.rekam.app.receipt.ReceiptFiles;
import id.rekam.app.receipt.ReceiptPrinter;
import id.rekam.app.ui.AppContext;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

import java.io.File;
import java.nio.file.Path;

/**
 * A receipt's actions where it is shown (after saving a record, on the record's page): print it;
 * without a printer, see it on screen and save it as a PDF (to a flash disk, to print elsewhere),
 * instead of "no printer" and nothing else. The PDF stays in memory until the operator saves it.
 */
public final class ReceiptPane {

    private final AppContext ctx;
    private final Label message;
    private final ImageView preview = new ImageView();
    private final HBox saveRow;
    private final TextField folder = new TextField();
    private final Button save;
    private byte[] pdf;
    private String stem = "";

    /**
     * @param host    where the preview, the save row and the buttons go
     * @param message the label that tells what happened
     */
    public ReceiptPane(AppContext ctx, VBox host, Label message) {
        this.ctx = ctx;
        this.message = message;
        Button show = button(ctx.text("receipt.preview"), "receiptPreview");
        show.setOnAction(e -> preview());
        save = button(ctx.text("receipt.save"), "receiptSave");
        save.setOnAction(e -> askFolder());
        FlowPane actions = new FlowPane(10, 8, show, save);
        folder.setId("receiptFolder");
        folder.setPromptText(ctx.text("receipt.folderPrompt"));
        folder.setOnAction(e -> saveNow());
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button choose = button(ctx.text("receipt.choose"), "receiptChoose");
        choose.setOnAction(e -> choose());
        Button saveNow = button(ctx.text("receipt.saveNow"), "receiptSaveNow");
        saveNow.getStyleClass().add("primary");
        saveNow.setOnAction(e -> saveNow());
        saveRow = new HBox(8, folder, choose, saveNow);
        saveRow.setAlignment(Pos.CENTER_LEFT);
        show(saveRow, false);
        preview.setId("receiptImage");
        preview.setPreserveRatio(true);
        preview.setFitWidth(420);
        show(preview, false);
        host.getChildren().addAll(actions, saveRow, preview);
    }

    private static Button button(String text, String id) {
        Button b = new Button(text);
        b.setId(id);
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return b;
    }

    /** The receipt to act on; {@code stem} names its file (the registration number's start, no NIK). */
    public void ready(byte[] pdf, String stem) {
        this.pdf = pdf;
        this.stem = stem;
    }

    public boolean isReady() {
        return pdf != null;
    }

    /** Sends it to the printer; without one, says so and shows it on screen with a way to save it. */
    public void print() {
        byte[] p = pdf;
        if (p == null) {
            return;
        }
        ctx.async(() -> {
            try {
                return new ReceiptPrinter().print(p);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, printed -> {
            if (printed) {
                say(ctx.text("review.printed"));
            } else {
                say(ctx.text("receipt.noPrinter"));
                preview();
                save.requestFocus();
            }
        }, e -> say(ctx.explain(e)));
    }

    private void preview() {
        byte[] p = pdf;
        if (p == null) {
            return;
        }
        ctx.async(() -> {
            try {
                return SwingFXUtils.toFXImage(ReceiptFiles.firstPage(p), null);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, img -> {
            preview.setImage(img);
            show(preview, true);
        }, e -> say(ctx.explain(e)));
    }

    private void askFolder() {
        show(saveRow, true);
        folder.requestFocus();
    }

    private void choose() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(ctx.text("receipt.save"));
        File f = chooser.showDialog(folder.getScene().getWindow());
        if (f != null) {
            folder.setText(f.getAbsolutePath());
        }
    }

    private void saveNow() {
        byte[] p = pdf;
        String typed = folder.getText().strip();
        if (p == null || typed.isEmpty()) {
            say(ctx.text("receipt.noFolder"));
            folder.requestFocus();
            return;
        }
        Path dir = Path.of(typed);
        Path data = ctx.config().dataDir();
        String name = stem;
        ctx.async(() -> {
            try {
                return ReceiptFiles.save(p, dir, name, data);
            } catch (IllegalArgumentException e) {
                return null;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, file -> {
            if (file == null) {
                say(ctx.text("receipt.noFolder"));
                folder.requestFocus();
            } else {
                show(saveRow, false);
                say(ctx.text("receipt.saved", file.toString()));
            }
        }, e -> say(ctx.explain(e)));
    }

    private void say(String text) {
        message.setText(text);
    }

    private static void show(javafx.scene.Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }
}
