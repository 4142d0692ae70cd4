package id.rekam.app.enroll;

import id.rekam.app.fx.EnterAdvances;
import id.rekam.app.ports.Region;
import id.rekam.app.ui.AppContext;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Step 1: the KTP-el biodata, keyboard-first, each error shown under its field. */
public final class BiodataController implements Step {

    private final AppContext ctx;
    private final BiodataValidator validator;
    @FXML private BorderPane root;
    @FXML private GridPane grid;
    @FXML private TextField nik;
    @FXML private TextField fullName;
    @FXML private TextField birthPlace;
    @FXML private TextField birthDate;
    @FXML private ComboBox<String> gender;
    @FXML private ComboBox<String> bloodType;
    @FXML private ComboBox<String> religion;
    @FXML private ComboBox<String> maritalStatus;
    @FXML private ComboBox<String> occupation;
    @FXML private ComboBox<String> citizenship;
    @FXML private TextField street;
    @FXML private TextField rt;
    @FXML private TextField rw;
    @FXML private ComboBox<Region> province;
    @FXML private ComboBox<Region> regency;
    @FXML private ComboBox<Region> district;
    @FXML private ComboBox<Region> village;
    @FXML private CheckBox outsideDistrict;
    @FXML private CheckBox nikConfirm;
    @FXML private Label summary;
    @FXML private Button nextButton;
    @FXML private javafx.scene.control.Hyperlink nikExisting;
    @FXML private Label rtMsg;
    @FXML private Label rwMsg;
    private NikAtEntry nikAtEntry;
    private final Map<Field, Control> controls = new EnumMap<>(Field.class);
    private final Map<Field, Label> messages = new EnumMap<>(Field.class);
    private EnrollmentSession session;
    private EnrollController wizard;
    private RegionPickers regions;
    private boolean showAll;
    private boolean loading;

    public BiodataController(AppContext ctx) {
        this.ctx = ctx;
        this.validator = new BiodataValidator(ctx.services().nikCheck(), Clock.systemDefaultZone());
    }

