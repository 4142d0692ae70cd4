package id.rekam.app.ports;

import id.rekam.core.cases.CasePeriodReport;
import id.rekam.core.cases.Cases;
import id.rekam.core.cases.Invitation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * KTP ganda cases on the unlocked store. {@link #cases()} is station-core's case service itself:
 * the rules (two people to close a case, the in-person match, letters and deadlines) live there,
 * once; this port adds only what the desk prints, on the office's letterhead.
 */
public interface CaseService {

    Cases cases();

    /**
     * Opens the cases that wait on this station's own store, once per unlock: supervisors' overrides,
     * verdicts already applied, and case entries the sync service kept while the store was locked (a
     * mobile team unlocks offline for days; no sync pass would take them).
     */
    void takeWaiting();

    ZoneId zone();

    /**
     * Invitation letters, one page each, in memory (they name citizens; never written to disk).
     *
     * @param districtCode the office's kecamatan now ({@code PP.KK.CC}): its letterhead
     */
    byte[] letters(List<Invitation> letters, String districtCode);

    /** The period report for the Dinas, dated {@code printedAt}. */
    byte[] report(CasePeriodReport report, String districtCode, Instant printedAt);

    /** The office's unit code in letter numbers, e.g. {@code KEC-327601}. */
    String letterUnit(String districtCode);

    /** A kelurahan's name from its code (the bundled Kemendagri list); the code itself when unknown. */
    String villageName(String villageCode);
}
