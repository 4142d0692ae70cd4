package id.rekam.core.equipment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One loan of a device between offices, with its hand-over and (once back) its return. The
 * people's names and the notes were sealed at rest and are opened here for the screen.
 */
public record Loan(String loanId, EquipmentItem device, String fromOffice, String toOffice, String handedBy,
                   String receivedBy, Condition condition, String note, Instant lentAt, LocalDate dueDate,
                   String recordedBy, Optional<Returned> returned) {

    /** The return of the device. */
    public record Returned(Instant at, String handedBy, String receivedBy, Condition condition, String note,
                           String recordedBy) {
    }

    public boolean open() {
        return returned.isEmpty();
    }

    /** Still out after its due date ({@code today} in the office's time zone). */
    public boolean overdueOn(LocalDate today) {
        return open() && dueDate.isBefore(today);
    }
}