    @FXML
    private void initialize() {
        Control[] order = {nik, fullName, birthPlace, birthDate, gender, bloodType, religion, maritalStatus, occupation,
                citizenship, street, rt, rw, province, regency, district, village};
        for (Field f : Field.values()) {
            controls.put(f, order[f.ordinal()]);
        }
        // Each field sits in a VBox (label, control, message) tagged with the field's name.
        for (Node n : grid.getChildren()) {
            if (n instanceof VBox box && box.getUserData() != null) {
                messages.put(Field.valueOf(box.getUserData().toString()), (Label) box.getChildren().get(2));
            }
        }
        nik.setTextFormatter(digits(16, null));
        rt.setTextFormatter(digits(3, rtMsg));
        rw.setTextFormatter(digits(3, rwMsg));
        nikAtEntry = new NikAtEntry(ctx, nikExisting, this::showMessages);
        nik.setPromptText(ctx.text("biodata.nikPrompt"));
        birthDate.setPromptText(ctx.text("biodata.datePrompt"));
        var b = ctx.bundle();
        Choices.gender(gender, b);
        Choices.bloodType(bloodType, b);
        Choices.religion(religion, b);
        Choices.maritalStatus(maritalStatus, b);
        Choices.citizenship(citizenship, b);
        Choices.occupation(occupation);
        regions = new RegionPickers(ctx.services().regions(), ctx.session().districtCode(), province, regency,
                district, village, outsideDistrict, this::changed);
        for (Field f : Field.values()) {
            Control c = controls.get(f);
            if (c instanceof TextField t) {
                t.textProperty().addListener((o, a, v) -> changed(f, v));
            } else if (f == Field.OCCUPATION) {
                occupation.getEditor().textProperty().addListener((o, a, v) -> changed(f, v));
                occupation.valueProperty().addListener((o, a, v) -> changed(f, v));
            } else if (!(f == Field.PROVINCE || f == Field.REGENCY || f == Field.DISTRICT || f == Field.VILLAGE)) {
                @SuppressWarnings("unchecked") ComboBox<String> box = (ComboBox<String>) c;
                box.valueProperty().addListener((o, a, v) -> changed(f, v));
            }
        }
        nikConfirm.selectedProperty().addListener((o, a, v) -> {
            session.confirmNikWarning(v);
            wizard.formChanged();
        });
        EnterAdvances.install(List.of(order), this::next);
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                next();
                e.consume();
            }
        });
    }

    /**
     * Digits only, at most {@code max}. A refused key says why under the field ({@code refused}),
     * instead of silently dropping it (a letter in RT/RW just vanished).
     */
    private TextFormatter<String> digits(int max, Label refused) {
        return new TextFormatter<>(c -> {
            if (c.getControlNewText().matches("\\d{0," + max + "}")) {
                return c;
            }
            if (refused != null) {
                refused.setText(ctx.text("error.rtrw.typed", max));
                refused.getStyleClass().setAll("label", "field-warning");
            }
            return null;
        });
    }

    @Override
    public void bind(EnrollmentSession session, EnrollController wizard) {
        this.session = session;
        this.wizard = wizard;
        reload();
    }

    /** Puts the session's values (a resumed draft) into the controls. */
    void reload() {
        loading = true;
        try {
            for (Field f : Field.values()) {
                String v = session.get(f);
                Control c = controls.get(f);
                if (c instanceof TextField t) {
                    t.setText(v);
                } else if (f == Field.OCCUPATION) {
                    occupation.setValue(v.isEmpty() ? null : v);
                } else if (f.ordinal() < Field.PROVINCE.ordinal()) {
                    @SuppressWarnings("unchecked") ComboBox<String> box = (ComboBox<String>) c;
                    box.setValue(v.isEmpty() ? null : v);
                }
            }
            if (session.get(Field.CITIZENSHIP).isEmpty()) {
                citizenship.setValue("WNI");
            }
            regions.select(session.get(Field.VILLAGE), true);
            nikConfirm.setSelected(session.nikWarningConfirmed());
        } finally {
            loading = false;
        }
        regions.publish();
        session.set(Field.CITIZENSHIP, citizenship.getValue());
        showMessages();
    }

    private void changed(Field f, String value) {
        if (session == null) {
            return;
        }
        session.set(f, value);
        if (loading) {
            return;
        }
        if (f == Field.NIK || f == Field.BIRTH_DATE || f == Field.GENDER) {
            nikConfirm.setSelected(false);
        }
        if (f == Field.NIK) {
            nikEntered(session.get(Field.NIK));
        }
        wizard.formChanged();
        showMessages();
    }

    /**
     * A complete NIK: prefill the birth date and sex it carries (when still empty) and look for
     * the same NIK among this station's records.
     */
    private void nikEntered(String value) {
        Message nikMessage = validator.validate(session.form()).get(Field.NIK);
        boolean valid = value.length() == 16 && (nikMessage == null || !nikMessage.blocking());
        if (valid && session.get(Field.BIRTH_DATE).isEmpty() && session.get(Field.GENDER).isEmpty()) {
            ctx.services().nikCheck().embedded(value, java.time.LocalDate.now()).ifPresent(e -> {
                birthDate.setText(BirthDates.format(e.birthDate()));
                gender.setValue(e.gender().name());
            });
        }
        nikAtEntry.nikChanged(value, valid);
    }

    /** The form's findings, with the NIK already recorded here as the NIK's error. */
    private Map<Field, Message> validate() {
        Map<Field, Message> found = new EnumMap<>(Field.class);
        found.putAll(validator.validate(session.form()));
        nikAtEntry.message().ifPresent(m -> found.put(Field.NIK, m));
        return found;
    }

    /** Errors show for fields already filled (or all, after "next" was pressed); NIK warnings always. */
    private void showMessages() {
        if (session == null) {
            return;
        }
        Map<Field, Message> found = validate();
        for (Field f : Field.values()) {
            Message m = found.get(f);
            boolean show = m != null && (showAll || !session.get(f).isEmpty() || !m.blocking());
            Label l = messages.get(f);
            l.setText(show ? ctx.text(m.key(), m.args()) : "");
            l.getStyleClass().setAll("label", show && !m.blocking() ? "field-warning" : "field-error");
            Node c = controls.get(f);
            c.getStyleClass().removeAll("invalid", "warned");
            if (show) {
                c.getStyleClass().add(m.blocking() ? "invalid" : "warned");
            }
        }
        Message nikMsg = found.get(Field.NIK);
        boolean warn = nikMsg != null && !nikMsg.blocking();
        nikConfirm.setVisible(warn);
        nikConfirm.setManaged(warn);
        wizard.refreshSteps();
    }

    /** What blocks leaving this step, or an empty map. */
    Map<Field, Message> problems() {
        Map<Field, Message> all = validate();
        Map<Field, Message> found = new EnumMap<>(all);
        found.values().removeIf(m -> !m.blocking());
        Message nikMsg = all.get(Field.NIK);
        if (nikMsg != null && !nikMsg.blocking() && !session.nikWarningConfirmed()) {
            found.put(Field.NIK, Message.error("error.nik.confirmWarning"));
        }
        return found;
    }

    @FXML
    void next() {
        showAll = true;
        showMessages();
        Map<Field, Message> p = problems();
        if (p.isEmpty()) {
            summary.setText("");
            wizard.next();
            return;
        }
        summary.setText(ctx.text("biodata.summary", p.size()));
        Field first = p.keySet().iterator().next();
        if (first == Field.NIK && nikConfirm.isVisible()) {
            nikConfirm.requestFocus();
        } else {
            controls.get(first).requestFocus();
        }
    }

    @Override
    public void onShow() {
        javafx.application.Platform.runLater(nik::requestFocus);
    }

    @Override
    public boolean done() {
        return session != null && problems().isEmpty();
    }
}
