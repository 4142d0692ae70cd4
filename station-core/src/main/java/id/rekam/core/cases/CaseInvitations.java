package id.rekam.core.cases;

import id.rekam.core.store.StationStore;
import id.rekam.core.store.StoreTransaction;
import id.rekam.core.text.DeskTimes;

import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Letters to the citizen: the first invitation, a second one after a no-show, a batch for every
 * case of a kelurahan, the no-show itself. Each letter gets the office's next number and is
 * recorded in its case with the appointment; the letter's text and PDF are station-reports'.
 */
public final class CaseInvitations {

    private final StationStore store;
    private final CaseReader reader;

    CaseInvitations(StationStore store, CaseReader reader) {
        this.store = store;
        this.reader = reader;
    }

    /**
     * Invites the citizen of a case: the first letter of an open case, or the second after the
     * first was missed.
     *
     * @throws CaseException closed, waiting for a supervisor, already invited and not missed, both
     *                       letters sent, or an appointment in the past
     */
    public Invitation invite(String caseId, InvitationRequest request, String actor) {
        return store.inTransaction(tx -> invite(tx, CaseRows.require(tx, caseId), request, request.appointment(), actor));
    }

    /**
     * One letter for every case of a kelurahan that is waiting for one (open, or first letter
     * missed), appointments {@code slot} apart from {@code appointment}, in one transaction.
     */
    public List<Invitation> inviteVillage(String villageCode, InvitationRequest request, String actor) {
        return store.inTransaction(tx -> {
            List<Invitation> out = new ArrayList<>();
            Instant at = request.appointment();
            for (CaseRows.Row r : CaseRows.select(tx, "WHERE village_code = ? AND state IN ('OPEN', 'INVITED') "
                    + "ORDER BY opened_at, id", villageCode)) {
                if (invitable(tx, r)) {
                    out.add(invite(tx, r, request, at, actor));
                    at = at.plus(request.slot());
                }
            }
            return out;
        });
    }

    /** Cases of a kelurahan a batch would invite now. */
    public List<CaseSummary> invitable(String villageCode) {
        return store.read(tx -> {
            List<CaseSummary> out = new ArrayList<>();
            for (CaseRows.Row r : CaseRows.select(tx, "WHERE village_code = ? AND state IN ('OPEN', 'INVITED') "
                    + "ORDER BY opened_at, id", villageCode)) {
                if (invitable(tx, r)) {
                    out.add(CaseReader.summaryOf(tx, r));
                }
            }
            return out;
        });
    }

    private static boolean invitable(StoreTransaction tx, CaseRows.Row r) throws SQLException {
        List<Invitation> sent = InvitationRows.of(tx, r.id());
        return sent.isEmpty() || (sent.size() < CasePolicy.MAX_INVITATIONS && sent.get(sent.size() - 1).noShow());
    }

    private Invitation invite(StoreTransaction tx, CaseRows.Row r, InvitationRequest request, Instant appointment,
                              String actor) throws SQLException {
        if (r.state() != CaseState.OPEN && r.state() != CaseState.INVITED) {
            throw new CaseException("case.wrongState", r.id(), r.state());
        }
        List<Invitation> sent = InvitationRows.of(tx, r.id());
        if (sent.size() >= CasePolicy.MAX_INVITATIONS) {
            throw new CaseException("case.noMoreInvitations", CasePolicy.MAX_INVITATIONS);
        }
        if (!sent.isEmpty() && !sent.get(sent.size() - 1).noShow()) {
            throw new CaseException("case.invitationPending", sent.get(sent.size() - 1).letterNumber());
        }
        Instant now = tx.clock().instant();
        if (!appointment.isAfter(now)) {
            throw new CaseException("case.appointmentPast");
        }
        String place = CasePolicy.note(request.place(), true);
        ZoneId zone = store.zone();
        int number = InvitationRows.nextNumber(tx, CasePolicy.date(now, zone).getYear());
        String letter = CasePolicy.letterNumber(number, request.unit(), CasePolicy.date(now, zone));
        CaseFile file = reader.file(tx, r);
        CaseRecord citizen = file.citizen();
        Invitation i = new Invitation(r.id(), sent.size() + 1, letter, now, actor, appointment, place,
                citizen.fullName(), Addressing.lines(citizen.address()), null, null);
        InvitationRows.insert(tx, i);
        CaseRows.move(tx, r, CaseState.INVITED, appointment.plus(CasePolicy.AFTER_APPOINTMENT));
        CaseRows.history(tx, r.id(), actor, CaseAction.INVITED, "#" + i.round() + " " + letter + ", "
                        + DeskTimes.format(appointment, zone),
                Map.of("round", i.round(), "letter", letter, "appointment", appointment.toString()));
        return i;
    }

    /**
     * The citizen did not come to the last appointment. After the first letter a second may follow;
     * after the second the desk prepares the no-show outcome.
     *
     * @throws CaseException no letter waiting, or its appointment has not passed yet
     */
    public Invitation recordNoShow(String caseId, String actor) {
        return store.inTransaction(tx -> {
            CaseRows.Row r = CaseRows.require(tx, caseId);
            List<Invitation> sent = InvitationRows.of(tx, caseId);
            if (r.state() != CaseState.INVITED || sent.isEmpty() || sent.get(sent.size() - 1).noShow()) {
                throw new CaseException("case.noInvitationWaiting", caseId);
            }
            Invitation last = sent.get(sent.size() - 1);
            Instant now = tx.clock().instant();
            if (now.isBefore(last.appointment())) {
                throw new CaseException("case.noShowTooEarly", last.letterNumber());
            }
            InvitationRows.noShow(tx, caseId, last.round(), actor);
            CaseRows.move(tx, r, CaseState.INVITED, now.plus(last.round() < CasePolicy.MAX_INVITATIONS
                    ? CasePolicy.TO_FIRST_INVITATION : CasePolicy.TO_CONFIRM));
            CaseRows.history(tx, caseId, actor, CaseAction.NO_SHOW, last.letterNumber(),
                    Map.of("round", last.round(), "letter", last.letterNumber()));
            return InvitationRows.of(tx, caseId).get(last.round() - 1);
        });
    }

    /** Records that a letter was printed (again): who printed which number, when. */
    public void printed(List<Invitation> letters, String actor) {
        store.inTransaction(tx -> {
            for (Invitation i : letters) {
                CaseRows.history(tx, i.caseId(), actor, CaseAction.LETTER_PRINTED, i.letterNumber(),
                        Map.of("round", i.round(), "letter", i.letterNumber()));
            }
            return null;
        });
    }
}
