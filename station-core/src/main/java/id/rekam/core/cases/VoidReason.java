package id.rekam.core.cases;

/** Why the other record of a person recorded twice is voided. */
public enum VoidReason {
    /** The citizen moved (pindah) and was recorded again at the new domicile. */
    MOVED_AWAY("moved-away"),
    /** Recorded twice by mistake (same office, or a lost receipt). */
    RECORDED_TWICE("recorded-twice"),
    /** A second identity was sought on purpose: for the Dinas to follow up. */
    SUSPECTED_FRAUD("suspected-fraud");

    private final String wire;

    VoidReason(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
