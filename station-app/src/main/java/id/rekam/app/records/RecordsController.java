package id.rekam.app.records;

import id.rekam.app.ports.RecordSummary;
import id.rekam.core.text.DeskTimes;
import id.rekam.app.ui.AppContext;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.util.Duration;

import java.time.ZoneId;
import java.util.List;

/** Records on this station: search by NIK or name, status per record, Enter opens one read-only. */
public final class RecordsController {

    static final int LIMIT = 200;

    private final AppContext ctx;
    private final PauseTransition debounce = new PauseTransition(Duration.millis(250));
    @FXML private TextField query;
    @FXML private Label count;
    @FXML private TableView<RecordSummary> table;
    @FXML private TableColumn<RecordSummary, String> whenCol;
    @FXML private TableColumn<RecordSummary, String> nikCol;
    @FXML private TableColumn<RecordSummary, String> nameCol;
    @FXML private TableColumn<RecordSummary, String> statusCol;
    @FXML private TableColumn<RecordSummary, String> idCol;

    public RecordsController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        ZoneId zone = ZoneId.systemDefault();
        whenCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(DeskTimes.format(c.getValue().createdAt(), zone)));
        nikCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().nik()));
        nameCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().fullName()));
        idCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().id().value().substring(0, 8)));
        statusCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().status().name()));
        statusCol.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setGraphic(null);
                    return;
                }
                Label chip = new Label(ctx.text("recordStatus." + s));
                chip.getStyleClass().addAll("status-chip", "status-" + s);
                setGraphic(chip);
            }
        });
        debounce.setOnFinished(e -> search());
        query.textProperty().addListener((o, a, b) -> debounce.playFromStart());
        query.setOnAction(e -> toTable());
        query.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN) {
                toTable();
                e.consume();
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open();
            }
        });
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                open();
            }
        });
        query.sceneProperty().addListener((o, a, s) -> {
            if (s != null) {
                query.requestFocus();
            }
        });
        search();
    }

    private void toTable() {
        table.requestFocus();
        if (table.getSelectionModel().isEmpty()) {
            table.getSelectionModel().selectFirst();
        }
    }

    private void search() {
        String q = query.getText().trim();
        var records = ctx.session().store().records();
        ctx.async(() -> records.search(q, LIMIT), this::show, e -> count.setText(ctx.text("status.error")));
    }

    private void show(List<RecordSummary> rows) {
        table.getItems().setAll(rows);
        count.setText(ctx.text("records.count", rows.size()));
    }

    private void open() {
        RecordSummary s = table.getSelectionModel().getSelectedItem();
        if (s != null) {
            ctx.navigator().showRecord(s.id());
        }
    }
}
