package id.rekam.app.ui;

/** The screens of the station, each one FXML file under {@code /id/rekam/app/fxml/}. */
public enum Screen {
    UNLOCK("unlock"),
    LOGIN("login"),
    HOME("home"),
    ENROLL("enroll"),
    RECORDS("records"),
    RECORD_DETAIL("record-detail"),
    APPROVAL("approval"),
    CARDS("cards"),
    SYNC("sync"),
    PROVISIONING("provisioning"),
    OPERATORS("operators");

    private final String fxml;

    Screen(String fxml) {
        this.fxml = fxml;
    }

    public String resource() {
        return "/id/rekam/app/fxml/" + fxml + ".fxml";
    }
}
