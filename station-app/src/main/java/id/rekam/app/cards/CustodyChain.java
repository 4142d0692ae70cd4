package id.rekam.app.cards;

import id.rekam.core.cards.CardState;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;

import java.util.List;
import java.util.ResourceBundle;

/**
 * Where a card is in its custody chain, drawn as steps (printed centrally → received at the
 * office → at an officer/desk → handed to the owner) with the current one marked; a card that
 * left the chain (returned, invalid, destroyed) shows that as its last step.
 */
final class CustodyChain {

    /** The way every card should go; the hand-over is its end. */
    static final List<String> PATH = List.of("PRINTED", CardState.IN_STOCK.name(), CardState.ASSIGNED.name(),
            CardState.HANDED_OVER.name());

    private CustodyChain() {
    }

    /**
     * @param reached the step the card is at: a {@link CardState} name, "PRINTED" (print-ready, not
     *                yet received here) or null (nothing found)
     */
    static void show(Pane chain, String reached, ResourceBundle text) {
        chain.getChildren().clear();
        if (reached == null) {
            return;
        }
        List<String> steps = new java.util.ArrayList<>(PATH);
        if (reached.equals(CardState.RETURNED.name())) {
            steps.add(reached);
        } else if (!PATH.contains(reached)) {
            steps = List.of(PATH.get(0), PATH.get(1), reached);
        }
        int at = steps.indexOf(reached);
        boolean off = !PATH.contains(reached);
        for (int i = 0; i < steps.size(); i++) {
            String step = steps.get(i);
            Label l = new Label((i + 1) + ". " + text.getString("chain." + step));
            l.setId("chain-" + step);
            l.getStyleClass().add("chain-step");
            if (i == at) {
                l.getStyleClass().add(off ? "chain-off" : "chain-current");
            } else if (i < at) {
                l.getStyleClass().add("chain-done");
            }
            chain.getChildren().add(l);
            if (i < steps.size() - 1) {
                Label arrow = new Label("\u2192");
                arrow.getStyleClass().add("chain-arrow");
                chain.getChildren().add(arrow);
            }
        }
    }
}
