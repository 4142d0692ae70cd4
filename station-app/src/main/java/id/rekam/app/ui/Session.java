package id.rekam.app.ui;

import id.rekam.app.service.OpenStore;
import id.rekam.app.service.Operator;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** Who is at the desk and which store is open. Lives on the FX thread. */
public final class Session {

    private final ObjectProperty<OpenStore> store = new SimpleObjectProperty<>();
    private final ObjectProperty<Operator> operator = new SimpleObjectProperty<>();

    public ObjectProperty<OpenStore> storeProperty() {
        return store;
    }

    public ObjectProperty<Operator> operatorProperty() {
        return operator;
    }

    public OpenStore store() {
        OpenStore s = store.get();
        if (s == null) {
            throw new IllegalStateException("store is locked");
        }
        return s;
    }

    public Operator operator() {
        Operator o = operator.get();
        if (o == null) {
            throw new IllegalStateException("nobody is logged in");
        }
        return o;
    }
}
