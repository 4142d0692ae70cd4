package id.rekam.app.cases;

import id.rekam.app.ui.AppContext;
import id.rekam.app.ui.Screen;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;

/**
 * The KTP ganda desk: the list of cases and, in its place, one case file. Esc goes back from the
 * case file to the list and from the list home. The views are loaded with the case bundle.
 */
public final class CasesController {

    private final AppContext ctx;
    @FXML private StackPane root;
    private CaseDesk desk;
    private CasesFxml.Loaded<CaseListController> list;
    private CasesFxml.Loaded<CaseFileController> file;

    public CasesController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    void initialize() {
        desk = new CaseDesk(ctx, CasesFxml.bundle(ctx.config().locale()));
        list = CasesFxml.load("list", ctx, desk);
        file = CasesFxml.load("file", ctx, desk);
        desk.onNavigate(this::openCase, this::showList);
        root.getStylesheets().add(CasesController.class.getResource("/id/rekam/app/cases/cases.css").toExternalForm());
        root.getProperties().put(CaseDesk.class, desk);
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                if (root.getChildren().contains(file.root())) {
                    showList();
                } else {
                    ctx.navigator().show(Screen.HOME);
                }
            }
        });
        showList();
    }

    /** Opens a case by id (also from outside: the home screen, a scanned letter). */
    public void openCase(String caseId) {
        show(file.root());
        file.controller().open(caseId);
    }

    private void showList() {
        show(list.root());
        list.controller().refresh();
    }

    private void show(Parent view) {
        root.getChildren().setAll(view);
    }
}
