package id.rekam.core.equipment;

import java.time.LocalDate;

/**
 * The rules of the register and of loans, once: how long a loan may run, what a hand-over must
 * name. Enforced by {@link EquipmentRegister} inside the transaction; screens only hint.
 */
public final class LoanPolicy {

    /** Longest loan; a set needed longer is re-assigned by the kabupaten, not lent. */
    public static final int MAX_LOAN_DAYS = 90;
    /** Longest name of a person or office kept. */
    public static final int MAX_NAME = 100;
    /** Longest condition note kept. */
    public static final int MAX_NOTE = 500;

    private LoanPolicy() {
    }

    /** The due date is today or later, and at most {@link #MAX_LOAN_DAYS} ahead. */
    static void checkDueDate(LocalDate lentOn, LocalDate due) {
        if (due == null || due.isBefore(lentOn) || due.isAfter(lentOn.plusDays(MAX_LOAN_DAYS))) {
            throw new EquipmentException("loan.dueDate", MAX_LOAN_DAYS);
        }
    }

    static String name(String value, String field) {
        String kept = value == null ? "" : value.strip();
        if (kept.isEmpty() || kept.length() > MAX_NAME) {
            throw new EquipmentException("loan.required." + field, MAX_NAME);
        }
        return kept;
    }

    static String note(String value) {
        String kept = value == null ? "" : value.strip();
        if (kept.length() > MAX_NOTE) {
            throw new EquipmentException("loan.noteTooLong", MAX_NOTE);
        }
        return kept;
    }

    static void differentOffices(String from, String to) {
        if (from.equalsIgnoreCase(to)) {
            throw new EquipmentException("loan.sameOffice", from);
        }
    }
}
