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
    CASES("cases"),
    SYNC("sync"),
    PROVISIONING("provisioning"),
    /** Mobile teams (issue 16): guardrails and coverage, then safety bundles and relay. */
    FIELD("field"),
    BUNDLES("bundles"),
    /** Technicians (issue 17): what works and what to do next, then devices and loans. */
    DIAGNOSTICS("diagnostics"),
    EQUIPMENT("equipment"),
    OPERATORS("operators");

    private final String fxml;

    Screen(String fxml) {
        this.fxml = fxml;
    }

    public String resource() {
        return "/id/rekam/app/fxml/" + fxml + ".fxml";
    }
}
