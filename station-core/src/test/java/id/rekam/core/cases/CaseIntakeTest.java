package id.rekam.core.cases;

import id.rekam.core.domain.FingerPosition;
import id.rekam.core.domain.Nik;
import id.rekam.core.store.RecordSummary;
import id.rekam.core.verdict.ServerVerdict;
import id.rekam.core.cards.CardFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Cases from every source, one list; each source taken once, each pair one case ever. */
class CaseIntakeTest {

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

    static ServerVerdict.Duplicate duplicate(String otherId, String nik, boolean masked) {
        return new ServerVerdict.Duplicate(Instant.parse("2026-11-25T04:00:00Z"), ServerVerdict.MatchedBy.FINGERPRINT,
                new ServerVerdict.OtherRecord(otherId, "ST-337105-0002", "33.71.05", nik, masked,
                        Instant.parse("2026-10-01T02:00:00Z")),
                List.of(new ServerVerdict.FingerScore(FingerPosition.RIGHT_INDEX, 151.2, true),
                        new ServerVerdict.FingerScore(FingerPosition.LEFT_INDEX, 9.5, false)), 40.0);
    }

    @Test
    void aSupervisorsOverrideOpensACaseOnceWithBothRecordsHeldHere() {
        CaseFixtures.Pair pair = f.overriddenPair();

        List<CaseIntake.Result> first = f.cases.takeLocalSources();
        assertThat(first).extracting(CaseIntake.Result::status).containsExactly(CaseIntake.Status.OPENED);
        assertThat(f.cases.takeLocalSources()).isEmpty();

        CaseFile c = f.cases.find(first.get(0).caseId()).orElseThrow();
        assertThat(c.source()).isEqualTo(CaseSource.STATION_OVERRIDE);
        assertThat(c.state()).isEqualTo(CaseState.OPEN);
        assertThat(c.first().registrationId()).isEqualTo(pair.firstId());
        assertThat(c.second().registrationId()).isEqualTo(pair.secondId());
        assertThat(c.first().holding()).isEqualTo(CaseRecord.Holding.HELD);
        assertThat(c.first().photo()).isNotEmpty();
        assertThat(c.fingers()).extracting(ServerVerdict.FingerScore::score).containsExactly(88.4);
        assertThat(c.deadline()).isEqualTo(c.openedAt().plus(CasePolicy.TO_FIRST_INVITATION));
        assertThat(c.history()).extracting(HistoryEntry::action).containsExactly(CaseAction.OPENED);
        assertThat(c.villageCode()).isEqualTo(pair.second().demographics().address().villageCode());
        // Same person twice: the biodata agree, nothing to highlight.
        assertThat(c.differences()).isEmpty();
        assertThat(f.count("SELECT count(*) FROM audit_log WHERE action = 'CASE_OPENED' AND subject = ?", c.id()))
                .isEqualTo(1);
    }

    @Test
    void serverVerdictsOfEveryCaseKindOpenCasesAndTheSamePairJoinsTheExistingCase() {
        String ours = f.recorded(CardFixtures.Prints.PROBE).id().value();
        String theirs = "5f0c9a52-8a9e-4d43-9d7b-1f6a3c2b9e10";

        CaseIntake.Result dup = f.cases.intake().fromVerdict(ours, "duplicate", duplicate(theirs, "3310214505900001", false));
        assertThat(dup.status()).isEqualTo(CaseIntake.Status.OPENED);
        // A re-read feed page: nothing new.
        assertThat(f.cases.intake().fromVerdict(ours, "duplicate", duplicate(theirs, "3310214505900001", false)).status())
                .isEqualTo(CaseIntake.Status.ALREADY_TAKEN);
        // "needs-review" (the identification engine's kind) is taken the same way, generically: same pair, same case.
        CaseIntake.Result review = f.cases.intake().fromVerdict(ours, "needs-review",
                duplicate(theirs, "331021******0001", true));
        assertThat(review.status()).isEqualTo(CaseIntake.Status.RAISED_AGAIN);
        assertThat(review.caseId()).isEqualTo(dup.caseId());
        assertThat(f.cases.intake().fromVerdict(ours, "rejected", duplicate(theirs, null, true)).status())
                .isEqualTo(CaseIntake.Status.REFUSED);

        CaseFile c = f.cases.find(dup.caseId()).orElseThrow();
        assertThat(c.raisedBy()).extracting(CaseFile.Raised::reason).containsExactly("duplicate", "needs-review");
        assertThat(c.first().holding()).isEqualTo(CaseRecord.Holding.NOT_HELD);
        assertThat(c.first().stationId()).isEqualTo("ST-337105-0002");
        assertThat(c.first().nikShown()).isEqualTo("331021******0001");
        assertThat(c.second().holding()).isEqualTo(CaseRecord.Holding.HELD);
        assertThat(c.matchThreshold()).isEqualTo(40.0);
        assertThat(f.cases.list(true)).hasSize(1);
    }

