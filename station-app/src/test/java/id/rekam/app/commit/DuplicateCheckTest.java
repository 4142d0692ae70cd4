package id.rekam.app.commit;

import id.rekam.app.AppConfig;
import id.rekam.app.adapters.store.CoreOpenStore;
import id.rekam.app.adapters.store.CoreStoreGateway;
import id.rekam.app.ports.OpenStore;
import id.rekam.app.ports.Operator;
import id.rekam.app.ports.RecordStatus;
import id.rekam.app.testing.SyntheticRecords;
import id.rekam.app.testing.TestStation;
import id.rekam.core.auth.AuthException;
import id.rekam.core.commit.DuplicateOverride;
import id.rekam.core.commit.ReviewFindings;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.domain.Nik;
import id.rekam.core.identification.DuplicatePolicy;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.StoreException;
import id.rekam.devices.fingerprint.synth.SyntheticPeople;
import id.rekam.fixtures.DemoRecords;
import id.rekam.fixtures.EnrollmentBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The local duplicate check and the commit flow on the real encrypted store and the station's
 * real fingerprint index, with SIMULATED prints SourceAFIS reads: a re-enrolment is a possible
 * duplicate only a supervisor overrides, fingers enrolled in another order and records with too
 * many exceptions wait for a supervisor's review (enforced by the store), and every committed
 * record is found by the next check.
 */
class DuplicateCheckTest {

    @TempDir
    Path dir;
    OpenStore store;
    DemoRecords demo;
    CommitFlow flow;
    Operator operator;
    Operator supervisor;

    @BeforeEach
    void open() throws Exception {
        store = new CoreStoreGateway(dir, TestStation.STATION_ID, TestStation.fastStore())
                .unlock(TestStation.PASSPHRASE.toCharArray());
        demo = new DemoRecords(7, "32.76.01.1008", TestStation.STATION_ID);
        supervisor = store.operators().createFirstSupervisor("spv1", "sandi-spv-1".toCharArray());
        raw().operators().createAccount("spv1", "op1", id.rekam.core.auth.Role.OPERATOR, "sandi-op-1".toCharArray());
        operator = store.operators().login("op1", "sandi-op-1".toCharArray()).orElseThrow();
        flow = flow(AppConfig.ApprovalMode.END_OF_DAY);
    }

    private CommitFlow flow(AppConfig.ApprovalMode mode) {
        return new CommitFlow(store.records(), store.operators(),
                new DuplicateCheck(store.records(), store.identification()), mode);
    }

