package id.rekam.core.cases;

import id.rekam.core.cards.CardFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Open cases by age and kelurahan for the home screen; the period report's figures for the Dinas. */
class CaseReportsTest {

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

    @Test
    void openCasesByAgeAndKelurahanThenThePeriodsFigures() {
        CaseFile old = f.overrideCase();
        f.clock.advance(Duration.ofDays(20));
        CaseFile mid = f.overrideCase();
        f.clock.advance(Duration.ofDays(20));
        CaseFile fresh = f.overrideCase();
        f.pin();
        f.cases.feed().accept(f.assignment("srv-1", f.store.stationId(), CaseFeedTest.A, CaseFeedTest.B,
                CaseFeedTest.NIK));

        OpenCases open = f.cases.openCases();
        assertThat(open.total()).isEqualTo(4);
        assertThat(open.byAge()).containsEntry(OpenCases.AgeBand.WEEK, 2).containsEntry(OpenCases.AgeBand.MONTH, 1)
                .containsEntry(OpenCases.AgeBand.OLDER, 1);
        assertThat(open.byVillage()).containsEntry(old.villageCode(), 3).containsEntry("33.10.21.2007", 1);
        assertThat(open.byVillage().keySet().iterator().next()).isEqualTo(old.villageCode());
        // Past the two weeks for a first letter: the two older ones, and the assignment past the server's date.
        assertThat(open.overdue()).isEqualTo(3);

        // Close one as the same person, one as different people, escalate one no-show.
        f.cases.decisions().prepare(old.id(), OutcomeRequest.samePerson(old.second().registrationId(),
                VoidReason.RECORDED_TWICE, null, CardFixtures.Prints.PROBE), "op1");
        f.cases.decisions().confirm(old.id(), "spv", CaseFixtures.SPV);
        f.cases.decisions().prepare(mid.id(), OutcomeRequest.differentPeople(mid.first().registrationId(), null,
                CardFixtures.Prints.PROBE), "op1");
        f.cases.decisions().confirm(mid.id(), "spv", CaseFixtures.SPV);
        for (int round = 0; round < 2; round++) {
            f.cases.invitations().invite(fresh.id(), new InvitationRequest(f.clock.instant().plus(Duration.ofDays(1)),
                    "Kantor Kecamatan", "KEC-327601"), "op1");
            f.clock.advance(Duration.ofDays(2));
            f.cases.invitations().recordNoShow(fresh.id(), "op1");
        }
        f.cases.decisions().prepare(fresh.id(), OutcomeRequest.noShow(null), "op1");
        f.cases.decisions().confirm(fresh.id(), "spv", CaseFixtures.SPV);
        assertThat(f.cases.openCases().total()).isEqualTo(1);

        LocalDate from = LocalDate.ofInstant(CaseFixtures.START, f.cases.zone());
        LocalDate to = LocalDate.ofInstant(f.clock.instant(), f.cases.zone());
        CasePeriodReport r = f.cases.period(from, to);
        assertThat(r.openedTotal()).isEqualTo(4);
        assertThat(r.opened()).containsEntry(CaseSource.STATION_OVERRIDE, 3).containsEntry(CaseSource.SERVER_ASSIGNED, 1);
        assertThat(r.closed()).containsEntry(Outcome.SAME_PERSON, 1).containsEntry(Outcome.DIFFERENT_PEOPLE, 1)
                .containsEntry(Outcome.NO_SHOW, 1);
        assertThat(r.voided()).containsEntry(VoidReason.RECORDED_TWICE, 1).containsEntry(VoidReason.MOVED_AWAY, 0);
        assertThat(r.letters()).isEqualTo(2);
        assertThat(r.escalated()).singleElement().satisfies(e -> {
            assertThat(e.caseId()).isEqualTo(fresh.id());
            assertThat(e.citizen()).isEqualTo(fresh.second().fullName());
            assertThat(e.nikShown()).contains("******");
            assertThat(e.letterNumbers()).hasSize(2);
        });
        assertThat(r.stillOpen().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
        // A period before anything happened is empty.
        CasePeriodReport before = f.cases.period(from.minusDays(10), from.minusDays(1));
        assertThat(before.openedTotal()).isZero();
        assertThat(before.closedTotal()).isZero();
        assertThatThrownBy(() -> f.cases.period(to, from)).isInstanceOf(CaseException.class);
    }
}
