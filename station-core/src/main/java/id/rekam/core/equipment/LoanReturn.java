package id.rekam.core.equipment;

/** A borrowed device coming back: who gave it back, who took it, in which condition. */
public record LoanReturn(String handedBy, String receivedBy, Condition condition, String note) {
}