    private StationStore raw() {
        return ((CoreOpenStore) store).store();
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Person {@code person}'s fingers at visit {@code visit}, with a demo citizen's biodata, recorded by op1. */
    EnrollmentRecord person(long person, int visit) {
        return SyntheticRecords.person(demo.next(), operator.id(), person, visit);
    }

    @Test
    void aNewPersonIsClearAndCommitsWaitingForApprovalAndIsFoundByTheNextCheck() throws Exception {
        EnrollmentRecord r = person(1, 0);
        assertThat(flow.check(r)).isInstanceOf(DuplicateCheck.Clear.class);
        assertThat(flow.commit(r, operator, null)).isEqualTo(RecordStatus.WAITING_APPROVAL);
        assertThat(store.records().waitingApproval()).extracting(s -> s.id()).containsExactly(r.id());
        // Committed a moment ago, already in the index: the same person again is caught.
        assertThat(flow.check(person(1, 1))).isInstanceOf(DuplicateCheck.PossibleDuplicate.class);
        assertThat(flow.check(person(2, 0))).isInstanceOf(DuplicateCheck.Clear.class);
    }

    @Test
    void theSameNikIsBlockedWithTheExistingRecord() throws Exception {
        EnrollmentRecord first = person(3, 0);
        flow.commit(first, operator, null);
        EnrollmentRecord sameNik = EnrollmentBuilder.from(person(4, 0)).nik(first.demographics().nik()).build();
        var result = flow.check(sameNik);
        assertThat(result).isInstanceOf(DuplicateCheck.SameNik.class);
        assertThat(((DuplicateCheck.SameNik) result).existing().id()).isEqualTo(first.id());
    }

    @Test
    void aReenrolmentIsAPossibleDuplicateShownWithItsFingerScoresThatOnlyASupervisorOverrides() throws Exception {
        EnrollmentRecord first = person(5, 0);
        flow.commit(first, operator, null);
        EnrollmentRecord twin = EnrollmentBuilder.from(person(5, 1)).nik(Nik.of("3276010101900009"))
                .fullName("ORANG LAIN").build();
        List<DuplicateCheck.Candidate> seen = new CopyOnWriteArrayList<>();
        var result = flow.check(twin, new DuplicateCheck.Progress() {
            @Override
            public void candidate(DuplicateCheck.Candidate c) {
                seen.add(c);
            }
        });
        assertThat(result).isInstanceOf(DuplicateCheck.PossibleDuplicate.class);
        DuplicateCheck.Candidate candidate = ((DuplicateCheck.PossibleDuplicate) result).candidates().get(0);
        assertThat(candidate.id()).isEqualTo(first.id());
        assertThat(candidate.fullName()).isEqualTo(first.demographics().fullName());
        assertThat(candidate.match().samePositionMatches()).isGreaterThanOrEqualTo(DuplicatePolicy.DEFAULT.fingersToMatch());
        assertThat(candidate.match().matches()).allSatisfy(m -> assertThat(m.score())
                .isGreaterThanOrEqualTo(DuplicatePolicy.DEFAULT.scoreThreshold()));
        assertThat(seen).as("reported while the check ran").extracting(DuplicateCheck.Candidate::id).contains(first.id());

        // The store's commit policy refuses, whatever the screen let through; nothing is saved.
        assertThatThrownBy(() -> flow.commit(twin, operator, new CommitFlow.Override(operator, "kembar")))
                .isInstanceOf(AuthException.class);
        assertThatThrownBy(() -> flow.commit(twin, operator, new CommitFlow.Override(supervisor, " ")))
                .isInstanceOf(StoreException.class);
        assertThat(store.records().load(twin.id())).isEmpty();
        flow.commit(twin, operator, new CommitFlow.Override(supervisor, "kembar identik, sudah dicek KK"));
        assertThat(raw().auditTrail(0, 500)).anySatisfy(a -> {
            assertThat(a.action()).isEqualTo("DUPLICATE_OVERRIDE");
            assertThat(a.actor()).isEqualTo("spv1");
            assertThat(a.subject()).isEqualTo(twin.id().value());
        });
        assertThat(raw().captures().override(twin.id()))
                .contains(new DuplicateOverride("spv1", "kembar identik, sudah dicek KK"));
    }

    /** Issue 12: the same hands with the fingers in another order and a new NIK no longer pass. */
    @Test
    void fingersEnrolledInAnotherOrderAreCaughtAndTheRecordWaitsForASupervisorsReview() throws Exception {
        EnrollmentRecord first = person(6, 0);
        flow.commit(first, operator, null);
        EnrollmentRecord rotated = SyntheticRecords.with(demo.next(), operator.id(),
                SyntheticPeople.rotated(SyntheticRecords.PEOPLE.prints(6, 1)));

        var result = flow.check(rotated);
        assertThat(result).isInstanceOf(DuplicateCheck.NeedsReview.class);
        DuplicateCheck.NeedsReview review = (DuplicateCheck.NeedsReview) result;
        assertThat(review.findings().reasons()).containsExactly(ReviewFindings.Reason.CROSS_POSITION);
        assertThat(review.candidates()).first().satisfies(c -> {
            assertThat(c.id()).isEqualTo(first.id());
            assertThat(c.match().verdict()).isEqualTo(DuplicatePolicy.Verdict.NEEDS_REVIEW);
            assertThat(c.match().samePositionMatches()).isZero();
            FingerPosition[] all = FingerPosition.values();
            assertThat(c.match().matches()).hasSizeGreaterThanOrEqualTo(DuplicatePolicy.DEFAULT
                    .crossPositionFingersToMatch()).allSatisfy(m ->
                    assertThat(all[(m.stored().ordinal() + 1) % all.length]).isEqualTo(m.probe()));
        });

        // Saved to be reviewed later: it waits, and no approval passes without a supervisor's note.
        assertThat(flow.commit(rotated, operator, review, null)).isEqualTo(RecordStatus.WAITING_REVIEW);
        assertThat(store.records().waitingApproval()).filteredOn(s -> s.id().equals(rotated.id()))
                .singleElement().satisfies(s -> assertThat(s.status()).isEqualTo(RecordStatus.WAITING_REVIEW));
        assertThatThrownBy(() -> store.records().approve(List.of(rotated.id()), supervisor))
                .isInstanceOf(StoreException.class);
        store.records().approve(List.of(rotated.id()), supervisor, "jari tertukar saat perekaman; orang berbeda, KK dicek");
        assertThat(store.records().summary(rotated.id()).orElseThrow().status()).isEqualTo(RecordStatus.WAITING_SYNC);
        assertThat(raw().captures().review(rotated.id()).orElseThrow().findings().candidates())
                .extracting(ReviewFindings.Candidate::recordId).containsExactly(first.id().value());
    }

    @Test
    void aSupervisorReviewingAtTheDeskSavesTheRecordReviewed() throws Exception {
        flow.commit(person(7, 0), operator, null);
        EnrollmentRecord rotated = SyntheticRecords.with(demo.next(), operator.id(),
                SyntheticPeople.rotated(SyntheticRecords.PEOPLE.prints(7, 1)));
        DuplicateCheck.NeedsReview review = (DuplicateCheck.NeedsReview) flow.check(rotated);
        assertThatThrownBy(() -> flow.commit(rotated, operator, review, new CommitFlow.Review(operator, "sudah dicek")))
                .isInstanceOf(AuthException.class);
        assertThat(flow.commit(rotated, operator, review, new CommitFlow.Review(supervisor, "saudara kembar, KK dicek")))
                .isEqualTo(RecordStatus.WAITING_APPROVAL);
        store.records().approve(List.of(rotated.id()), supervisor);
        assertThat(store.records().summary(rotated.id()).orElseThrow().status()).isEqualTo(RecordStatus.WAITING_SYNC);
    }

    @Test
    void aRecordWithMoreExceptionsThanAllowedWaitsForReviewEvenIfTheDeskIgnoresTheCheck() throws Exception {
        int allowed = DuplicatePolicy.DEFAULT.maxExceptions();
        EnrollmentRecord hidden = SyntheticRecords.with(demo.next(), operator.id(),
                SyntheticPeople.first(SyntheticRecords.PEOPLE.prints(8, 0), 10 - allowed - 1));
        var result = flow.check(hidden);
        assertThat(result).isInstanceOf(DuplicateCheck.NeedsReview.class);
        assertThat(((DuplicateCheck.NeedsReview) result).findings().reasons())
                .containsExactly(ReviewFindings.Reason.TOO_MANY_EXCEPTIONS);
        // A desk that commits it as if the check were clear still gets a record waiting for review.
        assertThat(flow.commit(hidden, operator, null)).isEqualTo(RecordStatus.WAITING_REVIEW);
        assertThat(raw().captures().awaitingReview(hidden.id())).isTrue();
        // Even a supervisor at a per-record desk does not approve it at commit.
        EnrollmentRecord bySupervisor = SyntheticRecords.with(demo.next(), supervisor.id(),
                SyntheticPeople.first(SyntheticRecords.PEOPLE.prints(9, 0), 10 - allowed - 1));
        assertThat(flow(AppConfig.ApprovalMode.PER_RECORD).commit(bySupervisor, supervisor, null))
                .isEqualTo(RecordStatus.WAITING_REVIEW);
    }

    @Test
    void aSupervisorsOwnRecordAtThePerRecordDeskWaitsForAnotherSupervisor() {
        // Self-approval is off unless the station turns it on (core CommitPolicy; SelfApprovalTest).
        CommitFlow perRecord = flow(AppConfig.ApprovalMode.PER_RECORD);
        EnrollmentRecord r = EnrollmentBuilder.from(demo.next()).operatorId(supervisor.id()).build();
        assertThat(perRecord.commit(r, supervisor, null)).isEqualTo(RecordStatus.WAITING_APPROVAL);
        assertThat(store.records().search(r.demographics().nik().value(), 5)).singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo(RecordStatus.WAITING_APPROVAL));
        assertThat(store.records().counters(java.time.LocalDate.now(), java.time.ZoneId.systemDefault())
                .waitingSync()).isZero();
    }
}