    @Test
    void aReviewVerdictOpensOneCasePerEarlierRecordItNamesAndAnExceptionsOnlyReviewNone() {
        String ours = f.recorded(CardFixtures.Prints.PROBE).id().value();
        String a = "5f0c9a52-8a9e-4d43-9d7b-1f6a3c2b9e10";
        String b = "6a1d0b63-9b0f-4e54-8e08-2a7b4d3c0f21";
        com.fasterxml.jackson.databind.node.ObjectNode entry = new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode();
        entry.put("at", "2026-11-25T04:00:00Z");
        entry.putArray("reasons").add("cross-position");
        entry.put("exceptions", 0);
        entry.put("matchThreshold", 60.0);
        for (String other : List.of(a, b)) {
            var c = entry.withArray("candidates").addObject();
            c.putObject("record").put("packetId", other).put("stationId", "ST-337105-0002")
                    .put("office", "33.71.05").put("nik", "331021******0001").put("nikMasked", true);
            c.putArray("fingers").addObject().put("position", 2).put("storedPosition", 7)
                    .put("score", 88.0).put("matched", true);
        }

        List<CaseIntake.Result> opened = f.cases.intake().fromVerdictEntry(ours, "needs-review", entry);
        assertThat(opened).extracting(CaseIntake.Result::status)
                .containsExactly(CaseIntake.Status.OPENED, CaseIntake.Status.OPENED);
        assertThat(f.cases.intake().fromVerdictEntry(ours, "needs-review", entry)).extracting(CaseIntake.Result::status)
                .containsOnly(CaseIntake.Status.ALREADY_TAKEN);
        assertThat(f.cases.list(true)).hasSize(2).allSatisfy(s -> assertThat(s.reason()).isEqualTo("needs-review"));
        CaseFile c = f.cases.find(opened.get(0).caseId()).orElseThrow();
        assertThat(c.first().registrationId()).isEqualTo(a);
        assertThat(c.second().registrationId()).isEqualTo(ours);
        assertThat(c.fingers()).extracting(ServerVerdict.FingerScore::score).containsExactly(88.0);
        // The stored verdict is taken again at unlock: nothing new.
        assertThat(f.cases.intake().fromStoredVerdicts()).isEmpty();

        com.fasterxml.jackson.databind.node.ObjectNode onlyExceptions = new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode();
        onlyExceptions.putArray("reasons").add("too-many-exceptions");
        onlyExceptions.put("exceptions", 8);
        onlyExceptions.putArray("candidates");
        assertThat(f.cases.intake().fromVerdictEntry(ours, "needs-review", onlyExceptions))
                .singleElement().satisfies(r -> {
                    assertThat(r.status()).isEqualTo(CaseIntake.Status.REFUSED);
                    assertThat(r.detail()).isEqualTo("no-other-record");
                });
        assertThat(f.cases.list(true)).hasSize(2);
    }

    @Test
    void aVerdictForARecordThisStationDoesNotHoldOpensNothing() {
        CaseIntake.Result r = f.cases.intake().fromVerdict("0b7a1d52-0000-4000-8000-000000000001", "duplicate",
                duplicate("5f0c9a52-8a9e-4d43-9d7b-1f6a3c2b9e10", "3310214505900001", false));
        assertThat(r.status()).isEqualTo(CaseIntake.Status.REFUSED);
        assertThat(r.detail()).isEqualTo("unknown-record");
        assertThat(f.count("SELECT count(*) FROM cases")).isZero();
    }

    @Test
    void aCaseForARecordWhosePayloadWasPurgedShowsWhatIsLeftAndStillMatchesItsTemplates() throws Exception {
        var record = f.recorded(CardFixtures.Prints.MATCHING);
        String ours = record.id().value();
        // One finger printed, nine marked as exceptions: more than the allowance, so the record waits
        // for a supervisor's review (CommitPolicy.review); the supervisor approves it with a review note.
        f.store.captures().approve(List.of(record.id()), "spv",
                "hanya telunjuk kanan terekam; jari lain cacat, diperiksa langsung");
        // Delivered, confirmed, retention over: the payload goes, the summary and the templates stay.
        f.store.outbox().startUpload(ours, java.net.URI.create("https://pusat.example/v1/uploads/" + ours), "sync");
        f.store.verdicts().apply(ours, new ServerVerdict.Accepted(Instant.parse("2026-11-25T04:00:00Z"), List.of()),
                "sync");
        f.clock.advance(java.time.Duration.ofDays(40));
        assertThat(f.store.outbox().purgeConfirmed(java.time.Duration.ofDays(30), "sync")).isEqualTo(1);
        RecordSummary summary = f.store.findSummary(record.id()).orElseThrow();
        assertThat(summary.payloadPurged()).isTrue();

        CaseIntake.Result r = f.cases.intake().fromVerdict(ours, "duplicate",
                duplicate("5f0c9a52-8a9e-4d43-9d7b-1f6a3c2b9e10", summary.nik().value(), false));
        CaseFile c = f.cases.find(r.caseId()).orElseThrow();
        assertThat(c.second().holding()).isEqualTo(CaseRecord.Holding.PURGED);
        assertThat(c.second().photo()).isNull();
        assertThat(c.second().fullName()).isEqualTo(summary.fullName());
        assertThat(c.second().address().villageCode()).isEqualTo(summary.villageCode());
        assertThat(c.differences()).doesNotContain(FieldDifference.ADDRESS, FieldDifference.NIK);

        // The citizen comes: the templates survived the purge, so the 1:1 match works.
        PreparedOutcome p = f.cases.decisions().prepare(c.id(), OutcomeRequest.samePerson(ours, VoidReason.MOVED_AWAY,
                null, CardFixtures.Prints.PROBE), "op1");
        assertThat(p.check().method()).isEqualTo(InPersonCheck.Method.FINGERPRINT);
        assertThat(p.check().score()).isGreaterThanOrEqualTo(InPersonMatch.threshold());
        assertThat(Nik.isWellFormed(summary.nik().value())).isTrue();
    }
}
