package id.rekam.app.ports;

import id.rekam.core.equipment.EquipmentItem;
import id.rekam.core.equipment.Loan;
import id.rekam.core.equipment.LoanRequest;
import id.rekam.core.equipment.LoanReturn;

import java.util.List;

/**
 * The equipment register and loans between offices (core {@code equipment}), on the unlocked
 * store. Who may change them is core's policy, enforced by the store: an operator's attempt is
 * refused whatever the screen shows.
 */
public interface EquipmentService {

    /** Every device the station has seen, most recently seen first. */
    List<EquipmentItem> devices();

    /** Every loan, newest first. */
    List<Loan> loans();

    /** Open loans past their due date, the longest overdue first. */
    List<Loan> overdue();

    /** @throws Refused when the store refuses it (rules, permission), with the reason for the desk */
    Loan lend(LoanRequest request, String actor);

    /** @throws Refused when the store refuses it */
    Loan giveBack(String loanId, LoanReturn back, String actor);

    /** @throws Refused when the store refuses it */
    EquipmentItem setOwner(String deviceId, String office, String actor);

    /** A refusal explained in the desk's language. */
    final class Refused extends RuntimeException {
        public Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
