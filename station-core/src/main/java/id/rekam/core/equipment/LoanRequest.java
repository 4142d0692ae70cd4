package id.rekam.core.equipment;

import java.time.LocalDate;

/**
 * A device changing hands between offices. {@code fromOffice} lends it (and is recorded as its
 * owner), {@code toOffice} holds it until it comes back; {@code handedBy} and {@code receivedBy}
 * are the people who signed for it; {@code note} describes the condition in words (optional).
 */
public record LoanRequest(String deviceId, String fromOffice, String toOffice, String handedBy, String receivedBy,
                          Condition condition, String note, LocalDate dueDate) {
}
