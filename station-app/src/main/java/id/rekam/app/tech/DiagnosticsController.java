package id.rekam.app.tech;

import id.rekam.app.ports.DiagnosticsService;
import id.rekam.app.ui.AppContext;
import id.rekam.core.auth.Permission;
import id.rekam.core.diag.DiagnosticReport;
import id.rekam.core.diag.Finding;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The technician's diagnostics: one run of every check (scanner, camera, network, store,
 * software), the findings filling in as they come with the next step under anything not OK, the
 * test print and test frame beside them (shown, never saved), then the help desk's report saved
 * to a folder (a USB stick) as one PDF with its JSON inside, and the JSON beside it.
 */
public final class DiagnosticsController {

    private final AppContext ctx;
    private final DiagnosticsService service;
    private final Map<String, AreaCard> cards = new LinkedHashMap<>();
    @FXML private Label summary;
    @FXML private Button runButton;
    @FXML private HBox promptBox;
    @FXML private Label prompt;
    @FXML private HBox notAllowed;
    @FXML private VBox areas;
    @FXML private javafx.scene.control.ScrollPane scroll;
    @FXML private ImageView printImage;
    @FXML private Label printNone;
    @FXML private ImageView frameImage;
    @FXML private Label frameNone;
    @FXML private TextField folder;
    @FXML private Button saveButton;
    @FXML private Label saved;
    private DiagnosticReport report;

    public DiagnosticsController(AppContext ctx) {
        this.ctx = ctx;
        this.service = ctx.services().technician().diagnostics();
    }

    @FXML
    private void initialize() {
        boolean allowed = ctx.session().operator().may(Permission.RUN_DIAGNOSTICS);
        notAllowed.setVisible(!allowed);
        notAllowed.setManaged(!allowed);
        runButton.setDisable(!allowed);
        summary.setText(ctx.text("tech.diag.intro"));
        folder.setText(System.getProperty("user.home"));
        for (String area : service.areas()) {
            AreaCard card = new AreaCard(area, ctx.text("tech.area." + area), ctx::text);
            cards.put(area, card);
            areas.getChildren().add(card.node());
        }
    }

    @FXML
    private void run() {
        runButton.setDisable(true);
        saveButton.setDisable(true);
        saved.setText("");
        report = null;
        cards.values().forEach(AreaCard::idle);
        printImage.setImage(null);
        frameImage.setImage(null);
        printNone.setVisible(true);
        frameNone.setVisible(true);
        summary.setText(ctx.text("tech.diag.runningAll"));
        ctx.async(() -> service.run(new OnFxThread()), this::finished, e -> {
            runButton.setDisable(false);
            summary.setText(ctx.text("tech.diag.error", e.getMessage()));
        });
    }

    private void finished(DiagnosticReport r) {
        report = r;
        showPrompt(null);
        cards.values().forEach(AreaCard::done);
        // Straight to what needs doing: the first failed area, else the first with a warning.
        cards.values().stream().filter(c -> c.worst() == id.rekam.core.diag.Status.FAILED).findFirst()
                .or(() -> cards.values().stream().filter(c -> c.worst() != id.rekam.core.diag.Status.OK).findFirst())
                .ifPresentOrElse(this::scrollTo, () -> scroll.setVvalue(0));
        runButton.setDisable(false);
        saveButton.setDisable(false);
        Map<String, Long> counts = r.findings().stream()
                .collect(Collectors.groupingBy(f -> f.status().name(), Collectors.counting()));
        summary.setText(ctx.text("tech.diag.done", ctx.text("tech.status." + r.status().name().toLowerCase(Locale.ROOT)),
                r.durationMillis() / 1000.0, counts.getOrDefault("OK", 0L), counts.getOrDefault("WARNING", 0L),
                counts.getOrDefault("FAILED", 0L)));
    }

    @FXML
    private void save() {
        DiagnosticReport r = report;
        if (r == null) {
            return;
        }
        Path target = Path.of(folder.getText().trim());
        saveButton.setDisable(true);
        ctx.async(() -> {
            try {
                return service.save(r, target);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, files -> {
            saveButton.setDisable(false);
            saved.setText(ctx.text("tech.diag.saved", files.stream().map(p -> p.getFileName().toString())
                    .collect(Collectors.joining(", ")), target.toAbsolutePath()));
        }, e -> {
            saveButton.setDisable(false);
            saved.setText(ctx.text("tech.diag.saveFailed", target, e.getMessage()));
        });
    }

    private void scrollTo(AreaCard card) {
        scroll.getContent().applyCss();
        scroll.layout();
        double room = scroll.getContent().getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
        double y = card.node().getBoundsInParent().getMinY() + areas.getBoundsInParent().getMinY();
        scroll.setVvalue(room <= 0 ? 0 : Math.min(1, y / room));
    }

    private void showPrompt(String text) {
        boolean show = text != null;
        prompt.setText(show ? text : "");
        promptBox.setVisible(show);
        promptBox.setManaged(show);
    }

    /** The engine's news, handed to the FX thread. */
    private final class OnFxThread implements DiagnosticsService.Progress {

        @Override
        public void started(String area) {
            Platform.runLater(() -> card(area).running());
        }

        @Override
        public void prompt(String area, String text) {
            Platform.runLater(() -> showPrompt(text));
        }

        @Override
        public void finding(Finding f) {
            Platform.runLater(() -> {
                if (f.id().equals("scanner.capture")) {
                    showPrompt(null);
                }
                card(f.area()).add(f);
            });
        }

        @Override
        public void image(String findingId, BufferedImage image) {
            javafx.scene.image.Image fx = SwingFXUtils.toFXImage(image, null);
            Platform.runLater(() -> {
                if (findingId.startsWith("scanner.")) {
                    printImage.setImage(fx);
                    printNone.setVisible(false);
                } else {
                    frameImage.setImage(fx);
                    frameNone.setVisible(false);
                }
            });
        }

        @Override
        public void finished(String area) {
            Platform.runLater(() -> card(area).done());
        }
    }

    private AreaCard card(String area) {
        return cards.computeIfAbsent(area, a -> {
            AreaCard c = new AreaCard(a, a, ctx::text);
            areas.getChildren().add(c.node());
            return c;
        });
    }
}
