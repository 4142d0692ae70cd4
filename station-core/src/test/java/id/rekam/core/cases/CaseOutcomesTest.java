package id.rekam.core.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekam.core.cards.BatchCard;
import id.rekam.core.cards.BatchReceipt;
import id.rekam.core.cards.Card;
import id.rekam.core.cards.CardFixtures;
import id.rekam.core.cards.CardRegistry;
import id.rekam.core.cards.CardState;
import id.rekam.core.cards.DestructionCategory;
import id.rekam.core.cards.DestructionRecord;
import id.rekam.core.cards.DestructionRegister;
import id.rekam.core.cards.HandOverRequest;
import id.rekam.core.cards.HandOverService;
import id.rekam.core.cards.HolderKind;
import id.rekam.core.outbox.OutboxEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outcomes with who and when: the in-person 1:1 match (or a supervisor's exception), two people to
 * close a case, the event exactly once, the voided record's card on the destruction list, letters
 * and no-shows, a refused outcome going back.
 */
class CaseOutcomesTest {

    @TempDir
    Path dir;
    CaseFixtures f;

    @BeforeEach
    void open() {
        f = new CaseFixtures(dir);
    }

    @AfterEach
    void close() {
        f.store.close();
    }

    private List<OutboxEvent> outcomeEvents() {
        return f.store.events().pending(1_000).stream().filter(e -> e.type().equals("case.outcome")).toList();
    }

    @Test
    void samePersonNeedsTheMatchAgainstTheRecordThatStaysThenASecondPersonWhoIsASupervisor() throws Exception {
        CaseFile c = f.overrideCase();
        String kept = c.second().registrationId();
        String voided = c.first().registrationId();

        // The wrong finger: refused, audited with its score, nothing prepared.
        assertThatThrownBy(() -> f.cases.decisions().prepare(c.id(),
                OutcomeRequest.samePerson(kept, VoidReason.MOVED_AWAY, null, CardFixtures.Prints.NONMATCHING), "op1"))
                .isInstanceOf(CaseException.class).extracting(e -> ((CaseException) e).messageKey())
                .isEqualTo("case.noMatch");
        assertThat(f.cases.find(c.id()).orElseThrow().state()).isEqualTo(CaseState.OPEN);
        assertThat(f.count("SELECT count(*) FROM audit_log WHERE action = 'CASE_MATCH_FAILED'")).isEqualTo(1);
        // Same person needs a reason why the other record goes.
        assertThatThrownBy(() -> f.cases.decisions().prepare(c.id(),
                OutcomeRequest.samePerson(kept, null, null, CardFixtures.Prints.PROBE), "op1"))
                .hasMessageContaining("alasan");

        PreparedOutcome p = f.cases.decisions().prepare(c.id(), OutcomeRequest.samePerson(kept, VoidReason.MOVED_AWAY,
                "pindah dari Bekasi", CardFixtures.Prints.PROBE), "op1");
        assertThat(p.voided()).isEqualTo(voided);
        assertThat(p.check().method()).isEqualTo(InPersonCheck.Method.FINGERPRINT);
        assertThat(p.preparedBy()).isEqualTo("op1");
        assertThat(p.preparedAt()).isEqualTo(CaseFixtures.START.plus(Duration.ofMinutes(5)));
        assertThat(outcomeEvents()).isEmpty();

        // Two people close a case: the preparer may not, an operator may not, a wrong password may not.
        assertThatThrownBy(() -> f.cases.decisions().confirm(c.id(), "op1", CaseFixtures.OP))
                .extracting(e -> ((CaseException) e).messageKey()).isEqualTo("case.supervisorRequired");
        assertThatThrownBy(() -> f.cases.decisions().confirm(c.id(), "spv", "salah".toCharArray()))
                .extracting(e -> ((CaseException) e).messageKey()).isEqualTo("case.supervisorAuthFailed");
        assertThat(outcomeEvents()).isEmpty();

        f.clock.advance(Duration.ofMinutes(30));
        CaseFile closed = f.cases.decisions().confirm(c.id(), "spv", CaseFixtures.SPV);
        assertThat(closed.state()).isEqualTo(CaseState.CLOSED);
        assertThat(closed.closedBy()).isEqualTo("spv");
        assertThat(closed.closedAt()).isEqualTo(CaseFixtures.START.plus(Duration.ofMinutes(35)));
        assertThat(closed.history()).extracting(HistoryEntry::action)
                .containsSubsequence(CaseAction.OPENED, CaseAction.MATCH_FAILED, CaseAction.PREPARED, CaseAction.CLOSED);

        // Exactly one event, which names records and people by id only.
        List<OutboxEvent> events = outcomeEvents();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).id()).isEqualTo(closed.eventId());
        JsonNode payload = new ObjectMapper().readTree(events.get(0).jsonPayload());
        assertThat(payload.get("outcome").asText()).isEqualTo("same-person");
        assertThat(payload.get("kept").asText()).isEqualTo(kept);
        assertThat(payload.get("voided").asText()).isEqualTo(voided);
        assertThat(payload.get("voidReason").asText()).isEqualTo("moved-away");
        assertThat(payload.get("inPerson").get("method").asText()).isEqualTo("fingerprint");
        assertThat(payload.get("preparedBy").asText()).isEqualTo("op1");
        assertThat(payload.get("confirmedBy").asText()).isEqualTo("spv");
        assertThat(events.get(0).jsonPayload()).doesNotContain(c.first().nik(), c.first().fullName(), "Bekasi");

        // Confirming again is refused and adds nothing; a closed case is final in the database itself.
        assertThatThrownBy(() -> f.cases.decisions().confirm(c.id(), "spv2", CaseFixtures.SPV2))
                .extracting(e -> ((CaseException) e).messageKey()).isEqualTo("case.nothingToConfirm");
        assertThat(outcomeEvents()).hasSize(1);
        assertThatThrownBy(() -> f.store.inTransaction(tx -> CaseRows.update(tx,
                "UPDATE cases SET outcome = 'NO_SHOW' WHERE id = ?", c.id()))).hasMessageContaining("final");
    }

    @Test
    void theSupervisorWhoPreparedMayNotConfirmAndARefusalSendsTheCaseBack() {
        CaseFile c = f.overrideCase();
        f.cases.decisions().prepare(c.id(), OutcomeRequest.differentPeople(c.second().registrationId(),
                "kembar identik, KK berbeda", CardFixtures.Prints.PROBE), "spv");
        assertThatThrownBy(() -> f.cases.decisions().confirm(c.id(), "spv", CaseFixtures.SPV))
                .extracting(e -> ((CaseException) e).messageKey()).isEqualTo("case.samePerson");
        assertThatThrownBy(() -> f.cases.decisions().refuse(c.id(), "spv2", CaseFixtures.SPV2, " "))
                .extracting(e -> ((CaseException) e).messageKey()).isEqualTo("case.reasonRequired");

        CaseFile back = f.cases.decisions().refuse(c.id(), "spv2", CaseFixtures.SPV2, "periksa KK kedua warga");
        assertThat(back.state()).isEqualTo(CaseState.OPEN);
        assertThat(back.prepared()).isNull();
        assertThat(back.history().get(back.history().size() - 1).detail()).isEqualTo("periksa KK kedua warga");
        assertThat(outcomeEvents()).isEmpty();
    }

    @Test
    void differentPeopleKeepBothRecordsAndThePairIsNeverRaisedAgain() {
        CaseFile c = f.overrideCase();
        f.cases.decisions().prepare(c.id(), OutcomeRequest.differentPeople(c.first().registrationId(), null,
                CardFixtures.Prints.PROBE), "op1");
        CaseFile closed = f.cases.decisions().confirm(c.id(), "spv2", CaseFixtures.SPV2);
        assertThat(closed.state()).isEqualTo(CaseState.CLOSED);
        assertThat(closed.prepared().voided()).isNull();

        // The server raises the same pair later: it joins the closed case, no new case, still closed.
        CaseIntake.Result again = f.cases.intake().fromVerdict(c.second().registrationId(), "duplicate",
                CaseIntakeTest.duplicate(c.first().registrationId(), c.first().nik(), false));
        assertThat(again.status()).isEqualTo(CaseIntake.Status.RAISED_AGAIN);
        assertThat(again.caseId()).isEqualTo(c.id());
        assertThat(f.count("SELECT count(*) FROM cases")).isEqualTo(1);
        assertThat(f.cases.find(c.id()).orElseThrow().state()).isEqualTo(CaseState.CLOSED);
        assertThat(f.cases.list(true)).isEmpty();
    }

    @Test
    void aSupervisorsExceptionStandsInForAMatchThatCannotBeMadeButNotTheOperatorsOwn() {
        CaseFile c = f.overrideCase();
        OutcomeRequest worn = OutcomeRequest.samePerson(c.second().registrationId(), VoidReason.RECORDED_TWICE, null,
                CardFixtures.Prints.NONMATCHING);
        assertThatThrownBy(() -> f.cases.decisions().prepare(c.id(), worn.withException(
                new OutcomeRequest.SupervisorException("spv", CaseFixtures.SPV, "jari aus, cocokkan foto")), "spv"))
                .extracting(e -> ((CaseException) e).messageKey()).isEqualTo("case.exceptionByOperator");
        assertThatThrownBy(() -> f.cases.decisions().prepare(c.id(), worn.withException(
                new OutcomeRequest.SupervisorException("spv", CaseFixtures.SPV, " ")), "op1"))
                .extracting(e -> ((CaseException) e).messageKey()).isEqualTo("case.reasonRequired");

        PreparedOutcome p = f.cases.decisions().prepare(c.id(), worn.withException(
                new OutcomeRequest.SupervisorException("spv", CaseFixtures.SPV, "jari aus, cocokkan foto dan KK")), "op1");
        assertThat(p.check().method()).isEqualTo(InPersonCheck.Method.SUPERVISOR_EXCEPTION);
        assertThat(p.check().supervisor()).isEqualTo("spv");
        assertThat(p.check().reason()).isEqualTo("jari aus, cocokkan foto dan KK");
        assertThat(p.check().score()).isLessThan(InPersonMatch.threshold());
    }

    @Test
    void theVoidedRecordsCardsEnterTheDestructionRegisterAsDuplicates() {
        CaseFile c = f.overrideCase();
        String voided = c.first().registrationId();
        CardRegistry cards = new CardRegistry(f.store);
        String ownerNik = c.first().nik();
        cards.receiveBatch(new BatchReceipt("B-1", 2, List.of(BatchCard.of("KTP-V-0001", ownerNik),
                BatchCard.of("KTP-V-0002", null)), "petugas", "saksi"));
        f.store.inTransaction(tx -> CaseRows.update(tx, "UPDATE cards SET record_id = ? WHERE serial = 'KTP-V-0001'", voided));
        cards.assign("KTP-V-0001", HolderKind.DESK, "Meja 1", "spv");
        new HandOverService(f.store).handOver(new HandOverRequest("KTP-V-0001", "op1", CardFixtures.Prints.PROBE,
                new byte[] {1}, new byte[] {2}));
        assertThat(cards.require("KTP-V-0001").state()).isEqualTo(CardState.HANDED_OVER);

        f.cases.decisions().prepare(c.id(), OutcomeRequest.samePerson(c.second().registrationId(),
                VoidReason.MOVED_AWAY, null, CardFixtures.Prints.PROBE).withCardSurrendered(), "op1");
        CaseFile closed = f.cases.decisions().confirm(c.id(), "spv", CaseFixtures.SPV);

        Card card = cards.require("KTP-V-0001");
        assertThat(card.state()).isEqualTo(CardState.INVALID);
        assertThat(new DestructionRegister(f.store).pending()).containsExactly(
                new DestructionRecord.Item("KTP-V-0001", DestructionCategory.DUPLICATE));
        assertThat(cards.history("KTP-V-0001")).extracting(m -> m.to())
                .containsSubsequence(CardState.HANDED_OVER, CardState.RETURNED, CardState.INVALID);
        assertThat(cards.require("KTP-V-0002").state()).isEqualTo(CardState.IN_STOCK);
        assertThat(closed.history()).extracting(HistoryEntry::action).contains(CaseAction.CARD_RETIRED);
        assertThat(f.store.events().pending(1_000)).extracting(OutboxEvent::type).contains("card.destruction.registered");
    }

    @Test
    void twoLettersThenNoShowIsEscalatedAfterConfirmation() {
        CaseFile c = f.overrideCase();
        Instant tomorrow = CaseFixtures.START.plus(Duration.ofDays(1));
        assertThatThrownBy(() -> f.cases.decisions().prepare(c.id(), OutcomeRequest.noShow(null), "op1"))
                .extracting(e -> ((CaseException) e).messageKey()).isEqualTo("case.noShowNeedsTwoLetters");
        assertThatThrownBy(() -> f.cases.invitations().invite(c.id(),
                new InvitationRequest(CaseFixtures.START.minusSeconds(60), "Kantor Kecamatan", "KEC-327601"), "op1"))
                .extracting(e -> ((CaseException) e).messageKey()).isEqualTo("case.appointmentPast");

        Invitation first = f.cases.invitations().invite(c.id(),
                new InvitationRequest(tomorrow, "Kantor Kecamatan Cimanggis, ruang pelayanan", "KEC-327601"), "op1");
        assertThat(first.round()).isEqualTo(1);
        assertThat(first.letterNumber()).isEqualTo("470/0001/KEC-327601/XI/2026");
        assertThat(first.addressee()).isEqualTo(c.second().fullName());
        assertThat(first.address()).contains(c.second().address().street());
        assertThat(f.cases.find(c.id()).orElseThrow().deadline()).isEqualTo(tomorrow.plus(CasePolicy.AFTER_APPOINTMENT));
        assertThatThrownBy(() -> f.cases.invitations().invite(c.id(), new InvitationRequest(tomorrow, "x", "K"), "op1"))
                .extracting(e -> ((CaseException) e).messageKey()).isEqualTo("case.invitationPending");
        assertThatThrownBy(() -> f.cases.invitations().recordNoShow(c.id(), "op1"))
                .extracting(e -> ((CaseException) e).messageKey()).isEqualTo("case.noShowTooEarly");

        f.clock.advance(Duration.ofDays(2));
        assertThat(f.cases.invitations().recordNoShow(c.id(), "op1").noShow()).isTrue();
        Invitation second = f.cases.invitations().invite(c.id(),
                new InvitationRequest(CaseFixtures.START.plus(Duration.ofDays(9)), "Kantor Kecamatan", "KEC-327601"), "op1");
        assertThat(second.round()).isEqualTo(2);
        assertThat(second.letterNumber()).isEqualTo("470/0002/KEC-327601/XI/2026");
        f.clock.advance(Duration.ofDays(8));
        f.cases.invitations().recordNoShow(c.id(), "op1");
        assertThatThrownBy(() -> f.cases.invitations().invite(c.id(),
                new InvitationRequest(CaseFixtures.START.plus(Duration.ofDays(20)), "x", "K"), "op1"))
                .extracting(e -> ((CaseException) e).messageKey()).isEqualTo("case.noMoreInvitations");

        f.cases.decisions().prepare(c.id(), OutcomeRequest.noShow("dua undangan tidak dihadiri"), "op1");
        CaseFile escalated = f.cases.decisions().confirm(c.id(), "spv", CaseFixtures.SPV);
        assertThat(escalated.state()).isEqualTo(CaseState.ESCALATED);
        assertThat(escalated.invitations()).extracting(Invitation::noShow).containsExactly(true, true);
        assertThat(outcomeEvents()).singleElement().satisfies(e -> assertThat(e.jsonPayload())
                .contains("\"outcome\":\"no-show\"", "470/0001/KEC-327601/XI/2026", "470/0002/KEC-327601/XI/2026"));
    }

    @Test
    void aKelurahanBatchInvitesEveryCaseWaitingForALetterInTimeSlots() {
        CaseFile a = f.overrideCase();
        CaseFile b = f.overrideCase();
        assertThat(b.villageCode()).isEqualTo(a.villageCode());
        assertThat(f.cases.invitations().invitable(a.villageCode())).hasSize(2);
        Instant nine = CaseFixtures.START.plus(Duration.ofDays(3));
        List<Invitation> letters = f.cases.invitations().inviteVillage(a.villageCode(),
                new InvitationRequest(nine, "Balai Kelurahan", "KEC-327601", Duration.ofMinutes(20)), "op1");
        assertThat(letters).extracting(Invitation::appointment).containsExactly(nine, nine.plus(Duration.ofMinutes(20)));
        assertThat(letters).extracting(Invitation::letterNumber).doesNotHaveDuplicates();
        assertThat(f.cases.invitations().invitable(a.villageCode())).isEmpty();
        assertThat(f.cases.list(true)).extracting(CaseSummary::state).containsOnly(CaseState.INVITED);
    }
}
