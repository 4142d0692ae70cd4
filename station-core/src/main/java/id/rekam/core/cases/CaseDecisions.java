package id.rekam.core.cases;

import id.rekam.core.auth.AuthException;
import id.rekam.core.auth.Operator;
import id.rekam.core.cards.VoidedRecordCards;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.store.StationStore;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Outcomes, two people to a case: an operator prepares (in person: the citizen's finger matched
 * 1:1 against the record that stays, or a supervisor's exception), a supervisor confirms or
 * refuses. Confirming closes the case, sends its {@code case.outcome} event through the outbox
 * once, and puts the voided record's cards on the destruction list, all in one transaction.
 */
public final class CaseDecisions {

    private final StationStore store;
    private final CaseReader reader;
    private final LocalRecords local;
    private final InPersonMatch matcher = new InPersonMatch();

    CaseDecisions(StationStore store, CaseReader reader, LocalRecords local) {
        this.store = store;
        this.reader = reader;
        this.local = local;
    }

    /**
     * @throws CaseException the case is not open, the request does not fit the outcome, the finger
     *                       did not match (the attempt is audited), the exception is not a
     *                       supervisor's; nothing is prepared then
     */
    public PreparedOutcome prepare(String caseId, OutcomeRequest request, String actor) {
        String operator = Objects.requireNonNull(actor, "actor").strip();
        CaseFile f = store.read(tx -> reader.file(tx, CaseRows.require(tx, caseId)));
        if (f.state() != CaseState.OPEN && f.state() != CaseState.INVITED) {
            throw new CaseException("case.wrongState", caseId, f.state());
        }
        String note = CasePolicy.note(request.note(), false);
        String kept = null;
        String voided = null;
        InPersonCheck check = null;
        switch (request.outcome()) {
            case NO_SHOW -> requireTwoMissedLetters(f);
            case SAME_PERSON -> {
                kept = f.record(requireRecord(request.kept(), caseId)).registrationId();
                voided = f.other(kept).registrationId();
                if (request.voidReason() == null) {
                    throw new CaseException("case.voidReasonRequired");
                }
                check = inPerson(f, f.record(kept), request, operator);
            }
            case DIFFERENT_PEOPLE -> {
                kept = f.record(requireRecord(request.kept(), caseId)).registrationId();
                check = inPerson(f, f.record(kept), request, operator);
            }
        }
        PreparedOutcome p = new PreparedOutcome(request.outcome(), kept, voided,
                request.outcome() == Outcome.SAME_PERSON ? request.voidReason() : null, note, check,
                request.outcome() == Outcome.SAME_PERSON && request.cardSurrendered(), operator, null);
        return store.inTransaction(tx -> {
            CaseRows.Row r = CaseRows.require(tx, caseId);
            Instant now = tx.clock().instant();
            PreparedOutcome stamped = new PreparedOutcome(p.outcome(), p.kept(), p.voided(), p.voidReason(), p.note(),
                    p.check(), p.cardSurrendered(), operator, now);
            CaseRows.move(tx, r, CaseState.AWAITING_CONFIRMATION, now.plus(CasePolicy.TO_CONFIRM));
            CaseRows.update(tx, "UPDATE cases SET outcome = ?, prepared = ?, prepared_by = ?, prepared_at = ? WHERE id = ?",
                    p.outcome().name(), CaseSeals.seal(tx, stamped, caseId, CaseSeals.PREPARED), operator,
                    now.toEpochMilli(), caseId);
            Map<String, Object> audit = new LinkedHashMap<>();
            audit.put("outcome", p.outcome().name());
            if (p.check() != null) {
                audit.put("method", p.check().method().name());
                audit.put("score", Math.round(p.check().score() * 10) / 10.0);
            }
            CaseRows.history(tx, caseId, operator, CaseAction.PREPARED, p.outcome().name()
                    + (p.voidReason() == null ? "" : " " + p.voidReason().name()) + (note == null ? "" : ": " + note), audit);
            return stamped;
        });
    }

    private static String requireRecord(String id, String caseId) {
        if (id == null || id.isBlank()) {
            throw new CaseException("case.keptRequired", caseId);
        }
        return id.strip();
    }

    private static void requireTwoMissedLetters(CaseFile f) {
        long missed = f.invitations().stream().filter(Invitation::noShow).count();
        if (missed < CasePolicy.MAX_INVITATIONS) {
            throw new CaseException("case.noShowNeedsTwoLetters", CasePolicy.MAX_INVITATIONS, missed);
        }
    }

    /** The 1:1 match of the live finger against the record that stays, or the supervisor's exception. */
    private InPersonCheck inPerson(CaseFile f, CaseRecord kept, OutcomeRequest request, String operator) {
        Map<FingerPosition, byte[]> enrolled = local.templates(kept);
        if (request.exception() == null) {
            InPersonMatch.Result r = matcher.verify(request.probeTemplate(), enrolled);
            if (!r.matched()) {
                store.inTransaction(tx -> {
                    CaseRows.history(tx, f.id(), operator, CaseAction.MATCH_FAILED, kept.registrationId(),
                            Map.of("record", kept.registrationId(), "score", Math.round(r.score() * 10) / 10.0));
                    return null;
                });
                throw new CaseException("case.noMatch", Math.round(r.score()), Math.round(r.threshold()));
            }
            return new InPersonCheck(InPersonCheck.Method.FINGERPRINT, kept.registrationId(), r.score(), r.threshold(),
                    r.finger(), null, null);
        }
        OutcomeRequest.SupervisorException e = request.exception();
        Operator who = authenticate(e.supervisor(), e.password());
        String reason = CasePolicy.requireException(operator, who.username(), who.role(), e.reason());
        double score = 0;
        FingerPosition finger = null;
        if (request.probeTemplate() != null && !enrolled.isEmpty()) {
            try {
                InPersonMatch.Result r = matcher.verify(request.probeTemplate(), enrolled);
                score = r.score();
                finger = r.finger();
            } catch (CaseException unusable) {
                // the exception is for exactly this: a finger that cannot be matched
            }
        }
        return new InPersonCheck(InPersonCheck.Method.SUPERVISOR_EXCEPTION, kept.registrationId(), score,
                InPersonMatch.threshold(), finger, who.username(), reason);
    }

    private Operator authenticate(String supervisor, char[] password) {
        String who = supervisor == null ? "" : supervisor.strip();
        if (who.isEmpty()) {
            throw new CaseException("case.supervisorRequired", who);
        }
        try {
            return store.operators().login(who, password == null ? new char[0] : password);
        } catch (AuthException e) {
            throw new CaseException("case.supervisorAuthFailed", who);
        }
    }

    /**
     * A supervisor who did not prepare the outcome confirms it: the case closes (or is escalated,
     * for a no-show), the event goes into the outbox, the voided record's cards are retired.
     */
    public CaseFile confirm(String caseId, String supervisor, char[] password) {
        Operator who = authenticate(supervisor, password);
        store.inTransaction(tx -> {
            CaseRows.Row r = CaseRows.require(tx, caseId);
            if (r.state() != CaseState.AWAITING_CONFIRMATION) {
                throw new CaseException("case.nothingToConfirm", caseId);
            }
            CasePolicy.requireConfirmer(r.preparedBy(), who.username(), who.role());
            CaseFile f = reader.file(tx, r);
            PreparedOutcome p = f.prepared();
            Instant now = tx.clock().instant();
            List<VoidedRecordCards.Retired> cards = p.voided() == null ? List.of()
                    : VoidedRecordCards.retire(tx, p.voided(), p.cardSurrendered(), who.username());
            CaseState to = p.outcome() == Outcome.NO_SHOW ? CaseState.ESCALATED : CaseState.CLOSED;
            String eventId = tx.event(CaseEvents.OUTCOME, CaseEvents.outcome(f, p, who.username(), now, cards),
                    who.username());
            // Before the move: once CLOSED the row is final (trigger cases_closed_final).
            CaseRows.update(tx, "UPDATE cases SET closed_by = ?, closed_at = ?, event_id = ? WHERE id = ?",
                    who.username(), now.toEpochMilli(), eventId, caseId);
            CaseRows.move(tx, r, to, now);
            for (VoidedRecordCards.Retired c : cards) {
                CaseRows.history(tx, caseId, who.username(), CaseAction.CARD_RETIRED, c.serial() + " " + c.action(),
                        Map.of("serial", c.serial(), "action", c.action().name()));
            }
            CaseRows.history(tx, caseId, who.username(), to == CaseState.ESCALATED ? CaseAction.ESCALATED
                    : CaseAction.CLOSED, p.outcome().name(), Map.of("outcome", p.outcome().name(), "event", eventId,
                    "preparedBy", p.preparedBy()));
            return null;
        });
        return store.read(tx -> reader.file(tx, CaseRows.require(tx, caseId)));
    }

    /** A supervisor refuses the prepared outcome, with a reason; the case goes back to where it was. */
    public CaseFile refuse(String caseId, String supervisor, char[] password, String reason) {
        Operator who = authenticate(supervisor, password);
        String why = CasePolicy.note(reason, true);
        store.inTransaction(tx -> {
            CaseRows.Row r = CaseRows.require(tx, caseId);
            if (r.state() != CaseState.AWAITING_CONFIRMATION) {
                throw new CaseException("case.nothingToConfirm", caseId);
            }
            CasePolicy.requireConfirmer(r.preparedBy(), who.username(), who.role());
            boolean invited = InvitationRows.count(tx, caseId) > 0;
            Instant now = tx.clock().instant();
            CaseRows.move(tx, r, invited ? CaseState.INVITED : CaseState.OPEN, now.plus(CasePolicy.TO_FIRST_INVITATION));
            CaseRows.update(tx, "UPDATE cases SET outcome = NULL, prepared = NULL, prepared_by = NULL, "
                    + "prepared_at = NULL WHERE id = ?", caseId);
            CaseRows.history(tx, caseId, who.username(), CaseAction.REFUSED, why,
                    Map.of("outcome", r.outcome() == null ? "-" : r.outcome().name(), "preparedBy", r.preparedBy()));
            return null;
        });
        return store.read(tx -> reader.file(tx, CaseRows.require(tx, caseId)));
    }
}
