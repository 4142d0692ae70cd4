package id.rekam.app.field;

import id.rekam.app.ports.FieldWork;
import id.rekam.app.ui.AppContext;
import id.rekam.app.ui.Screen;
import id.rekam.core.auth.AuthException;
import id.rekam.core.coverage.CoverageReport;
import id.rekam.core.coverage.TargetsCsv;
import id.rekam.core.field.FieldReport;
import id.rekam.core.field.Guardrail;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The team dashboard: the offline guardrails with their forecast and warnings, coverage against
 * the targets (per kelurahan, per day, per team member), the daily report and, for a
 * supervisor, the target import.
 */
public final class FieldController {

    private static final long MB = 1024 * 1024;

    private final AppContext ctx;
    private final CoverageCharts charts;
    @FXML private VBox root;
    @FXML private Label subtitle;
    @FXML private Label sinceDelivery;
    @FXML private Label pending;
    @FXML private Label oldest;
    @FXML private Label disk;
    @FXML private Label forecast;
    @FXML private VBox warnings;
    @FXML private Label coverageSummary;
    @FXML private BarChart<String, Number> villageChart;
    @FXML private LineChart<String, Number> trendChart;
    @FXML private TableView<CoverageReport.MemberLine> members;
    @FXML private TextField reportDir;
    @FXML private Label reportMessage;
    @FXML private VBox targetsBox;
    @FXML private TextField targetsFile;
    @FXML private Label targetsMessage;

    public FieldController(AppContext ctx) {
        this.ctx = ctx;
        this.charts = new CoverageCharts(ctx);
    }

    @FXML
    private void initialize() {
        boolean supervisor = ctx.session().operator().supervisor();
        targetsBox.setVisible(supervisor);
        targetsBox.setManaged(supervisor);
        reportDir.setText(System.getProperty("user.home"));
        refresh();
    }

    private record Loaded(FieldReport guardrails, CoverageReport coverage) {
    }

    private void refresh() {
        FieldWork field = field();
        ctx.async(() -> new Loaded(field.guardrails(), field.coverage()), this::show,
                e -> forecast.setText(ctx.text("field.failed", String.valueOf(e.getMessage()))));
    }

    private void show(Loaded l) {
        FieldReport r = l.guardrails();
        subtitle.setText(ctx.text("field.subtitle", ctx.session().store().stationId(), l.coverage().stations().size()));
        sinceDelivery.setText(value(r, Guardrail.Kind.DAYS_SINCE_DELIVERY, 1));
        pending.setText(value(r, Guardrail.Kind.PENDING, 1));
        oldest.setText(value(r, Guardrail.Kind.OLDEST_PENDING_DAYS, 1));
        disk.setText(value(r, Guardrail.Kind.DISK_FREE, MB));
        forecast.setText(r.daysToFull().isPresent() ? ctx.text("field.forecast", r.daysToFull().getAsLong())
                : ctx.text("field.forecast.none"));
        warnings.getChildren().clear();
        for (Guardrail g : r.warnings()) {
            Label w = new Label(GuardrailTexts.of(ctx, g));
            w.setWrapText(true);
            w.setMaxWidth(Double.MAX_VALUE);
            w.setId("fieldWarning-" + g.kind().name());
            HBox box = new HBox(w);
            box.getStyleClass().addAll("notice", GuardrailTexts.styleOf(g.level()));
            warnings.getChildren().add(box);
        }
        CoverageReport c = l.coverage();
        coverageSummary.setText(charts.summary(c));
        charts.villages(villageChart, c);
        charts.trend(trendChart, c);
        charts.members(members, c);
    }

    private static String value(FieldReport r, Guardrail.Kind kind, long unit) {
        return r.get(kind).map(g -> Long.toString(g.value() / unit)).orElse("–");
    }

    @FXML
    private void bundles() {
        ctx.navigator().show(Screen.BUNDLES);
    }

    @FXML
    private void chooseReportDir() {
        DirectoryChooser chooser = new DirectoryChooser();
        File f = chooser.showDialog(root.getScene().getWindow());
        if (f != null) {
            reportDir.setText(f.getAbsolutePath());
        }
    }

    @FXML
    private void chooseTargets() {
        File f = new FileChooser().showOpenDialog(root.getScene().getWindow());
        if (f != null) {
            targetsFile.setText(f.getAbsolutePath());
        }
    }

    /** The PDF names no citizen: it may be written in clear wherever the operator keeps reports. */
    @FXML
    private void saveReport() {
        Path dir = Path.of(reportDir.getText().trim());
        if (!Files.isDirectory(dir)) {
            reportMessage.setText(ctx.text("bundles.noDir"));
            return;
        }
        FieldWork field = field();
        String office = ctx.config().officeName();
        String by = ctx.session().operator().displayName();
        ctx.async(() -> {
            Path out = dir.resolve("laporan-harian-perekaman-" + LocalDate.now() + ".pdf");
            try {
                id.rekam.core.io.DurableFiles.write(out, field.dailyReport(office, by, ctx.config().locale()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return out;
        }, out -> reportMessage.setText(ctx.text("field.report.saved", out.toString())),
                e -> reportMessage.setText(ctx.text("field.failed", String.valueOf(e.getMessage()))));
    }

    @FXML
    private void importTargets() {
        Path csv = Path.of(targetsFile.getText().trim());
        FieldWork field = field();
        String supervisor = ctx.session().operator().id();
        ctx.async(() -> {
            try {
                return (Object) field.importTargets(csv, supervisor);
            } catch (TargetsCsv.BadTargets e) {
                return e;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, result -> {
            if (result instanceof TargetsCsv.BadTargets bad) {
                targetsMessage.setText(ctx.text("field.targets.bad", String.join("; ", bad.problems())));
            } else {
                targetsMessage.setText(ctx.text("field.targets.done", result));
                refresh();
            }
        }, e -> targetsMessage.setText(e instanceof AuthException ? ctx.text("field.targets.notSupervisor")
                : ctx.text("field.failed", String.valueOf(e.getMessage()))));
    }

    private FieldWork field() {
        return ctx.session().store().fieldWork();
    }
}
