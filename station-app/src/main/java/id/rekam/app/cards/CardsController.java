package id.rekam.app.cards;

import id.rekam.app.ui.AppContext;
import javafx.fxml.FXML;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;

import java.util.ResourceBundle;

/**
 * The card desk: hand-over, batch receipt and custody, blank-card ledger, destruction. Each tab is
 * its own view and controller; this one only assembles them with the card bundle.
 */
public final class CardsController {

    private final AppContext ctx;
    @FXML private StackPane root;

    public CardsController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    void initialize() {
        CardDesk desk = CardDesk.of(ctx);
        ResourceBundle bundle = CardsFxml.bundle(ctx.config().locale());
        TabPane tabs = new TabPane();
        tabs.setId("cardTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (String view : new String[] {"handover", "batch", "ledger", "destruction"}) {
            Tab tab = new Tab(bundle.getString("tab." + view), CardsFxml.load(view, ctx, desk, bundle));
            tab.setId("tab-" + view);
            tabs.getTabs().add(tab);
        }
        root.getStylesheets().add(CardsController.class.getResource("/id/rekam/app/cards/cards.css").toExternalForm());
        // Titled and hinted like every other screen, the tabs styled as the app's (station.css).
        javafx.scene.control.Label title = new javafx.scene.control.Label(bundle.getString("cards.title"));
        title.getStyleClass().add("page-title");
        javafx.scene.control.Label keys = new javafx.scene.control.Label(bundle.getString("cards.keys"));
        keys.getStyleClass().add("muted");
        keys.setWrapText(true);
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        javafx.scene.layout.HBox.setHgrow(gap, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox head = new javafx.scene.layout.HBox(12, title, gap, keys);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        head.getStyleClass().add("cards-head");
        javafx.scene.layout.VBox page = new javafx.scene.layout.VBox(head, tabs);
        javafx.scene.layout.VBox.setVgrow(tabs, javafx.scene.layout.Priority.ALWAYS);
        tabs.getStyleClass().add("desk-tabs");
        root.getChildren().setAll(page);
        // Ctrl+Tab / Ctrl+Shift+Tab change tabs from anywhere on the desk (a text field would
        // otherwise take them), as the hint says.
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.TAB && e.isControlDown()) {
                var sel = tabs.getSelectionModel();
                int n = tabs.getTabs().size();
                sel.select(Math.floorMod(sel.getSelectedIndex() + (e.isShiftDown() ? -1 : 1), n));
                e.consume();
            }
        });
        // The desk opens in the hand-over's search field (typed digits went to the tab before),
        // and each tab opens in its first field.
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, tab) -> focusFirst(tab));
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                javafx.application.Platform.runLater(() -> focusFirst(tabs.getSelectionModel().getSelectedItem()));
            }
        });
    }

    private static void focusFirst(Tab tab) {
        if (tab != null && tab.getContent() instanceof javafx.scene.Parent p) {
            id.rekam.app.fx.Traversal.after(p, null, true).ifPresent(javafx.scene.Node::requestFocus);
        }
    }
}
