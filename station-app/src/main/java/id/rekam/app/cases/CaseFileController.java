package id.rekam.app.cases;

import id.rekam.app.ui.AppContext;
import id.rekam.core.cases.CaseFile;
import id.rekam.core.cases.HistoryEntry;
import id.rekam.core.cases.Invitation;
import id.rekam.core.verdict.ServerVerdict;
import javafx.fxml.FXML;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * One case, both records side by side (photos, biodata with the differences marked, where, when
 * and on which station each was recorded), the score of every finger, the letters, the history;
 * below, what can be done now ({@link CaseActionsController}).
 */
public final class CaseFileController {

    private final AppContext ctx;
    private final CaseDesk desk;
    private String caseId;

    @FXML private ScrollPane scroll;
    @FXML private Label caseTitle;
    @FXML private Label caseState;
    @FXML private Label caseRaised;
    @FXML private Label caseDeadline;
    @FXML private Label caseServer;
    @FXML private Label diffLegend;
    @FXML private HBox records;
    @FXML private VBox fingersBox;
    @FXML private VBox invitationsBox;
    @FXML private VBox historyBox;
    @FXML private CaseActionsController actionsController;
    @FXML private CasePrepareController prepareController;
    @FXML private CaseConfirmController confirmController;

    public CaseFileController(AppContext ctx, CaseDesk desk) {
        this.ctx = ctx;
        this.desk = desk;
    }

    @FXML
    void initialize() {
        // Keyboard first: whatever gets the focus (Tab, a mnemonic) is scrolled into view.
        scroll.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((f, a, n) -> reveal(n));
            }
        });
        actionsController.onChanged(this::reload);
        prepareController.onChanged(this::reload);
        confirmController.onChanged(this::reload);
    }

    void open(String id) {
        this.caseId = id;
        reload();
    }

    private void reload() {
        String id = caseId;
        ctx.async(() -> desk.cases().find(id), f -> f.ifPresentOrElse(this::show, desk::backToList),
                e -> caseTitle.setText(desk.explain(e)));
    }

    private void show(CaseFile f) {
        caseTitle.setText(desk.t("file.title", f.id().substring(0, 8)));
        caseState.setText(desk.t("state." + f.state().name()));
        caseState.getStyleClass().removeIf(c -> c.startsWith("case-") && !c.equals("case-chip"));
        caseState.getStyleClass().add("case-" + f.state().name());
        caseRaised.setText(desk.t("file.raised", desk.t("source." + f.source().name()), desk.reason(f.reason()),
                desk.time(f.openedAt())));
        caseDeadline.setText(desk.t("file.deadline", desk.time(f.deadline())));
        caseServer.setText(f.server() == null ? "" : desk.t("server.status", f.server().status()
                + (f.server().code() == null ? "" : " (" + f.server().code() + ")")));
        var diffs = f.differences();
        diffLegend.setText(desk.t(diffs.isEmpty() ? "diff.none" : "diff.legend"));
        records.getChildren().setAll(RecordColumn.of(desk, "first", desk.t("file.first"), f.first(), diffs),
                RecordColumn.of(desk, "second", desk.t("file.second"), f.second(), diffs));
        fingers(f);
        invitations(f);
        history(f);
        actionsController.show(f);
        prepareController.show(f);
        confirmController.show(f);
    }

    private void fingers(CaseFile f) {
        fingersBox.getChildren().clear();
        if (f.fingers().isEmpty()) {
            fingersBox.getChildren().add(muted(desk.t("fingers.none")));
            return;
        }
        for (ServerVerdict.FingerScore s : f.fingers()) {
            Label l = new Label(desk.t("fingers.row", desk.t("finger." + s.position().name()),
                    String.format(desk.locale(), "%.1f", s.score()),
                    desk.t(s.matched() ? "fingers.matched" : "fingers.notMatched")));
            l.getStyleClass().add(s.matched() ? "case-finger-match" : "case-finger-no");
            fingersBox.getChildren().add(l);
        }
        if (f.matchThreshold() != null) {
            fingersBox.getChildren().add(muted(desk.t("fingers.threshold", f.matchThreshold())));
        }
    }

    private void invitations(CaseFile f) {
        invitationsBox.getChildren().clear();
        if (f.invitations().isEmpty()) {
            invitationsBox.getChildren().add(muted(desk.t("invitations.none")));
        }
        for (Invitation i : f.invitations()) {
            Label l = new Label(desk.t("invitations.row", i.round(), i.letterNumber(), desk.time(i.issuedAt()),
                    i.issuedBy(), desk.time(i.appointment()), i.place(), i.noShow() ? desk.t("invitations.noShow") : ""));
            l.setWrapText(true);
            l.setId("invitation-" + i.round());
            invitationsBox.getChildren().add(l);
        }
    }

    private void history(CaseFile f) {
        historyBox.getChildren().clear();
        for (HistoryEntry h : f.history()) {
            Label l = new Label(desk.t("history.row", desk.time(h.at()), h.actor(), desk.t("action." + h.action().name()),
                    h.detail() == null ? "" : " \u2014 " + words(h.detail())));
            l.setWrapText(true);
            l.getStyleClass().add("case-history-row");
            historyBox.getChildren().add(l);
        }
    }

    /** The codes core writes into a history detail (SAME_PERSON, MOVED_AWAY, ...) in the operator's words. */
    private String words(String detail) {
        StringBuilder out = new StringBuilder();
        for (String token : detail.split(" ")) {
            String word = token;
            for (String prefix : new String[] {"outcome.", "void.", "source."}) {
                if (desk.bundle().containsKey(prefix + token)) {
                    word = desk.t(prefix + token);
                    break;
                }
            }
            out.append(out.length() == 0 ? "" : " ").append(word);
        }
        return out.toString();
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        l.setWrapText(true);
        return l;
    }

    private void reveal(Node n) {
        Node content = scroll.getContent();
        if (n == null || content == null || !isInside(n, content)) {
            return;
        }
        Bounds b = content.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
        double hidden = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
        if (hidden <= 0) {
            return;
        }
        double top = scroll.getVvalue() * hidden;
        double bottom = top + scroll.getViewportBounds().getHeight();
        if (b.getMinY() < top || b.getMaxY() > bottom) {
            scroll.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - 60) / hidden)));
        }
    }

    private static boolean isInside(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    @FXML
    void back() {
        desk.backToList();
    }
}
