package id.rekam.app.ui;

import id.rekam.app.ports.OpenStore;
import id.rekam.app.ports.Operator;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Who is at the desk, which store is open and which office the station serves now. The office
 * starts as the configuration says and changes when a technician moves the station: everything
 * that shows or prints it reads it here, so a move shows at once, without a restart. Lives on
 * the FX thread.
 */
public final class Session {

    private final ObjectProperty<OpenStore> store = new SimpleObjectProperty<>();
    private final ObjectProperty<Operator> operator = new SimpleObjectProperty<>();
    private final StringProperty officeName = new SimpleStringProperty("");
    private final StringProperty districtCode = new SimpleStringProperty("");
    private final StringProperty stationId = new SimpleStringProperty("");

    /** The station id the footer shows; empty until a technician has set the station up. */
    public StringProperty stationIdProperty() {
        return stationId;
    }

    /** "Kecamatan X, Kota Y": the top bar, the window title and receipts show it. */
    public StringProperty officeNameProperty() {
        return officeName;
    }

    /** The office's kecamatan ({@code PP.KK.CC}); the address pickers start there. */
    public StringProperty districtCodeProperty() {
        return districtCode;
    }

    public String officeName() {
        return officeName.get();
    }

    public String districtCode() {
        return districtCode.get();
    }

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
