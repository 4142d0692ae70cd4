package id.rekam.core.cases;

/** What happened to a case; also the audit action ({@code CASE_} + name). */
public enum CaseAction {
    OPENED,
    RAISED_AGAIN,
    INVITED,
    LETTER_PRINTED,
    NO_SHOW,
    MATCH_FAILED,
    PREPARED,
    REFUSED,
    CLOSED,
    ESCALATED,
    CARD_RETIRED,
    SERVER_ACKNOWLEDGED;

    public String auditAction() {
        return "CASE_" + name();
    }
}
