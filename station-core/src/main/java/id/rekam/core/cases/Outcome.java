package id.rekam.core.cases;

/** How a case ends. Wire names (events, reports) are the lower-case hyphenated forms. */
public enum Outcome {
    /** One person recorded twice: one record stays, the other is voided. */
    SAME_PERSON("same-person"),
    /** Two people the check confused (false match): both records stay; the pair is never raised again. */
    DIFFERENT_PEOPLE("different-people"),
    /** The citizen did not come after the second invitation: escalated to the Dinas. */
    NO_SHOW("no-show");

    private final String wire;

    Outcome(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
