package id.rekam.core.cases;

import java.time.Instant;

/**
 * A letter (surat undangan) inviting the citizen to the office: its number, when it was issued and
 * by whom, the appointment, where, to whom and which address it went to, and whether the
 * citizen failed to come.
 */
public record Invitation(String caseId, int round, String letterNumber, Instant issuedAt, String issuedBy,
                         Instant appointment, String place, String addressee, String address, Instant noShowAt,
                         String noShowBy) {

    public boolean noShow() {
        return noShowAt != null;
    }

    /** Never prints the addressee or the address. */
    @Override
    public String toString() {
        return "Invitation[" + caseId + " #" + round + ", " + letterNumber + "]";
    }
}
