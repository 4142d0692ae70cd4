package id.rekam.core.coverage;

import id.rekam.core.audit.AuditActions;
import id.rekam.core.auth.AuthException;
import id.rekam.core.auth.Role;
import id.rekam.core.crypto.StationKeys;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.TestStores;
import id.rekam.core.verdict.ServerVerdict;
import id.rekam.fixtures.DemoRecords;
import id.rekam.fixtures.EnrollmentBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CoverageTest {

    private static final String SUKAMAJU = "32.76.01.1001";
    private static final String TAPOS = "32.76.01.1002";

    @TempDir
    Path dir;

    private final TestStores.MutableClock clock = new TestStores.MutableClock(Instant.parse("2026-11-24T02:00:00Z"));
    private StationStore store;
    private Coverage coverage;
    private final DemoRecords sukamaju = new DemoRecords(1, SUKAMAJU, TestStores.STATION);
    private final DemoRecords tapos = new DemoRecords(2, TAPOS, TestStores.STATION);

    @BeforeEach
    void open() {
        store = TestStores.create(dir.resolve("station"), TestStores.fastOptions(clock));
        store.operators().createFirstSupervisor("spv", "rahasia-spv".toCharArray());
        store.operators().createAccount("spv", "op1", Role.OPERATOR, "rahasia-op1".toCharArray());
        coverage = new Coverage(store, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String capture(DemoRecords where, String operator) {
        clock.advance(Duration.ofMinutes(2));
        return store.saveEnrollment(EnrollmentBuilder.from(where.next()).operatorId(operator).build()).packetId();
    }

    private void deliver(String packetId) {
        store.outbox().approve(List.of(packetId), "spv");
        store.outbox().enqueue(List.of(packetId), "spv");
        store.outbox().acknowledgeUpload(packetId, URI.create("https://pusat.example/v1/uploads/" + packetId), "sync");
    }

    @Test
    void ownTallyCountsRecordedDeliveredAcceptedAndDuplicatePerKelurahanDayAndOperator() {
        String a = capture(sukamaju, "op1");
        String b = capture(sukamaju, "op1");
        capture(tapos, "spv");
        clock.advance(Duration.ofDays(1));
        String d = capture(sukamaju, "op1");
        deliver(a);
        deliver(b);
        deliver(d);
        store.verdicts().applyAccepted(Map.of(a, new ServerVerdict.Accepted(clock.instant(), List.of())), "sync");
        store.verdicts().apply(b, new ServerVerdict.Duplicate(clock.instant(), ServerVerdict.MatchedBy.NIK,
                new ServerVerdict.OtherRecord("00000000-0000-4000-8000-000000000001", "ST-1", "32.76.01",
                        "3276014101900001", false, clock.instant()), List.of(), null), "sync");

        Tally t = coverage.ownTally();
        assertThat(t.stationId()).isEqualTo(TestStores.STATION);
        LocalDate day1 = LocalDate.of(2026, 11, 24);
        LocalDate day2 = LocalDate.of(2026, 11, 25);
        assertThat(t.rows()).containsExactlyInAnyOrder(
                new Tally.Row(SUKAMAJU, day1, "op1", 2, 2, 1, 1),
                new Tally.Row(TAPOS, day1, "spv", 1, 0, 0, 0),
                new Tally.Row(SUKAMAJU, day2, "op1", 1, 1, 0, 0));
        assertThat(Tally.fromJson(t.toJson())).isEqualTo(t);
    }

    @Test
    void reportComparesTheTeamWithTheTargetsPerKelurahanDayAndMember() throws Exception {
        coverage.importTargets(TargetsCsv.parse(new StringReader(
                "kode_wilayah;nama;wajib_ktp\n" + SUKAMAJU + ";Sukamaju;1.000\n" + TAPOS + ";Tapos;500\n")),
                "csv:targets.csv", "spv");
        capture(sukamaju, "op1");
        capture(tapos, "op1");
        Tally member = new Tally(Tally.FORMAT, "ST-32760101-02", clock.instant(), List.of(
                new Tally.Row(SUKAMAJU, LocalDate.of(2026, 11, 23), "op2", 40, 40, 38, 1),
                new Tally.Row(SUKAMAJU, LocalDate.of(2026, 11, 24), "op2", 8, 0, 0, 0)));
        assertThat(coverage.mergeTeamTally(member)).isTrue();
        Tally older = new Tally(Tally.FORMAT, "ST-32760101-02", clock.instant().minusSeconds(60), List.of());
        assertThat(coverage.mergeTeamTally(older)).as("an older tally changes nothing").isFalse();
        assertThat(coverage.mergeTeamTally(coverage.ownTally())).as("our own tally is not a team member's").isFalse();

        CoverageReport r = coverage.report(LocalDate.of(2026, 11, 24));
        assertThat(r.stations()).containsExactly(TestStores.STATION, "ST-32760101-02");
        assertThat(r.totalTarget()).isEqualTo(1_500);
        assertThat(r.total()).isEqualTo(new Counts(50, 40, 38, 1));
        CoverageReport.VillageLine s = r.villages().get(0);
        assertThat(s.villageName()).isEqualTo("Sukamaju");
        assertThat(s.target()).isEqualTo(1_000);
        assertThat(s.counts().recorded()).isEqualTo(49);
        assertThat(s.today().recorded()).isEqualTo(9);
        assertThat(s.percentRecorded()).isEqualTo(4.9);
        assertThat(r.days()).extracting(CoverageReport.DayLine::day)
                .containsExactly(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 24));
        assertThat(r.members()).extracting(m -> m.stationId() + "/" + m.operator() + "=" + m.counts().recorded())
                .containsExactly("ST-32760101-01/op1=2", "ST-32760101-02/op2=48");
        assertThat(store.auditTrail(1, 1000)).anyMatch(e -> e.action().equals(AuditActions.COVERAGE_TARGETS_IMPORTED));
    }

    @Test
    void onlyASupervisorImportsTargets() throws Exception {
        List<Target> t = List.of(new Target(SUKAMAJU, "Sukamaju", 10));
        assertThatThrownBy(() -> coverage.importTargets(t, "csv", "op1")).isInstanceOf(AuthException.class);
        assertThat(coverage.targets()).isEmpty();
        coverage.importTargets(t, "csv", "spv");
        assertThat(coverage.targets()).containsExactly(new Target(SUKAMAJU, "Sukamaju", 10));
    }

    @Test
    void aBadCsvIsRefusedWholeNamingEveryLine() {
        assertThatThrownBy(() -> TargetsCsv.parse(new StringReader(
                SUKAMAJU + ",Sukamaju,100\n32.76.01,Kecamatan,5\n" + SUKAMAJU + ",lagi,3\n" + TAPOS + ",Tapos,banyak\n")))
                .isInstanceOfSatisfying(TargetsCsv.BadTargets.class, e -> assertThat(e.problems()).containsExactly(
                        "line 2: '32.76.01' is not a kelurahan/desa code like 32.76.01.1001",
                        "line 3: 32.76.01.1001 appears twice",
                        "line 4: 'banyak' is not a whole number"));
    }

    @Test
    void signedTargetsAreImportedOnlyWithThePinnedKeysSignature() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
        KeyPair server = g.generateKeyPair();
        KeyPair other = g.generateKeyPair();
        byte[] data = new SignedTargets(SignedTargets.KIND, 1, "32.76.01", clock.instant(),
                List.of(new Target(SUKAMAJU, "Sukamaju", 1_057))).toJson();
        ReferenceDataVerifier pinned = new Ed25519ReferenceVerifier(server.getPublic());

        assertThatThrownBy(() -> coverage.importSigned(data, sign(other, data), pinned, "sync"))
                .isInstanceOf(SignedTargets.Refused.class).hasMessageContaining("not signed");
        byte[] changed = new String(data, java.nio.charset.StandardCharsets.UTF_8).replace("1057", "10")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> coverage.importSigned(changed, sign(server, data), pinned, "sync"))
                .isInstanceOf(SignedTargets.Refused.class);
        assertThat(coverage.targets()).isEmpty();

        coverage.importSigned(data, sign(server, data), pinned, "sync");
        assertThat(coverage.targets()).containsExactly(new Target(SUKAMAJU, "Sukamaju", 1_057));
        assertThat(StationKeys.verify(server.getPublic(), Ed25519ReferenceVerifier.signingInput(data),
                sign(server, data))).isTrue();
    }

    private static byte[] sign(KeyPair k, byte[] data) throws Exception {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(k.getPrivate());
        s.update(Ed25519ReferenceVerifier.signingInput(data));
        return s.sign();
    }
}
