package id.rekam.app.finger;

import id.rekam.core.domain.FingerPosition;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Both hands drawn as seen from above when laid on the scanner (right hand: thumb on the
 * left). Each finger is one shape whose style class tells its state.
 */
public final class HandDiagram extends HBox {

    public enum State { PENDING, CURRENT, OK, LOW, EXCEPTION }

    private final Map<FingerPosition, Shape> shapes = new EnumMap<>(FingerPosition.class);

    public HandDiagram(String rightCaption, String leftCaption) {
        super(36);
        getChildren().addAll(hand(true, rightCaption), hand(false, leftCaption));
    }

    private VBox hand(boolean right, String caption) {
        Group g = new Group();
        Rectangle palm = new Rectangle(38, 92, 112, 104);
        palm.setArcWidth(46);
        palm.setArcHeight(46);
        palm.getStyleClass().add("hand-palm");
        g.getChildren().add(palm);
        // Finger lengths index..little, as on a real hand; x from the thumb side outwards.
        double[] lengths = {80, 90, 84, 66};
        List<FingerPosition> order = right
                ? List.of(FingerPosition.RIGHT_INDEX, FingerPosition.RIGHT_MIDDLE, FingerPosition.RIGHT_RING,
                FingerPosition.RIGHT_LITTLE)
                : List.of(FingerPosition.LEFT_INDEX, FingerPosition.LEFT_MIDDLE, FingerPosition.LEFT_RING,
                FingerPosition.LEFT_LITTLE);
        for (int i = 0; i < 4; i++) {
            double x = right ? 42 + i * 27 : 124 - i * 27;
            Rectangle f = finger(x, 100 - lengths[i], 24, lengths[i] + 10);
            add(g, order.get(i), f);
        }
        Rectangle thumb = finger(right ? 4 : 150, 120, 24, 62);
        thumb.setRotate(right ? -32 : 32);
        add(g, right ? FingerPosition.RIGHT_THUMB : FingerPosition.LEFT_THUMB, thumb);
        Label l = new Label(caption);
        l.getStyleClass().add("hand-caption");
        VBox box = new VBox(6, g, l);
        box.setAlignment(javafx.geometry.Pos.CENTER);
        return box;
    }

    private static Rectangle finger(double x, double y, double w, double h) {
        Rectangle r = new Rectangle(x, y, w, h);
        r.setArcWidth(w);
        r.setArcHeight(w);
        return r;
    }

    private void add(Group g, FingerPosition p, Shape s) {
        s.getStyleClass().add("finger");
        s.setId("finger-" + p.name());
        shapes.put(p, s);
        g.getChildren().add(s);
    }

    public void set(FingerPosition p, State state) {
        Shape s = shapes.get(p);
        s.getStyleClass().removeAll("current", "ok", "low", "exception");
        switch (state) {
            case CURRENT -> s.getStyleClass().add("current");
            case OK -> s.getStyleClass().add("ok");
            case LOW -> s.getStyleClass().add("low");
            case EXCEPTION -> s.getStyleClass().add("exception");
            default -> { }
        }
    }
}
