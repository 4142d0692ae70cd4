package id.rekam.app.commit;

import id.rekam.app.AppConfig;
import id.rekam.app.adapters.store.CoreStoreGateway;
import id.rekam.app.ports.OpenStore;
import id.rekam.app.ports.Operator;
import id.rekam.app.ports.RecordStatus;
import id.rekam.app.testing.EqualityMatcher;
import id.rekam.app.testing.TestStation;
import id.rekam.core.auth.AuthException;
import id.rekam.core.commit.DuplicateOverride;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.Nik;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.StoreException;
import id.rekam.fixtures.DemoRecords;
import id.rekam.fixtures.EnrollmentBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The local duplicate check and the commit flow on the real encrypted store. */
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
        StationStore raw = ((id.rekam.app.adapters.store.CoreOpenStore) store).store();
        raw.operators().createAccount("spv1", "op1", id.rekam.core.auth.Role.OPERATOR, "sandi-op-1".toCharArray());
        operator = store.operators().login("op1", "sandi-op-1".toCharArray()).orElseThrow();
        flow = new CommitFlow(store.records(), store.operators(),
                new DuplicateCheck(store.records(), new EqualityMatcher()), AppConfig.ApprovalMode.END_OF_DAY);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** A demo record as {@code who} would have recorded it at this desk. */
    static EnrollmentRecord by(Operator who, EnrollmentRecord r) {
        return EnrollmentBuilder.from(r).operatorId(who.id()).build();
    }

    static EnrollmentRecord sameFingers(EnrollmentRecord r, String otherNik) {
        return EnrollmentBuilder.from(r).newId().nik(Nik.of(otherNik)).fullName("ORANG LAIN").build();
    }

    @Test
    void aNewPersonIsClearAndCommitsWaitingForApproval() {
        EnrollmentRecord r = by(operator, demo.next());
        assertThat(flow.check(r)).isInstanceOf(DuplicateCheck.Clear.class);
        assertThat(flow.commit(r, operator, null)).isEqualTo(RecordStatus.WAITING_APPROVAL);
        assertThat(store.records().waitingApproval()).extracting(s -> s.id()).containsExactly(r.id());
    }

    @Test
    void theSameNikIsBlockedWithTheExistingRecord() {
        EnrollmentRecord first = by(operator, demo.next());
        flow.commit(first, operator, null);
        EnrollmentRecord again = EnrollmentBuilder.from(first).newId().demographics(demo.next().demographics())
                .fingerprints(demo.next().fingerprints()).operatorId("op1").build();
        EnrollmentRecord sameNik = EnrollmentBuilder.from(again).nik(first.demographics().nik()).build();
        var result = flow.check(sameNik);
        assertThat(result).isInstanceOf(DuplicateCheck.SameNik.class);
        assertThat(((DuplicateCheck.SameNik) result).existing().id()).isEqualTo(first.id());
    }

    @Test
    void matchingFingersAreAPossibleDuplicateThatOnlyASupervisorOverridesWithAReason() {
        EnrollmentRecord first = by(operator, demo.next());
        flow.commit(first, operator, null);
        EnrollmentRecord twin = by(operator, sameFingers(first, "3276010101900009"));
        var result = flow.check(twin);
        assertThat(result).isInstanceOf(DuplicateCheck.PossibleDuplicate.class);
        var candidate = ((DuplicateCheck.PossibleDuplicate) result).candidates().get(0);
        assertThat(candidate.record().id()).isEqualTo(first.id());
        assertThat(candidate.matchingFingers()).isGreaterThanOrEqualTo(DuplicateCheck.MIN_MATCHING_FINGERS);

        // The store's commit policy refuses, whatever the screen let through; nothing is saved.
        assertThatThrownBy(() -> flow.commit(twin, operator, new CommitFlow.Override(operator, "kembar")))
                .isInstanceOf(AuthException.class);
        assertThatThrownBy(() -> flow.commit(twin, operator, new CommitFlow.Override(supervisor, " ")))
                .isInstanceOf(StoreException.class);
        assertThat(store.records().load(twin.id())).isEmpty();
        flow.commit(twin, operator, new CommitFlow.Override(supervisor, "kembar identik, sudah dicek KK"));

        StationStore raw = ((id.rekam.app.adapters.store.CoreOpenStore) store).store();
        assertThat(raw.auditTrail(0, 200)).anySatisfy(a -> {
            assertThat(a.action()).isEqualTo("DUPLICATE_OVERRIDE");
            assertThat(a.actor()).isEqualTo("spv1");
            assertThat(a.subject()).isEqualTo(twin.id().value());
            assertThat(a.details()).isEqualTo("{\"operator\":\"op1\"}");
        });
        // The reason is kept sealed with the record, not in the audit trail.
        assertThat(raw.captures().override(twin.id()))
                .contains(new DuplicateOverride("spv1", "kembar identik, sudah dicek KK"));
    }

    @Test
    void aSupervisorsOwnRecordAtThePerRecordDeskWaitsForAnotherSupervisor() {
        // Self-approval is off unless the station turns it on (core CommitPolicy; SelfApprovalTest).
        CommitFlow perRecord = new CommitFlow(store.records(), store.operators(),
                new DuplicateCheck(store.records(), new EqualityMatcher()), AppConfig.ApprovalMode.PER_RECORD);
        EnrollmentRecord r = by(supervisor, demo.next());
        assertThat(perRecord.commit(r, supervisor, null)).isEqualTo(RecordStatus.WAITING_APPROVAL);
        assertThat(store.records().search(r.demographics().nik().value(), 5)).singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo(RecordStatus.WAITING_APPROVAL));
        assertThat(store.records().counters(java.time.LocalDate.now(), java.time.ZoneId.systemDefault())
                .waitingSync()).isZero();
    }
}
