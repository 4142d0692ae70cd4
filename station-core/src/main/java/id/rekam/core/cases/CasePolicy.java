package id.rekam.core.cases;

import id.rekam.core.auth.Role;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

/**
 * The rules of a KTP ganda case, written once and enforced by {@link Cases} inside the store
 * transaction that acts on them, so no screen can skip them: which verdicts raise a case, how many
 * letters a citizen gets, the deadlines, who may prepare and who must confirm an outcome, and how
 * a letter is numbered.
 */
public final class CasePolicy {

    /** Server verdict kinds that raise a case: a duplicate, and what an official must look at. */
    public static final Set<String> RAISING_VERDICTS = id.rekam.core.verdict.ServerVerdict.CASE_RAISING_KINDS;
    /** Letters before a no-show is escalated: the first, and a second after the first was missed. */
    public static final int MAX_INVITATIONS = 2;
    /** A new case should have its first letter within two weeks. */
    public static final Duration TO_FIRST_INVITATION = Duration.ofDays(14);
    /** After the appointment, the desk records whether the citizen came within three days. */
    public static final Duration AFTER_APPOINTMENT = Duration.ofDays(3);
    /** A prepared outcome waits at most a week for a supervisor. */
    public static final Duration TO_CONFIRM = Duration.ofDays(7);
    /** Notes and reasons are sentences, not documents. */
    public static final int MAX_NOTE = 500;
    /** Kode klasifikasi arsip of population administration (Permendagri 78/2012: 470 Kependudukan). */
    public static final String LETTER_CLASSIFICATION = "470";

    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};

    private CasePolicy() {
    }

    public static boolean raisesCase(String verdictKind) {
        return verdictKind != null && RAISING_VERDICTS.contains(verdictKind);
    }

    /** Deadline of a case that has just opened (a server assignment may set an earlier one). */
    public static Instant openDeadline(Instant openedAt, Instant assigned) {
        Instant ours = openedAt.plus(TO_FIRST_INVITATION);
        return assigned != null && assigned.isBefore(ours) ? assigned : ours;
    }

    /**
     * Two people close a case: whoever prepared the outcome may not confirm it, and only a
     * supervisor confirms (or refuses).
     */
    public static void requireConfirmer(String preparer, String supervisor, Role role) {
        if (role != Role.SUPERVISOR) {
            throw new CaseException("case.supervisorRequired", supervisor);
        }
        if (preparer != null && preparer.equalsIgnoreCase(supervisor.strip())) {
            throw new CaseException("case.samePerson", supervisor);
        }
    }

    /** A supervisor's exception to the in-person match: a supervisor, not the operator, with a reason. */
    public static String requireException(String operator, String supervisor, Role role, String reason) {
        if (role != Role.SUPERVISOR) {
            throw new CaseException("case.supervisorRequired", supervisor);
        }
        if (operator.equalsIgnoreCase(supervisor.strip())) {
            throw new CaseException("case.exceptionByOperator", supervisor);
        }
        return note(reason, true);
    }

    /** @return the note trimmed; null when blank and not required */
    public static String note(String text, boolean required) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            if (required) {
                throw new CaseException("case.reasonRequired");
            }
            return null;
        }
        if (t.length() > MAX_NOTE) {
            throw new CaseException("case.noteTooLong", MAX_NOTE);
        }
        return t;
    }

    /**
     * Nomor surat: classification / sequence of the year / the office's unit code / month in
     * Roman numerals / year, e.g. {@code 470/0007/KEC-327601/XI/2026}.
     */
    public static String letterNumber(int sequence, String unit, LocalDate date) {
        String u = unit == null || unit.isBlank() ? "KEC" : unit.strip().toUpperCase(Locale.ROOT);
        return String.format(Locale.ROOT, "%s/%04d/%s/%s/%d", LETTER_CLASSIFICATION, sequence, u,
                ROMAN[date.getMonthValue() - 1], date.getYear());
    }

    /** The unit code printed in letter numbers for an office {@code PP.KK.CC}. */
    public static String unitOf(String office) {
        return office == null || office.isBlank() ? "KEC" : "KEC-" + office.replace(".", "");
    }

    static LocalDate date(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate();
    }
}
